"""gilt's `io.StringIO` (imported by `_io`): an in-memory text stream that
keeps appended writes as a list of chunks and joins them only when the text
is read, so building a string with many write() calls is linear.  CPython's
`_pyio.StringIO` is a TextIOWrapper over a BytesIO, which encodes and decodes
every write; this one is several times faster under gilt.
"""

from _io import _TextIOBase as TextIOBase, UnsupportedOperation


def _check_size(size):
    if size is None:
        return -1
    try:
        index = size.__index__
    except AttributeError:
        raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__) from None
    return index()


class StringIO(TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        self._newline = newline
        self._value = self._translate_in(initial_value)
        self._chunks = []
        self._length = len(self._value)
        self._pos = 0

    def _checkClosed(self, msg=None):
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
        size = self._pos if size is None else _check_size(size)
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
        self._value = ''
        self._chunks = []
        TextIOBase.close(self)

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
