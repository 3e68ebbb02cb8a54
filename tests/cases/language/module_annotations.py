# Without the future import, module- and class-level annotations are
# evaluated and stored; a function's local annotations are not.
x: int = 3
y: "a string"
z: list[int]


class C:
    a: int
    b: str = "b"


def f():
    local: undefined_name = 1
    return local


print(__annotations__)
print(C.__annotations__)
print(f(), f.__annotations__)
