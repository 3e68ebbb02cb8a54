# os.scandir: DirEntry objects (name, path, is_dir/is_file/is_symlink,
# stat, inode), the iterator as a context manager; os.listdir with str
# and bytes.
import os

d = 'tmp_scandir_%d' % os.getpid()
os.mkdir(d)
os.mkdir(os.path.join(d, 'sub'))
for n in ['b.txt', 'a.py']:
    with open(os.path.join(d, n), 'w') as f:
        f.write(n * 3)
os.symlink('a.py', os.path.join(d, 'link'))
os.symlink('missing', os.path.join(d, 'broken'))

with os.scandir(d) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path.replace(d, 'D'), e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False))
for e in entries:
    if e.name != 'broken':
        print(e.name, e.stat().st_size if e.is_file() else 'dir', e.inode() == e.stat(follow_symlinks=False).st_ino)
print(os.fspath(entries[0]).replace(d, 'D'), type(entries[0]).__name__)
try:
    entries[1].stat()
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename.replace(d, 'D'))
print(sorted(os.listdir(d)))
print(sorted(os.listdir(d.encode())))
print(sorted(e.name for e in os.scandir(d.encode())))
cwd = os.getcwd()
os.chdir(d)
print(sorted(os.listdir()), sorted(e.path for e in os.scandir()))
os.chdir(cwd)
it = os.scandir(d)
first = next(it)
it.close()
print(list(it))
try:
    os.scandir(os.path.join(d, 'nope'))
except FileNotFoundError as e:
    print(str(e).replace(d, 'D'))
try:
    os.listdir(os.path.join(d, 'a.py'))
except NotADirectoryError as e:
    print(str(e).replace(d, 'D'))
for root, dirs, files in os.walk(d):
    print(root.replace(d, 'D'), sorted(dirs), sorted(files))
for n in ['a.py', 'b.txt', 'link', 'broken']:
    os.unlink(os.path.join(d, n))
os.rmdir(os.path.join(d, 'sub'))
os.rmdir(d)
