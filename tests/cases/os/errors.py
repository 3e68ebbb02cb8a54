# OSError from posix calls: the errno subclass, errno/strerror/filename/
# filename2, CPython's messages; OSError(...) construction rules; the
# argument errors of posix functions.
import os

print(os.error is OSError)
for args in [(2, 'No such file'), (2, 'No such file', 'x'), (13, 'Permission denied', 'a', None, 'b'),
             (17, 'exists'), (9999, 'odd'), ('a',), (1, 2, 3, 4, 5, 6), (20, 'not dir', None)]:
    e = OSError(*args)
    print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, '|', e)
d = 'tmp_err_%d' % os.getpid()
os.mkdir(d)
cases = [
    lambda: os.stat(d + '/nope'),
    lambda: os.mkdir(d),
    lambda: os.rmdir(d + '/nope'),
    lambda: os.listdir(d + '/nope'),
    lambda: os.rename(d + '/nope', d + '/x'),
    lambda: os.open(d, os.O_WRONLY),
    lambda: os.readlink(d),
    lambda: os.chdir(d + '/nope'),
    lambda: os.unlink(d),
    lambda: os.symlink(d, d),
]
for f in cases:
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e.errno, str(e).replace(d, 'D'), e.filename.replace(d, 'D'))
os.rmdir(d)
bad = [
    lambda: os.stat(),
    lambda: os.stat('a', 'b'),
    lambda: os.stat('a', foo=1),
    lambda: os.stat([]),
    lambda: os.stat(3.5),
    lambda: os.open('x'),
    lambda: os.read(1),
    lambda: os.read('a', 1),
    lambda: os.listdir([]),
    lambda: os.mkdir([]),
    lambda: os.stat('a\0'),
    lambda: os.stat(b'a\0'),
    lambda: os.read(-1, 5),
    lambda: os.write(1, 'x'),
    lambda: os.close(99999),
    lambda: os.kill(1),
    lambda: os.waitpid(1),
    lambda: os.strerror('x'),
    lambda: os.fspath(1),
    lambda: os.lseek(1, 0),
    lambda: os.read(1, -1),
    lambda: os.urandom(-1),
    lambda: os.get_terminal_size(99),
    lambda: os.terminal_size((1,)),
    lambda: os.chmod('nope', 0o777),
    lambda: os.utime('nope', (1,)),
    lambda: os.utime('nope', (1, 2), ns=(1, 2)),
    lambda: os.putenv('A=B', 'x'),
    lambda: os.waitstatus_to_exitcode(0x7f),
]
for f in bad:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
