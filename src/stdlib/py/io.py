"""io for gilt: in-memory text and binary streams (StringIO, BytesIO) with
CPython's behaviour, the io base classes and io.open (the builtin open).

StringIO keeps appended writes as a list of chunks and joins them only when
the text is read, so building a string with many write() calls is linear.
"""


__all__ = ['StringIO', 'BytesIO', 'IOBase', 'RawIOBase', 'BufferedIOBase',
           'TextIOBase', 'UnsupportedOperation', 'open', 'SEEK_SET',
           'SEEK_CUR', 'SEEK_END', 'DEFAULT_BUFFER_SIZE', 'text_encoding']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = open   # the builtin


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


def text_encoding(encoding, stacklevel=2):
    return encoding if encoding is not None else 'utf-8'


class IOBase:
    """The abstract base class for all I/O classes."""

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _checkClosed(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    closed = False

    def close(self):
        self.closed = True

    def flush(self):
        self._checkClosed()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._checkClosed()
        return False

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


def _check_size(size):
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
    return size


class StringIO(TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        self._newline = newline
        self._value = self._translate_in(initial_value)
        self._chunks = []
        self._length = len(self._value)
        self._pos = 0
        self.closed = False

    def _checkClosed(self):
        if self.closed:
            raise ValueError('I/O operation on closed file')

    def _translate_in(self, s):
        nl = self._newline
        if nl is None:
            if '\r' in s:
                s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif nl != '\n' and nl != '':
            if '\n' in s:
                s = s.replace('\n', nl)
        return s

    def _materialize(self):
        if self._chunks:
            self._value = self._value + ''.join(self._chunks)
            self._chunks = []
        return self._value

    def getvalue(self):
        """Retrieve the entire contents of the object."""
        self._checkClosed()
        return self._materialize()

    def write(self, s):
        """Write string to file.  Returns the number of characters written."""
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        n = len(s)
        if not n:
            return 0
        s = self._translate_in(s)
        pos = self._pos
        if pos == self._length:
            self._chunks.append(s)
        else:
            value = self._materialize()
            if pos > len(value):
                value = value + '\0' * (pos - len(value))
            value = value[:pos] + s + value[pos + len(s):]
            self._value = value
        self._pos = pos + len(s)
        if self._pos > self._length:
            self._length = self._pos
        return n

    def read(self, size=-1):
        """Read at most size characters, returned as a string."""
        self._checkClosed()
        size = _check_size(size)
        value = self._materialize()
        pos = self._pos
        if pos >= len(value):
            return ''
        if size < 0:
            end = len(value)
        else:
            end = min(len(value), pos + size)
        self._pos = end
        return value[pos:end]

    def readline(self, size=-1):
        """Read until newline or EOF."""
        self._checkClosed()
        size = _check_size(size)
        value = self._materialize()
        pos = self._pos
        if pos >= len(value):
            return ''
        nl = self._newline
        if nl == '':
            # universal newlines mode without translation
            end = len(value)
            i = pos
            while i < len(value):
                c = value[i]
                if c == '\n':
                    end = i + 1
                    break
                if c == '\r':
                    end = i + 2 if value[i + 1:i + 2] == '\n' else i + 1
                    break
                i += 1
        else:
            sep = '\n' if nl is None else nl
            i = value.find(sep, pos)
            end = len(value) if i < 0 else i + len(sep)
        if size >= 0 and end > pos + size:
            end = pos + size
        self._pos = end
        return value[pos:end]

    def tell(self):
        """Tell the current file position."""
        self._checkClosed()
        return self._pos

    def seek(self, pos, whence=0):
        """Change stream position."""
        self._checkClosed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._length
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        """Truncate size to pos (or the given size)."""
        self._checkClosed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('Negative size value %d' % size)
        value = self._materialize()
        if size < len(value):
            self._value = value[:size]
            self._length = size
        return size

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def close(self):
        self.closed = True
        self._value = ''
        self._chunks = []

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    encoding = None
    errors = None

    def detach(self):
        raise UnsupportedOperation('detach')


StringIO.__module__ = '_io'


class BytesIO(BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        self._value = bytes(initial_bytes)
        self._chunks = []
        self._length = len(self._value)
        self._pos = 0
        self.closed = False

    def _materialize(self):
        if self._chunks:
            self._value = self._value + b''.join(self._chunks)
            self._chunks = []
        return self._value

    def getvalue(self):
        """Retrieve the entire contents of the BytesIO object."""
        self._checkClosed()
        return self._materialize()

    def getbuffer(self):
        return self.getvalue()

    def write(self, b):
        """Write bytes to file.  Return the number of bytes written."""
        self._checkClosed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        n = len(b)
        if not n:
            return 0
        pos = self._pos
        if pos == self._length:
            self._chunks.append(b)
        else:
            value = self._materialize()
            if pos > len(value):
                value = value + b'\0' * (pos - len(value))
            value = value[:pos] + b + value[pos + n:]
            self._value = value
        self._pos = pos + n
        if self._pos > self._length:
            self._length = self._pos
        return n

    def read(self, size=-1):
        """Read at most size bytes, returned as a bytes object."""
        self._checkClosed()
        size = _check_size(size)
        value = self._materialize()
        pos = self._pos
        if pos >= len(value):
            return b''
        end = len(value) if size < 0 else min(len(value), pos + size)
        self._pos = end
        return value[pos:end]

    read1 = read

    def readline(self, size=-1):
        """Next line from the file, as a bytes object."""
        self._checkClosed()
        size = _check_size(size)
        value = self._materialize()
        pos = self._pos
        if pos >= len(value):
            return b''
        i = value.find(b'\n', pos)
        end = len(value) if i < 0 else i + 1
        if size >= 0 and end > pos + size:
            end = pos + size
        self._pos = end
        return value[pos:end]

    def readinto(self, buffer):
        data = self.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n

    def tell(self):
        self._checkClosed()
        return self._pos

    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._length + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._checkClosed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('negative size value %d' % size)
        value = self._materialize()
        if size < len(value):
            self._value = value[:size]
            self._length = size
        return size

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def close(self):
        self.closed = True
        self._value = b''
        self._chunks = []


BytesIO.__module__ = '_io'


class IncrementalNewlineDecoder:
    """Decodes with an optional inner decoder and, when `translate`, turns
    '\\r\\n' and '\\r' into '\\n'; `newlines` tells which kinds were seen. A
    '\\r' at the end of one chunk waits for the next (it may start '\\r\\n')."""

    _CR, _LF, _CRLF = 1, 2, 4

    def __init__(self, decoder, translate, errors='strict'):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self._seen = 0
        self._pendingcr = False

    def decode(self, input, final=False):
        text = input if self.decoder is None else self.decoder.decode(input, final=final)
        if self._pendingcr and (text or final):
            text = '\r' + text
            self._pendingcr = False
        if text.endswith('\r') and not final:
            text = text[:-1]
            self._pendingcr = True
        crlf = text.count('\r\n')
        cr = text.count('\r') - crlf
        lf = text.count('\n') - crlf
        self._seen |= (lf and self._LF) | (cr and self._CR) | (crlf and self._CRLF)
        if self.translate:
            if crlf:
                text = text.replace('\r\n', '\n')
            if cr:
                text = text.replace('\r', '\n')
        return text

    def getstate(self):
        if self.decoder is None:
            buf, flag = b'', 0
        else:
            buf, flag = self.decoder.getstate()
        return buf, (flag << 1) | int(self._pendingcr)

    def setstate(self, state):
        buf, flag = state
        self._pendingcr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self._seen = 0
        self._pendingcr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return (None, '\r', '\n', ('\r', '\n'), '\r\n', ('\r', '\r\n'),
                ('\n', '\r\n'), ('\r', '\n', '\r\n'))[self._seen]


IncrementalNewlineDecoder.__module__ = '_io'

import sys as _sys
TextIOWrapper = type(getattr(_sys, '__stdout__', None) or _sys.stdout)
del _sys
