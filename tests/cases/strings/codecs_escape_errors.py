# codecs.escape_decode's error handlers, and the DeprecationWarnings of
# unknown escapes and octal escapes past \377 in escape_decode and
# unicode_escape_decode.
import codecs
import warnings

for data, errors in [(rb"[\x]\x", "ignore"), (rb"[\x]\x", "replace"), (rb"[\x0]\x0", "ignore"),
                     (rb"[\x0]\x0", "replace"), (rb"\x", "strict"), (rb"[\x0]", "strict"), (rb"\x0", "bogus"),
                     (b"ab\\", "strict"), (rb"\x41\x4", "ignore")]:
    try:
        print(data, errors, codecs.escape_decode(data, errors))
    except ValueError as e:
        print(data, errors, "ValueError", e)

for decode in (codecs.escape_decode, codecs.unicode_escape_decode):
    for data in [rb"\z", rb"\8", b"\\\xfa", rb"\501", rb"\777", rb"\400x", rb"\377", rb"\x\z" if decode is codecs.escape_decode else rb"\q\z",
                 rb"\z\501", rb"\501\z"]:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            try:
                r = decode(data, "ignore") if decode is codecs.escape_decode else decode(data)
            except Exception as e:
                r = type(e).__name__
        print(decode.__name__, ascii(data), ascii(r), [(x.category.__name__, str(x.message)) for x in w])
