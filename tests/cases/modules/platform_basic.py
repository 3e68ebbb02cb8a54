import platform
print(platform.system())
print(platform.python_version()[:4])
print(type(platform.machine()).__name__, type(platform.node()).__name__, type(platform.release()).__name__)
print(platform.python_implementation() in ("CPython", "gilt"))
