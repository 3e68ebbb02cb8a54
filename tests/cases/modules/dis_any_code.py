# dis runs on every function of large modules, where gilt's compiler differs
# from CPython's: the view (co_code, co_positions, co_lines, the exception
# table) must be consistent, its jumps land on instructions, and `-m dis` works.
import dis, io, sys, types, importlib
def codes(co):
    yield co
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            yield from codes(c)
def check(co):
    code = co.co_code
    assert len(code) % 2 == 0
    n = len(code) // 2
    pos = list(co.co_positions())
    assert len(pos) == n, (co, len(pos), n)
    lines = list(co.co_lines())
    assert lines[0][0] == 0 and lines[-1][1] == len(code), (co, lines[:2], lines[-1:])
    offsets = {i.offset for i in dis.get_instructions(co)}
    for i in dis.get_instructions(co):
        if i.opcode in dis.hasjrel or i.opcode in dis.hasjabs:
            assert i.argval in offsets, (co, i)
    for e in dis._parse_exception_table(co):
        assert e.target in offsets and e.start in offsets, (co, e)
    dis.dis(co, file=io.StringIO())
    dis.Bytecode(co).info()
for name in ["json.encoder", "argparse", "threading", "contextlib", "re._parser"]:
    m = importlib.import_module(name)
    n = 0
    for obj in list(vars(m).values()):
        fs = []
        if isinstance(obj, types.FunctionType):
            fs = [obj]
        elif isinstance(obj, type):
            fs = [f for f in vars(obj).values() if isinstance(f, types.FunctionType)]
        for f in fs:
            if f.__module__ != m.__name__:
                continue
            for co in codes(f.__code__):
                check(co)
                n += 1
    print(name, "checked", n > 10)

import subprocess
r = subprocess.run([sys.executable, "-m", "dis", "dis_lesson.py"], capture_output=True, text=True)
print("-m dis exit", r.returncode, "increment" in r.stdout, "BINARY_OP               13 (+=)" in r.stdout)
