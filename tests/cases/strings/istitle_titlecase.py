# str.istitle: a titlecase letter (category Lt: ǅ, ᾈ…) starts a word as an
# uppercase letter does, and may not follow a cased one.
for s in ['ǅ', 'ǅungla', 'ǅUngla', 'aǅ', 'ǅ ǅ', 'ᾈ', 'ᾈα', 'ǈ-ǋ', 'Ǆ', 'ǆ', 'ǅǅ', 'A ǅ b', '']:
    print(repr(s), s.istitle())
