# Full Unicode case mappings: casefold's special foldings, titlecase letters,
# and the Final_Sigma rule in lower/capitalize/title/swapcase.
samples = ["ﬁ", "ﬁnnish", "ß", "straße", "ǆemal", "ǅ", "ῼῳῳῳ", "ŉ", "ΰ", "µ", "ſ",
           "AΣ", "AΣb", "A\u0345Σ", "Σ", "ΣΑΣ", "ὈΔΥΣΣΕΎΣ", "A\u03a3 \u1fa1xy",
           "aΙΣ", "\U00010400\U00010428", "hello WORLD", "iİı"]
for s in samples:
    print(ascii(s), ascii(s.casefold()), ascii(s.lower()), ascii(s.capitalize()),
          ascii(s.title()), ascii(s.swapcase()))
for s in ["ǅ", "ǅa", "Aǅ", "ǆ", "Ǆ", "ᾼ", "ᾳ", "ABC", "abc", "ABCǅ"]:
    print(ascii(s), s.isupper(), s.islower(), s.istitle())
# Caseless matching is casefold on both sides.
print("STRASSE".casefold() == "straße".casefold(), "ﬁle".casefold() == "FILE".casefold())
