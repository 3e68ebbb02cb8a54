import ast

src = '''
match command.split():
    case [action]:
        pass
    case [action, obj, *rest]:
        pass
    case ["go", ("north" | "south") as direction]:
        pass
    case {"x": 1, "y": y, **others}:
        pass
    case Point(x=0, y=_) | None:
        pass
    case str() as s if len(s) > 2:
        pass
    case -1 | 1.5 | -2j | 1 + 2j | "s" | b"b" | a.b.c:
        pass
    case True | False:
        pass
    case [*_]:
        pass
    case (1, 2):
        pass
    case _:
        pass
'''
print(ast.dump(ast.parse(src), indent=1, include_attributes=True))
print(ast.unparse(ast.parse(src)))
