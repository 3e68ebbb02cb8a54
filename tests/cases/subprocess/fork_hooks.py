# os.register_at_fork: before hooks run newest first, the after hooks in
# registration order; a failing hook is reported and the others still run.
import os
import sys

order = []
os.register_at_fork(before=lambda: order.append("before 1"),
                    after_in_parent=lambda: order.append("parent 1"),
                    after_in_child=lambda: print("child 1", flush=True))
os.register_at_fork(before=lambda: order.append("before 2"),
                    after_in_parent=lambda: order.append("parent 2"),
                    after_in_child=lambda: print("child 2", flush=True))
os.register_at_fork(after_in_child=lambda: print("child 3", flush=True))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
print(order)

for kwargs in [{}, {"before": 1}, {"after_in_child": None, "after_in_parent": "x"}]:
    try:
        os.register_at_fork(**kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    os.register_at_fork(print)
except TypeError as e:
    print("TypeError:", e)
