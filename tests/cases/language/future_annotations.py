"""PEP 563: with the future import, annotations are kept as source text."""
from __future__ import annotations

import typing
from typing import Optional


def f(a: int, b: list[str] = None) -> dict[str, int | None]:
    pass


class Node:
    parent: Optional[Node]
    name: "str"
    data: a.b[1:2, ...] = 3

    def link(self, other: Node, *args: int, key: tuple[()] = (), **kw: float) -> Node:
        return other


print(f.__annotations__)
print(Node.__annotations__)
print(Node.link.__annotations__)
print(typing.get_type_hints(f))
print(typing.get_type_hints(Node.link))


def g(a: lambda x: x + 1, *, k: (1, 2) = 3, **kw: -x ** 2 // y) -> not a and b or c if d else e:
    pass


print(g.__annotations__)


def h(a: f"{x!r:>{w}}", b: {1: 2, **d}, d: {*a, b}, e: x @ y < z is not w) -> 1.5e3 + 0x10 - 1j:
    pass


print(h.__annotations__)


def k(b: [i for i in range(3) if i], c: {k: v for k, v in m}, d: (i for i in j)) -> f(*a, **b):
    pass


print(k.__annotations__)


def m(a: 1 if x else (2 if y else 3), b: (a, b)[0], c: (-1) ** 2, d: 2 ** -1, e: (a + b) * c, f: a - (b - c)) -> ():
    pass


print(m.__annotations__)


def n(a: 1e400, b: 2j, c: b"by\x00tes", d: "it's", e: x[a:b:c, ::2], f: 1 .real, g: not (a and b)) -> {*()}:
    pass


print(n.__annotations__)
x: undefined_name = 5
y: List[Undefined]
print(__annotations__)
