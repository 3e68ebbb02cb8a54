# In __main__, `__builtins__` is the builtins module itself (CPython); code run by exec()
# with a fresh globals dict gets the module's dict instead.
import builtins

print(__builtins__ is builtins, type(__builtins__).__name__)
g = {}
exec("x = 1", g)
print(type(g["__builtins__"]).__name__, g["__builtins__"] is builtins.__dict__)
exec("print(type(__builtins__).__name__)")
