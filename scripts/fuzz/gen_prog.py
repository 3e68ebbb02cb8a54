"""Random whole programs: a sequence of independent snippets, each printing its results.

Every snippet starts by printing a marker line `## N TAG`, so when gilt's
output differs from CPython's the first differing line is attributed to the
snippet (and its feature tag) that printed it. Snippets are wrapped in
try/except that prints `type(e).__name__` and the message, so one error does
not hide the rest. Loops run over finite sequences or count down by a
positive step, recursion is shallow: every program terminates.
"""

import re

from gen_expr import ExprGen
from gen_more import MoreSnippets

IND = "    "


def indent(lines, n=1):
    return [IND * n + ln if ln else ln for ln in lines]


def pick(rng, variants):
    """A random variant and its number (part of the snippet's tag)."""
    k = rng.randrange(len(variants))
    return k, variants[k]


def sampled(rng, tag, ops, k, prefix=()):
    """`k` of `ops`, each guarded and preceded by a sub-marker naming the op's number."""
    chosen = rng.sample(range(len(ops)), k)
    lines = list(prefix)
    for i in chosen:
        lines.append(f"print('## - {tag}.{i}')")
        lines += guarded([ops[i]])
    return f"{tag}.{chosen[0]}", lines


def guarded(body):
    """Wraps statements so an exception prints its type and message."""
    return ["try:"] + indent(body) + ["except Exception as e:", IND + "print(type(e).__name__, e)"]


def snippet_makers(cls, _cache={}):
    """The names of a generator class's snippet families, in `dir` order (computed once)."""
    if cls not in _cache:
        _cache[cls] = [m for m in dir(cls) if m.startswith("s_")]
    return _cache[cls]


