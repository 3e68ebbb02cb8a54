# str.format: in a field name, before any '!' or ':', an index in brackets is
# taken as it is, so '{' and '}' inside it are part of the key; an index left
# open runs to the end of the string.
d = {'a': 1, 'a}b': 2, '}': 3, '': 4, ':': 5, '{': 6, 'a:b': 7, 'a!r': 8, 'x}': 9}
tests = ["{0[}", "{0[}]", "{0[", "{0[a}", "{0[a]", "{0[a]}", "{0[]}", "{0[a}b]}", "{0[:}",
         "{[}", "{a[}x", "{0[{]}", "{0[}]}", "{0[a]x}", "{0[a]!r}", "{0[a:b]}", "{0[a]:>5}",
         "{0[}:}", "{0:[}", "{0[a!r]}", "{0[1][}", "{0!r[}]}", "{0!r[}", "{0:{1[}]}}",
         "{0:[}]}", "{0:{1[x}]}}", "{0[x}]!r}", "{0.a[}]}", "{0.a[}", "{0.[}]}", "{0]}",
         "{0[a]]}", "{0[[]}", "{ [}]}", "x{0[}]}y{1[x}]:>4}z"]
for s in tests:
    try:
        print(repr(s), repr(s.format(d, {'x}': 5, '}': 4}, x=1)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
