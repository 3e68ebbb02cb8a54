# Pickler and Unpickler subclasses: persistent_id / persistent_load,
# reducer_override, dispatch_table, find_class, the memo kept between dumps,
# clear_memo, fast mode, several pickles in one file, Python 2 strings.
import copyreg
import io
import pickle


class C:
    pass


class P(pickle.Pickler):
    def persistent_id(self, obj):
        return ("pid", obj.upper()) if obj in ("secret", "key") else None


class U(pickle.Unpickler):
    def persistent_load(self, pid):
        return "loaded:" + pid[1]

    def find_class(self, module, name):
        if name == "C":
            return dict
        return super().find_class(module, name)


for proto in range(6):
    f = io.BytesIO()
    P(f, proto).dump(["secret", "plain", C, "key"])
    print(proto, f.getvalue().hex())
    f.seek(0)
    print(U(f).load())


class R(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, C):
            return (str, ("C!",))
        return NotImplemented


f = io.BytesIO()
R(f, 4).dump([C(), 1, C])
print(f.getvalue().hex(), pickle.loads(f.getvalue()))


class D(pickle.Pickler):
    dispatch_table = {C: lambda o: (int, (7,))}


f = io.BytesIO()
D(f, 2).dump([C(), 2])
print(f.getvalue().hex(), pickle.loads(f.getvalue()))

table = copyreg.dispatch_table.copy()
table[complex] = lambda c: (complex, (c.imag, c.real))
f = io.BytesIO()
p = pickle.Pickler(f, 3)
p.dispatch_table = table
p.dump(1 + 2j)
print(pickle.loads(f.getvalue()))

f = io.BytesIO()
p = pickle.Pickler(f, 2)
x = [1]
p.dump(x)
p.dump(x)
print(f.getvalue().hex(), sorted(v[0] for v in p.memo.copy().values()))
p.clear_memo()
print(p.memo.copy())
p.fast = 1
p.dump([[1], [1]])
u = pickle.Unpickler(io.BytesIO(f.getvalue()))
print(u.load(), u.load(), sorted(u.memo.copy()))

f = io.BytesIO()
pickle.dump([1, 2], f, 2)
pickle.dump({"a": 1}, f, 4)
pickle.dump("x", f, 0)
f.seek(0)
print(pickle.load(f), f.tell(), pickle.load(f), f.tell(), pickle.load(f), f.tell())
try:
    pickle.load(f)
except EOFError as e:
    print("EOFError", e)

print(pickle.loads(pickle.dumps(b"abc", 2), encoding="bytes"))
print(pickle.loads(b"U\x03abc.", encoding="bytes"), pickle.loads(b"U\x03abc."))
print(pickle.loads(b"T\x02\x00\x00\x00\xc3\xa9.", encoding="utf-8"))
print(pickle.loads(b"c__builtin__\nset\n(]tR."), pickle.loads(b"cexceptions\nValueError\n(S'x'\ntR."))
print(pickle.loads(b"(lp0\nI1\naI2\na(dp1\nS'k'\np2\nF1.5\nsa."))
print(pickle.loads(b"(i__main__\nC\np0\n(dp1\nS'a'\np2\nI1\nsb.", fix_imports=False).__dict__)
