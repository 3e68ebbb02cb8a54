import sys
first = sys.stdin.readline()
print("first:", first.strip())
for line in sys.stdin:
    print("line:", line.rstrip("\n").upper())
print("eof:", repr(sys.stdin.readline()))
