# signal.setitimer / getitimer: SIGALRM from an interval timer interrupting a sleep, its errors.
import signal, time

def handler(signum, frame):
    raise RuntimeError(f'alarm {signal.Signals(signum).name}')

signal.signal(signal.SIGALRM, handler)
print(signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF)
print(signal.ItimerError.__name__, signal.ItimerError.__module__, issubclass(signal.ItimerError, OSError))
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
try:
    time.sleep(10)
except RuntimeError as e:
    print('caught', e)
print(signal.getitimer(signal.ITIMER_REAL))
old = signal.setitimer(signal.ITIMER_REAL, 100, 5)
value, interval = signal.getitimer(signal.ITIMER_REAL)
print(old, 99 < value <= 100, interval)
value, interval = signal.setitimer(signal.ITIMER_REAL, 0)
print(99 < value <= 100, interval, signal.getitimer(signal.ITIMER_REAL))
for args in [(99, 1), (signal.ITIMER_REAL, -1)]:
    try:
        signal.setitimer(*args)
    except signal.ItimerError as e:
        print('ItimerError', e.errno, e)
try:
    signal.setitimer(signal.ITIMER_REAL, 'x')
except TypeError as e:
    print('TypeError', e)
try:
    signal.getitimer(99)
except OSError as e:
    print(type(e).__name__, e)
