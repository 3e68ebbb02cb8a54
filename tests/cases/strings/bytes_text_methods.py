# The ASCII text methods of bytes (CPython's bytes_methods): predicates,
# case changes, padding, partition, prefixes and splitlines, with errors.
samples = [b"", b"abc", b"ABC", b"Hello World", b"hello world", b"a1 b2", b"  \t\n", b"123",
           b"-42", b"+7", b"\xe9t\xe9", b"They're bill's", b"a\r\nb\rc\nd", b"line\n", b"Title Case"]
for b in samples:
    print(b, b.isalnum(), b.isascii(), b.isspace(), b.islower(), b.isupper(), b.istitle())
    print("  ", b.capitalize(), b.swapcase(), b.title())
    print("  ", b.center(9), b.center(10, b"*"), b.ljust(6, b"."), b.rjust(6), b.zfill(6))
    print("  ", b.partition(b"l"), b.rpartition(b"l"), b.removeprefix(b"He"), b.removesuffix(b"ld"))
    print("  ", b.splitlines(), b.splitlines(True), b.splitlines(keepends=True))
print(b"abcabc".rindex(b"b"), b"abcabc".rindex(b"c", 0, 4))
for call in [lambda: b"a".center(5, "x"), lambda: b"a".center(5, b"xy"), lambda: b"a".partition(b""),
             lambda: b"a".partition("a"), lambda: b"abc".rindex(b"z"), lambda: b"a".zfill("3"),
             lambda: b"a".ljust(), lambda: b"a".isalnum(1), lambda: b"a".removeprefix(1)]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
