# os.stat / lstat / fstat return os.stat_result: a tuple of ten items
# (integer times) with st_* attributes (float and nanosecond times too).
import os

d = 'tmp_stat_%d' % os.getpid()
os.mkdir(d)
name = os.path.join(d, 'f.txt')
with open(name, 'w') as f:
    f.write('hello world\n')
os.utime(name, (1000000000, 1500000000.25))
st = os.stat(name)
print(type(st).__name__, type(st).__module__, isinstance(st, tuple), len(st))
print(st.st_size, st[6], oct(st.st_mode & 0o777 | 0), st.st_mode & 0o170000 == 0o100000)
print(st.st_atime, st.st_mtime, st[7], st[8])
print(st.st_atime_ns, st.st_mtime_ns)
print(type(st.st_ctime).__name__, type(st[9]).__name__, type(st.st_ctime_ns).__name__)
print(st.st_nlink, st.st_blksize > 0, st.st_blocks >= 0, st.st_rdev)
print(st.st_ino == st[1], st.st_dev == st[2], st.st_uid == os.getuid(), st.st_gid == st[5])
a, b, *rest = st
print(len(rest), st[-1] == st.st_ctime // 1 == st[9])
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, os.stat_result.n_unnamed_fields)
print(os.stat_result.__match_args__)
ds = os.stat(d)
print(ds.st_mode & 0o170000 == 0o040000, os.lstat(d).st_mode == ds.st_mode)
fd = os.open(name, os.O_RDONLY)
print(os.fstat(fd) == st, os.stat(fd).st_size)
os.close(fd)
r = repr(os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
print(r)
s2 = os.stat_result(tuple(range(10)) + (1.5, 2.5, 3.5))
print(s2.st_atime, s2.st_mtime, s2.st_ctime, s2.st_atime_ns)
for bad in [(1,), tuple(range(20))]:
    try:
        os.stat_result(bad)
    except TypeError as e:
        print('TypeError:', e)
os.chmod(name, 0o600)
print(oct(os.stat(name).st_mode & 0o777))
os.utime(name, ns=(5, 1234567890123456789))
print(os.stat(name).st_mtime_ns, os.stat(name).st_atime_ns)
print(os.path.getsize(name), os.path.getmtime(name))
os.remove(name)
os.rmdir(d)
print(os.path.exists(d))
