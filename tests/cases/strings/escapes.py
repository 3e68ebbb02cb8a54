print("tab:\there")
print("newline:\nnext")
print("backslash: \\ quote: \' dquote: \"")
print("hex: \x41\x42 octal: \101\102 \0end".replace("\0", "<NUL>"))
print("unicode: \u00e9 \u263a \U0001F600")
print(len("\a\b\f\v\r"), [ord(c) for c in "\a\b\f\v\r"])
print("line \
continued")
print(repr("\x00\x1f\x7f"), repr("\t\n\r"))
