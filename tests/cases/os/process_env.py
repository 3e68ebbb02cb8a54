# Process and environment functions of os over posix: pids and ids, wait
# statuses, kill, uname/times/terminal_size structseqs, environ (str over
# posix.environ's bytes) with putenv/unsetenv, fspath and PathLike.
import os
import posix

print(os.getpid() == posix.getpid(), os.getppid() > 0, os.getuid() >= 0, os.geteuid() >= 0, os.getgid() >= 0)
os.kill(os.getpid(), 0)
for st in [0, 256, 3 << 8, 9, 0x7f]:
    print(st, os.WIFEXITED(st), os.WEXITSTATUS(st), os.WIFSIGNALED(st), os.WTERMSIG(st), os.WIFSTOPPED(st))
print(os.waitstatus_to_exitcode(256), os.waitstatus_to_exitcode(9))
u = os.uname()
print(type(u).__name__, u.sysname, len(u), u[0] == u.sysname, u._fields if hasattr(u, '_fields') else None)
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.user == t[0])
ts = os.terminal_size((80, 24))
print(ts, ts.columns, ts.lines, ts == (80, 24), isinstance(ts, tuple))
print(os.cpu_count() >= 1, len(os.urandom(16)), os.urandom(0))
print(os.strerror(2), os.strerror(13))
print(os.sysconf('SC_PAGESIZE') > 0, 'SC_CLK_TCK' in os.sysconf_names)
print(os.device_encoding(os.open(os.devnull, os.O_RDONLY)))
print(type(posix.environ).__name__, all(isinstance(k, bytes) for k in posix.environ))
os.environ['GILT_TEST_VAR'] = 'some value'
print(os.environ['GILT_TEST_VAR'], os.getenv('GILT_TEST_VAR'), posix.environ[b'GILT_TEST_VAR'])
print('GILT_TEST_VAR' in os.environ, os.environ.get('GILT_NOPE', 'dflt'))
del os.environ['GILT_TEST_VAR']
print('GILT_TEST_VAR' in os.environ, os.getenv('GILT_TEST_VAR'))
try:
    os.environ['GILT_TEST_VAR']
except KeyError as e:
    print('KeyError', e)
print(os.environ.setdefault('GILT_TEST_VAR2', 'x'), os.environ.pop('GILT_TEST_VAR2'), os.environ.pop('GILT_TEST_VAR2', 'gone'))
posix.putenv(b'GILT_B', b'1')
posix.unsetenv('GILT_B')


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(os.fspath('a'), os.fspath(b'b'), os.fspath(P('c')), isinstance(P('x'), os.PathLike), isinstance('x', os.PathLike))
print(os.path.join(P('dir'), 'f'), os.stat(P('.')).st_mode & 0o170000 == 0o040000)
try:
    os.fspath(P(3))
except TypeError as e:
    print('TypeError:', e)
print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.linesep == '\n', os.devnull)
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.access('.', os.R_OK), os.access('nope', os.F_OK))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
