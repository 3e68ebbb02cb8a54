# coding=ascii
print("é")
