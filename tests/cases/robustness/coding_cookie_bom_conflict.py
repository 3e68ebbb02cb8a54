# coding: latin-1
print("a BOM says UTF-8")
