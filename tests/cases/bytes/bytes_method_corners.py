# bytes methods: split(None, n) keeps the rest as it is, the pad methods
# take a bytearray of length 1, the no-argument methods refuse arguments,
# int.to_bytes accepts a str subclass as byteorder.
print(b"a b   ".split(None, 1), b"  a    b   ".split(None, 1), b"  a b  c  ".split(None, 2))
print(bytearray(b"  a    b   ").split(None, 1))
print(b"a".center(3, bytearray(b"x")), b"a".ljust(3, bytearray(b"-")), b"a".rjust(3, b"+"))
for f in (lambda: b"a".center(3, bytearray(b"xy")), lambda: b"a".center(3, memoryview(b"x")),
          lambda: b"abc".lower(1), lambda: b"abc".upper(1), lambda: b"abc".isalpha(1), lambda: b"abc".isdigit(1)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


class S(str):
    pass


print((258).to_bytes(2, S("big")), (258).to_bytes(2, byteorder=S("little")), int.from_bytes(b"\x01\x02", S("big")))
