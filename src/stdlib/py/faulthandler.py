"""faulthandler for gilt: dump the Python stack of every thread.

gilt has no C-level fault handler (a Rust panic becomes a SystemError, not
a crash), so enable() only records the file; dump_traceback() and
dump_traceback_later() print CPython's format from sys._current_frames().
"""

import sys

_enabled = None          # (fd, all_threads) while enabled
_later = None            # the pending dump_traceback_later (cancel Event)
_registered = {}         # signum -> (fd, all_threads, chain)

MAX_FRAME_DEPTH = 100


def _here():
    pass


_HERE = _here.__code__.co_filename


def _fd_of(file):
    if file is None:
        file = sys.stderr
        if file is None:
            raise RuntimeError("sys.stderr is None")
    if isinstance(file, int):
        if file < 0:
            raise ValueError("file is not a valid file descripter")
        return file
    fd = file.fileno()
    if not isinstance(fd, int) or fd < 0:
        raise ValueError("file is not a valid file descripter")
    try:
        file.flush()
    except Exception:
        pass
    return fd


def _stack_lines(frame):
    # This module's own frames (the dump itself) are not shown.
    while frame is not None and frame.f_code.co_filename == _HERE:
        frame = frame.f_back
    out = []
    depth = 0
    while frame is not None:
        if depth >= MAX_FRAME_DEPTH:
            out.append("  ...\n")
            break
        code = frame.f_code
        out.append('  File "%s", line %s in %s\n' % (code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
        depth += 1
    return out


def _text(all_threads, skip_current=False):
    import _thread
    me = _thread.get_ident()
    frames = sys._current_frames()
    if not all_threads:
        return "".join(["Stack (most recent call first):\n"] + _stack_lines(frames.get(me)))
    parts = []
    for ident in sorted(frames, reverse=True):
        if skip_current and ident == me:
            continue
        head = "Current thread" if ident == me else "Thread"
        lines = ["%s 0x%016x (most recent call first):\n" % (head, ident)]
        parts.append("".join(lines + _stack_lines(frames[ident])))
    return "\n".join(parts)


def _write(fd, text):
    import os
    data = text.encode("utf-8", "backslashreplace")
    while data:
        n = os.write(fd, data)
        data = data[n:]


def dump_traceback(file=None, all_threads=True):
    """Dump the traceback of the current thread, or of all threads if
    all_threads is True, into file."""
    fd = _fd_of(file)
    _write(fd, _text(all_threads))


def enable(file=None, all_threads=True):
    """Enable the fault handler."""
    global _enabled
    _enabled = (_fd_of(file), bool(all_threads))


def disable():
    """Disable the fault handler."""
    global _enabled
    was = _enabled is not None
    _enabled = None
    return was


def is_enabled():
    """Check if the handler is enabled."""
    return _enabled is not None


def dump_traceback_later(timeout, repeat=False, file=None, exit=False):
    """Dump the traceback of all threads in timeout seconds, or each
    timeout seconds if repeat is True. If exit is True, call _exit(1)."""
    global _later
    import _thread
    timeout = float(timeout)
    if timeout <= 0:
        raise ValueError("timeout must be greater than 0")
    if timeout * 1e6 >= 2 ** 63:
        raise OverflowError("timeout value is too large")
    fd = _fd_of(file)
    cancel_dump_traceback_later()
    cancel = _thread.allocate_lock()
    cancel.acquire()
    _later = cancel

    def watchdog():
        while True:
            if cancel.acquire(True, timeout):
                return
            _write(fd, _timeout_text(timeout) + _text(True, skip_current=True))
            if exit:
                import os
                os._exit(1)
            if not repeat:
                return

    _thread.start_new_thread(watchdog, ())


def _timeout_text(timeout):
    us = int(round(timeout * 1e6))
    sec, us = divmod(us, 1000000)
    hms = "%d:%02d:%02d" % (sec // 3600, sec // 60 % 60, sec % 60)
    if us:
        hms += ".%06d" % us
    return "Timeout (%s)!\n" % hms


def cancel_dump_traceback_later():
    """Cancel the previous call to dump_traceback_later()."""
    global _later
    if _later is not None:
        _later.release()
        _later = None


def register(signum, file=None, all_threads=True, chain=False):
    """Register a handler for the signal 'signum': dump the traceback of
    the current thread, or of all threads if all_threads is True, into file."""
    import signal
    fd = _fd_of(file)

    def handler(sig, frame):
        _write(fd, _text(all_threads))
        prev = _registered.get(sig, (None, None, None, None))[3]
        if chain and callable(prev):
            prev(sig, frame)

    prev = signal.signal(signum, handler)
    old = _registered.get(signum)
    _registered[signum] = (fd, all_threads, chain, old[3] if old else prev)


def unregister(signum):
    """Unregister the handler of the signal 'signum' registered by register()."""
    import signal
    old = _registered.pop(signum, None)
    if old is None:
        return False
    signal.signal(signum, old[3] if old[3] is not None else signal.SIG_DFL)
    return True


def _sigsegv(release_gil=False):
    """Ends this process by SIGSEGV, as a crash would (CPython's tests of
    crash handling call it): the default action restored first, so no
    handler turns it into anything else."""
    import os
    import signal
    signal.signal(signal.SIGSEGV, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGSEGV)
