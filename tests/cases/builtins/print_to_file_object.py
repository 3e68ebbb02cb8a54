import os, sys
path = f"_tmp_print_{os.getpid()}.txt"
with open(path, "w") as f:
    print("hello", "file", sep=", ", file=f)
    print(1, 2, 3, file=f, end=";")
with open(path) as f:
    print(repr(f.read()))
os.remove(path)
sys.stdout.write("written via sys.stdout.write\n")
n = sys.stdout.write("abc\n")
print(n)
