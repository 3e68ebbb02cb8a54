# communicate() with input and with both stdout and stderr piped (uses
# the selectors module, hence select), capture_output, stdin=PIPE.
import subprocess

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"hello cat\n")
print(out, err, p.returncode)

r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True)
print(r)
print(r.stdout, r.stderr, r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(e, e.stdout, e.stderr)

print(subprocess.run(["cat"], input=b"piped input", capture_output=True).stdout)
big = b"x" * 200000
print(len(subprocess.run(["cat"], input=big, stdout=subprocess.PIPE).stdout))
p = subprocess.Popen(["sh", "-c", "read line; echo got $line"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(input=b"a line\n"))
try:
    subprocess.run(["sh", "-c", "echo before; sleep 30"], capture_output=True, timeout=0.3)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e.cmd, e.output)
