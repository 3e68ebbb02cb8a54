import os
path = f"_tmp_text_{os.getpid()}.txt"
with open(path, "w") as f:
    n = f.write("first line\nsecond line\n")
    f.write("third line")
print("wrote", n)
with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f, 1):
        print(i, line.rstrip("\n"))
with open(path, "a") as f:
    f.write("\nappended")
with open(path) as f:
    lines = f.read().splitlines()
print(len(lines), lines[-1])
f = open(path)
print(f.closed, f.read(5), f.read(6))
f.close()
print(f.closed)
os.remove(path)
print(os.path.exists(path))
try:
    open(path)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
