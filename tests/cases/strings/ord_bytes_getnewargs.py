# ord() of bytes/bytearray and str/bytes subclasses; str.__getnewargs__ copies;
# bytes(str_subclass, encoding) encodes the text.
class S(str):
    pass


class B(bytes):
    pass


for v in ["a", S("é"), b"a", B(b"b"), bytearray(b"c"), "ab", S("ab"), b"", B(b"xy"), bytearray(b"xyz"), bytearray(), 3, [1]]:
    try:
        print(ascii(v), ord(v))
    except TypeError as e:
        print(ascii(v), "TypeError", e)
t = "abc"
args = t.__getnewargs__()
print(args, args[0] == t, args[0] is t)


class A(str):
    def __bytes__(self):
        return b"abc"


print(bytes(A("\u20ac")), bytes(A("\u20ac"), "iso8859-15"), bytes(S("x"), "ascii", "strict"))
for args in [(3, "ascii"), (S("x"), None, "strict")]:
    try:
        print(bytes(*args))
    except TypeError as e:
        print("TypeError", e)
