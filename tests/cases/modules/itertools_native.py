# Every itertools function: results, edge cases, reprs, argument errors
# (messages as CPython 3.11 gives them), and laziness (what is consumed when).
import itertools as it
from itertools import *
import operator


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


# count
c = count()
print(next(c), next(c), repr(c))
print(repr(count(5)), repr(count(5, 2)), repr(count(2.5)), repr(count(1, 0.5)))
print(repr(count(-3, -1)), list(islice(count(10, -3), 4)))
print(list(islice(count(0.5, 0.25), 4)), list(islice(count(2**64, 2**63), 3)))
print(repr(count(2**70)), repr(count(1, 1.0)), repr(count(0, 1)))
c = count(9223372036854775806)
print(next(c), next(c), next(c), repr(c))
show("count('a')", lambda: count('a'))
show("count(1, 'b')", lambda: count(1, 'b'))
show("count(1,2,3)", lambda: count(1, 2, 3))
show("count(x=1)", lambda: count(x=1))
print(list(islice(count(start=3, step=4), 3)))
print(iter(c) is c, type(c).__name__)

# cycle
c = cycle('abc')
print([next(c) for _ in range(7)])
print(list(cycle([])))
show("cycle()", lambda: cycle())
show("cycle(1)", lambda: cycle(1))
show("cycle(kw)", lambda: cycle('a', x=1))

# repeat
r = repeat('a', 3)
print(repr(r), next(r), repr(r), list(r), repr(r))
print(repr(repeat(None)), list(repeat(1, 0)), list(repeat(1, -5)), repr(repeat(1, -5)))
print(list(repeat(object=7, times=2)), r.__length_hint__(), repeat(1, 4).__length_hint__())
show("repeat(1).__length_hint__", lambda: repeat(1).__length_hint__())
show("repeat(1, 'x')", lambda: repeat(1, 'x'))
show("repeat()", lambda: repeat())
show("repeat(1, 2.5)", lambda: repeat(1, 2.5))
print(list(map(pow, range(5), repeat(2))))

# accumulate
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)))
print(list(accumulate([])), list(accumulate([], initial=10)), list(accumulate([1, 2], initial=100)))
print(list(accumulate(['a', 'b', 'c'])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], func=lambda a, b: a - b, initial=None)))
show("accumulate()", lambda: accumulate())
show("accumulate(1)", lambda: accumulate(1))
show("accumulate kw", lambda: accumulate([1], bad=1))
show("accumulate add err", lambda: list(accumulate([1, 'a'])))

# chain
print(list(chain('ab', [1, 2], (), range(2))), list(chain()))
print(list(chain.from_iterable(['ab', 'cd'])), list(chain.from_iterable([])))
show("chain(1)", lambda: list(chain(1)))
show("chain kw", lambda: chain(x=1))
show("from_iterable(1)", lambda: chain.from_iterable(1))
show("from_iterable([1])", lambda: list(chain.from_iterable([1])))
ch = chain([1], [2])
print(next(ch), list(ch), list(ch))

# compress
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('AB', [1, 1, 1, 1])))
print(list(compress(data=range(5), selectors=[0, 1, 1])))
show("compress(1)", lambda: compress('a'))
show("compress(1, 2)", lambda: compress(1, [1]))

# dropwhile / takewhile / filterfalse
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(bool, [])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(bool, [1, 0, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
show("dropwhile(f)", lambda: dropwhile(bool))
show("takewhile(f, 1)", lambda: takewhile(bool, 1))
show("filterfalse(1)", lambda: filterfalse(None))
show("takewhile kw", lambda: takewhile(predicate=bool, iterable=[]))
t = takewhile(lambda x: x < 3, iter([1, 2, 3, 4, 5]))
print(list(t), list(t))

# groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')], list(groupby([])))
print([(k, len(list(g))) for k, g in groupby(range(10), key=lambda x: x // 3)])
gb = groupby('aabbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2))
gb = groupby('aab')
k, g = next(gb)
print(next(g), type(g).__name__, type(gb).__name__)
print([(k, type(v).__name__) for k, v in gb], list(g))
show("groupby()", lambda: groupby())
show("groupby(1)", lambda: groupby(1))
show("groupby(kw)", lambda: groupby('a', x=1))
print([(k, list(g)) for k, g in groupby([1, 1, 2], None)])

# islice
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 1, 9, 3)), list(islice([], 3)))
print(list(islice('abc', None)), list(islice('abcdef', None, None, 2)), list(islice('abc', 5, 2)))
src = iter(range(10))
print(list(islice(src, 2, 4)), next(src))
src = iter(range(10))
print(list(islice(src, 3, 3)), next(src))
src = iter(range(10))
print(list(islice(src, 1, 6, 3)), next(src))
show("islice(x)", lambda: islice('a'))
show("islice(x,1,2,3,4)", lambda: islice('a', 1, 2, 3, 4))
show("islice(-1)", lambda: islice('a', -1))
show("islice(-1,2)", lambda: islice('a', -1, 2))
show("islice(0,2,0)", lambda: islice('a', 0, 2, 0))
show("islice(0,2,-1)", lambda: islice('a', 0, 2, -1))
show("islice('x')", lambda: islice('a', 'x'))
show("islice(1.5)", lambda: islice('a', 1.5))
show("islice(1, 'x')", lambda: islice('a', 1, 'x'))
show("islice(1, 2, 'x')", lambda: islice('a', 1, 2, 'x'))
show("islice(1)", lambda: islice(1, 2))
show("islice kw", lambda: islice('a', stop=1))
print(list(islice('abcdef', True, 4)))

# pairwise
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise('')))
show("pairwise()", lambda: pairwise())
show("pairwise(1)", lambda: pairwise(1))

# starmap
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda: 1, [(), ()])))
show("starmap(pow, [1])", lambda: list(starmap(pow, [1])))
show("starmap(pow)", lambda: starmap(pow))
print(list(starmap(operator.add, ['ab', 'cd'])))

