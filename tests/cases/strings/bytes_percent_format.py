# bytes % args (PEP 461): every conversion, tuples, dicts and the errors.
print(b"%d" % 5, b"%i|%x|%X|%o" % (4, 255, 255, 8), b"%%|%c|%c" % (65, b"B"))
print(b"%s %r %a %b" % (b"s", b"r", "\xe9", b"bb"))
print(b"%f %e %g %.2f %10.3e" % (1.5, 1.5, 1.5, 2.345, 12345.678))
print(b"%(a)s-%(b)d" % {b"a": b"x", b"b": 2})
print(b"%5d|%-5d|%05.1f|%+d|%#x|%#o|% d" % (1, 2, 3.14159, 4, 255, 8, 7))
print(b"%r" % [1, "\xe9"], b"%a" % "\xe9", b"%.2s" % b"abcdef", b"%5s|%-5b|" % (b"ab", b"cd"))
print(b"\xff%s\x80" % b"\x00\xfe", b"%d%%" % 50, b"%*d|%-*d" % (5, 1, 4, 2))
print(b"%s" % memoryview(b"mv") if False else b"%s" % (b"x",), b"%c" % 0, b"%c" % 255)
print(b"%s" % (bytes([1, 2]),), b"%x" % -255, b"%d" % 3.9, b"%d" % True, b"%d" % 10**30)

class B:
    def __bytes__(self):
        return b"from __bytes__"

print(b"<%s>" % B(), b"<%b>" % (B(),))
for fmt, args in [(b"%s", "x"), (b"%s", 3), (b"%d %d", (1,)), (b"%d", (1, 2)), (b"%c", 256), (b"%c", b"ab"),
                  (b"%c", "a"), (b"%d", "x"), (b"%x", 1.5), (b"%f", "x"), (b"%y", 1), (b"%(a)s", (1,)),
                  (b"%(a)s", {b"b": 1}), (b"%", ()), (b"%c", -1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(fmt, type(e).__name__, e)
