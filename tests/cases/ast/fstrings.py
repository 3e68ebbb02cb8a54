import ast

for src in [
    'f"plain"',
    'f"{x}"',
    'f"a{x!r}b{y:>10}c"',
    'f"{x:{width}.{prec}}"',
    'f"{x=}"',
    'f"{x!s:^{w}}"',
    'f"{x}" "tail"',
    '"head" f"{x}"',
    'f"""multi\n{x}\nline"""',
    'f"é{x}ü"',
    "f'{a[\"k\"]}'",
    'f"{{literal}} {x}"',
]:
    print(repr(src))
    print(ast.dump(ast.parse(src), include_attributes=True))
    print(ast.unparse(ast.parse(src)))
