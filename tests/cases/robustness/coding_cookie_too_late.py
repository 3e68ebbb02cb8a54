x = 1
# coding: latin-1
# a cookie on line 2 counts only after a comment or blank line 1
print("é")