# tee
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
print(tee('abc', 0), len(tee('abc', 3)), [list(x) for x in tee('abc', 3)])
a, b = tee([1, 2])
c, d = tee(a)
print(list(c), list(d), list(b), type(a).__name__)
show("tee(x, -1)", lambda: tee('a', -1))
show("tee(x, 'a')", lambda: tee('a', 'a'))
show("tee(1)", lambda: tee(1))
show("tee()", lambda: tee())
a, = tee([5, 6], 1)
print(a.__copy__ is not None, list(a))

# zip_longest
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()))
print(list(zip_longest('ab', [1, 2, 3], [None])), list(zip_longest([], [])))
show("zip_longest(1)", lambda: zip_longest(1))
show("zip_longest kw", lambda: zip_longest('a', bad=1))

# product
print(list(product('AB', 'xy')), list(product(range(2), repeat=3))[:4], list(product()))
print(list(product('ab', [])), list(product('ab', repeat=0)), len(list(product('abc', 'de', repeat=2))))
show("product repeat=-1", lambda: product('a', repeat=-1))
show("product repeat='a'", lambda: product('a', repeat='a'))
show("product(1)", lambda: product(1))
show("product kw", lambda: product('a', x=1))

# permutations
print(list(permutations('ABC', 2)), list(permutations(range(3))))
print(list(permutations('AB', 3)), list(permutations('', 0)), list(permutations('ab', 0)))
print(len(list(permutations(range(6)))), list(permutations(range(8), 8))[-1])
show("permutations(x, -1)", lambda: permutations('a', -1))
show("permutations(x, 'a')", lambda: permutations('a', 'a'))
show("permutations(1)", lambda: permutations(1))
show("permutations()", lambda: permutations())
print(list(permutations('ab', r=None)), list(permutations(iterable='ab', r=1)))

# combinations
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations('AB', 3)), list(combinations('', 0)), list(combinations('ab', 0)))
print(len(list(combinations(range(20), 5))))
show("combinations(x, -1)", lambda: combinations('a', -1))
show("combinations(x)", lambda: combinations('a'))
show("combinations(x, 1.0)", lambda: combinations('a', 1.0))
show("combinations(1, 1)", lambda: combinations(1, 1))

# combinations_with_replacement
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 2)))
print(list(combinations_with_replacement('', 0)), list(combinations_with_replacement('ab', 0)))
print(len(list(combinations_with_replacement(range(10), 4))))
show("cwr(x, -1)", lambda: combinations_with_replacement('a', -1))
show("cwr(x)", lambda: combinations_with_replacement('a'))

# laziness: errors come at the first next(), not at creation
def boom():
    raise KeyError('boom')
    yield
g = chain(boom())
show("chain lazy", lambda: next(g))
show("islice exhaust", lambda: next(islice([], 1)))
show("count next after StopIteration-like", lambda: next(repeat(1, 0)))
print([type(f).__name__ for f in (count(), cycle(''), repeat(1), chain(), compress('', ''),
                                   dropwhile(None, ''), filterfalse(None, ''), groupby(''),
                                   islice('', 1), pairwise(''), starmap(None, ''),
                                   takewhile(None, ''), zip_longest(), product(),
                                   permutations(''), combinations('', 1),
                                   combinations_with_replacement('', 1), accumulate(''))])
print(repr(type(count())), it.count.__name__, isinstance(count(), it.count))
print(sorted(n for n in dir(it) if not n.startswith('_')))
