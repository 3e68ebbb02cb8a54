# The codec registry normalizes names as CPython does: ASCII letters and
# digits lowercased, '.' kept, any other run of characters one '_'.
import codecs

seen = []


def search(name):
    seen.append(name)
    return (1, 2, 3, 4) if name == "aaa_8" else None


codecs.register(search)
for name in ["aaa_8", "AAA-8", "AAA---8", "AAA   8", "aaa\xe9\u20ac-8", "-aaa-8-", "AAA.8", "AAA...8", "BBB-8", "a\xe9\u20ac-8"]:
    try:
        print(ascii(name), codecs.lookup(name))
    except LookupError as e:
        print(ascii(name), "LookupError", ascii(str(e)))
print(ascii(seen))
codecs.unregister(search)
for name in ["UTF-8", "utf 8", "Latin-1", "ISO8859-15", "U.T.F-8"]:
    try:
        print(name, codecs.lookup(name).name)
    except LookupError as e:
        print(name, "LookupError", e)
print(codecs.decode(obj=b"\xe4", encoding="latin-1"), codecs.encode(obj="\xe4", encoding="latin-1"))
print(codecs.decode(b"[\xff]", "ascii", errors="ignore"))
for f in (codecs.decode, codecs.encode):
    try:
        f()
    except TypeError as e:
        print(e)
