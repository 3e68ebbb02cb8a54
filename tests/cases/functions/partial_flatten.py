# Only a partial is flattened into a new partial (its type keeps partial's __call__
# and its __dict__ is empty); any other object with a `.func` attribute is kept whole.
from functools import partial


def show(p):
    print(type(p).__name__, p.func.__name__ if hasattr(p.func, '__name__') else type(p.func).__name__,
          p.args, p.keywords)


show(partial(partial(max, 1, key=None), 2, default=0))


class Sub(partial):
    pass


show(partial(Sub(max, 1), 2))
show(Sub(partial(max, 1), 2))


class OwnCall(partial):
    def __call__(self, *args):
        return 'own'


show(partial(OwnCall(max, 1), 2))

with_attr = partial(max, 1)
with_attr.note = 'kept'
show(partial(with_attr, 2))


class LooksLikePartial:
    func = max
    args = (1,)
    keywords = {}

    def __call__(self, *args):
        return 'called'


q = partial(LooksLikePartial(), 5)
show(q)
print(q())
