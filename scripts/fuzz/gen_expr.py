"""Random expressions over built-in values, evaluated while they are built.

Every sub-expression is evaluated (by this CPython) as soon as it is made, so
the generator knows each operand's value and can refuse a combination whose
cost is unbounded (`[0] * 10**12`, `2 ** 10**9`, `1 << 10**6`, a width of a
million in a format spec). What is left always terminates quickly and prints
a bounded amount, on any interpreter. Results that depend on the hash seed
(sets of str, hash of str, None in a set) are never built.

An expression is an `Ex(src, val, tag)`: its source, its value (or the
exception it raises, as `Raised`), and the tag of its top production, used to
attribute an output difference to a language feature.
"""

import builtins
import math

SMALL_INTS = [0, 1, -1, 2, 3, 5, 7, -3, 10, 16, 100, 255, -128]
BIG_INTS = [2**31, 2**63 - 1, 2**64, -(2**65), 10**20, 12345678901234567890]
FLOATS = [0.0, -0.0, 0.5, 1.5, -2.25, 3.14159, 1e10, 1e-7, 2.5, 1e300, 123.456, -0.1, 1e16, 7.0]
SPECIAL_FLOATS = ["float('inf')", "float('-inf')", "float('nan')"]
STRS = ["", "a", "abc", "Hello World", "  pad ", "a,b,,c", "ß", "é", "日本", "x\ty", "l1\nl2",
        "123", "-4.5", "Title Case", "aAbB", "0x1f", "1_000", " 42 ", "spam eggs spam", "ǅ", "İ"]
BYTES = [b"", b"abc", b"\x00\xff", b"a b", b"ABC", b"hello world", b"12"]


class Raised:
    """The value of an expression that raises: the exception it raises."""

    def __init__(self, exc):
        self.exc = exc


class Ex:
    """A generated expression: source text, value, and feature tag."""

    __slots__ = ("src", "val", "tag", "feats")

    def __init__(self, src, val, tag, feats=frozenset()):
        self.src = src
        self.val = val
        self.tag = tag
        # Every production used below the top one (leaves excluded).
        self.feats = feats

    def full_tag(self):
        """`TOP{SUB,…}`: the top production and every one below it."""
        below = sorted(self.feats - {self.tag})
        return self.tag + ("{" + ",".join(below) + "}" if below else "")

    def ok(self):
        return not isinstance(self.val, Raised)


ENV = {"__builtins__": builtins, "math": math}


def evaluate(template, operands):
    """Evaluates `template` (with {0}, {1}… holes) over operand values."""
    names = {f"_v{i}": e.val for i, e in enumerate(operands)}
    code = template.format(*names.keys())
    env = dict(ENV)
    env.update(names)
    try:
        return eval(code, env)
    except Exception as exc:  # noqa: BLE001 — any exception is a legitimate result
        return Raised(exc)


def size_ok(v, limit=400):
    """Bounded results only: repr length and nesting are limited."""
    try:
        if isinstance(v, int) and not isinstance(v, bool) and v.bit_length() > 3000:
            return False
        if isinstance(v, (str, bytes, list, tuple, dict, set, frozenset)) and len(v) > limit:
            return False
        return len(repr(v)) <= 4 * limit
    except Exception:  # noqa: BLE001
        return False


def hash_stable(v):
    """True when iteration order of a set holding `v` is the same in every run."""
    if isinstance(v, (bool, int)):
        return True
    if isinstance(v, float):
        return v == v  # hash(nan) is its address in 3.11
    if isinstance(v, tuple):
        return all(hash_stable(x) for x in v)
    return False


def order_ok(v, depth=0):
    """False when `v` holds a set whose iteration order depends on addresses: an item
    hashed by identity (None, NaN, a type, a function…), also inside a tuple. Strings
    are fine: both interpreters run with the same PYTHONHASHSEED."""
    if depth > 3:
        return True
    if isinstance(v, (set, frozenset)):
        return all(seeded_hash(x) for x in v)
    if isinstance(v, (list, tuple)):
        return all(order_ok(x, depth + 1) for x in v)
    if isinstance(v, dict):
        return all(order_ok(x, depth + 1) for x in v.values())
    return True


def seeded_hash(v):
    """True when hash(v) is the same in every run under a fixed PYTHONHASHSEED."""
    if isinstance(v, (bool, int, str, bytes)):
        return True
    if isinstance(v, float):
        return v == v
    if isinstance(v, (tuple, frozenset)):
        return all(seeded_hash(x) for x in v)
    return False


def num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def cost_ok(op, a, b):
    """Refuses binary operations whose cost grows without bound."""
    seqs = (str, bytes, list, tuple)
    if op == "*":
        if isinstance(a, seqs) and isinstance(b, int):
            return b <= 0 or len(a) * b <= 300
        if isinstance(b, seqs) and isinstance(a, int):
            return a <= 0 or len(b) * a <= 300
        if isinstance(a, int) and isinstance(b, int):
            return a.bit_length() + b.bit_length() <= 3000
    if op == "**" and isinstance(a, int) and isinstance(b, int):
        return b <= 0 or (b <= 300 and max(a.bit_length(), 1) * b <= 3000)
    if op == "**" and num(a) and num(b):
        return abs(b) <= 1e6 if isinstance(b, int) else True
    if op in ("<<",) and isinstance(a, int) and isinstance(b, int):
        return b < 0 or b <= 1000
    if op == "%" and isinstance(a, (str, bytes)):
        return "*" not in (a if isinstance(a, str) else a.decode("latin-1"))
    return True


class ExprGen:
    """Random expressions; `rng` is a random.Random (the only randomness)."""

    def __init__(self, rng):
        self.rng = rng

    # ---- leaves -------------------------------------------------------------
    def leaf(self, kind=None):
        """A literal of the given kind (random when None)."""
        e = self._leaf(kind)
        e.feats = frozenset({e.tag})
        return e

    def _leaf(self, kind):
        r = self.rng
        kind = kind or r.choice(["int", "int", "float", "str", "str", "bytes", "bool", "none", "list",
                                 "tuple", "dict", "set", "bigint"])
        if kind == "int":
            v = r.choice(SMALL_INTS)
            return Ex(repr(v), v, "lit.int")
        if kind == "bigint":
            v = r.choice(BIG_INTS)
            return Ex(repr(v), v, "lit.bigint")
        if kind == "float":
            if r.random() < 0.1:
                s = r.choice(SPECIAL_FLOATS)
                return Ex(s, eval(s), "lit.float")
            v = r.choice(FLOATS)
            return Ex(repr(v), v, "lit.float")
        if kind == "str":
            v = r.choice(STRS)
            return Ex(repr(v), v, "lit.str")
        if kind == "bytes":
            v = r.choice(BYTES)
            return Ex(repr(v), v, "lit.bytes")
        if kind == "bool":
            v = r.choice([True, False])
            return Ex(repr(v), v, "lit.bool")
        if kind == "none":
            return Ex("None", None, "lit.none")
        if kind in ("list", "tuple"):
            n = r.randint(0, 4)
            items = [self.leaf(r.choice(["int", "int", "float", "str", "bool"])) for _ in range(n)]
            if kind == "list":
                src = "[" + ", ".join(i.src for i in items) + "]"
                return Ex(src, [i.val for i in items], "lit.list")
            src = "(" + ", ".join(i.src for i in items) + ("," if n == 1 else "") + ")"
            return Ex(src, tuple(i.val for i in items), "lit.tuple")
        if kind == "dict":
            n = r.randint(0, 3)
            ks = [self.leaf(r.choice(["int", "str"])) for _ in range(n)]
            vs = [self.leaf(r.choice(["int", "float", "str", "none"])) for _ in range(n)]
            src = "{" + ", ".join(f"{k.src}: {v.src}" for k, v in zip(ks, vs)) + "}"
            return Ex(src, eval(src), "lit.dict")
        if kind == "set":
            n = r.randint(1, 4)
            items = [self.leaf(r.choice(["int", "int", "float"])) for _ in range(n)]
            items = [i for i in items if hash_stable(i.val)] or [self.leaf("int")]
            src = "{" + ", ".join(i.src for i in items) + "}"
            if r.random() < 0.3:
                src = f"frozenset({src})"
            return Ex(src, eval(src), "lit.set")
        raise ValueError(kind)

    # ---- composite ----------------------------------------------------------
    def expr(self, depth=2):
        r = self.rng
        if depth <= 0 or r.random() < 0.2:
            return self.leaf()
        maker = r.choice([self.binop, self.binop, self.binop, self.unary, self.compare, self.boolop,
                          self.ifexp, self.subscript, self.method, self.method, self.method,
                          self.builtin_call, self.builtin_call, self.fstring, self.convert,
                          self.comprehension, self.container])
        for _ in range(8):
            e = maker(depth)
            if e is not None and (not e.ok() or (size_ok(e.val) and order_ok(e.val))):
                return e
        return self.leaf()

    def ok_expr(self, depth):
        """An expression that does not raise (retrying a few times)."""
        for _ in range(10):
            e = self.expr(depth)
            if e.ok():
                return e
        return self.leaf()

    def combine(self, template, operands, tag):
        val = evaluate(template, operands)
        src = template.format(*[f"({o.src})" if needs_parens(o.src) else o.src for o in operands])
        feats = frozenset({tag}).union(*[o.feats for o in operands])
        return Ex(src, val, tag, feats)

    def binop(self, depth):
        op = self.rng.choice(["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
                              "+", "*", "%", "-"])
        a = self.ok_expr(depth - 1)
        b = self.ok_expr(depth - 1)
        if isinstance(a.val, (int, float)) and isinstance(b.val, (int, float)) and self.rng.random() < 0.5:
            pass
        elif self.rng.random() < 0.5:
            # Bias toward numbers so arithmetic is exercised more than TypeErrors.
            b = self.leaf(self.rng.choice(["int", "float", "bigint"]))
        if not cost_ok(op, a.val, b.val):
            return None
        return self.combine("{0} " + op + " {1}", [a, b], "binop." + op)

    def unary(self, depth):
        op = self.rng.choice(["-", "+", "~", "not "])
        a = self.ok_expr(depth - 1)
        return self.combine(op + "{0}", [a], "unary." + op.strip())

    def compare(self, depth):
        ops = ["<", "<=", ">", ">=", "==", "!=", "in", "not in", "is", "is not"]
        a = self.ok_expr(depth - 1)
        b = self.ok_expr(depth - 1)
        op = self.rng.choice(ops)
        if op in ("is", "is not"):
            b = Ex("None", None, "lit.none")
        if self.rng.random() < 0.2:
            c = self.ok_expr(depth - 1)
            op2 = self.rng.choice(ops[:6])
            return self.combine("{0} " + op + " {1} " + op2 + " {2}", [a, b, c], "cmp.chain")
        return self.combine("{0} " + op + " {1}", [a, b], "cmp." + op.replace(" ", "_"))

    def boolop(self, depth):
        op = self.rng.choice(["and", "or"])
        return self.combine("{0} " + op + " {1}", [self.ok_expr(depth - 1), self.ok_expr(depth - 1)], "bool." + op)

    def ifexp(self, depth):
        return self.combine("{1} if {0} else {2}", [self.ok_expr(depth - 1), self.ok_expr(depth - 1),
                                                  self.ok_expr(depth - 1)], "ifexp")

    def subscript(self, depth):
        r = self.rng
        seq = self.ok_expr(depth - 1)
        if not isinstance(seq.val, (str, bytes, list, tuple, dict, range)):
            seq = self.leaf(r.choice(["str", "bytes", "list", "tuple", "dict"]))
        idx = [None, 0, 1, -1, 2, -2, 3, 10, -10, 100]
        if isinstance(seq.val, dict) or r.random() < 0.4:
            if isinstance(seq.val, dict) and seq.val and r.random() < 0.7:
                k = r.choice(list(seq.val))
                i = Ex(repr(k), k, "lit")
            else:
                i = self.leaf(r.choice(["int", "str", "float"]))
            return self.combine("{0}[{1}]", [seq, i], "subscript")
        a, b = r.choice(idx), r.choice(idx)
        parts = ["" if a is None else str(a), "" if b is None else str(b)]
        if r.random() < 0.5:
            c = r.choice([None, 1, 2, -1, -2, 3, 0])
            parts.append("" if c is None else str(c))
        return self.combine("{0}[" + ":".join(parts) + "]", [seq], "slice")

    def method(self, depth):
        from methods import METHODS  # local import: the table is long
        r = self.rng
        recv = self.ok_expr(depth - 1)
        tname = type(recv.val).__name__
        if tname not in METHODS or r.random() < 0.3:
            tname = r.choice(list(METHODS))
            recv = self.leaf({"str": "str", "bytes": "bytes", "list": "list", "tuple": "tuple", "dict": "dict",
                              "int": "int", "float": "float", "set": "set", "frozenset": "set"}[tname])
            tname = type(recv.val).__name__
        name, argspec = r.choice(METHODS[tname])
        args = [self.arg(a) for a in argspec]
        if recv.src[:1].isdigit():
            recv = Ex("(" + recv.src + ")", recv.val, recv.tag, recv.feats)  # `1 .x`, not `1.x`
        template = "{0}." + name + "(" + ", ".join("{%d}" % (i + 1) for i in range(len(args))) + ")"
        return self.combine(template, [recv] + args, f"meth.{tname}.{name}")

    def arg(self, spec):
        """One argument of a method or built-in, drawn by kind."""
        r = self.rng
        if spec == "n":  # a small count or width
            v = r.choice([0, 1, 2, 3, 5, 8, 12, -1])
            return Ex(repr(v), v, "lit.int")
        if spec == "i":  # an index
            v = r.choice([0, 1, -1, 2, -2, 5, 100])
            return Ex(repr(v), v, "lit.int")
        if spec == "s":
            v = r.choice(["a", "b", ",", " ", "", "ab", "l", "spam", "x", "ß", "-", "0"])
            return Ex(repr(v), v, "lit.str")
        if spec == "b":
            v = r.choice([b"a", b" ", b"", b"b", b"ab", b"l"])
            return Ex(repr(v), v, "lit.bytes")
        if spec == "it":  # an iterable of strs
            return self.leaf(r.choice(["list", "tuple", "str"]))
        if spec == "x":
            return self.ok_expr(1)
        if spec == "enc":
            v = r.choice(["utf-8", "ascii", "latin-1", "utf-16", "UTF8"])
            return Ex(repr(v), v, "lit.str")
        raise ValueError(spec)

    def builtin_call(self, depth):
        r = self.rng
        f = r.choice(["len", "abs", "min", "max", "sum", "sorted", "list(reversed({0}))", "list(enumerate({0}))",
                      "any", "all", "round", "round2", "divmod", "pow", "pow3", "hex", "oct", "bin", "chr", "ord",
                      "repr", "ascii", "bool", "type({0}).__name__", "hash", "isinstance", "list(zip({0}, {1}))",
                      "max2", "min2", "sorted_rev", "sum2", "list(map(str, {0}))", "format"])
        a = self.ok_expr(depth - 1)
        if f in ("round2",):
            return self.combine("round({0}, {1})", [a, self.arg("i")], "builtin.round")
        if f in ("divmod", "max2", "min2", "sum2"):
            b = self.ok_expr(depth - 1)
            name = f.rstrip("2")
            return self.combine(name + "({0}, {1})", [a, b], "builtin." + name)
        if f == "pow":
            b = self.leaf(r.choice(["int", "float"]))
            if not cost_ok("**", a.val, b.val):
                return None
            return self.combine("pow({0}, {1})", [a, b], "builtin.pow")
        if f == "pow3":
            return self.combine("pow({0}, {1}, {2})", [a, self.leaf("int"), self.leaf("int")], "builtin.pow3")
        if f == "hash":
            if not hash_stable(a.val):
                return None
            return self.combine("hash({0})", [a], "builtin.hash")
        if f == "isinstance":
            t = r.choice(["int", "float", "str", "bytes", "list", "tuple", "dict", "(int, float)", "bool", "object"])
            return self.combine("isinstance({0}, " + t + ")", [a], "builtin.isinstance")
        if f == "sorted_rev":
            return self.combine("sorted({0}, reverse=True)", [a], "builtin.sorted")
        if f == "format":
            from fmtspec import spec_for
            spec = spec_for(r, a.val)
            return self.combine("format({0}, " + repr(spec) + ")", [a], "builtin.format")
        if "{0}" in f:
            ops = [a] if "{1}" not in f else [a, self.ok_expr(depth - 1)]
            return self.combine(f, ops, "builtin." + f.split("(")[0] + ("." + f.split("(")[1] if "(" in f[5:] else ""))
        return self.combine(f + "({0})", [a], "builtin." + f)

    def convert(self, depth):
        r = self.rng
        f = r.choice(["int", "float", "str", "bool", "list", "tuple", "set", "dict", "bytes", "int16",
                      "frozenset", "sorted"])
        a = self.ok_expr(depth - 1)
        if r.random() < 0.4:
            a = self.leaf(r.choice(["str", "str", "float", "bytes"]))
        if f == "int16":
            return self.combine("int({0}, 16)", [a], "conv.int_base")
        if f == "bytes" and isinstance(a.val, int) and not 0 <= a.val <= 64:
            return None
        if f in ("set", "frozenset"):
            try:
                if not all(hash_stable(x) for x in a.val):
                    return None
            except TypeError:
                pass
        return self.combine(f + "({0})", [a], "conv." + f)

    def fstring(self, depth):
        from fmtspec import spec_for
        r = self.rng
        a = self.ok_expr(depth - 1)
        spec = spec_for(r, a.val)
        conv = r.choice(["", "", "", "!r", "!s", "!a"])
        fits = not any(c in a.src for c in "\\\"{}#\n")
        form = r.random()
        if fits and form < 0.6:
            inner = "{(" + a.src + ")" + conv + (":" + spec if spec else "") + "}"
            pre = r.choice(["", "v=", "[", "x "])
            post = r.choice(["", "]", " end"])
            src = 'f"' + pre + inner + post + '"'
            val = evaluate('f"' + pre + "{{{0}" + conv + (":" + spec if spec else "") + "}}" + post + '"', [a])
            tag = "fstring" + (".spec" if spec else "") + (".conv" if conv else "")
            return Ex(src, val, tag, a.feats | {tag})
        if form < 0.8:
            return self.combine("'{{" + conv + (":" + spec if spec else "") + "}}'.format({0})", [a], "str.format")
        pct = r.choice(["%s", "%r", "%d", "%5d", "%-6s|", "%.2f", "%x", "%o", "%e", "%g", "%c", "%05.1f", "%+d", "%%d"])
        return self.combine(repr(pct) + " % ({0},)", [a], "percent")

    def comprehension(self, depth):
        r = self.rng
        src = self.ok_expr(depth - 1)
        if not isinstance(src.val, (str, bytes, list, tuple, dict, set, frozenset)):
            src = self.leaf(r.choice(["list", "tuple", "str", "dict"]))
        elt = r.choice(["x", "x * 2", "str(x)", "repr(x)", "(x, x)", "x == x", "type(x).__name__", "[x]"])
        cond = r.choice(["", "", " if x", " if not x", " if x != 1"])
        kind = r.choice(["list", "gen", "dict", "set"])
        if kind == "list":
            t = "[" + elt + " for x in {0}" + cond + "]"
        elif kind == "gen":
            t = "list(" + elt + " for x in {0}" + cond + ")"
        elif kind == "dict":
            t = "{{i: " + elt + " for i, x in enumerate({0})" + cond + "}}"
        else:
            if not isinstance(src.val, (list, tuple)) or not all(hash_stable(x) for x in src.val):
                return None
            t = "sorted({{" + elt + " for x in {0}" + cond + "}}, key=repr)"
        return self.combine(t, [src], "comp." + kind)

    def container(self, depth):
        r = self.rng
        items = [self.ok_expr(depth - 1) for _ in range(r.randint(0, 3))]
        kind = r.choice(["list", "tuple", "dict", "star"])
        holes = ", ".join("{%d}" % i for i in range(len(items)))
        if kind == "list":
            return self.combine("[" + holes + "]", items, "cont.list")
        if kind == "tuple":
            return self.combine("(" + holes + ("," if len(items) == 1 else "") + ")", items, "cont.tuple")
        if kind == "star":
            return self.combine("[*{0}, *{1}]", [self.ok_expr(depth - 1), self.ok_expr(depth - 1)], "cont.star")
        return self.combine("{{" + ", ".join("%d: {%d}" % (i, i) for i in range(len(items))) + "}}", items,
                            "cont.dict")


def needs_parens(src):
    """Names and unsigned number literals stand alone; anything else gets parentheses."""
    return not (src.isidentifier() or src.replace(".", "", 1).isdigit())
