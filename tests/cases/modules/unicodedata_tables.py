# unicodedata against CPython 3.11: checksums of every property of a spread of
# code points (both database versions), of the four normalization forms over
# whole blocks, names and lookups (aliases, named sequences), and the errors.
import hashlib
import unicodedata as u

SAMPLE = [cp for cp in range(0, 0x110000, 37) if not 0xD800 <= cp <= 0xDFFF]
BLOCKS = list(range(0, 0x2000)) + list(range(0x3040, 0x3100)) + list(range(0xAC00, 0xAD00)) \
    + list(range(0xF900, 0xFB50)) + list(range(0x1D15E, 0x1D1C1)) + list(range(0x2F800, 0x2FA1E))


def props(db, c):
    return [db.category(c), db.bidirectional(c), str(db.combining(c)), db.east_asian_width(c),
            str(db.mirrored(c)), db.decomposition(c), str(db.decimal(c, -1)), str(db.digit(c, -1)),
            repr(db.numeric(c, -1)), db.name(c, '')]


for db in (u, u.ucd_3_2_0):
    h = hashlib.sha1()
    for cp in SAMPLE:
        h.update(("|".join(props(db, chr(cp))) + "\n").encode())
    print(db.unidata_version, "properties", h.hexdigest())
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        h = hashlib.sha1()
        normalized = 0
        for cp in BLOCKS:
            n = db.normalize(form, chr(cp))
            normalized += db.is_normalized(form, chr(cp))
            h.update(n.encode())
        print(db.unidata_version, form, h.hexdigest(), normalized)

# names by rule, and back
for cp in [0xAC00, 0xAC01, 0xD7A3, 0x4E00, 0x9FFF, 0x20000, 0x3134A, 0xF900, 0x18B00, 0x1B170]:
    n = u.name(chr(cp))
    print(hex(cp), n, u.lookup(n) == chr(cp))
for s in ["e\u0301\u0327", "\u1e9b\u0323", "\u1100\u1161\u11a8", "A\u030a\u0301", "\u0344", "\ufb01", "\u2460"]:
    print(ascii(s), [ascii(u.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")])
print(ascii(u.lookup("LATIN CAPITAL LETTER GHA")), ascii(u.lookup("KEYCAP NUMBER SIGN")), ascii(u.lookup(b"SNOWMAN")))
print(ascii("\N{LATIN CAPITAL LETTER GHA}\N{BYTE ORDER MARK}\N{HANGUL SYLLABLE GAG}\N{line feed}"))
for f, args in [(u.category, ("ab",)), (u.category, ()), (u.category, (65,)), (u.name, ("\u0378",)),
                (u.name, ("ab",)), (u.decimal, ("a",)), (u.digit, ("a",)), (u.numeric, ("a",)),
                (u.lookup, ("NO SUCH NAME",)), (u.lookup, ("hangul syllable gag",)), (u.lookup, ("x" * 300,)),
                (u.normalize, ("NFX", "a")), (u.normalize, (1, "a")), (u.is_normalized, ("NFC", 1)),
                (u.decimal, ("1", 2, 3)), (u.ucd_3_2_0.lookup, ("LATIN CAPITAL LETTER GHA",)),
                (u.ucd_3_2_0.name, ("\U0001F600",))]:
    try:
        print(ascii(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)
print(u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__, u.UCD.__module__)
print("b\u00fccher.example".encode("idna"), b"xn--bcher-kva.example".decode("idna"))
