import ast

print(ast.dump(ast.parse("x = 1", mode="single"), include_attributes=True))
print(ast.dump(ast.parse("a + 1", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("(int, str) -> List[int]", mode="func_type"), include_attributes=True))
print(ast.dump(ast.parse("() -> None", mode="func_type")))
print(ast.dump(ast.parse("(int) -> str", mode="func_type")))
print(ast.dump(ast.parse("")))
print(ast.dump(ast.parse("# only a comment\n")))
for src, mode in [("x = 1", "eval"), ("x = (", "exec"), ("a\nb", "single")]:
    try:
        ast.parse(src, mode=mode)
    except SyntaxError as e:
        print(mode, "SyntaxError:", e.msg, e.lineno)
try:
    compile("x", "<s>", "func_type")
except ValueError as e:
    print("ValueError:", e)
t = ast.parse("x = 'é' + y")
assign = t.body[0]
print(assign.value.right.col_offset, assign.value.right.end_col_offset)
print(ast.get_source_segment("x = 'é' + y", assign.value))
