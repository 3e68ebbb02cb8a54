# -*- coding: latin-1 -*-
# A Latin-1 file: its coding cookie decides how the bytes are read.
s = "café à ÿ"
print(s, len(s), [hex(ord(c)) for c in s[-5:]])
print("µ" == "\u00b5", ascii(s))
