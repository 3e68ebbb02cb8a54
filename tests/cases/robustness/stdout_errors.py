# A failed write to the standard output is an error, as in CPython: a full
# disk raises OSError, a reader that went away (`| head -1`) BrokenPipeError;
# a write that fails only at exit is "Exception ignored" with status 120.
import os
import subprocess
import sys

env = dict(os.environ, PYTHONUNBUFFERED="1")


def last_line(text):
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


for code in ["print('hello')", "import sys; sys.stdout.write('x')",
             "import sys; sys.stdout.buffer.write(b'x'); sys.stdout.flush()", "print(1); 1/0"]:
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-c", code], stdout=full, stderr=subprocess.PIPE, text=True, env=env)
    print(f"{code!r} > /dev/full: status {r.returncode}, {last_line(r.stderr)}")

# Buffered (no PYTHONUNBUFFERED): the text stays buffered until exit.
quiet = dict(env)
del quiet["PYTHONUNBUFFERED"]
with open("/dev/full", "w") as full:
    r = subprocess.run([sys.executable, "-c", "import sys; sys.stdout.write('x')"], stdout=full,
                       stderr=subprocess.PIPE, text=True, env=quiet)
print("at exit:", r.returncode, r.stderr.splitlines())

p = subprocess.Popen([sys.executable, "-c", "for i in range(10**6): print(i)"], stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True, env=env)
print("first line:", p.stdout.readline().strip())
p.stdout.close()
err = p.stderr.read()
print("after the reader left: status", p.wait(), last_line(err))
