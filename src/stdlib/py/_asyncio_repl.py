"""`gilt -m asyncio`: an interactive console where `await` works at the top
level, as `python3 -m asyncio` offers.

gilt's compiler has no top-level-await mode, so a statement that awaits is
rewritten: its statements become the body of an `async def` that declares
every name they bind `global` (so assignments land in the console's
namespace), the value of a final expression is returned to be displayed, and
the coroutine runs to completion on the console's one event loop."""

import ast
import code
import sys

import asyncio

_FUNC = '__gilt_asyncio_repl__'
_AWAIT_ERRORS = ("'await' outside", "'async for' outside", "'async with' outside",
                 "asynchronous comprehension outside")


def _bound_names(stmts):
    """The names a list of statements binds in its own scope (not inside the
    functions, classes, lambdas or comprehensions it defines)."""
    names = []
    todo = list(stmts)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
            todo.extend(node.decorator_list)
            continue
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.append(node.id)
        elif isinstance(node, ast.alias):
            if node.name != '*':
                names.append(node.asname or node.name.partition('.')[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.append(node.name)
        elif isinstance(node, ast.NamedExpr):
            names.append(node.target.id)
        todo.extend(ast.iter_child_nodes(node))
    seen = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return seen


class AsyncIOInteractiveConsole(code.InteractiveConsole):
    """An InteractiveConsole whose statements may await."""

    def __init__(self, locals, loop):
        super().__init__(locals)
        self.loop = loop

    def runsource(self, source, filename='<stdin>', symbol='single'):
        try:
            compiled = self.compile(source, filename, symbol)
        except (OverflowError, SyntaxError, ValueError) as e:
            if isinstance(e, SyntaxError) and 'incomplete input' in str(e):
                # codeop's last try of a block that awaits, before its empty line.
                return True
            if not (isinstance(e, SyntaxError) and any(m in str(e) for m in _AWAIT_ERRORS)):
                self.showsyntaxerror(filename)
                return False
            return self._run_awaiting(source, filename)
        if compiled is None:
            return True
        self.runcode(compiled)
        return False

    def _run_awaiting(self, source, filename):
        lines = source.split('\n')
        compound = len(lines) > 1 or lines[0].rstrip().endswith(':')
        if compound and not source.endswith('\n'):
            return True  # a block ends with an empty line, as in the plain console
        try:
            tree = ast.parse(source, filename, 'exec')
        except SyntaxError:
            self.showsyntaxerror(filename)
            return False
        body = tree.body
        shows_value = bool(body) and isinstance(body[-1], ast.Expr)
        if shows_value:
            body[-1] = ast.Return(value=ast.Tuple(elts=[body[-1].value], ctx=ast.Load()))
        names = _bound_names(body)
        if names:
            body.insert(0, ast.Global(names=names))
        func = ast.AsyncFunctionDef(
            name=_FUNC,
            args=ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[],
                               kw_defaults=[], kwarg=None, defaults=[]),
            body=body or [ast.Pass()], decorator_list=[], returns=None, type_comment=None)
        module = ast.Module(body=[func], type_ignores=[])
        ast.fix_missing_locations(module)
        try:
            compiled = compile(module, filename, 'exec')
        except SyntaxError:
            self.showsyntaxerror(filename)
            return False
        try:
            exec(compiled, self.locals)
            coro = self.locals.pop(_FUNC)()
            result = self.loop.run_until_complete(coro)
        except SystemExit:
            raise
        except BaseException:
            self.showtraceback()
            return False
        if shows_value and result is not None:
            sys.displayhook(result[0])
        return False


def main():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    namespace = {'__name__': '__main__', '__package__': None, '__loader__': None,
                 '__spec__': None, 'asyncio': asyncio}
    console = AsyncIOInteractiveConsole(namespace, loop)
    prompt = getattr(sys, 'ps1', '>>> ')
    banner = ('asyncio REPL %s on %s\n' % (sys.version, sys.platform)
              + 'Use "await" directly instead of "asyncio.run()".\n'
              + 'Type "help", "copyright", "credits" or "license" for more information.\n'
              + prompt + 'import asyncio')
    try:
        console.interact(banner=banner, exitmsg='exiting asyncio REPL...')
    finally:
        loop.close()
