# posix's scheduling calls and sched_param, waitid and waitid_result,
# execv/execve in a forked child, pidfd_open; with CPython's errors.
import os, sys


def t(fn):
    try:
        r = fn()
        print('ok', r)
    except Exception as ex:
        print(type(ex).__name__, ex)


p = os.sched_param(5)
print(p, p.sched_priority, p == (5,), os.sched_param(sched_priority=3))
t(lambda: os.sched_param())
print(os.sched_getparam(0), os.sched_getscheduler(0) == os.SCHED_OTHER)
print(os.sched_get_priority_max(os.SCHED_FIFO) >= os.sched_get_priority_min(os.SCHED_FIFO))
aff = os.sched_getaffinity(0)
print(type(aff).__name__, len(aff) >= 1)
os.sched_setaffinity(0, aff)
t(lambda: os.sched_setaffinity(0, [-1]))
t(lambda: os.sched_setaffinity(0, 5))
t(lambda: os.sched_setaffinity(0, ['a']))
t(lambda: os.sched_setparam(0, 5))
print(isinstance(os.sched_rr_get_interval(0), float))
os.sched_yield()

pid = os.fork()
if pid == 0:
    os._exit(3)
r = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(r).__name__, r.si_pid == pid, r.si_status, r.si_code == os.CLD_EXITED, r.si_signo)
t(lambda: os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG))

pid = os.fork()
if pid == 0:
    os.execv('/bin/sh', ['sh', '-c', 'exit 5'])
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
pid = os.fork()
if pid == 0:
    os.execve('/bin/sh', ('sh', '-c', 'exit $CODE'), {'CODE': '7'})
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, '-c', 'print("from exec")'])
os.waitpid(pid, 0)
t(lambda: os.execv('/bin/true', []))
t(lambda: os.execv('/bin/true', ['']))
t(lambda: os.execv('/bin/true', 'ab'))
t(lambda: os.execv('/bin/true', ['a', 5]))
t(lambda: os.execv('/nonexistent', ['a']))
t(lambda: os.execve('/bin/true', 5, {}))
t(lambda: os.execve('/bin/true', [], {}))
t(lambda: os.execve('/bin/true', [''], {}))
t(lambda: os.execve('/bin/true', ['a'], {'a=b': 'c'}))
t(lambda: os.execve('/bin/true', ['a'], []))
pid = os.fork()
if pid == 0:
    os._exit(0)
fd = os.pidfd_open(pid)
print(fd > 2)
os.close(fd)
os.waitpid(pid, 0)
t(lambda: os.pidfd_open(-1))
