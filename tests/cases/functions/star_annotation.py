# PEP 646: `*args: *Ts` (a starred annotation on *args).
from typing import TypeVarTuple, Generic

Ts = TypeVarTuple("Ts")

def f(*args: *Ts) -> None:
    return args

print(f(1, 2))
print(f.__annotations__)

class Array(Generic[*Ts]):
    def __init__(self, *shape: *Ts):
        self.shape = shape

print(Array.__parameters__, Array(1, 2).shape)
print(Array.__init__.__annotations__)
