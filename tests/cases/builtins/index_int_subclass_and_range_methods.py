# An int subclass is its own index (no __index__ call) and converts by int's own __int__;
# __index__ returning a bool warns; range's sequence methods can be called directly.
import operator
class TrapInt(int):
    def __index__(self):
        print("index called"); return int(self)
r = list(range(10))
print(int(TrapInt(5)))
print(r[TrapInt(5):TrapInt(10)])
print(slice(TrapInt()).indices(0))
print(operator.index(TrapInt(3)))
print(r[TrapInt(2)], "ab"[TrapInt(1)], range(5)[TrapInt(1)])
print(range(10)[3], range(10).__getitem__(3))
class I:
    def __index__(self): return True
import warnings
warnings.simplefilter("always")
print(operator.index(I()))
class SubInt(int):
    def __index__(self): return 7
print(operator.index(SubInt(8)), r[SubInt(8)], hex(SubInt(8)))
r = range(1, 20, 2)
print(r.__getitem__(3), r.__getitem__(slice(1, 3)), r.__contains__(5), list(r.__iter__())[:3], list(r.__reversed__())[:3], r.__bool__(), range(0).__bool__())
try: range.__getitem__([1], 0)
except TypeError as e: print(e)
