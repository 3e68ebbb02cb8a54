# _signal, the native half of CPython's signal.py: Python handlers for SIGINT
# replace KeyboardInterrupt, SIG_IGN drops it, raise_signal delivers it.
import _signal
import threading

print(_signal.SIGINT, _signal.SIGTERM, _signal.SIGUSR1, _signal.SIG_DFL, _signal.SIG_IGN, _signal.NSIG)
print(_signal.getsignal(_signal.SIGINT) is _signal.default_int_handler)
print(_signal.getsignal(_signal.SIGTERM))

got = []
old = _signal.signal(_signal.SIGINT, lambda signum, frame: got.append(signum))
print("old handler is default_int_handler:", old is _signal.default_int_handler)
_signal.raise_signal(_signal.SIGINT)
print("handler saw", got)

_signal.signal(_signal.SIGINT, _signal.SIG_IGN)
_signal.raise_signal(_signal.SIGINT)
print("ignored; handler now", _signal.getsignal(_signal.SIGINT))

_signal.signal(_signal.SIGINT, _signal.default_int_handler)
try:
    _signal.raise_signal(_signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt from default_int_handler")


def boom(signum, frame):
    raise ValueError("raised by the handler of %d" % signum)


_signal.signal(_signal.SIGINT, boom)
try:
    _signal.raise_signal(_signal.SIGINT)
except ValueError as e:
    print("ValueError:", e)
_signal.signal(_signal.SIGINT, _signal.default_int_handler)

for args in [(0, _signal.SIG_DFL), (_signal.NSIG, _signal.SIG_DFL), (_signal.SIGINT, 5),
             (_signal.SIGINT, "handler"), (_signal.SIGKILL, _signal.SIG_IGN)]:
    try:
        _signal.signal(*args)
    except Exception as e:
        print(type(e).__name__, e)

_signal.signal(_signal.SIGUSR1, lambda signum, frame: print("SIGUSR1 handler got", signum))
_signal.raise_signal(_signal.SIGUSR1)
_signal.signal(_signal.SIGUSR1, _signal.SIG_IGN)
_signal.raise_signal(_signal.SIGUSR1)
print("SIGUSR1 ignored:", _signal.getsignal(_signal.SIGUSR1))
print(_signal.strsignal(_signal.SIGTERM))


def in_thread():
    try:
        _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
    except ValueError as e:
        print("thread:", e)


t = threading.Thread(target=in_thread)
t.start()
t.join()
