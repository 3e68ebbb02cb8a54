# Dunder methods called directly, as CPython's slot wrappers answer them: a
# sequence's repeat wrapper (`__mul__`, `__rmul__`, `__imul__` of str, bytes,
# bytearray, list, tuple, array, deque) raises for a count without
# `__index__`, while the number wrappers return NotImplemented; the
# operators keep their own messages ("can't multiply sequence by non-int").
import array
import collections


def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


seqs = {
    'str': lambda: 'ab', 'bytes': lambda: b'ab', 'bytearray': lambda: bytearray(b'ab'),
    'list': lambda: [1], 'tuple': lambda: (1,), 'array': lambda: array.array('b', [1]),
    'deque': lambda: collections.deque([1]),
}
for name, make in seqs.items():
    for dunder in ('__mul__', '__rmul__', '__imul__'):
        if hasattr(make(), dunder):
            for count in ('x', 1.5, None, 2, -1, True):
                t(f'{name}.{dunder}({count!r})', lambda: getattr(make(), dunder)(count))
    t(f'{name} * x', lambda: make() * 'x')
    t(f'x * {name}', lambda: 'x' * make() if name != 'str' else 1.5 * make())
    t(f'{name} * 1.5', lambda: make() * 1.5)
    t(f'{name} * 10**30', lambda: make() * 10**30)


def imul(v, n):
    v *= n
    return v


for name, make in seqs.items():
    t(f'{name} *= x', lambda: imul(make(), 'x'))


class Times:
    def __rmul__(self, other):
        return 'Times.__rmul__'

    def __index__(self):
        return 2


class RTimes:
    def __rmul__(self, other):
        return 'RTimes.__rmul__'


for name, make in seqs.items():
    t(f'{name} * Times()', lambda: make() * Times())
    t(f'{name} * RTimes()', lambda: make() * RTimes())

# Number wrappers: NotImplemented for an operand of another type.
for expr in ["(1).__add__('x')", "(2).__mul__('x')", "(2).__rmul__('x')", "(1.0).__add__('x')",
             "(5).__rdivmod__(7)", "(5).__rdivmod__(7.0)", "(5).__divmod__(7)", "(1.5).__rdivmod__(4)",
             "(2.0).__rdivmod__(7)", "(0.0).__rdivmod__(1)", "(2).__rpow__(3)", "(2).__pow__(3, 5)", "(2).__rpow__(3, 5)",
             "int.__round__(5)", "int.__round__(5, None)", "(15).__round__(-1)", "(15).__round__(10**30)",
             "(1.5).__round__(None)", "(1.25).__round__(1)",
             "bool.__and__(True, 1)", "bool.__and__(True, False)", "bool.__or__(False, False)",
             "bool.__xor__(True, True)", "bool.__rand__(True, 1)", "True.__ror__(False)", "True.__rxor__(3)",
             "bool.__and__(True, 'x')", "bool.__and__(1, True)", "True & 1", "True | False", "False ^ True"]:
    t(expr, lambda: eval(expr))

# complex's format checks the separator before the type, as CPython parses the spec.
for spec in [',b', '_b', 'b', ',n', ',', '_', ',.2f', '=10', '05', ',x', '_x']:
    t(f'format(1j, {spec!r})', lambda: format(1+2j, spec))

# `a *= b`: a left operand with any sequence protocol (a class written in
# Python, a dict view, memoryview, set, dict, range) is the only one asked to
# repeat, so a right-hand list's repeat is never tried (PyNumber_InPlaceMultiply).


class A:
    pass


for v in [A(), ValueError(), len, memoryview(b'a'), {1: 2}.keys(), {1: 2}.values(), {1}, {1: 2}, range(2),
          iter([1]), 1j, None]:
    t(f'{type(v).__name__} *= [1]', lambda: imul(v, [1]))
    t(f'{type(v).__name__} * [1]', lambda: v * [1])
