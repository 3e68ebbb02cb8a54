"""Exceptions: raise and catch across frames, try/finally, custom classes, with-statements, EAFP lookups."""


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Ctx:
    def __init__(self):
        self.entered = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, *exc):
        return False


def deep(n):
    if n == 0:
        raise AppError(n + 7)
    return deep(n - 1)


def run(n):
    total = 0
    d = {i: i for i in range(0, 100, 2)}
    ctx = Ctx()
    for i in range(n):
        try:
            deep(i % 5)
        except AppError as e:
            total += e.code
        try:
            total += d[i % 100]
        except KeyError:
            total -= 1
        try:
            total += 1
        finally:
            total += 1
        with ctx:
            total += 1
        try:
            int("x%d" % i)
        except ValueError:
            total += 2
    return total + ctx.entered


print("exceptions", run(60000))
