import math, sys, os, random, json, itertools, functools, collections
for mod in (math, sys, os, random, json, itertools, functools, collections):
    print(mod.__name__, type(mod).__name__)
from collections import deque as dq
print(dq.__name__, callable(math.sqrt))
