# A signal a program sends to itself with os.kill is handled before
# os.kill returns, as in CPython: the KeyboardInterrupt comes from the
# os.kill line itself, and a Python handler has run before the next line.
import os
import signal
import sys

try:
    os.kill(os.getpid(), signal.SIGINT)
    print("not reached")
except KeyboardInterrupt:
    print("KeyboardInterrupt at line", sys.exc_info()[2].tb_lineno)

seen = []
signal.signal(signal.SIGUSR1, lambda sig, frame: seen.append(sig == signal.SIGUSR1))
os.kill(os.getpid(), signal.SIGUSR1)
print("handler ran before the next line:", seen)


def deep():
    os.kill(os.getpid(), signal.SIGINT)
    return "not reached"


try:
    deep()
except KeyboardInterrupt as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("raised in", tb.tb_frame.f_code.co_name)
