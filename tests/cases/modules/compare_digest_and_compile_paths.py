# hmac.compare_digest takes str subclasses (their __eq__ plays no part); compile() takes
# a path-like file name.
import hmac, pathlib

class mystr(str):
    def __eq__(self, other):
        return False

print(hmac.compare_digest(mystr("foobar"), mystr("foobar")))
print(hmac.compare_digest(mystr("foobar"), "foobar"))
print(hmac.compare_digest(mystr("foobar"), mystr("foobaz")))
for a, b in ((1, 2), ("a", b"a"), (b"a", "a"), ("é", "é")):
    try:
        print(hmac.compare_digest(a, b))
    except TypeError as e:
        print("TypeError", e)

code = compile("1 + 1", pathlib.PurePosixPath("pkg/mod.py"), "eval")
print(code.co_filename, eval(code))

class P:
    def __fspath__(self):
        return b"bytes_name.py"

print(compile("x = 1", P(), "exec").co_filename)
try:
    compile("1", 3.5, "eval")
except TypeError as e:
    print("TypeError", e)
