import sys

data = sys.stdin.buffer.read()
print(type(data).__name__, data)
with sys.stdout:
    print("inside with sys.stdout")