class ProgGen(MoreSnippets):
    """Random programs: one snippet family per `s_` method (more of them in gen_more.py)."""

    def __init__(self, rng):
        self.rng = rng
        self.eg = ExprGen(rng)

    def use(self, ex):
        """Records the productions of an expression the snippet uses (for its tag)."""
        self.feats |= ex.feats | {ex.tag}
        return ex

    def e(self, depth=2):
        return self.use(self.eg.expr(depth)).src

    def ok(self, depth=1):
        return self.use(self.eg.ok_expr(depth)).src

    def leaf(self, kind=None):
        return self.use(self.eg.leaf(kind))

    def sampled_ops(self, tag, ops, k):
        """`k` of `ops`, each guarded, with sub-markers (for the families of gen_more.py)."""
        return sampled(self.rng, tag, ops, k)

    def small(self):
        return str(self.rng.choice([0, 1, 2, 3, 4, 5, 7, -1, -2]))

    def program(self, n_snippets=None):
        """Returns (source, tags): the program and each snippet's tag, by index."""
        r = self.rng
        n = n_snippets or r.randint(4, 12)
        out, tags = [], []
        makers = snippet_makers(type(self))
        for i in range(n):
            name = r.choice(makers)
            self.feats = set()
            tag, body = getattr(self, name)()
            if self.feats:
                suffix = "{" + ",".join(sorted(self.feats)) + "}"
                tag += suffix
                body = [ln[:-2] + suffix + "')" if ln.startswith("print('## - ") else ln for ln in body]
            tags.append(tag)
            out.append(f"print('## {i} {tag}')")
            out.extend(body)
        if r.random() < 0.08:
            tags.append("uncaught")
            out.append(f"print('## {n} uncaught')")
            out.append(r.choice(["raise ValueError('bad value')", "print(undefined_name)", "[][1]",
                                 "{}['missing']", "1 / 0", "int('x1')", "None.attr", "raise SystemExit(3)",
                                 "import sys; sys.exit('bye')", "assert 1 == 2, 'no'", "raise KeyError(5)"]))
        return "\n".join(out) + "\n", tags

    # ---- snippets: each returns (tag, lines) --------------------------------
    def s_expr(self):
        ex = self.eg.expr(self.rng.choice([1, 2, 2, 3]))
        self.feats |= ex.feats - {ex.tag}
        return "expr." + ex.tag, guarded([f"print({ex.src})"])

    def s_expr_repr(self):
        ex = self.eg.expr(2)
        self.feats |= ex.feats - {ex.tag}
        return "expr." + ex.tag, guarded([f"v = {ex.src}", "print(repr(v), type(v).__name__)"])

    def s_for(self):
        r = self.rng
        seq = self.leaf(r.choice(["list", "tuple", "str", "dict", "bytes"])).src
        op = r.choice(["+", "*", "-"])
        init = r.choice(["0", "1", "''", "[]", "()"])
        body = [f"acc = {init}", f"for i, v in enumerate({seq}):"]
        inner = []
        if r.random() < 0.5:
            inner += [f"if i == {self.small()}:", IND + r.choice(["continue", "break"])]
        inner.append(r.choice([f"acc = acc {op} v", "acc = acc + (v,) if isinstance(acc, tuple) else acc",
                               "acc = [acc, v]", f"acc = acc {op} i"]))
        body += indent(inner)
        if r.random() < 0.5:
            body += ["else:", IND + "print('else', i)"]
        body.append("print(acc)")
        return "stmt.for", guarded(body)

    def s_while(self):
        n, step = self.rng.randint(0, 30), self.rng.randint(1, 7)
        body = [f"n = {n}", "out = []", "while n > 0:", IND + f"n -= {step}",
                IND + "if n % 3 == 0:", IND * 2 + "continue", IND + "out.append(n)",
                IND + f"if len(out) > {self.rng.randint(1, 6)}:", IND * 2 + "break",
                "else:", IND + "out.append('done')", "print(out, n)"]
        return "stmt.while", guarded(body)

    def s_func_args(self):
        r = self.rng
        sig = r.choice(["a, b=2, *args, c, d=4, **kw", "a, /, b, *, c=3", "*args, **kw", "a, b=[], c=None",
                        "a=1, *rest", "x, y, /, z=0, *, w"])
        calls = r.sample(["f(1)", "f(1, 2)", "f(1, 2, 3)", "f(1, c=5)", "f(a=1, c=2)", "f(1, 2, c=3, e=9)",
                          "f(*[1, 2], **{'c': 3})", "f()", "f(1, b=2, c=3)", "f(1, 2, z=3, w=4)", "f(1, 1, 1, 1, 1)",
                          "f(1, a=1)", "f(**{'a': 1, 'c': 2})", "f(1, *(2, 3), c=4)", "f(x=1, y=2, w=3)"], 4)
        body = [f"def f({sig}):", IND + "return sorted(locals().items(), key=str)"]
        for c in calls:
            body += [f"print('## - stmt.func_args')"] + guarded([f"print({c})"])
        return "stmt.func_args", body

    def s_closure(self):
        r = self.rng
        k, v = pick(r, [
            ["def make(n):", IND + "count = n", IND + "def inc(k=1):", IND * 2 + "nonlocal count",
             IND * 2 + "count += k", IND * 2 + "return count", IND + "return inc",
             f"c = make({self.small()})", "print(c(), c(3), c())"],
            ["fs = [lambda: i for i in range(3)]", "gs = [lambda i=i: i * 10 for i in range(3)]",
             "print([f() for f in fs], [g() for g in gs])"],
            ["def outer():", IND + "x = 'outer'", IND + "def mid():", IND * 2 + "def inner():",
             IND * 3 + "return x + '!'", IND * 2 + "return inner()", IND + "x = 'changed'",
             IND + "return mid()", "print(outer())"],
            ["def deco(fn):", IND + "def wrap(*a, **k):", IND * 2 + "print('call', fn.__name__, a, sorted(k))",
             IND * 2 + "return fn(*a, **k)", IND + "return wrap", "@deco", "def add(a, b=1):",
             IND + "return a + b", f"print(add({self.ok()}, b={self.ok()}))"],
            ["x = 5", "def g():", IND + "global x", IND + "x += 1", IND + "return x", "print(g(), g(), x)"],
        ])
        return f"stmt.closure{k}", guarded(v)

    def s_class(self):
        r = self.rng
        k, v = pick(r, [
            ["class V:", IND + "def __init__(self, x, y):", IND * 2 + "self.x, self.y = x, y",
             IND + "def __repr__(self):", IND * 2 + "return f'V({self.x!r}, {self.y!r})'",
             IND + "def __add__(self, o):", IND * 2 + "return V(self.x + o.x, self.y + o.y)",
             IND + "def __eq__(self, o):", IND * 2 + "return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)",
             IND + "def __lt__(self, o):", IND * 2 + "return (self.x, self.y) < (o.x, o.y)",
             IND + "__hash__ = None",
             f"a, b = V({self.ok()}, {self.ok()}), V({self.ok()}, {self.ok()})",
             "print(a, b)"] + guarded(["print(a + b)"]) + guarded(["print(a == b, a != b, sorted([b, a]))"])
            + guarded(["print(a < b, a > b, a <= b)"]) + guarded(["print({a: 1})"]),
            ["class Base:", IND + "kind = 'base'", IND + "def __init__(self, n):", IND * 2 + "self.n = n",
             IND + "def describe(self):", IND * 2 + "return f'{self.kind}:{self.n}'",
             IND + "@classmethod", IND + "def make(cls):", IND * 2 + "return cls(0)",
             IND + "@staticmethod", IND + "def util(x):", IND * 2 + "return x * 2",
             "class Child(Base):", IND + "kind = 'child'", IND + "def describe(self):",
             IND * 2 + "return 'C/' + super().describe()",
             "print(Child(3).describe(), Child.make().describe(), Base.util(4), Child.__mro__[1].__name__)",
             "print(isinstance(Child(1), Base), issubclass(Base, Child), type(Child.make()).__name__)"],
            ["class P:", IND + "def __init__(self):", IND * 2 + "self._v = 0", IND + "@property",
             IND + "def v(self):", IND * 2 + "return self._v", IND + "@v.setter", IND + "def v(self, val):",
             IND * 2 + "if val < 0:", IND * 3 + "raise ValueError('negative')", IND * 2 + "self._v = val",
             "p = P()", f"p.v = {r.randint(0, 9)}", "print(p.v)"] + guarded(["p.v = -1"])
            + guarded(["print(p.missing)"]) + guarded(["del p.v"]),
            ["class Seq:", IND + "def __init__(self, n):", IND * 2 + "self.n = n",
             IND + "def __len__(self):", IND * 2 + "return self.n", IND + "def __getitem__(self, i):",
             IND * 2 + "if not 0 <= i < self.n:", IND * 3 + "raise IndexError(i)", IND * 2 + "return i * i",
             IND + "def __contains__(self, x):", IND * 2 + "return x == 4", IND + "def __bool__(self):",
             IND * 2 + "return self.n > 2",
             f"s = Seq({r.randint(0, 6)})", "print(len(s), list(s), 4 in s, 5 in s, bool(s), [x for x in s if x])"],
            ["class Meta(type):", IND + "def __repr__(cls):", IND * 2 + "return '<M ' + cls.__name__ + '>'",
             "class A(metaclass=Meta):", IND + "def __getattr__(self, name):", IND * 2 + "return name.upper()",
             IND + "def __call__(self, *a):", IND * 2 + "return a",
             "a = A()", "print(A, a.foo, a(1, 2), getattr(a, 'bar'), hasattr(a, 'x'))"],
            ["class E(Exception):", IND + "def __init__(self, code):", IND * 2 + "super().__init__('code', code)",
             IND * 2 + "self.code = code"] + guarded([f"raise E({self.small()})"])
            + guarded(["try:", IND + "raise E(2)", "except E as e:", IND + "print(e.code, e.args, str(e))",
                       IND + "raise KeyError('k') from e"]),
        ])
        return f"stmt.class{k}", guarded(v)

    def s_generator(self):
        r = self.rng
        k, v = pick(r, [
            ["def gen(n):", IND + "for i in range(n):", IND * 2 + "x = yield i", IND * 2 + "if x:",
             IND * 3 + "print('got', x)", IND + "return 'end'", f"g = gen({r.randint(0, 4)})",
             "print(next(g, 'empty'))"] + guarded(["print(g.send('hi'))", "print(list(g))"])
            + guarded(["next(g)"]),
            ["def inner():", IND + "yield 1", IND + "yield 2", IND + "return 'r'", "def outer():",
             IND + "r = yield from inner()", IND + "yield r", "print(list(outer()))"],
            [f"g = (x * x for x in range({r.randint(0, 6)}) if x % 2)", "print(sum(g), list(g))",
             f"print(list(zip(range(3), 'abcd')), list(map(abs, [-1, 2, -3])), list(filter(None, {self.leaf('list').src})))"],
            ["def fib():", IND + "a, b = 0, 1", IND + "while True:", IND * 2 + "yield a", IND * 2 + "a, b = b, a + b",
             "out = []", "for x in fib():", IND + f"if x > {r.choice([10, 100, 10**6])}:", IND * 2 + "break",
             IND + "out.append(x)", "print(out)"],
        ])
        return f"stmt.generator{k}", guarded(v)

    def s_comprehension(self):
        r = self.rng
        k, v = pick(r, [
            [f"print([[i * j for j in range({r.randint(0, 3)})] for i in range({r.randint(0, 4)})])"],
            [f"print({{k: v for k, v in zip('abc', range({r.randint(0, 5)}))}})"],
            [f"print(sorted({{x % {r.randint(1, 5)} for x in range({r.randint(0, 9)})}}))"],
            ["print([y for x in range(5) if (y := x * x) > 3])"],
            ["print([(a, b) for a in range(3) for b in range(a) if a + b != 2])"],
            [f"data = {self.leaf('dict').src}", "print({v: k for k, v in data.items() if v is not None})"],
        ])
        return f"stmt.comprehension{k}", guarded(v)

    def s_exceptions(self):
        r = self.rng
        raiser = r.choice(["[][0]", "{}['k']", "int('abc')", "None.foo", "1 + 'a'", "undefined_name", "'abc'.nope",
                           "len(5)", "1 / 0", "float('x')", "[1, 2].index(3)", "(1, 2)[5]", "'a' * 'b'",
                           "{}.pop('z')", "set().pop()", "iter(5)", "next(iter([]))", "int.from_bytes(5)",
                           "'%d' % 'x'", "abs('x')", "sorted([1, 'a'])", "dict([1])", "'x'.join([1])",
                           "ord('ab')", "chr(-1)", "list(1)", "a, b = [1]", "a, b = 1, 2, 3", "raise TypeError",
                           "raise ValueError('v', 2)", "bytes('x')", "range(1.5)", "[].pop()", "min([])",
                           "'abc'[1] = 'x'", "del [][0]", "divmod(1, 0)", "2 ** -1 % 0", "(1).x = 2",
                           "int('12', 1)", "round('x')", "hash([])", "{[]: 1}", "frozenset([[]])", "'a' < 1",
                           "str.upper(5)", "print(end=5)", "(lambda: 0)(1)", "0.0 // 0", "math.sqrt(-1)"])
        if raiser.startswith(("a, b", "'abc'[1]", "del", "(1).x", "raise")):
            stmt = raiser
        else:
            stmt = f"print({raiser})"
        v = r.choice([
            ["try:", IND + stmt, "except (KeyError, IndexError) as e:", IND + "print('lookup', type(e).__name__, e)",
             "except Exception as e:", IND + "print('other', type(e).__name__, e, e.args)", "else:",
             IND + "print('no error')", "finally:", IND + "print('finally')"],
            ["def f():", IND + "try:", IND * 2 + stmt, IND * 2 + "return 'try'", IND + "except Exception as e:",
             IND * 2 + "return 'except ' + type(e).__name__", IND + "finally:", IND * 2 + "print('cleanup')",
             "print(f())"],
            ["try:", IND + "try:", IND * 2 + stmt, IND + "except Exception as e:",
             IND * 2 + "raise RuntimeError('wrapped') from e", "except RuntimeError as e:",
             IND + "print(e, type(e.__cause__).__name__, e.__cause__)", IND + "print(e.__context__ is e.__cause__)"],
            ["def g():", IND + "for i in range(3):", IND * 2 + "try:", IND * 3 + "if i == 1:",
             IND * 4 + r.choice(["continue", "break", "return i"]), IND * 3 + stmt, IND * 2 + "except Exception:",
             IND * 3 + "print('caught', i)", IND * 2 + "finally:", IND * 3 + "print('fin', i)",
             IND + "return 'done'", "print(g())"],
        ])
        return "stmt.exc." + re.sub(r"\W+", "_", raiser).strip("_"), ["import math"] + guarded(v)

    def s_recursion(self):
        r = self.rng
        k, v = pick(r, [
            ["def fib(n):", IND + "return n if n < 2 else fib(n - 1) + fib(n - 2)",
             f"print([fib(i) for i in range({r.randint(0, 15)})])"],
            ["def fact(n):", IND + "return 1 if n <= 1 else n * fact(n - 1)", f"print(fact({r.randint(0, 60)}))"],
            ["def flat(x):", IND + "if isinstance(x, list):", IND * 2 + "return [z for y in x for z in flat(y)]",
             IND + "return [x]", "print(flat([1, [2, [3, [4, []]], 5], [[6]]]))"],
            ["def perms(s):", IND + "if len(s) <= 1:", IND * 2 + "return [s]",
             IND + "return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]",
             f"print(perms({r.choice(['ab', 'abc', 'abcd', ''])!r}))"],
            ["def hanoi(n, a='A', b='B', c='C'):", IND + "if n == 0:", IND * 2 + "return 0",
             IND + "return hanoi(n - 1, a, c, b) + 1 + hanoi(n - 1, c, b, a)", f"print(hanoi({r.randint(0, 10)}))"],
            ["def ack(m, n):", IND + "if m == 0:", IND * 2 + "return n + 1", IND + "if n == 0:",
             IND * 2 + "return ack(m - 1, 1)", IND + "return ack(m - 1, ack(m, n - 1))",
             f"print(ack({r.randint(0, 2)}, {r.randint(0, 3)}))"],
        ])
        return f"stmt.recursion{k}", guarded(v)

    def s_unpack(self):
        r = self.rng
        seq = self.leaf(r.choice(["list", "tuple", "str"])).src
        v = r.choice([f"a, *b = {seq}", f"*a, b = {seq}", f"a, b = {seq}", f"a, *b, c = {seq}",
                      f"(a, b), c = {seq}, 1", f"a = b = {seq}"])
        return "stmt.unpack", guarded([v, "print(a, b)"] + ["a, b = b, a", "print(a, b)"])

    def s_slice_assign(self):
        r = self.rng
        lst = self.leaf("list").src
        idx = [None, 0, 1, -1, 2, 5, -5]

        def sl():
            a, b = r.choice(idx), r.choice(idx)
            s = ("" if a is None else str(a)) + ":" + ("" if b is None else str(b))
            if r.random() < 0.4:
                s += ":" + str(r.choice([1, 2, -1, -2]))
            return s
        ops = [f"x[{sl()}] = {self.leaf(r.choice(['list', 'tuple', 'str'])).src}", f"del x[{sl()}]",
               f"x[{r.choice(idx[1:])}] = 'new'", f"del x[{r.choice(idx[1:])}]", f"x += {self.leaf('list').src}",
               f"x *= {r.randint(-1, 3)}", f"x.insert({r.choice(idx[1:])}, 9)", "x.reverse()",
               f"x.extend({self.leaf('str').src})", "x.sort(key=str)", f"x.pop({r.choice(idx[1:])})",
               "x.clear()", f"x.remove({self.leaf('int').src})", "x.sort(reverse=True)"]
        ops = [op + "; print(x)" for op in ops]
        return sampled(r, "stmt.list_mutation", ops, 3, [f"x = {lst}"])

    def s_dict_mutation(self):
        r = self.rng
        d = self.leaf("dict").src
        ops = ["d['new'] = 1", "d.setdefault('s', [])", "d.update(a=1, b=2)", "print(d.pop('a', 'none'))",
               "print(d.popitem())", "del d['missing']", "d |= {1: 'one'}", "print(list(d), list(d.values()))",
               "print(sorted(d.items(), key=str))", "d.clear()", "print(d.get('a'), len(d))",
               "print({**d, 'z': 0})", "d2 = dict(d, extra=True); print(d2)", "print(dict.fromkeys('ab', 0))",
               "for k in list(d): d[str(k) + '_'] = k", "print(d == dict(d), d != {})"]
        tag, body = sampled(r, "stmt.dict_mutation", ops, 4, [f"d = {d}"])
        return tag, body + ["print(d)"]

    def s_set_ops(self):
        r = self.rng
        a, b = self.leaf("set").src, self.leaf("set").src
        ops = ["s.add(99)", "s.discard(1)", "s.remove(12345)", "s |= t", "s &= t", "s -= t", "s ^= t",
               "print(s.pop())", "s.update([4, 5], (6,))", "print(s <= t, s < t, s == t, s.isdisjoint(t))"]
        tag, body = sampled(r, "stmt.set_ops", ops, 3, [f"s, t = set({a}), {b}"])
        return tag, body + ["print(sorted(s), sorted(t))"]

    def s_strings(self):
        r = self.rng
        s = self.leaf("str").src
        ops = [f"print({s}.split())", f"print('-'.join(reversed({s})))", f"print({s}[::-1], {s}[1:3])",
               f"print(sorted({s}), max({s} or 'z'))", f"print({s}.encode('utf-8'))",
               f"print([c for c in {s} if c.isalpha()])", f"print({s}.count('a'), {s}.find('b'))",
               # 3.11: no backslash and no outer quote inside an f-string's fields.
               (f'print(f"{{{s}!r:>12}}|{{len({s}):03d}}")' if "\\" not in s and '"' not in s
                else f"print(format({s}, '>12'))"), f"print('%-8s|%3d' % ({s}, len({s})))",
               f"print(str.maketrans('ab', 'xy'), {s}.translate(str.maketrans('ab', 'xy', 'c')))",
               f"print({s}.center(11, '*'), {s}.title(), {s}.swapcase())",
               f"print(repr({s}), ascii({s}), {s}.isidentifier())",
               f"print([ord(c) for c in {s}][:5], ''.join(chr(ord(c) + 1) for c in {s}))"]
        return sampled(r, "stmt.strings", ops, 3)

    def s_match(self):
        r = self.rng
        subj = r.choice([self.leaf().src, "(1, 2)", "[1, [2, 3]]", "{'k': 5, 'z': 1}", "'hello'", "42",
                         "3.5", "None", "[1, 2, 3, 4]"])
        body = [f"match {subj}:", IND + "case 0 | 1:", IND * 2 + "print('small')",
                IND + "case [x, [y, *rest]]:", IND * 2 + "print('nested', x, y, rest)",
                IND + "case (a, b):", IND * 2 + "print('pair', a, b)",
                IND + "case {'k': v, **others}:", IND * 2 + "print('map', v, others)",
                IND + "case str() as s if len(s) > 3:", IND * 2 + "print('long str', s)",
                IND + "case int(n) | float(n):", IND * 2 + "print('number', n)",
                IND + "case [first, *_]:", IND * 2 + "print('seq', first)",
                IND + "case None:", IND * 2 + "print('none')", IND + "case _:", IND * 2 + "print('other')"]
        return "stmt.match", guarded(body)

    def s_augassign(self):
        r = self.rng
        a = self.use(self.eg.ok_expr(1))
        b = self.leaf(r.choice(["int", "float", "str", "list", "tuple", "bigint"]))
        op = r.choice(["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="])
        from gen_expr import cost_ok
        if not cost_ok(op[:-1], a.val, b.val) or (op in ("**=", "<<=") and not isinstance(b.val, int)):
            op = "+="
        if op in ("*=",) and not cost_ok("*", a.val, b.val):
            op = "-="
        from gen_expr import evaluate, order_ok
        res = evaluate("{0} " + op[:-1] + " {1}", [a, b])
        if not order_ok(res):
            # A set whose order depends on addresses (None in a tuple): not comparable.
            op = "+="
        return "stmt.augassign" + op, guarded([f"v = {a.src}", f"v {op} {b.src}", "print(v)"])

    def s_builtins_misc(self):
        r = self.rng
        lst = self.leaf("list").src
        ops = [f"print(sorted({lst}, key=lambda x: (type(x).__name__, str(x))))",
               f"print(list(enumerate({lst}, 1)))", f"print(sum([1, 2.5, True]), sum([[1], [2]], []))",
               f"print(min({lst}, default='empty'), max([3, 1, 2], key=lambda x: -x))",
               f"print(any({lst}), all({lst}), len({lst}))", "print(divmod(-7, 2), divmod(7.5, -2), pow(3, -1, 7))",
               "print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(1234, -2))",
               "print(int(' 12 '), int('0b101', 0), int('-0x1F', 16), float(' 1e3 '), int(3.99), int(-3.99))",
               "print(bin(-5), oct(64), hex(255), chr(9731), ord('€'))", "print(list(range(10, 0, -3)), range(5)[-1])",
               "print(list(reversed(range(4))), list(zip('ab', [1, 2], (3, 4))))",
               "print(isinstance(True, int), type(1 == 1).__name__, bool([]), bool([0]))",
               "print(abs(-0.0), abs(-7), 7 // -2, 7 % -2, -7 // 2, 2 ** 0.5, 10 / 4)",
               "print(1e16 + 1, 0.1 + 0.2, 1 / 3, 2 ** 100, -2 ** 2, (-2) ** 2)",
               "print(str(1.0), str(1e22), repr(1e-5), 1e300 * 1e10, -1e300 * 1e10, float('nan') == float('nan'))",
               "print(format(1234567.891, ','), format(0.000123, 'e'), format(255, '#x'), format(3, '08.3f'))"]
        return sampled(r, "stmt.builtins", ops, 3)

    # ---- families for what students use and the ones above miss ------------
    def s_str_odd_args(self):
        """String methods with odd arguments: None, negative and huge counts, wrong types."""
        r = self.rng
        s = self.leaf("str").src
        odd = ["None", "-1", "0", "2**63", "-2**63", "1.5", "b'a'", "''", "'ab'", "[]", "True"]
        meths = ["split", "rsplit", "strip", "find", "index", "count", "replace", "center", "ljust", "zfill",
                 "startswith", "endswith", "join", "partition", "expandtabs", "splitlines", "encode", "removeprefix",
                 "__getitem__", "__contains__", "__mul__", "rfind", "rjust", "format", "translate"]
        ops = []
        for _ in range(6):
            m = r.choice(meths)
            args = ", ".join(r.choice(odd) for _ in range(r.choice([0, 1, 1, 2, 3])))
            ops.append(f"print(repr({s}.{m}({args})))")
        ops += [f"print({s}.split(maxsplit={r.choice(odd)}))", f"print({s}.center({r.choice(['0', '-5', '7'])}, {r.choice(odd)}))",
                f"print({s}[{r.choice(odd)}:{r.choice(odd)}])", f"print({s}.count({r.choice(odd)}, {r.choice(odd)}))"]
        # The same odd arguments for bytes and bytearray, whose methods mirror str's
        # but take ints as needles and have hex/decode/fromhex of their own.
        bodd = odd + ["97", "256", "bytearray(b'a')", "(b'a', 1)", "':'", "b'::'"]
        bmeths = ["split", "rsplit", "strip", "find", "index", "count", "replace", "center", "ljust", "startswith",
                  "endswith", "join", "partition", "splitlines", "decode", "hex", "removeprefix", "rfind", "rindex",
                  "translate", "expandtabs", "zfill", "__contains__", "__getitem__", "__mul__", "__add__", "__eq__"]
        for _ in range(3):
            recv = r.choice(["b'a,b'", "b''", "b'x\\ty\\n'", "bytearray(b'a,b')"])
            args = ", ".join(r.choice(bodd) for _ in range(r.choice([0, 1, 1, 2, 3])))
            ops.append(f"print(repr({recv}.{r.choice(bmeths)}({args})))")
        ops.append(f"print(repr({r.choice(['bytes', 'bytearray'])}.fromhex({r.choice(bodd)})))")
        return sampled(r, "stmt.str_odd_args", ops, 4)

    def s_format_specs(self):
        """`%`, format() and f-strings with extreme or invalid specs and values."""
        r = self.rng
        vals = ["0", "-0.0", "1e300", "float('nan')", "float('-inf')", "2**70", "-7", "True", "'txt'", "3+4j",
                "None", "b'b'", "[1]", "1.5", "255", "0.000123"]
        specs = ["", "<", ">10", "^9", "=+8", "08", "#x", "#o", "#b", "_", ",", ".3", ".0f", "e", "%", "g", "n", "c",
                 "s", "r", "z", "-^+#015,.2f", "x<5", ".100", "10.3e", "+", " ", ".1%", "_x", ",b", "08.3g", "^"]
        pcts = ["%s", "%r", "%a", "%d", "%i", "%5.2f", "%-5d|", "%+x", "%#o", "%c", "%e", "%g", "%.0e", "%%", "%5s",
                "%(k)s", "%*d", "%.*f", "%u", "%X"]
        ops = []
        for _ in range(8):
            v, sp, p = r.choice(vals), r.choice(specs), r.choice(pcts)
            form = r.randrange(4)
            if form == 0:
                ops.append(f"print(repr(format({v}, {sp!r})))")
            elif form == 1:
                ops.append(f"print(repr({p!r} % ({v},)))")
            elif form == 2:
                ops.append(f"print(repr('{{0:{sp}}}|{{0!r:>6}}'.format({v})))")
            else:
                ops.append(f"x = {v}; print(repr(f'{{x:{sp}}}'))" if "'" not in sp else f"print(format({v}))")
        return sampled(r, "stmt.format_specs", ops, 4)

    def s_num_edges(self):
        """int/float/complex at their edges: division, rounding, conversion, overflow."""
        r = self.rng
        nums = ["0", "-0.0", "1e308", "5e-324", "2**63", "-2**63 - 1", "10**20", "float('inf')", "float('nan')",
                "1j", "-1.5", "7", "-7", "0.1", "2.5", "3.5", "1e16", "True", "complex(0, -0.0)", "10**-5"]
        ops = []
        for _ in range(8):
            a, b = r.choice(nums), r.choice(nums)
            ops.append(r.choice([f"print(repr({a} {r.choice(['/', '//', '%', '*', '-', '+'])} {b}))",
                                 f"print(divmod({a}, {b}))", f"print(round({a}), round({a}, {r.choice(['-1', '0', '2', '400'])}))",
                                 f"print(int({a}), float({a}))", f"print(repr(complex({a}, {b})))",
                                 f"print(abs({a}), -{a}, +{a})", f"print(({a}) ** {r.choice(['0', '2', '-1', '0.5', '3'])})",
                                 f"print({a} == {b}, {a} < {b}, hash({a}) == hash({b}))",
                                 f"print(math.floor({a}), math.ceil({a}), math.trunc({a}))",
                                 f"print(math.isclose({a}, {b}), math.copysign(1, {a}), math.fsum([{a}, {b}]))",
                                 f"print(({a}).__class__.__name__, str({a}), repr({a}))"]))
        return sampled(r, "stmt.num_edges", ops, 4, ["import math"])

    def s_slicing_extreme(self):
        """Slicing and slice assignment with extreme indices and steps."""
        r = self.rng
        seq = self.leaf(r.choice(["list", "tuple", "str", "bytes"])).src
        idx = ["None", "0", "-1", "2**63", "-2**63", "10**30", "-10**30", "3", "-3", "True"]
        steps = ["None", "1", "-1", "2", "-2", "2**63", "-2**63", "0", "10**30"]
        ops = []
        for _ in range(6):
            a, b, c = r.choice(idx), r.choice(idx), r.choice(steps)
            ops.append(r.choice([f"print(repr(s[{a}:{b}:{c}]))", f"print(slice({a}, {b}, {c}).indices(5))",
                                 f"print(repr(s[slice({a}, {b})]))", f"print(range(10)[{a}:{b}:{c}])",
                                 f"x = list(s); x[{a}:{b}] = 'xy'; print(x)", f"x = list(s); del x[{a}:{b}:{c}]; print(x)",
                                 f"x = list(s); x[{a}:{b}:{c}] = []; print(x)", f"print(repr(s[{a}]))"]))
        return sampled(r, "stmt.slicing_extreme", ops, 4, [f"s = {seq}"])

    def s_views_sets(self):
        """Dict views and set algebra mixed with frozensets, lists and other views."""
        r = self.rng
        d1, d2 = self.leaf("dict").src, self.leaf("dict").src
        st = self.leaf("set").src
        ops = ["print(sorted(d.keys() & e.keys(), key=repr), sorted(d.keys() | e.keys(), key=repr))",
               "print(sorted(d.keys() - e.keys(), key=repr), sorted(d.keys() ^ set(e), key=repr))",
               "print(d.keys() == e.keys(), d.items() <= e.items(), d.keys().isdisjoint(e))",
               f"print(sorted(s | {{1, 2}}), sorted(frozenset(s) & {{1, 2, 3}}), type(frozenset(s) | s).__name__)",
               "print(len(d.values()), list(reversed(d)), list(reversed(d.items())))",
               "print({**d, **e} == d | e, dict(sorted(d.items(), key=repr)))",
               "print(sorted(s - {0}), s <= s | {1}, s > set(), s.issuperset([]))",
               "print(d.items() & {(1, 2)}, d.keys() * 2 if False else 'skip')",
               f"print(d.get(1, 'no'), d.setdefault(2, 'dflt'), d.pop(99, None), {st} == frozenset({st}))",
               "print(repr(d.keys()), repr(e.values()), repr(d.items()))",
               "print(set(d) <= set(e) or 'no', [k for k in d if k in e])"]
        return sampled(r, "stmt.views_sets", ops, 4, [f"d, e, s = {d1}, {d2}, set({st})"])

    def s_sorted_key(self):
        """sorted/min/max/sum with key, default, reverse and odd iterables."""
        r = self.rng
        lst = self.leaf("list").src
        ops = [f"print(sorted({lst}, key=repr, reverse=True))", f"print(min({lst}, key=str, default=None))",
               f"print(max({lst}, default='empty'))", "print(max([], default=None), min((), default=0))",
               "print(max(3, 1, 2, key=lambda x: -x), min('bca'), max('a', 'B', key=str.lower))",
               "print(sorted(['b', 'A', 'c'], key=str.lower), sorted([3, 1, 2], key=None))",
               "print(sorted({3: 'a', 1: 'b'}.items(), key=lambda kv: kv[1]))",
               "print(sum([0.1] * 10), sum(range(5), 10), sum([[1], [2]], start=[]))",
               "print(max(1, 2, default=0))", "print(min())", "print(sorted([1, 'a']))",
               "print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted('hello', reverse=True))",
               f"print(list(reversed(sorted({lst}, key=lambda x: (type(x).__name__, repr(x))))))",
               "print(max([[1, 2], [1, 3]]), min([(2, 'x'), (1, 'y')]), max({1: 'a', 5: 'b'}))"]
        return sampled(r, "stmt.sorted_key", ops, 4)

    def s_itertools(self):
        """itertools, functools and collections as students use them."""
        r = self.rng
        n = r.randint(0, 5)
        ops = [f"print(list(itertools.islice(itertools.count({n}, 2), 5)))",
               f"print(list(itertools.permutations(range({min(n, 4)}), 2)))",
               f"print(list(itertools.combinations('abcd', {min(n, 4)})))",
               "print(list(itertools.product('ab', repeat=2)), list(itertools.chain([1], (2,), 'c')))",
               "print([(k, list(g)) for k, g in itertools.groupby('aabbbc')])",
               "print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 2], max)))",
               "print(list(itertools.zip_longest('ab', [1, 2, 3], fillvalue='-')), list(itertools.repeat(7, 3)))",
               "print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 5, 1])))",
               "print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(operator.add, [], 0))",
               "p = functools.partial(int, base=2); print(p('101'), p.func.__name__, p.keywords)",
               "print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))",
               f"c = collections.Counter('abracadabra'); print(c.most_common({n}), c['z'], sorted(c.elements())[:5])",
               "dd = collections.defaultdict(list); dd['a'].append(1); dd['b']; print(sorted(dd.items()))",
               f"q = collections.deque(range(5), maxlen=4); q.rotate({n - 2}); q.appendleft(9); print(q, q.maxlen)",
               "P = collections.namedtuple('P', 'x y'); p = P(1, y=2); print(p, p._replace(x=5), p._asdict())",
               "o = collections.OrderedDict.fromkeys('abc'); o.move_to_end('a'); print(list(o), o.popitem(last=False))",
               "print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress('abc', [1, 0, 1])))",
               "print(list(itertools.pairwise('abcd')), list(itertools.filterfalse(None, [0, 1, '', 'x'])))",
               "fibm = functools.lru_cache(maxsize=None)(lambda k: k if k < 2 else fibm(k - 1) + fibm(k - 2)); "
               "print(fibm(30), fibm.cache_info().hits > 0)"]
        return sampled(r, "stmt.itertools", ops, 4, ["import itertools, functools, collections, operator"])

    def s_finally_flow(self):
        """try/except/else/finally with return, break and continue crossing the blocks."""
        r = self.rng
        exc = r.choice(["ValueError('v')", "KeyError('k')", "ZeroDivisionError", "StopIteration(3)", "None"])
        raise_stmt = "pass" if exc == "None" else f"raise {exc}"
        k, v = pick(r, [
            ["def f():", IND + "try:", IND * 2 + raise_stmt, IND * 2 + "return 'try'", IND + "except Exception as e:",
             IND * 2 + "return 'except ' + type(e).__name__", IND + "else:", IND * 2 + "return 'else'",
             IND + "finally:", IND * 2 + "print('finally runs')", "print(f())"],
            ["def f():", IND + "for i in range(3):", IND * 2 + "try:", IND * 3 + "if i == 1:", IND * 4 + raise_stmt,
             IND * 2 + "except ValueError:", IND * 3 + "continue", IND * 2 + "finally:",
             IND * 3 + "print('fin', i)", IND + "return i", "print(f())"],
            ["def f():", IND + "try:", IND * 2 + "return 'body'", IND + "finally:",
             IND * 2 + "print('cleanup')", "print(f())"],
            ["out = []", "for i in range(4):", IND + "try:", IND * 2 + "if i % 2:", IND * 3 + "break",
             IND * 2 + "out.append(i)", IND + "finally:", IND * 2 + "out.append('f%d' % i)", "print(out)"],
            ["try:", IND + "try:", IND * 2 + raise_stmt, IND + "finally:", IND * 2 + "print('inner finally')",
             "except BaseException as e:", IND + "print('outer', type(e).__name__, e.args)"],
            ["def g():", IND + "try:", IND * 2 + "yield 1", IND * 2 + "yield 2", IND + "finally:",
             IND * 2 + "print('gen closed')", "it = g()", "print(next(it))", "it.close()", "print(list(it))"],
            ["try:", IND + raise_stmt, "except* ValueError as eg:" if exc.startswith("ValueError") else "except Exception as eg:",
             IND + "print(type(eg).__name__, repr(eg))"],
            ["import contextlib", "@contextlib.contextmanager", "def cm(tag):", IND + "print('enter', tag)",
             IND + "try:", IND * 2 + "yield tag", IND + "except ValueError as e:", IND * 2 + "print('handled', e)",
             IND + "finally:", IND * 2 + "print('exit', tag)", "with cm('a') as t:", IND + "print('body', t)",
             IND + raise_stmt if exc.startswith("ValueError") else IND + "pass"],
            ["e = None", "try:", IND + raise_stmt, "except Exception as e:", IND + "pass",
             "print('e' in dir())"],
        ])
        return f"stmt.finally_flow{k}", guarded(v)

    def s_dunder_class(self):
        """A class with arithmetic, comparison and container dunders, reflected and returning NotImplemented."""
        r = self.rng
        other = r.choice(["1", "2.5", "'s'", "[1]", "None", "N(3)", "True"])
        ops = [f"print(N(2) + {other})", f"print({other} + N(2))", f"print(N(2) * {other}, {other} * N(2))",
               f"print(N(2) == {other}, N(2) != {other})", f"print(N(2) < {other})", f"print({other} < N(2))",
               "print(sorted([N(3), N(1), N(2)]), max(N(1), N(5)))", "print(-N(4), abs(N(-4)), bool(N(0)), int(N(7)))",
               "print(N(2) in [N(2)], N(2) in {N(2): 1}, len({N(1), N(1)}))", "print(round(N(5)), format(N(5), '>4'))",
               f"x = N(1); x += {other}; print(x)", "print(divmod(N(7), 2), N(7) // 2, N(7) % 2)",
               "print(N(1).__add__('x'), N(1).__eq__('x'))", "print(N(3)[1], list(N(3)), reversed(N(3)) is not None)"]
        cls = ["class N:", IND + "def __init__(self, v):", IND * 2 + "self.v = v",
               IND + "def __repr__(self):", IND * 2 + "return f'N({self.v!r})'",
               IND + "def _o(self, o):", IND * 2 + "return o.v if isinstance(o, N) else o",
               IND + "def __add__(self, o):", IND * 2 + "if not isinstance(o, (int, float, N)):",
               IND * 3 + "return NotImplemented", IND * 2 + "return N(self.v + self._o(o))",
               IND + "__radd__ = __add__",
               IND + "def __mul__(self, o):", IND * 2 + "return N(self.v * self._o(o)) if isinstance(o, (int, N)) else NotImplemented",
               IND + "def __eq__(self, o):", IND * 2 + "return isinstance(o, N) and self.v == o.v",
               IND + "def __hash__(self):", IND * 2 + "return hash(self.v)",
               IND + "def __lt__(self, o):", IND * 2 + "return self.v < o.v if isinstance(o, N) else NotImplemented",
               IND + "def __neg__(self):", IND * 2 + "return N(-self.v)", IND + "def __abs__(self):",
               IND * 2 + "return N(abs(self.v))", IND + "def __bool__(self):", IND * 2 + "return bool(self.v)",
               IND + "def __int__(self):", IND * 2 + "return int(self.v)", IND + "def __index__(self):",
               IND * 2 + "return int(self.v)", IND + "def __round__(self, n=None):", IND * 2 + "return N(round(self.v))",
               IND + "def __format__(self, spec):", IND * 2 + "return format(self.v, spec)",
               IND + "def __floordiv__(self, o):", IND * 2 + "return N(self.v // self._o(o))",
               IND + "def __mod__(self, o):", IND * 2 + "return N(self.v % self._o(o))",
               IND + "def __divmod__(self, o):", IND * 2 + "return (self // o, self % o)",
               IND + "def __getitem__(self, i):", IND * 2 + "if i >= self.v:", IND * 3 + "raise IndexError(i)",
               IND * 2 + "return i * 10", IND + "def __len__(self):", IND * 2 + "return self.v"]
        return sampled(r, "stmt.dunder_class", ops, 4, cls)

    def s_gen_protocol(self):
        """Generators driven by send, throw and close; generator expressions consumed twice."""
        r = self.rng
        ops = ["print(g.send(None), g.send(5), g.send(7))", "print(next(g), g.throw(ValueError('t')))",
               "next(g); g.close(); print(g.gi_frame is None)", "print(list(g), list(g))",
               "print(next(g)); print(g.throw(KeyError, 'k'))", "g.close(); print(next(g, 'exhausted'))",
               "print(next(g), g.send('x'), next(g, 'end'))", "print(sum(x for x in range(5)), list(x for x in ()))",
               "it = iter([1, 2]); print(next(it), next(it), next(it, 'dflt'))",
               "print(g.send(1))"]
        gen = ["def gen():", IND + "total = 0", IND + "while True:", IND * 2 + "try:", IND * 3 + "x = yield total",
               IND * 2 + "except ValueError as e:", IND * 3 + "total = -1", IND * 3 + "print('caught', e)",
               IND * 2 + "else:", IND * 3 + f"if x is None or total > {r.randint(3, 20)}:", IND * 4 + "return total",
               IND * 3 + "total += x if isinstance(x, int) else 1", "g = gen()"]
        return sampled(r, "stmt.gen_protocol", ops, 3, gen)
