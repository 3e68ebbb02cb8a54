# A __hash__ result that fits a machine word is the hash itself (-1 -> -2);
# bigger ints are hashed (dataclasses' hash(()) of a frozen class).
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v

for v in (0, 5, -1, -2, hash(()), 2**61 - 1, 2**61, 2**63 - 1, 2**63, -2**63, 2**100, True):
    print(v, hash(H(v)))

from dataclasses import dataclass

@dataclass(frozen=True)
class Empty:
    pass

@dataclass(frozen=True)
class P:
    x: int
    y: str

print(hash(Empty()) == hash(()), hash(P(1, "a")) == hash((1, "a")))
