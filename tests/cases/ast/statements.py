import ast

src = '''
import os, sys as system
import os.path
from . import x
from ..a.b import (c as d, e)
from m import *
@deco
@other(1)
def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:
    """doc"""
    global g
    nonlocal h
    x = y = 1
    x += 2
    z: int = 3
    (w): int
    a.b: str
    for i in range(10):
        if i:
            break
        elif i > 2:
            continue
        else:
            pass
    else:
        pass
    while False:
        ...
    with open("f") as fh, g():
        pass
    try:
        1 / 0
    except (ValueError, TypeError) as e:
        raise X from e
    except Exception:
        pass
    else:
        del x, z[0], q.a
    finally:
        assert x, "m"
    return lambda q, *r: q


class C(B, metaclass=M):
    """Class doc."""
    a, *b = c
    [d, e] = f
    x = yield
    y = yield from z
    print(x, sep='', end=(
        'x'))

try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    pass
'''
tree = ast.parse(src)
print(ast.dump(tree, indent=2, include_attributes=True))
print(ast.get_docstring(tree.body[5]))
print(ast.get_docstring(tree.body[6]))
print(sorted({type(n).__name__ for n in ast.walk(tree)}))
