# Popen: poll/wait, terminate/kill/send_signal and negative return codes,
# wait(timeout) and TimeoutExpired, the context manager.
import signal
import subprocess

p = subprocess.Popen(["sleep", "30"])
print("poll while running:", p.poll())
p.terminate()
print("terminate:", p.wait(), p.returncode)

p = subprocess.Popen(["sleep", "30"])
p.kill()
print("kill:", p.wait())

p = subprocess.Popen(["sleep", "30"])
p.send_signal(signal.SIGINT)
print("SIGINT:", p.wait())

p = subprocess.Popen(["sleep", "30"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", type(e).__name__, e.cmd, e.timeout)
p.kill()
print(p.wait())

with subprocess.Popen(["sh", "-c", "exit 4"]) as p:
    pass
print("with:", p.returncode)

p = subprocess.Popen(["echo", "from popen"], stdout=subprocess.PIPE)
print(p.stdout.read())
p.stdout.close()
print(p.wait(), p.args)

try:
    subprocess.run(["sleep", "30"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("run timeout:", e.cmd)
