# preexec_fn runs in the child before exec; an exception there becomes
# SubprocessError in the parent. Other Popen options: umask, start_new_session.
import os
import subprocess
import sys


def hello():
    os.write(1, b"preexec ran in the child\n")


sys.stdout.flush()
print(subprocess.call(["echo", "after preexec"], preexec_fn=hello))


def boom():
    raise ValueError("no")


try:
    subprocess.call(["true"], preexec_fn=boom)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

print(subprocess.check_output(["sh", "-c", "umask"], umask=0o027))
# Field 6 of /proc/PID/stat is the session id: a new session's leader is the shell itself.
print(subprocess.call(["sh", "-c", "test $(cut -d' ' -f6 /proc/$$/stat) -eq $$"], start_new_session=True))
print(subprocess.call(["sh", "-c", "test $(cut -d' ' -f6 /proc/$$/stat) -eq $$"]))
