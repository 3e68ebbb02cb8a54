import ast

for src in [
    "42", "-3.5", "1+2j", "'text'", "b'bytes'", "[1, 2, (3, 4)]",
    "{'a': 1, 'b': [True, None]}", "{1, 2, 3}", "set()", "(1,)", "()",
    "  -  7", "-(1)", "1e100", "{'nested': {'deep': (1, [2, {3}])}}",
]:
    v = ast.literal_eval(src)
    print(repr(src), "->", repr(v) if not isinstance(v, set) else sorted(v), type(v).__name__)

for bad in ["x", "f()", "1 + x", "[i for i in y]", "a.b", "{**d}", "1 if 2 else 3"]:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", str(e).split(" at 0x")[0])
try:
    ast.literal_eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(ast.literal_eval(ast.parse("[1, 'x']", mode="eval")))
