import sys
print(sys.platform, sys.maxsize == 2 ** 63 - 1, sys.version.startswith("3."))
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(type(sys.path).__name__, isinstance(sys.argv, list), sys.argv[0])
print(hasattr(sys.stdout, "write"), hasattr(sys.stderr, "flush"), "sys" in sys.modules)
print(sys.version_info[0], sys.version_info >= (3, 0), sys.version_info.major)
