# sys.stdin.buffer.read(n) on a pipe waits for n bytes (or the end of input),
# as BufferedReader does, though the pipe hands them over in pieces; readline
# and read share one buffer, so nothing read ahead is lost between them.
import subprocess
import sys

CHILD = r"""
import sys
b = sys.stdin.buffer
head = b.readline()
n = int(head.split()[1])
body = b.read(n)
print(head, len(body), body[:3], body[-3:])
print(b.readline())
rest = b.read()
print(len(rest), rest[-5:])
print(b.read(), b.read(10), b.readline())
"""

payload = b"A" * 99998 + b"Z\n"
data = b"prog 100000\n" + payload + b"second line\n" + b"x" * 150000 + b"end\n"
p = subprocess.run([sys.executable, "-c", CHILD], input=data, capture_output=True)
print(p.returncode)
print(p.stdout.decode(), end="")
print(p.stderr.decode()[-300:], end="")
