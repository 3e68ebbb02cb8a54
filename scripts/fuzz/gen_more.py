"""More snippet families for gen_prog.ProgGen (a mixin: every `s_` method is one family).

What students meet after the basics: str.format and % with every kind of
field, exceptions as objects (notes, groups and except*, chaining, the
OSError constructor's subclass choice, context managers), classes that use
the data model (slices given to __getitem__, __index__, __len__/__bool__
results of the wrong type, __slots__, descriptors, __init_subclass__,
__class__ assignment, property subclasses, dataclasses, namedtuples), the
less common built-in types (bytearray, memoryview, complex, range) and
comprehension scoping. Like the rest, each is deterministic under any hash
seed: no ids or default reprs (no `<… object at 0x…>`), no sets of str.
"""

IND = "    "  # as gen_prog's


class MoreSnippets:
    """Snippet families mixed into ProgGen; they use its `leaf`, `ok` and `rng`."""

    def _vals(self, n):
        """`n` literal sources of the kinds whose repr and format are deterministic."""
        kinds = ["int", "float", "str", "bool", "none", "list", "tuple", "bytes", "bigint"]
        return [self.leaf(self.rng.choice(kinds)).src for _ in range(n)]

    def s_str_format(self):
        r = self.rng
        x, y, z = self._vals(3)
        w, p = r.choice([0, 1, 3, 8, 12]), r.choice([0, 1, 2, 6])
        i, f, s = self.leaf("int").src, self.leaf("float").src, self.leaf("str").src
        align = r.choice(["<", ">", "^", "=", ""])
        ops = [f"print('{{}} {{!r}} {{!s}} {{!a}}'.format({x}, {y}, {z}, {x}))",
               f"print('{{0[1]}} {{1[k]}}'.format([{x}, {y}], {{'k': {z}}}))",
               f"print('{{a}}|{{b:>{{w}}}}|'.format(a={x}, b={s}, w={w}))",
               f"print('{{:{{w}}.{{p}}f}}|{{:{{}}.{{}}e}}'.format({f}, {f}, {w}, {p}, w={w}, p={p}))",
               f"print('%(a)s-%(b)r-%(a)s' % {{'a': {x}, 'b': {y}}})",
               f"print('%*d|%-*s|%.*f' % ({w}, {i}, {w}, {s}, {p}, {f}))",
               f"print('{{0}}{{1}}{{0}}'.format({x}, {y}), '{{}}{{}}'.format({x}))",
               f"print('{{x}} {{y}}'.format_map({{'x': {x}}}))",
               f"a, b, c = {x}, {y}, {z}; print(f'{{a!r:{align}{w}}}|{{b=}}|{{c = !s}}|{{a!s:.{p}}}')",
               f"print('{{:,}} {{:_x}} {{:%}} {{:e}} {{:g}}'.format({i}, {i}, {f}, {f}, {f}))",
               f"print(format({x}, ''), str.format('{{}}', {x}), '{{!r:>10}}'.format({y}))",
               r.choice(["print('{'.format(1))", "print('}'.format())", "print('{0!x}'.format(1))",
                         f"print('{{:d}}'.format({s}))", "print('{0:{1}}'.format(1, 'x'))",
                         "print('{} {0}'.format(1, 2))", "print('{a.b}'.format(a=1))", "print('{0[}'.format(1))",
                         "print('%d %d' % (1,))", "print('%(a)s %s' % {'a': 1})", "print('%z' % 1)",
                         "print('%c' % 1114112)", "print('%c|%c' % (65, 'b'))", "print('%s' % ())"]),
               f"print('{{:{{}}}}{{:{{}}}}'.format({x}, {w}, {y}, {w}))",
               f"print('{{0:{{fill}}{{align}}{{w}}}}'.format({s}, fill='*', align='{align or '<'}', w={w}))",
               f"print('%5.2s|%-6r|%+.3g|%#x|%#o|%05d' % ({s}, {x}, {f}, {i}, {i}, {i}))",
               f"print('{{:#b}} {{:+08.3f}} {{:^+9}} {{:x<4}}'.format({i}, {f}, {i}, {s}))"]
        return self.sampled_ops("stmt.str_format", ops, 4)

    def s_exc_objects(self):
        r = self.rng
        v = self._vals(1)[0]
        ops = ["e = ValueError('v'); e.add_note('n1'); e.add_note('n2'); print(e.__notes__, str(e), e.args)",
               "ValueError().add_note(5)",
               f"print(repr(KeyError({v})), str(KeyError({v})), str(KeyError()), str(KeyError(1, 2)), repr(ValueError()))",
               "try:\n" + IND * 2 + "try:\n" + IND * 3 + "1 / 0\n" + IND * 2 + "except ZeroDivisionError:\n"
               + IND * 3 + "raise ValueError('x') from None\n" + IND + "except ValueError as e:\n"
               + IND * 2 + "print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)",
               "eg = ExceptionGroup('many', [ValueError(1), TypeError(2), ExceptionGroup('in', [KeyError(3)])])\n"
               + IND + "print(repr(eg), str(eg), len(eg.exceptions))\n"
               + IND + "m, rest = eg.split(ValueError); print(repr(m), repr(rest))\n"
               + IND + "print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))), eg.subgroup(OSError))",
               "try:\n" + IND * 2 + "raise ExceptionGroup('g', [ValueError(1), TypeError(2), KeyError(3)])\n"
               + IND + "except* ValueError as g:\n" + IND * 2 + "print('V', repr(g))\n"
               + IND + "except* (TypeError, KeyError) as g:\n" + IND * 2 + "print('TK', repr(g))",
               "ExceptionGroup('x', [])", "ExceptionGroup('x', [1])", "print(repr(BaseExceptionGroup('b', [KeyboardInterrupt()])))",
               "print(type(ExceptionGroup('x', [KeyboardInterrupt()])).__name__)",
               f"e = OSError({r.choice([2, 13, 17, 1, 999])}, 'msg', 'f.txt'); print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))",
               "e = OSError('one'); print(type(e).__name__, e.errno, e.args, str(e))",
               "print(StopIteration(5).value, SystemExit(3).code, SystemExit().code, KeyError('a').args)",
               "print(str(UnicodeDecodeError('utf-8', b'\\xff', 0, 1, 'bad')))",
               "try:\n" + IND * 2 + "raise\n" + IND + "except RuntimeError as e:\n" + IND * 2 + "print(e)",
               "class CM:\n" + IND * 2 + "def __init__(self, s): self.s = s\n"
               + IND * 2 + "def __enter__(self): print('enter'); return self\n"
               + IND * 2 + "def __exit__(self, t, e, tb): print('exit', t and t.__name__, e); return self.s\n"
               + IND + f"with CM({r.choice(['True', 'False', '0', '1', 'None'])}) as c:\n"
               + IND * 2 + f"{r.choice(['1 / 0', 'pass', 'raise KeyError(1)'])}\n" + IND + "print('after')",
               "import contextlib\n" + IND + "with contextlib.suppress(KeyError, IndexError):\n"
               + IND * 2 + f"print({r.choice(['{}[1]', '[][1]', '1 / 0', '1'])})\n" + IND + "print('suppressed')",
               "import contextlib\n" + IND + "@contextlib.contextmanager\n" + IND + "def cm():\n"
               + IND * 2 + "try:\n" + IND * 3 + "yield 1\n" + IND * 2 + "except ValueError as e:\n"
               + IND * 3 + "print('cm caught', e)\n" + IND * 2 + "finally:\n" + IND * 3 + "print('cm done')\n"
               + IND + "with cm() as v:\n" + IND * 2 + f"{r.choice(['raise ValueError(v)', 'print(v)', 'raise TypeError(v)'])}",
               "class E(Exception):\n" + IND * 2 + "def __str__(self): return 'E!' + str(len(self.args))\n"
               + IND + "print(E(), E(1, 2), repr(E(1)), E(1).args)",
               "try:\n" + IND * 2 + "raise TypeError('a')\n" + IND + "except TypeError as e:\n"
               + IND * 2 + "try:\n" + IND * 3 + "raise KeyError('b')\n" + IND * 2 + "except KeyError as k:\n"
               + IND * 3 + "print(repr(k.__context__), k.__cause__, k.__suppress_context__)",
               "raise ValueError from 5", "raise 5", "raise KeyError", "raise TypeError('t') from KeyError('k')"]
        return self.sampled_ops("stmt.exc_objects", ops, 3)

    def s_class_protocols(self):
        r = self.rng
        i1, i2 = r.randint(-3, 6), r.randint(-3, 6)
        ops = ["class S:\n" + IND * 2 + "def __getitem__(self, k): return k\n"
               + IND + "s = S(); print(s[1:2], s[::3], s[1, 2:3], s[...], s[:, None], s['a':])",
               "class I:\n" + IND * 2 + "def __init__(self, v): self.v = v\n" + IND * 2 + "def __index__(self): return self.v\n"
               + IND + f"print('abcdef'[I({i1}):I({i2})], [10, 20, 30][I({i1 % 3})], list(range(I({i2}))), bin(I({i1})), hex(I({i2})), 'ab' * I(2))",
               "class L:\n" + IND * 2 + f"def __len__(self): return {r.choice(['-1', '2', 'True', '2.0', 'None', '2**70'])}\n"
               + IND + "print(len(L()))\n" + IND + "print(bool(L()))",
               "class B:\n" + IND * 2 + f"def __bool__(self): return {r.choice(['1', 'True', 'None', '[]', 'False'])}\n"
               + IND + "print(bool(B()))\n" + IND + "print(not B(), 'y' if B() else 'n')",
               "class R:\n" + IND * 2 + "def __repr__(self): return 'R-repr'\n" + IND * 2 + "def __str__(self): return 'R-str'\n"
               + IND + "r = R(); print(r, [r], f'{r}|{r!r}|{r:}', '{}|{!r}'.format(r, r), '%s|%r' % (r, r), str(r), repr((r,)))",
               "class Base:\n" + IND * 2 + "subs = []\n" + IND * 2 + "def __init_subclass__(cls, tag='none', **kw):\n"
               + IND * 3 + "super().__init_subclass__(**kw); Base.subs.append((cls.__name__, tag))\n"
               + IND + "class A(Base, tag='a'): pass\n" + IND + "class B(A): pass\n" + IND + "print(Base.subs)\n"
               + IND + "class C(Base, other=1): pass",
               "class D:\n" + IND * 2 + "def __set_name__(self, owner, name): self.name = name\n"
               + IND * 2 + "def __get__(self, obj, typ=None): return (self.name, obj is None)\n"
               + IND * 2 + "def __set__(self, obj, v): obj.__dict__['_' + self.name] = v\n"
               + IND + "class H:\n" + IND * 2 + "x = D()\n" + IND + "h = H(); h.x = 5; print(H.x, h.x, sorted(vars(h)))",
               "class Sl:\n" + IND * 2 + "__slots__ = ('a', 'b')\n" + IND + "s = Sl(); s.a = 1; print(s.a, hasattr(s, 'b'), hasattr(s, '__dict__'))\n"
               + IND + f"s.{r.choice(['b', 'c', 'a'])} = 2; print(sorted(Sl.__slots__))\n" + IND + "print(s.b)",
               "class P(property): pass\n" + IND + "p = P(lambda self: 1)\n" + IND + "p.note = 'n'; print(p.note, type(p).__name__)\n"
               + IND + "class Q:\n" + IND * 2 + "v = P(lambda self: 42, doc='the doc')\n" + IND + "print(Q().v, Q.v.__doc__)",
               "class A:\n" + IND * 2 + "def who(self): return 'A'\n" + IND + "class B:\n" + IND * 2 + "def who(self): return 'B'\n"
               + IND + "a = A(); a.__class__ = B; print(a.who(), type(a).__name__, isinstance(a, A))\n"
               + IND + f"a.__class__ = {r.choice(['int', 'object', 'A', '5', 'type'])}; print(type(a).__name__)",
               "class A:\n" + IND * 2 + "__slots__ = ('x',)\n" + IND + "class B:\n" + IND * 2 + "pass\n"
               + IND + f"{r.choice(['A().__class__ = B', 'B().__class__ = A', 'x = A(); x.__class__ = A; print(1)'])}",
               "class E:\n" + IND * 2 + "def __eq__(self, o): return True\n" + IND + "print(E() == 1, E() != 1, E.__hash__)\n"
               + IND + "print(hash(E()))",
               "from collections import namedtuple\n" + IND + "Pt = namedtuple('Pt', 'x y', defaults=[0])\n"
               + IND + f"p = Pt({i1}); print(p, p._replace(y=3), p._asdict(), p == ({i1}, 0), p._fields, Pt._field_defaults)\n"
               + IND + "print({p: 1}[p], {(p, 1): 2}[(p, 1)], max([p, Pt(9)]), p + (1,))",
               "from dataclasses import dataclass, field\n" + IND + "@dataclass(order=True)\n" + IND + "class DC:\n"
               + IND * 2 + "x: int\n" + IND * 2 + "y: str = 'a'\n" + IND * 2 + "z: list = field(default_factory=list)\n"
               + IND + f"print(DC({i1}), DC(1) < DC(2, 'b'), DC(1) == DC(1), sorted([DC({i2}), DC({i1})]))",
               "class Dm(dict):\n" + IND * 2 + "def __missing__(self, k): return k * 2\n"
               + IND + "d = Dm(a=1); print(d['a'], d['zz'], d.get('zz'), 'zz' in d, d)",
               "class Lr(list):\n" + IND * 2 + "def __repr__(self): return 'Lr' + super().__repr__()\n"
               + IND + "x = Lr([1, 2]); print(x, f'{x}', '{}'.format(x), format(x), str(x), [x], x + [3], type(x[:1]).__name__)",
               "class N:\n" + IND * 2 + "def __new__(cls, v):\n" + IND * 3 + f"return {r.choice(['v', 'super().__new__(cls)', 'None'])}\n"
               + IND * 2 + "def __init__(self, v): print('init', v)\n" + IND + "print(type(N(3)).__name__)",
               "class In:\n" + IND * 2 + f"def __init__(self): return {r.choice(['1', 'None', '[]'])}\n" + IND + "print(type(In()).__name__)",
               "class It:\n" + IND * 2 + "def __init__(self): self.n = 0\n" + IND * 2 + "def __iter__(self): return self\n"
               + IND * 2 + "def __next__(self):\n" + IND * 3 + "self.n += 1\n" + IND * 3 + "if self.n > 3: raise StopIteration\n"
               + IND * 3 + "return self.n\n" + IND + "print(list(It()), 2 in It(), sum(It()), sorted(It(), reverse=True), dict(zip(It(), 'abc')))",
               "class G:\n" + IND * 2 + "def __getitem__(self, i):\n" + IND * 3 + "if i > 2: raise IndexError\n" + IND * 3 + "return i\n"
               + IND + "print(list(G()), 1 in G(), 7 in G(), list(reversed([*G()])), iter(G()).__class__.__name__)",
               "class Tm:\n" + IND * 2 + "def __getattr__(self, n): return n * 2\n" + IND * 2 + "def __getattribute__(self, n):\n"
               + IND * 3 + "if n.startswith('x'): raise AttributeError(n)\n" + IND * 3 + "return object.__getattribute__(self, n)\n"
               + IND + "t = Tm(); t.k = 1; print(t.k, t.xy, getattr(t, 'xz', 'd'), hasattr(t, 'xq'))"]
        return self.sampled_ops("stmt.class_protocols", ops, 3)

    def s_more_types(self):
        r = self.rng
        a, b, c = r.randint(-5, 12), r.randint(-5, 12), r.choice([1, 2, 3, -1, -2])
        f = self.leaf("float").src
        ops = ["b = bytearray(b'hello'); b[0] = 72; b.extend(b'!'); b += b'?'; print(b, b.pop(), b.find(b'l'), b.upper(), bytes(b), len(b))",
               f"b = bytearray(b'abcdefgh'); b[{a % 5}:{b % 7}] = b'XYZ'; del b[::{c}]; print(b, b.hex(), b.count(b'X'))",
               f"b = bytearray(3); b.insert({a}, {r.choice([65, 256, -1, 0])}); print(b)",
               f"b = bytearray(b'a-b-c'); print(b.split(b'-'), b.replace(b'-', b'+'), b.decode(), b * 2, b[{a}:], b.rstrip(b'c'))",
               f"m = memoryview(b'abcdef'); print(m[{a % 6}], m[1:3].tobytes(), m.tolist(), len(m), m.nbytes, m.readonly, bytes(m[::{c}]))",
               "m = memoryview(bytearray(b'xyz')); m[0] = 65; m[1:] = b'BC'; print(m.obj, m.tobytes(), m == b'ABC')",
               f"c = complex({a}, {b}); print(c, c.real, c.imag, c.conjugate(), c * c, c + 1, c == {a}, repr(-c))",
               f"print(complex('{r.choice(['1+2j', ' 3j ', '-1.5-0j', '(2+1j)', 'j', '1+', 'inf+nanj'])}'))",
               f"print(abs(complex({a}, {b})), complex({a}, {b}) ** 2, {f} * 1j, (1j) ** 2)",
               f"r = range({a}, {b}, {c}); print(r, len(r), list(r[::2]), r[1:], r[::-1], {b} in r, r.count({a}), bool(r))",
               f"r = range({a}, {b}, {c}); print(r.index({a}))",
               f"print(range({a}, {b}) == range({a}, {b}, 1), range(0) == range(2, 2), hash(range(0)) == hash(range(3, 3)))",
               f"print(range({a})[{b}])",
               "print(int.from_bytes(b'\\x01\\x02', 'big'), (258).to_bytes(2, 'little'), int('0x1f', 0), int('1_000'), int(' 12 '))",
               f"print(int('{r.choice(['0b101', '0o17', '08', '1__0', '_1', '١٢', '12 ', 'z'])}', {r.choice([0, 10, 36, 16])}))",
               f"print(divmod({a}, {b}), pow({a}, {abs(b)}, {r.choice([7, 13, 1, -5])}), round({f}, {c}), {f}.hex())",
               f"print(pow({a}, -1, {r.choice([7, 13, 6])}))",
               "print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-1074'), (0.1).as_integer_ratio(), float('  -inf '))",
               "print('Hello World'.translate(str.maketrans('lo', '01', 'W')), str.maketrans({'a': 'b'}))",
               "print('ß'.upper(), 'ǅ'.lower(), 'ﬁ'.upper(), 'İ'.lower(), 'ΣΑΣ'.lower(), 'ǆ'.title(), 'ß'.casefold())",
               f"print(sorted('hello'), list(reversed('abc')), ''.join(reversed({self.leaf('str').src})), min('xyz'), max('abc', key=ord))",
               "print(bool(0j), bool(range(0)), bool(bytearray()), bool(memoryview(b'')), len(memoryview(b'ab')))"]
        return self.sampled_ops("stmt.more_types", ops, 3)

    def s_comprehension_scope(self):
        r = self.rng
        n = r.randint(0, 5)
        ops = [f"x = [1]; g = (i for i in x); x = [2]; print(list(g))",
               f"class K:\n" + IND * 2 + f"v = {n}\n" + IND * 2 + "w = [v for _ in range(2)]",
               f"class K:\n" + IND * 2 + f"v = {n}\n" + IND * 2 + "w = [i for i in range(v)]\n" + IND + "print(K.w)",
               f"print([(i, j) for i in range({n}) for j in range(i) if (i + j) % 2], [y for x in range({n}) if (y := x * 2) > 2])",
               f"print({{i: i * i for i in range({n})}}, {{c for c in 'abca'}} == set('abc'), [c * 2 for c in 'xyz'[:{n}]])",
               f"fs = [lambda: i for i in range({n})]; print([f() for f in fs])",
               f"print([[j for j in range(i)] for i in range({n})], sum(i for i in range({n}) if i % 2))",
               f"print(list(zip(*[(i, i * 2) for i in range({n})])), dict(enumerate('abc'[:{n}], 1)))",
               "print([x for x in range(3)]); print(x)",
               f"total = 0\n" + IND + f"print([total := total + i for i in range({n})], total)",
               f"print(next((i for i in range({n}) if i > 2), 'none'), any(i > 3 for i in range({n})), all([]))",
               f"print(sorted({{(i % 3, i) for i in range({n * 2})}}), [*range({n}), *'ab'], {{**{{'a': 1}}, 'b': {n}}})"]
        return self.sampled_ops("stmt.comprehension_scope", ops, 3)
