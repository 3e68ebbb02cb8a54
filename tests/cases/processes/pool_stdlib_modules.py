# Workers import the same embedded modules as the parent (gilt hands them
# the parent's compiled code); results must be exactly as if compiled anew.
import collections
import dataclasses
import functools
import json
import multiprocessing as mp
import random
import textwrap


@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: float = 0.5


def work(seed):
    rnd = random.Random(seed)
    counts = collections.Counter(rnd.choice("abc") for _ in range(50))
    big = functools.reduce(lambda a, b: a * b, range(1, 30))
    p = Point(seed, y=1e300 * 10)
    text = textwrap.fill("x " * 30, width=20)
    return json.dumps({"seed": seed, "counts": sorted(counts.items()), "big": big,
                       "point": repr(p), "lines": text.count("\n"), "bytes": list(b"\x00\xff")})


if __name__ == "__main__":
    mp.set_start_method('spawn')
    with mp.Pool(2) as pool:
        out = pool.map(work, [1, 2, 3])
    assert out == [work(s) for s in [1, 2, 3]]
    for line in out:
        print(line)
