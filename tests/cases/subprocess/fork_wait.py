# os.fork + os.waitpid/os.wait: exit statuses, the child's copy of the data,
# death by a signal, sys.exit in a child that runs to the end.
import os
import signal
import sys

data = {"x": [1, 2, 3]}
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    data["x"].append(4)
    print("child sees", data, flush=True)
    os._exit(7)
p, status = os.waitpid(pid, 0)
print(p == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
print("parent still has", data)

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGTERM)
    os._exit(1)
p, status = os.wait()
print(p == pid, os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGTERM, os.waitstatus_to_exitcode(status))

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child runs to the end", flush=True)
    sys.exit(3)
print("exit code", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e)

# WNOHANG while the child is still running
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)
    os._exit(0)
os.close(r)
print("running:", os.waitpid(pid, os.WNOHANG))
os.write(w, b"x")
os.close(w)
print("done:", os.waitpid(pid, 0)[0] == pid)
