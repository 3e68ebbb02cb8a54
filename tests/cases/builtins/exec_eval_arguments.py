# exec/eval/compile arguments: exec(code, globals, closure=cells) running a
# function's code with its cells, keywords, bytes-like sources, CPython's TypeErrors.
import types

result = 0


def make():
    a, b, c = 2, 3, 5

    def three():
        global result
        nonlocal a
        result = a * b
        a += 1

    def four():
        nonlocal a, b, c
        return a, b, c

    return three, four


three, four = make()
exec(three.__code__, three.__globals__, closure=three.__closure__)
print(result, three.__closure__[0].cell_contents)

cells = (types.CellType(35), types.CellType(72))
exec(three.__code__, three.__globals__, closure=cells)
print(result, cells[0].cell_contents)


def plain():
    return 1


bad = [
    (plain.__code__, cells),
    (three.__code__, None),
    (three.__code__, four.__closure__),
    (three.__code__, list(cells)),
    (three.__code__, (int, cells[1])),
    ("x = 1", cells),
]
for code, closure in bad:
    try:
        exec(code, {}, closure=closure)
    except TypeError as e:
        print("TypeError:", e)
try:
    eval("1", {}, closure=None)
except TypeError as e:
    print("TypeError:", e)
exec("print('text', 1)", {}, closure=None)
for f, kw in [(exec, "globals"), (exec, "locals"), (exec, "foo"), (eval, "globals")]:
    try:
        f("1", **{kw: {}})
    except TypeError as e:
        print("TypeError:", e)

# Any bytes-like source.
import array
print(eval(bytearray(b"1 + 2")), eval(memoryview(b"3 * 4")))
exec(compile(memoryview(b"print('from memoryview')"), "name", "exec"))
exec(array.array("B", b"print('from array')"))
for f in (exec, eval):
    try:
        f(5)
    except TypeError as e:
        print("TypeError:", e)

# __import__'s arguments.
print(__import__(name="sys").__name__, __import__("os.path", fromlist=["join"]).__name__)
for args, kw in [(("sys",), {"name": "sys"}), (("sys", {}), {"globals": {}}), (("",), {}), ((1,), {})]:
    try:
        __import__(*args, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

# compile()'s flags and optimize are checked before the mode.
import __future__
print(type(compile("a", "f", "exec", __future__.CO_FUTURE_ANNOTATIONS | __future__.CO_NESTED)).__name__)
for args in [("x", "f", "badmode"), ("x", "f", "single", 0xFF), ("x", "f", "exec", 0, False, -2),
             ("x", "f", "exec", 0, False, 3), ("x", "f", "bad", 0, False, 5)]:
    try:
        compile(*args)
    except ValueError as e:
        print("ValueError:", e)


# co_freevars in CPython's (sorted) order, so closure[i] is always the same cell.
def make2(z, y):
    b = c = result = 0

    def f():
        nonlocal result, c, b
        result = (b, c, z, y)

    return f


print(make2(1, 2).__code__.co_freevars)
