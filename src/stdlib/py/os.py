"""os for gilt: everything from the native posix module, plus os.path (the
os_path module, also registered as sys.modules['os.path']) and a few pure
Python helpers (environ, getenv, makedirs, removedirs, walk, ...). CPython's
own os.py runs on the same posix module and replaces this file once
CPython's library is embedded."""

import sys
import abc as _abc
from posix import *
import posix as _posix
from posix import _exit

try:
    import os_path as path
except ImportError:
    import os.path as path

sys.modules['os.path'] = path

curdir = path.curdir
pardir = path.pardir
sep = path.sep
pathsep = path.pathsep
defpath = path.defpath
extsep = path.extsep
altsep = path.altsep
devnull = path.devnull

name = 'posix'
linesep = '\n'
supports_bytes_environ = True
# Which functions take dir_fd, an fd or follow_symlinks=False (shutil and
# tempfile ask): none is claimed, so callers take their plain-path branches.
supports_dir_fd = set()
supports_fd = set()
supports_effective_ids = set()
supports_follow_symlinks = set()


class _Environ:
    """os.environ: str keys and values over posix.environ (bytes), kept in
    step with the process environment through putenv/unsetenv."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[self._encode(key)].decode()
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        k, v = self._encode(key), self._encode(value)
        putenv(k, v)
        self._data[k] = v

    def __delitem__(self, key):
        k = self._encode(key)
        unsetenv(k)
        try:
            del self._data[k]
        except KeyError:
            raise KeyError(key) from None

    def _encode(self, value):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value.encode()

    def __iter__(self):
        for k in list(self._data):
            yield k.decode()

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return isinstance(key, str) and key.encode() in self._data

    def get(self, key, default=None):
        return self[key] if key in self else default

    def keys(self):
        return list(self)

    def values(self):
        return [v.decode() for v in self._data.values()]

    def items(self):
        return [(k.decode(), v.decode()) for k, v in self._data.items()]

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kw):
        items = other.items() if hasattr(other, 'items') else other
        for k, v in items:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        for k in list(self):
            del self[k]

    def copy(self):
        return dict(self.items())

    def __eq__(self, other):
        return dict(self.items()) == other

    def __repr__(self):
        return 'environ({%s})' % ', '.join(
            '%r: %r' % (k, v) for k, v in self.items())


environ = _Environ(_posix.environ)
error = OSError


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode() if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode() if isinstance(filename, bytes) else filename


def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False])

    Super-mkdir; create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Super-rmdir; remove a leaf directory and all empty intermediate ones."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Super-rename; create directories as necessary and delete any left empty."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames)."""
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, nondirs = [], []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            dirs.append(entry.name)
        else:
            nondirs.append(entry.name)
    if topdown:
        yield top, dirs, nondirs
    for name in dirs:
        new_path = path.join(top, name)
        if followlinks or not path.islink(new_path):
            yield from walk(new_path, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs


class PathLike(_abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented
