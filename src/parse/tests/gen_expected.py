"""Regenerates corpus_expected.txt from corpus.txt with CPython's own parser.

Run from this directory with Python 3.11: `python3 gen_expected.py`.
The dump format matches `dump.rs`: compact, positions as @line:col (col in
characters), positions inside f-strings omitted (CPython 3.11's are odd).
"""
import ast
import struct

SEP = "#####\n"


def esc_str(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x" % o)
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def esc_bytes(b):
    out = []
    for o in b:
        if o == 0x5C:
            out.append("\\\\")
        elif o == 0x27:
            out.append("\\'")
        elif 0x20 <= o < 0x7F:
            out.append(chr(o))
        else:
            out.append("\\x%02x" % o)
    return "b'" + "".join(out) + "'"


class Dumper:
    def __init__(self, src):
        self.lines = src.splitlines(True)
        self.in_fstring = 0

    def loc(self, n):
        if self.in_fstring:
            return "@?"
        line = self.lines[n.lineno - 1].encode() if n.lineno - 1 < len(self.lines) else b""
        col = len(line[: n.col_offset].decode("utf-8", "replace"))
        return "@%d:%d" % (n.lineno, col)

    def opt(self, n):
        return "~" if n is None else self.d(n)

    def lst(self, v):
        return "[" + ", ".join(self.d(x) for x in v) + "]"

    def op(self, o):
        return type(o).__name__

    def args(self, a):
        def arg(p):
            if p is None:
                return "~"
            return p.arg + (":" + self.d(p.annotation) if p.annotation else "")

        return "args(posonly=[%s], args=[%s], vararg=%s, kwonly=[%s], kw_defaults=[%s], kwarg=%s, defaults=%s)" % (
            ", ".join(arg(p) for p in a.posonlyargs),
            ", ".join(arg(p) for p in a.args),
            arg(a.vararg),
            ", ".join(arg(p) for p in a.kwonlyargs),
            ", ".join(self.opt(x) for x in a.kw_defaults),
            arg(a.kwarg),
            self.lst(a.defaults),
        )

    def d(self, n):
        t = type(n).__name__
        if isinstance(n, list):
            return self.lst(n)
        if isinstance(n, ast.keyword):
            return "kw(%s, %s)" % (n.arg or "~", self.d(n.value))
        if isinstance(n, ast.alias):
            return n.name + (" as " + n.asname if n.asname else "")
        if isinstance(n, ast.withitem):
            return self.d(n.context_expr) + (" as " + self.d(n.optional_vars) if n.optional_vars else "")
        if isinstance(n, ast.comprehension):
            return "comp(%s, %s, %s, %d)" % (self.d(n.target), self.d(n.iter), self.lst(n.ifs), n.is_async)
        if isinstance(n, ast.ExceptHandler):
            return "except%s(%s, %s, %s)" % (self.loc(n), self.opt(n.type), n.name or "~", self.lst(n.body))
        L = self.loc(n)
        if isinstance(n, ast.Expr):
            return "Expr%s(%s)" % (L, self.d(n.value))
        if isinstance(n, ast.Assign):
            return "Assign%s(%s, %s)" % (L, self.lst(n.targets), self.d(n.value))
        if isinstance(n, ast.AugAssign):
            return "AugAssign%s(%s, %s, %s)" % (L, self.d(n.target), self.op(n.op), self.d(n.value))
        if isinstance(n, ast.AnnAssign):
            return "AnnAssign%s(%s, %s, %s)" % (L, self.d(n.target), self.d(n.annotation), self.opt(n.value))
        if isinstance(n, (ast.If, ast.While)):
            return "%s%s(%s, %s, %s)" % (t, L, self.d(n.test), self.lst(n.body), self.lst(n.orelse))
        if isinstance(n, (ast.For, ast.AsyncFor)):
            return "%s%s(%s, %s, %s, %s)" % (t, L, self.d(n.target), self.d(n.iter), self.lst(n.body), self.lst(n.orelse))
        if isinstance(n, (ast.Break, ast.Continue, ast.Pass)):
            return t + L
        if isinstance(n, ast.Return):
            return "Return%s(%s)" % (L, self.opt(n.value))
        if isinstance(n, ast.Delete):
            return "Delete%s(%s)" % (L, self.lst(n.targets))
        if isinstance(n, ast.Assert):
            return "Assert%s(%s, %s)" % (L, self.d(n.test), self.opt(n.msg))
        if isinstance(n, (ast.Global, ast.Nonlocal)):
            return "%s%s(%s)" % (t, L, ", ".join(n.names))
        if isinstance(n, ast.Import):
            return "Import%s(%s)" % (L, self.lst(n.names))
        if isinstance(n, ast.ImportFrom):
            return "ImportFrom%s(%s, %s, %d)" % (L, n.module or "~", self.lst(n.names), n.level)
        if isinstance(n, ast.Try):
            return "Try%s(%s, %s, %s, %s)" % (L, self.lst(n.body), self.lst(n.handlers), self.lst(n.orelse), self.lst(n.finalbody))
        if isinstance(n, ast.Raise):
            return "Raise%s(%s, %s)" % (L, self.opt(n.exc), self.opt(n.cause))
        if isinstance(n, (ast.With, ast.AsyncWith)):
            return "%s%s(%s, %s)" % (t, L, self.lst(n.items), self.lst(n.body))
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return "%s%s(%s, %s, %s, %s, %s)" % (
                t, L, n.name, self.args(n.args), self.lst(n.body), self.lst(n.decorator_list), self.opt(n.returns))
        if isinstance(n, ast.ClassDef):
            return "ClassDef%s(%s, %s, %s, %s, %s)" % (
                L, n.name, self.lst(n.bases), self.lst(n.keywords), self.lst(n.body), self.lst(n.decorator_list))
        if isinstance(n, ast.BoolOp):
            return "BoolOp%s(%s, %s)" % (L, self.op(n.op), self.lst(n.values))
        if isinstance(n, ast.NamedExpr):
            return "NamedExpr%s(%s, %s)" % (L, n.target.id, self.d(n.value))
        if isinstance(n, ast.BinOp):
            return "BinOp%s(%s, %s, %s)" % (L, self.d(n.left), self.op(n.op), self.d(n.right))
        if isinstance(n, ast.UnaryOp):
            return "UnaryOp%s(%s, %s)" % (L, self.op(n.op), self.d(n.operand))
        if isinstance(n, ast.Lambda):
            return "Lambda%s(%s, %s)" % (L, self.args(n.args), self.d(n.body))
        if isinstance(n, ast.IfExp):
            return "IfExp%s(%s, %s, %s)" % (L, self.d(n.test), self.d(n.body), self.d(n.orelse))
        if isinstance(n, ast.Dict):
            return "Dict%s([%s], %s)" % (L, ", ".join(self.opt(k) for k in n.keys), self.lst(n.values))
        if isinstance(n, (ast.Set, ast.List, ast.Tuple)):
            return "%s%s(%s)" % (t, L, self.lst(n.elts))
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            return "%s%s(%s, %s)" % (t, L, self.d(n.elt), self.lst(n.generators))
        if isinstance(n, ast.DictComp):
            return "DictComp%s(%s, %s, %s)" % (L, self.d(n.key), self.d(n.value), self.lst(n.generators))
        if isinstance(n, (ast.Await, ast.YieldFrom, ast.Starred)):
            return "%s%s(%s)" % (t, L, self.d(n.value))
        if isinstance(n, ast.Yield):
            return "Yield%s(%s)" % (L, self.opt(n.value))
        if isinstance(n, ast.Compare):
            return "Compare%s(%s, [%s], %s)" % (L, self.d(n.left), ", ".join(self.op(o) for o in n.ops), self.lst(n.comparators))
        if isinstance(n, ast.Call):
            return "Call%s(%s, %s, %s)" % (L, self.d(n.func), self.lst(n.args), self.lst(n.keywords))
        if isinstance(n, ast.FormattedValue):
            conv = "~" if n.conversion == -1 else chr(n.conversion)
            return "FormattedValue%s(%s, %s, %s)" % (L, self.d(n.value), conv, self.opt(n.format_spec))
        if isinstance(n, ast.JoinedStr):
            self.in_fstring += 1
            try:
                inner = self.lst(n.values)
            finally:
                self.in_fstring -= 1
            return "JoinedStr%s(%s)" % (L, inner)
        if isinstance(n, ast.Constant):
            v = n.value
            if v is None or v is True or v is False:
                r = repr(v)
            elif v is Ellipsis:
                r = "..."
            elif isinstance(v, int):
                r = str(v)
            elif isinstance(v, float):
                r = "f%d" % struct.unpack("<Q", struct.pack("<d", v))[0]
            elif isinstance(v, complex):
                r = "j%d" % struct.unpack("<Q", struct.pack("<d", v.imag))[0]
            elif isinstance(v, str):
                r = esc_str(v)
            elif isinstance(v, bytes):
                r = esc_bytes(v)
            else:
                raise ValueError(v)
            return "Constant%s(%s)" % (L, r)
        if isinstance(n, ast.Attribute):
            return "Attribute%s(%s, %s)" % (L, self.d(n.value), n.attr)
        if isinstance(n, ast.Subscript):
            return "Subscript%s(%s, %s)" % (L, self.d(n.value), self.d(n.slice))
        if isinstance(n, ast.Name):
            return "Name%s(%s)" % (L, n.id)
        if isinstance(n, ast.Slice):
            return "Slice%s(%s, %s, %s)" % (L, self.opt(n.lower), self.opt(n.upper), self.opt(n.step))
        raise ValueError(t)


def main():
    corpus = open("corpus.txt", encoding="utf-8").read().split(SEP)
    out = []
    for src in corpus:
        tree = ast.parse(src)
        out.append("\n".join(Dumper(src).d(s) for s in tree.body) + "\n")
    open("corpus_expected.txt", "w", encoding="utf-8").write(SEP.join(out))


if __name__ == "__main__":
    main()
