# BytesIO.readline reads its own buffer: a subclass's peek is not used
# (pickle's protocol-0 loader reads lines from such a file).
import io
import pickle


class Unseekable(io.BytesIO):
    def peek(self, *args):
        raise NotImplementedError

    def seekable(self):
        return False


f = Unseekable(b"one\ntwo\n\nthree")
print(f.readline(), f.readline(2), f.readline(None), f.readline(), f.readline(), f.readline())
f = Unseekable(b"a\nb\n")
print(list(f), f.readlines())
try:
    io.BytesIO(b"x").readline("1")
except TypeError as e:
    print("TypeError", e)
data = [(i, str(i)) for i in range(50)]
f = Unseekable(pickle.dumps(data, 0) * 2)
u = pickle.Unpickler(f)
print(u.load() == data, u.load() == data)
try:
    u.load()
except EOFError as e:
    print("EOFError", e)
