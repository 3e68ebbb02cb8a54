# Only a plain name can be the target of `:=`; CPython names what was found.
for src in ["(True := 1)", "(None := 1)", "(a.b := 1)", "(a[0] := 1)", "(1 := 2)", "(f() := 1)",
            "((a, b) := 1)", "(__debug__ := 1)", "[x for x in y if (False := 1)]", "('s' := 1)",
            "(a + b := 1)", "(x := 1)", "print(y := 2)"]:
    try:
        compile(src, "<s>", "exec")
        print(src, "ok")
    except SyntaxError as e:
        print(src, "|", e.msg, e.lineno, e.offset)
