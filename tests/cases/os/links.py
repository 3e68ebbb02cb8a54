# Links, renames and paths: symlink/readlink/link/rename/replace,
# os.path.islink/realpath/lexists, makedirs/removedirs.
import os

d = 'tmp_links_%d' % os.getpid()
os.makedirs(os.path.join(d, 'a', 'b'))
os.makedirs(os.path.join(d, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(os.path.join(d, 'a'))
except FileExistsError as e:
    print('FileExistsError', e.errno)
f = os.path.join(d, 'a', 'b', 'file')
with open(f, 'w') as fh:
    fh.write('x')
os.symlink('a/b/file', os.path.join(d, 'sym'))
print(os.readlink(os.path.join(d, 'sym')), os.readlink(os.path.join(d, 'sym').encode()))
print(os.path.islink(os.path.join(d, 'sym')), os.path.islink(f), os.path.exists(os.path.join(d, 'sym')))
print(os.path.realpath(os.path.join(d, 'sym')) == os.path.realpath(f), os.path.realpath(f) == os.path.abspath(f))
os.link(f, os.path.join(d, 'hard'))
print(os.stat(f).st_nlink, os.stat(f).st_ino == os.stat(os.path.join(d, 'hard')).st_ino)
os.symlink('nowhere', os.path.join(d, 'dangling'))
print(os.path.exists(os.path.join(d, 'dangling')), os.path.lexists(os.path.join(d, 'dangling')))
os.rename(os.path.join(d, 'hard'), os.path.join(d, 'hard2'))
os.replace(os.path.join(d, 'hard2'), os.path.join(d, 'sym'))
print(os.path.islink(os.path.join(d, 'sym')), sorted(os.listdir(d)))
try:
    os.symlink('x', os.path.join(d, 'sym'))
except FileExistsError as e:
    print(str(e).replace(d, 'D'))
for n in ['sym', 'dangling']:
    os.remove(os.path.join(d, n))
os.remove(f)
os.removedirs(os.path.join(d, 'a', 'b'))
print(os.path.exists(d))
