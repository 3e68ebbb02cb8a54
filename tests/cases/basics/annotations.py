x: int = 5
y: list[int] = []
z: dict[str, "Foo"]
def f(a: int, b: str = "s", *args: int, c: float = 1.0, **kw: bool) -> str:
    return f"{a} {b} {args} {c} {kw}"
print(x, y, f(1, "t", 2, 3, c=2.5, flag=True))
class P:
    name: str
    count: int = 0
    def m(self) -> "P":
        return self
print(P.count, P().m().count)
v: tuple[int, ...] = (1, 2)
print(v)
