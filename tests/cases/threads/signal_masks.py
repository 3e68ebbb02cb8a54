# pthread_kill, pthread_sigmask, sigpending, sigwait, sigtimedwait, sigwaitinfo,
# strsignal, valid_signals, raise_signal: CPython's semantics.
import os
import signal
import threading
import time

got = []
signal.signal(signal.SIGUSR1, lambda sig, frame: got.append(signal.Signals(sig).name))

# a signal to the main thread is handled before pthread_kill returns
signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print('after pthread_kill:', got)

# from another thread: the handler still runs in the main thread
def worker():
    signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR1)
t = threading.Thread(target=worker)
t.start(); t.join()
for _ in range(100):
    if len(got) == 2:
        break
    time.sleep(0.01)
print('from a thread:', got)

# signal 0 checks that the thread exists
print(signal.pthread_kill(threading.get_ident(), 0))

# blocking: the signal stays pending until unblocked
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print('old mask:', sorted(old))
signal.raise_signal(signal.SIGUSR1)
print('while blocked:', got, signal.SIGUSR1 in signal.sigpending())
prev = signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
print('previous:', sorted(prev), type(next(iter(prev))).__name__)
print('after unblock:', got, signal.sigpending())
print(signal.pthread_sigmask(signal.SIG_SETMASK, []))

# sigwait family on a blocked signal (thread-directed: a process-directed
# one could go to another thread that does not block it)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
signal.pthread_kill(threading.get_ident(), signal.SIGUSR2)
print('sigwait:', signal.sigwait([signal.SIGUSR2]))
signal.pthread_kill(threading.get_ident(), signal.SIGUSR2)
info = signal.sigwaitinfo([signal.SIGUSR2])
print('sigwaitinfo:', type(info).__name__, info.si_signo, info.si_pid == os.getpid(), info.si_uid == os.getuid(), len(info))
print('sigtimedwait timeout:', signal.sigtimedwait([signal.SIGUSR2], 0.05))
t = threading.Timer(0.05, signal.pthread_kill, (threading.get_ident(), signal.SIGUSR2))
t.start()
info = signal.sigtimedwait([signal.SIGUSR2], 5)
t.join()
print('sigtimedwait:', info.si_signo == signal.SIGUSR2, info.si_code)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])

for bad in [lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [0]),
            lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [signal.NSIG]),
            lambda: signal.pthread_sigmask(1234, []),
            lambda: signal.sigtimedwait([signal.SIGUSR2], -1),
            lambda: signal.pthread_kill(threading.get_ident(), 1000),
            lambda: signal.sigwait(5)]:
    try:
        bad()
    except (ValueError, OSError, TypeError) as e:
        print(type(e).__name__, e)

print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGUSR1), signal.strsignal(signal.SIGRTMIN))
v = signal.valid_signals()
print(len(v), signal.SIGKILL in v, 32 in v, min(v), max(v))
print(signal.Sigmasks.SIG_BLOCK, signal.SIG_UNBLOCK, repr(signal.SIG_SETMASK))
print(signal.struct_siginfo.__module__, signal.struct_siginfo.n_fields if hasattr(signal.struct_siginfo, 'n_fields') else '')
signal.raise_signal(signal.SIGUSR1)
print(got)
