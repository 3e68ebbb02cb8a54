import types, asyncio
def f(a, b=1, *, c): x = 1; return x
c = f.__code__
print(c.co_argcount, c.co_kwonlyargcount, c.co_name, c.co_varnames, c.co_flags & 3, c.co_firstlineno, c.co_filename == __file__)
print(sorted(n for n in dir(types.CodeType) if n.startswith('co_')))
print(type(types.CodeType.__dict__['co_flags']).__name__, type(types.CodeType.__dict__['co_varnames']).__name__)
print(types.CodeType.co_flags.__get__(c) == c.co_flags)
from unittest import mock
m = mock.AsyncMock(); print(asyncio.iscoroutinefunction(m), asyncio.iscoroutinefunction(lambda: 1))
async def g(): pass
print(asyncio.iscoroutinefunction(g))
try: asyncio.nothing
except AttributeError as e: print(e)
print(type(asyncio.coroutines).__name__)
