s = "naïve café 中文 😀"
print(len(s), s[2], s[-1], s[11:13], s.upper())
print([len(w) for w in s.split()], s.find("中"), s.encode("utf-8")[:8])
print("ß".upper(), "ﬁ".upper(), "Σ".lower(), "ΑΣ".lower())
print(chr(0x1F600) == "😀", ord("€"), "\u00e9" == "é")
