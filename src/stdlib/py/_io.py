"""gilt's `_io`, under CPython's own `io.py`.

The classes are CPython's `_pyio` (loaded from the embedded library), so
`IncrementalNewlineDecoder`, `TextIOWrapper`, `BufferedReader`, `FileIO` and
the rest exist with CPython's behaviour and can be subclassed.  Two pieces
stay gilt's, for speed:

* `open` is the builtin: a native file object for the common cases (UTF-8
  text with universal newlines, buffered binary) that releases the GIL around
  its reads and writes and is recorded as I/O; every other combination of
  arguments (another encoding, `errors`, `newline`, unbuffered or line
  buffered) goes to `_pyio.open` (see `_open_slow`).  The native classes are
  registered as virtual subclasses of the `_pyio` classes they stand for.
* `StringIO` is gilt's chunked one (`_io_stringio.py`).

`_pyio` imports `io`, which imports this module: it is loaded with a small
stand-in `io` in `sys.modules` whose ABCs ignore `register` (CPython's
`io.py` registers the classes with its own ABCs afterwards).
"""
import sys as _sys

DEFAULT_BUFFER_SIZE = 8 * 1024


class UnsupportedOperation(OSError, ValueError):
    pass


BlockingIOError = BlockingIOError
open = open   # the builtin (native) open


def open_code(path):
    """Opens `path` for reading as bytes (no hooks in gilt)."""
    if not isinstance(path, str):
        raise TypeError("open_code() argument 'path' must be str, not %s" % type(path).__name__)
    return open(path, 'rb')


class _StandIn:
    """An ABC of the stand-in `io` module: `_pyio` registers its classes."""
    @classmethod
    def register(cls, subclass):
        return subclass


class FileIO:
    """Placeholder for `_pyio`'s `from _io import FileIO` (replaced below)."""


def _load_pyio():
    stub = type(_sys)('io')
    stub.__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
                    "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
                    "BufferedReader", "BufferedWriter", "BufferedRWPair",
                    "BufferedRandom", "TextIOBase", "TextIOWrapper",
                    "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END"]
    stub.SEEK_SET, stub.SEEK_CUR, stub.SEEK_END = 0, 1, 2
    stub.IOBase = stub.RawIOBase = stub.BufferedIOBase = stub.TextIOBase = _StandIn
    stub.open_code = open_code
    stub.UnsupportedOperation = UnsupportedOperation
    mods = _sys.modules
    saved = {n: mods.get(n) for n in ('io', '_pyio')}
    mods['io'] = stub
    mods.pop('_pyio', None)
    try:
        import _pyio
    finally:
        # A later `import _pyio` (test_io does it) gets its own classes, as
        # in CPython where _pyio and _io are distinct.
        for n, m in saved.items():
            if m is None:
                mods.pop(n, None)
            else:
                mods[n] = m
    return _pyio


_pyio = _load_pyio()

_IOBase = _pyio.IOBase
_RawIOBase = _pyio.RawIOBase
_BufferedIOBase = _pyio.BufferedIOBase
_TextIOBase = _pyio.TextIOBase
FileIO = _pyio.FileIO
BytesIO = _pyio.BytesIO
BufferedReader = _pyio.BufferedReader
BufferedWriter = _pyio.BufferedWriter
BufferedRWPair = _pyio.BufferedRWPair
BufferedRandom = _pyio.BufferedRandom
IncrementalNewlineDecoder = _pyio.IncrementalNewlineDecoder
TextIOWrapper = _pyio.TextIOWrapper
text_encoding = _pyio.text_encoding

for _c in (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase, FileIO, BytesIO,
           BufferedReader, BufferedWriter, BufferedRWPair, BufferedRandom,
           IncrementalNewlineDecoder, TextIOWrapper):
    _c.__module__ = '_io'
_IOBase.__name__ = _IOBase.__qualname__ = '_IOBase'
_RawIOBase.__name__ = _RawIOBase.__qualname__ = '_RawIOBase'
_BufferedIOBase.__name__ = _BufferedIOBase.__qualname__ = '_BufferedIOBase'
_TextIOBase.__name__ = _TextIOBase.__qualname__ = '_TextIOBase'

from _io_stringio import StringIO


def _lean_bytesio(cls):
    """`BytesIO.read` and `write` with a short path for the common argument
    types (an int size; bytes or a bytearray), which every pickle, struct and
    framing loop hits on each item: no `__index__` lookup, no memoryview to
    size the data. Anything else, and every error, goes to `_pyio`'s own.
    `tell` is short too (pickle's framer asks it after every item). As the
    C BytesIO, they check the object's own closed state, not the `closed`
    property (a subclass may override it; and the property is a Python call
    per read or write), with the C module's message."""
    py_read, py_write, py_tell = cls.read, cls.write, cls.tell

    def tell(self):
        if self._IOBase__closed:
            raise ValueError("I/O operation on closed file.")
        return self._pos

    def read(self, size=-1):
        if self._IOBase__closed:
            raise ValueError("I/O operation on closed file.")
        if type(size) is not int:
            return py_read(self, size)
        buf = self._buffer
        pos = self._pos
        end = len(buf)
        if end <= pos:
            return b""
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return bytes(buf[pos:end])

    def write(self, b):
        if self._IOBase__closed:
            raise ValueError("I/O operation on closed file.")
        t = type(b)
        if t is not bytes and t is not bytearray:
            return py_write(self, b)
        n = len(b)
        if n == 0:
            return 0
        pos = self._pos
        if pos > len(self._buffer):
            self._buffer += b'\x00' * (pos - len(self._buffer))
        self._buffer[pos:pos + n] = b
        self._pos = pos + n
        return n

    py_readline = cls.readline

    # C's BytesIO has its own readline; _pyio's is IOBase's, which peeks
    # through `self.peek` (a subclass may override it: pickletester's
    # UnseekableIO raises NotImplementedError there).
    def readline(self, size=-1):
        if self._IOBase__closed:
            raise ValueError("I/O operation on closed file.")
        if size is None:
            size = -1
        elif type(size) is not int:
            if not hasattr(type(size), "__index__"):
                raise TypeError("argument should be integer or None, not '%s'"
                                % type(size).__name__)
            size = size.__index__()
        buf = self._buffer
        pos = self._pos
        end = len(buf)
        if pos >= end:
            return b""
        i = buf.find(b"\n", pos)
        stop = end if i < 0 else i + 1
        if 0 <= size < stop - pos:
            stop = pos + size
        self._pos = stop
        return bytes(buf[pos:stop])

    for f, orig in ((read, py_read), (write, py_write), (tell, py_tell), (readline, py_readline)):
        f.__doc__, f.__qualname__ = orig.__doc__, orig.__qualname__
    cls.read, cls.write, cls.tell, cls.readline = read, write, tell, readline


_lean_bytesio(BytesIO)


def _open_slow(*args, **kwargs):
    """The builtin open's path for what its native file objects do not do."""
    return _pyio.open(*args, **kwargs)


def _register_native():
    import _gilt_io
    for name, base in (('TextIOWrapper', TextIOWrapper), ('BufferedReader', BufferedReader),
                       ('BufferedWriter', BufferedWriter), ('BufferedRandom', BufferedRandom),
                       ('StdStream', TextIOWrapper), ('StdBuffer', BufferedWriter)):
        cls = getattr(_gilt_io, name, None)
        if cls is not None:
            base.register(cls)


_register_native()
del _c
