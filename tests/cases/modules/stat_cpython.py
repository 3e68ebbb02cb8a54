# CPython's stat.py runs on its pure-Python fallback (gilt has no _stat).
import sys
sys.path.append('/usr/lib/python3.11')
import stat

print(stat.S_ISDIR(0o40755), stat.S_ISREG(0o100644), stat.S_ISLNK(0o120777), stat.S_ISFIFO(0o10644))
print(stat.filemode(0o100644), stat.filemode(0o40755), stat.filemode(0o120777), stat.filemode(0o104755), stat.filemode(0o41777))
print(stat.S_IMODE(0o104755), stat.S_IFMT(0o100644), stat.S_IFDIR, stat.S_IRWXU, stat.ST_MODE, stat.ST_SIZE)
print(stat.UF_HIDDEN, stat.SF_IMMUTABLE, stat.FILE_ATTRIBUTE_HIDDEN)
