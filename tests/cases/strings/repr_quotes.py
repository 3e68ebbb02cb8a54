for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "é ü 中", "\x00\x07", "\\", "", "\u200b", "🎉"]:
    print(repr(s), str(s) == s)
print(["it's", 'a "q"'])
print({"k'": "v\""})
