"""Buffered and text streams over any raw stream written in Python, as
CPython's io has them: BufferedReader, BufferedWriter, BufferedRWPair and
TextIOWrapper (what socket.makefile() builds over a SocketIO, and what
http.client and http.server read and write through).

gilt's own files (open(), sys.stdout) are native objects; TextIOWrapper's
isinstance() also accepts them, so `isinstance(sys.stdout, io.TextIOWrapper)`
stays true.
"""

import io as _io
import sys as _sys

_NativeText = type(getattr(_sys, '__stdout__', None) or _sys.stdout)


class _BufferedBase(_io.BufferedIOBase):

    def __init__(self, raw, buffer_size=_io.DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError('buffer size must be strictly positive')
        self.raw = raw
        self.buffer_size = buffer_size

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def seekable(self):
        return False

    def detach(self):
        self.flush()
        raw, self.raw = self.raw, None
        return raw

    def __repr__(self):
        name = type(self).__qualname__
        try:
            return '<_io.%s name=%r>' % (name, self.name)
        except Exception:
            return '<_io.%s>' % name


class BufferedReader(_BufferedBase):
    """Reads from a raw stream in chunks of buffer_size bytes."""

    def __init__(self, raw, buffer_size=_io.DEFAULT_BUFFER_SIZE):
        if not raw.readable():
            raise OSError('"raw" argument must be readable.')
        _BufferedBase.__init__(self, raw, buffer_size)
        self._buf = b''

    def readable(self):
        return True

    def _fill(self, n):
        # One raw read; False at end of file.
        chunk = self.raw.read(max(n, self.buffer_size))
        if not chunk:
            return False
        self._buf += chunk
        return True

    def read(self, size=-1):
        self._checkClosed()
        if size is None or size < 0:
            chunks = [self._buf]
            self._buf = b''
            while True:
                chunk = self.raw.read(self.buffer_size)
                if not chunk:
                    break
                chunks.append(chunk)
            return b''.join(chunks)
        while len(self._buf) < size and self._fill(size - len(self._buf)):
            pass
        out, self._buf = self._buf[:size], self._buf[size:]
        return out

    def read1(self, size=-1):
        self._checkClosed()
        if not self._buf:
            self._fill(self.buffer_size)
        if size is None or size < 0:
            size = len(self._buf)
        out, self._buf = self._buf[:size], self._buf[size:]
        return out

    def peek(self, size=0):
        self._checkClosed()
        if not self._buf:
            self._fill(self.buffer_size)
        return self._buf

    def readinto(self, b):
        data = self.read(len(memoryview(b)))
        memoryview(b)[:len(data)] = data
        return len(data)

    def readinto1(self, b):
        data = self.read1(len(memoryview(b)))
        memoryview(b)[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        while True:
            i = self._buf.find(b'\n')
            if i >= 0:
                end = i + 1
                break
            if 0 <= size <= len(self._buf):
                end = size
                break
            if not self._fill(self.buffer_size):
                end = len(self._buf)
                break
        if 0 <= size < end:
            end = size
        out, self._buf = self._buf[:end], self._buf[end:]
        return out

    def flush(self):
        self._checkClosed()

    def close(self):
        if self.raw is not None and not self.raw.closed:
            self.raw.close()


class BufferedWriter(_BufferedBase):
    """Collects writes and hands them to the raw stream buffer_size at a time."""

    def __init__(self, raw, buffer_size=_io.DEFAULT_BUFFER_SIZE):
        if not raw.writable():
            raise OSError('"raw" argument must be writable.')
        _BufferedBase.__init__(self, raw, buffer_size)
        self._pending = bytearray()

    def writable(self):
        return True

    def write(self, b):
        if self.closed:
            raise ValueError('write to closed file')
        data = bytes(b)
        self._pending += data
        if len(self._pending) >= self.buffer_size:
            self.flush()
        return len(data)

    def flush(self):
        if self.closed:
            raise ValueError('flush of closed file')
        while self._pending:
            n = self.raw.write(self._pending)
            if n is None:
                raise BlockingIOError(11, 'write could not complete without blocking', 0)
            del self._pending[:n]

    def close(self):
        if self.raw is None or self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()


class BufferedRWPair(_io.BufferedIOBase):
    """A reader and a writer joined into one stream."""

    def __init__(self, reader, writer, buffer_size=_io.DEFAULT_BUFFER_SIZE):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self.reader.read(size)

    def read1(self, size=-1):
        return self.reader.read1(size)

    def readline(self, size=-1):
        return self.reader.readline(size)

    def peek(self, size=0):
        return self.reader.peek(size)

    def readinto(self, b):
        return self.reader.readinto(b)

    def write(self, b):
        return self.writer.write(b)

    def flush(self):
        return self.writer.flush()

    def readable(self):
        return True

    def writable(self):
        return True

    @property
    def closed(self):
        return self.writer.closed

    def fileno(self):
        return self.reader.fileno()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()


class _TextMeta(type):
    def __instancecheck__(cls, obj):
        return type.__instancecheck__(cls, obj) or (cls is TextIOWrapper and isinstance(obj, _NativeText))


class TextIOWrapper(_io.TextIOBase, metaclass=_TextMeta):
    """Text over a binary buffer: decodes what it reads, encodes what it
    writes; newline=None translates '\\r\\n' and '\\r' to '\\n' on input."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        self.buffer = buffer
        self.encoding = encoding or 'utf-8'
        if self.encoding == 'locale':
            self.encoding = 'utf-8'
        self.errors = errors or 'strict'
        self._newline = newline
        self.line_buffering = line_buffering
        self._text = ''

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def fileno(self):
        return self.buffer.fileno()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def _decode(self, data):
        text = data.decode(self.encoding, self.errors)
        if self._newline is None:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def read(self, size=-1):
        self._checkClosed()
        if size is None or size < 0:
            text = self._text + self._decode(self.buffer.read())
            self._text = ''
            return text
        while len(self._text) < size:
            chunk = self.buffer.read1(_io.DEFAULT_BUFFER_SIZE)
            if not chunk:
                break
            self._text += self._decode(chunk)
        out, self._text = self._text[:size], self._text[size:]
        return out

    def readline(self, size=-1):
        self._checkClosed()
        while '\n' not in self._text:
            line = self.buffer.readline()
            if not line:
                break
            self._text += self._decode(line)
        i = self._text.find('\n')
        end = len(self._text) if i < 0 else i + 1
        if size is not None and 0 <= size < end:
            end = size
        out, self._text = self._text[:end], self._text[end:]
        return out

    def write(self, s):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        text = s
        if self._newline not in (None, '', '\n'):
            text = text.replace('\n', self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        if self.line_buffering and ('\n' in s or '\r' in s):
            self.flush()
        return len(s)

    def flush(self):
        self.buffer.flush()

    def close(self):
        if not self.buffer.closed:
            try:
                self.flush()
            finally:
                self.buffer.close()

    def detach(self):
        self.flush()
        buffer, self.buffer = self.buffer, None
        return buffer

    def __repr__(self):
        return '<_io.TextIOWrapper encoding=%r>' % self.encoding


for _c in (BufferedReader, BufferedWriter, BufferedRWPair, TextIOWrapper):
    _c.__module__ = '_io'
del _c
