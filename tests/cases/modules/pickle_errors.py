# pickle's errors: what cannot be pickled, and damaged or truncated data,
# with CPython's exception types and messages.
import io
import pickle


def f():
    def g():
        pass
    return g


class BadReduce:
    def __reduce__(self):
        return 42


class NotCallable:
    def __reduce__(self):
        return (1, ())


class NotTuple:
    def __reduce__(self):
        return (list, [])


class TooShort:
    def __reduce__(self):
        return (list,)


def show(e):
    # No addresses, and no absolute path of this file (`<module '__main__' from ...>`).
    print(type(e).__name__, str(e).split(" at 0x")[0].split(" from '")[0])


for o in [f(), lambda: 0, BadReduce(), NotCallable(), NotTuple(), TooShort(), (x for x in [])]:
    for proto in (2, 4):
        try:
            pickle.dumps(o, proto)
            print("pickled?")
        except Exception as e:
            show(e)

damaged = [
    b"", b"\x80\x04", b"\x80\x04K", b"\xff", b"(", b"h\x05.", b"g5\n.",
    b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01.", b"N", b"0", b"1.", b"(.", b"(N.",
    b"\x80\x06N.", b"c__main__\nZZ\n.", b"\x8c\x08__main__\x8c\x02ZZ\x93.", b"K\x01K\x02.",
    b"(K\x01d.", b"}K\x01u.", b"I12x\n.", b"S\"abc\n.", b"X\x05\x00\x00\x00ab.", b"\x81.",
    b"]N\x81.", b"Nh.", b"Q.", b"P1\n.", b"(\x85.", b"N\x86.", b"\x8c\x01aN\x93.", b"I1\nI2\nR.",
    b"\x80\x02]q\x00(K\x01K\x02e", b"\x80\x04\x95\x20\x00\x00\x00\x00\x00\x00\x00]\x94.",
]
for data in damaged:
    try:
        print(repr(pickle.loads(data)))
    except Exception as e:
        print(data, end=" ")
        show(e)

for bad in [6, 1.5, "x"]:
    try:
        pickle.dumps(1, bad)
    except Exception as e:
        show(e)
for make in [lambda: pickle.Pickler(42), lambda: pickle.Unpickler(42),
             lambda: pickle.dumps(1, 2, buffer_callback=print), lambda: pickle.loads("abc")]:
    try:
        make()
    except Exception as e:
        show(e)
print(pickle.dumps(1, -1))
print(issubclass(pickle.PicklingError, pickle.PickleError), pickle.UnpicklingError.__module__)
