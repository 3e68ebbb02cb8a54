"""Memory under reference cycles (issue 10): python3 cycles.py KIND.

closure: 1,000,000 calls of a function whose nested function refers to
itself; json: 100,000 json.dumps of a small dict (its encoder closures form
cycles); selflist: 1,000,000 `a = []; a.append(a)`. Prints what it did; the
runner measures wall time and peak RSS.
"""
import json
import sys


def closure():
    def f():
        def g():
            return g
        g()
    for _ in range(1000000):
        f()


def dumps():
    for i in range(100000):
        json.dumps({"a": i, "b": [1, 2, 3], "c": {"d": "e"}})


def selflist():
    for _ in range(1000000):
        a = []
        a.append(a)


kind = sys.argv[1] if len(sys.argv) > 1 else "closure"
{"closure": closure, "json": dumps, "selflist": selflist}[kind]()
print(kind, "done")
