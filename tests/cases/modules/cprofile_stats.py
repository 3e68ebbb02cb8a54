# cProfile over gilt's _lsprof: counts, recursion, callers and callees, and
# the names of built-ins, with a fake clock so that the times are exact.
import cProfile
import io
import pstats
import sys

ticks = 0


def clock():
    return ticks


def work(n):
    global ticks
    ticks += 10
    return n


def fib(n):
    global ticks
    ticks += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main():
    total = fib(6)
    items = []
    for i in range(3):
        items.append(work(i))
    total += max(items) + max(*items) + max(items, key=abs) + len(items)
    return total


p = cProfile.Profile(clock, 0.001)
print(sys.getprofile())
p.enable()
print(sys.getprofile() is p)
result = main()
p.disable()
print(result, sys.getprofile())


def show(method, *args):
    out = io.StringIO()
    st = pstats.Stats(p, stream=out).strip_dirs().sort_stats('stdname')
    getattr(st, method)(*args)
    for line in out.getvalue().splitlines():
        if 'function calls' in line or 'Ordered by' in line or line.strip():
            print(line.rstrip())


show('print_stats')
show('print_callers', 'fib')
show('print_callees', 'main')
st = pstats.Stats(p)
print(st.total_calls, st.prim_calls)
entries = sorted(p.getstats(), key=lambda e: str(e.code))
e = [x for x in entries if getattr(x.code, 'co_name', '') == 'fib'][0]
print(e.callcount, e.reccallcount, type(e).__module__, type(e).__name__, len(e))

with open('cprofile_stats_run_mod.py', 'w') as f:
    f.write('print(sum(range(10)))\n')
prof = cProfile.Profile()
prof.runctx("exec(open('cprofile_stats_run_mod.py').read())", {}, {})
print(any('run_mod' not in str(k) for k in pstats.Stats(prof).stats))
import os
os.remove('cprofile_stats_run_mod.py')
