# dis on gilt: the listings of the lesson functions are CPython 3.11's
# (bytecode/wordcode.rs turns gilt's instructions into CPython wordcode).
import dis
import io
import re

counter = 0
items = []

def increment():
    global counter
    counter += 1

def increment_local():
    n = 0
    n += 1
    return n

class Counter:
    def __init__(self):
        self.value = 0

    def increment(self):
        self.value += 1

def assign():
    x = 1
    y = x
    return y

def add(a, b):
    return a + b

def arith(a, b, c):
    return a * b - c / 2 + (a // b) % c ** 2

def compare(a, b):
    return a < b

def is_none(x):
    return x is None

def contains(x, seq):
    return x in seq

def call_builtin(xs):
    return len(xs)

def call_kw(a, b):
    print(a, b, sep="-")

def call_method(xs):
    xs.append(1)
    return xs

def loop_sum(n):
    total = 0
    for i in range(n):
        total += i
    return total

def subscr(d, k):
    return d[k]

def store_subscr(d, k, v):
    d[k] = v

def attr(o):
    return o.name

def store_attr(o, v):
    o.name = v

def build(a, b):
    return [a, b], (a, b), {a: b}

def unary(a):
    return -a, not a, ~a

def global_read():
    return counter

def append_item(x):
    items.append(x)

def worker(lock):
    global counter
    for _ in range(1000):
        with lock:
            counter += 1

def nested_call(a):
    return abs(max(a, 0))

def unpack(t):
    a, b = t
    return b, a

def lock_with(lock):
    with lock:
        x = 1
    return x

def fstring(name):
    return f"hello {name}!"

def closure(x):
    def inner():
        return x
    return inner

def gen(n):
    for i in range(n):
        yield i

def defaults(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw


def show(x):
    out = io.StringIO()
    dis.dis(x, file=out)
    # Code objects print their address and file name.
    text = re.sub(r" at 0x[0-9a-f]+", " at 0x…", out.getvalue())
    print(re.sub(r'file "[^"]*"', 'file "…"', text))


for name, f in list(globals().items()):
    if isinstance(f, type(show)) and f is not show:
        print("###", name)
        show(f)
print("### Counter")
show(Counter)
print("### source strings")
show("x = 1")
show("counter += 1")
show("lambda a: a * 2")
print("### show_code")
print(dis.code_info(add).replace(__file__, "…"))
print(dis.code_info(worker).replace(__file__, "…").split("Filename")[0])
print(list(dis.findlinestarts(loop_sum.__code__)))
for ins in dis.get_instructions(increment):
    print(ins.opname, ins.arg, ins.argval, ins.argrepr, ins.offset, ins.starts_line, ins.is_jump_target)
bc = dis.Bytecode(Counter.increment)
print([i.opname for i in bc])
print(bc.dis())
for ins in dis.get_instructions(add, show_caches=True):
    print(ins.offset, ins.opname)
print(increment.__code__.co_code.hex())
print(lock_with.__code__.co_exceptiontable.hex())
print(list(lock_with.__code__.co_lines()))
print(list(add.__code__.co_positions()))
print(list(call_kw.__code__.co_positions()))
print(closure.__code__._varname_from_oparg(0))
