tests = [
 'exec("x=1", [])', 'eval("1", [])', 'exec("1", {}, 5)', 'exec(5)', 'eval(5)',
 'compile("1","s","bad")', 'compile(5,"s","exec")', 'eval("x = 1")', 'eval("import os")', 'eval("1; 2")', 'eval("1\\n2")',
 'compile("x=1\\ny=2","s","single")', 'eval("  1+2")', 'exec("  1+2")', 'exec()', 'eval()', 'compile("1","s")',
 'eval("x += 1")', 'eval("if 1: pass")', 'eval(b"1+2")', 'eval("(1,\\n2)")', 'eval("1\\n")',
 'exec(compile("1","s","eval"))','eval(compile("x=5","s","exec"))', 'compile("1", "s", "exec", dont_inherit=True, optimize=0).co_filename',
 'exec("1", None, None)', 'eval("1", None, {})', 'exec("return 1")', 'exec("break")',
 'compile("x = (1,", "f.py", "exec")', 'eval("undefined_name")', 'eval("1/0")', 'exec("raise ValueError(\'boom\')")',
 'eval("lambda: q", {"q": 4})()', 'eval("[q for _ in range(2)]", {"q": 4})', 'eval("q", {"q": 4}, {"q": 5})',
 'eval("q", {}, {"q": 5})', 'eval("len")', 'eval("__builtins__ is not None", {})',
]
for t in tests:
    try:
        r = eval(t)
        print(t, '->', repr(r))
    except SyntaxError as e:
        print(t, '!!', type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
