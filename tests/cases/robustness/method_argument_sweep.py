# Calls every method of many built-in objects with many argument lists and
# only counts outcomes: nothing may crash the interpreter. A SystemError
# (how gilt reports an internal error) is printed, so any shows as a diff.
import bisect
import collections
import functools
import heapq
import io
import itertools
import json
import math
import operator
import random
import re
import string
import sys
import threading

DANGEROUS = {"__del__", "__init_subclass__", "__exit__", "close", "acquire",
             "wait", "join", "run", "start", "_bootstrap", "_bootstrap_inner",
             "read", "readline", "readlines", "__next__", "send", "throw",
             "__class__", "write", "writelines", "truncate", "flush", "detach",
             "fileno", "_wait_for_tstate_lock", "seek", "popleft", "pop",
             "__iter__", "__reversed__", "_stop", "_delete", "__enter__",
             "release", "notify", "notify_all", "set", "_at_fork_reinit", "sleep"}


def gen():
    yield 1


def func(x=1):
    return x


class Plain:
    pass


def samples():
    d = {1: 2, "a": "b"}
    return [
        0, 7, -3, 10 ** 30, 2.5, float("nan"), True, "abc", "", b"xy", bytearray(b"xy"),
        [1, 2], [], (1, 2), (), d, {}, {1, 2}, frozenset({3}), range(5), slice(1, 5, 2),
        d.keys(), d.values(), d.items(), iter([1]), iter((1,)), iter("ab"), iter(d),
        iter(range(3)), enumerate([1]), zip([1], [2]), map(str, [1]), filter(None, [1]),
        reversed([1, 2]), gen(), func, len, abs, Plain(), Plain, int, str, collections,
        ValueError("x"), KeyError(1), StopIteration(3), threading.Lock(), threading.RLock(),
        threading.Event(), collections.deque([1, 2]), collections.Counter("aab"),
        collections.OrderedDict(a=1), collections.defaultdict(list), None, Ellipsis,
        NotImplemented, io.StringIO("text"), object(), type, 3,
        super(Plain, Plain()), property(func), staticmethod(func), classmethod(func),
        math, json, heapq, bisect, operator, string, itertools, functools, re, random,
        re.compile("a(b)"), re.match("a", "abc"), random.Random(1), itertools.count(),
        itertools.chain([1]), functools.partial(func), threading.Condition(),
        threading.Semaphore(), threading.Thread(target=func), open(__file__),
        collections.namedtuple("P", "x y")(1, 2), threading.local(), bytes, dict,
    ]


ARGS = [(), (None,), (1,), (-1,), ("x",), (1, 2), (1, 2, 3), (None,) * 5, ({},),
        ([],), (0, 0), ("a", "b"), (b"a",), (2.5,), ("x", 1, 2)]
KWARGS = [{"x": 1}, {"key": None}, {"default": 0}, {"sep": None}]

errors = collections.Counter()


def sweep(obj, name, meth):
    calls = [(a, {}) for a in ARGS] + [((), k) for k in KWARGS] + [((1,), k) for k in KWARGS]
    for args, kwargs in calls:
        try:
            meth(*args, **kwargs)
            errors["ok"] += 1
        except SystemError as e:
            print("internal error:", type(obj).__name__, name, args, kwargs, e)
        except Exception as e:
            errors[type(e).__name__] += 1


for obj in samples():
    for name in dir(obj):
        # Private helpers (`_randbelow`) may assume valid input.
        private = name.startswith("_") and not name.startswith("__")
        if private or name in DANGEROUS or any(w in name for w in ("acquire", "release", "wait", "join")):
            continue
        # Bound to the object, and taken from its type (so `self` may be
        # missing or of the wrong type).
        for owner in (obj, type(obj)):
            try:
                meth = getattr(owner, name)
            except Exception:
                continue
            if callable(meth):
                sweep(obj, name, meth)
# sys functions that change the run are not swept; their argument checks:
for f in (sys.intern, sys.setrecursionlimit, sys.setswitchinterval):
    for args in ((), (1, 2)):
        try:
            f(*args)
        except TypeError as e:
            print(e)
print("sweep done")
