"""gilt's _multibytecodec: the codec objects and the incremental and stream
classes under CPython's encodings/<cjk>.py, over the native table codecs of
`_gilt_cjk`. Error handlers run here: the native side stops at the first
bad sequence or character and says where it is."""

import codecs as _codecs
import _gilt_cjk

_SIMPLE = ('strict', 'ignore', 'replace')


def _decode(name, data, errors, final):
    """Decodes `data`; returns (text, bytes consumed)."""
    out = []
    pos = 0
    n = len(data)
    while True:
        text, pos, end, reason = _gilt_cjk.decode(name, data, pos, final)
        out.append(text)
        if end < 0:
            return ''.join(out), pos
        exc = UnicodeDecodeError(name, bytes(data), pos, end, reason)
        if errors == 'strict' or errors is None:
            raise exc
        if errors == 'ignore':
            pos = end
        elif errors == 'replace':
            out.append('\ufffd')
            pos = end
        else:
            rep, pos = _codecs.lookup_error(errors)(exc)
            if not isinstance(rep, str):
                raise TypeError('decoding error handler must return (str, int) tuple')
            out.append(rep)
            if pos < 0:
                pos += n
            if not 0 <= pos <= n:
                raise IndexError('position %d from error handler out of bounds' % pos)


def _encode(name, text, errors, final):
    """Encodes `text`; returns (bytes, characters consumed)."""
    out = []
    pos = 0
    n = len(text)
    while True:
        b, pos = _gilt_cjk.encode(name, text, pos, final)
        out.append(b)
        if pos >= n or (not final and _gilt_cjk.encode(name, text, pos, True)[1] > pos):
            return b''.join(out), pos
        exc = UnicodeEncodeError(name, text, pos, pos + 1, 'illegal multibyte sequence')
        if errors == 'strict' or errors is None:
            raise exc
        if errors == 'ignore':
            pos += 1
        elif errors == 'replace':
            out.append(_gilt_cjk.encode(name, '?', 0, True)[0])
            pos += 1
        else:
            rep, pos = _codecs.lookup_error(errors)(exc)
            if isinstance(rep, str):
                rb, k = _gilt_cjk.encode(name, rep, 0, True)
                if k < len(rep):
                    raise UnicodeEncodeError(name, text, exc.start, exc.end, 'illegal multibyte sequence')
                out.append(rb)
            elif isinstance(rep, (bytes, bytearray)):
                out.append(bytes(rep))
            else:
                raise TypeError('encoding error handler must return (str, int) tuple')
            if pos < 0:
                pos += n
            if not 0 <= pos <= n:
                raise IndexError('position %d from error handler out of bounds' % pos)


def _check_errors(errors):
    if errors is None:
        return 'strict'
    if not isinstance(errors, str):
        raise TypeError('errors must be a string, not %s' % type(errors).__name__)
    return errors


class MultibyteCodec:
    """One CJK codec, as `_codecs_xx.getcodec(name)` returns it."""

    def __init__(self, name):
        self._name = name

    def encode(self, input, errors=None):
        errors = _check_errors(errors)
        if not isinstance(input, str):
            raise TypeError("couldn't convert the object to unicode.")
        b, _ = _encode(self._name, input, errors, True)
        return b, len(input)

    def decode(self, input, errors=None):
        errors = _check_errors(errors)
        data = memoryview(input).tobytes()
        t, _ = _decode(self._name, data, errors, True)
        return t, len(data)

    def __repr__(self):
        return '<_multibytecodec.MultibyteCodec object>'


def _codec_of(obj):
    codec = getattr(type(obj), 'codec', None)
    if not isinstance(codec, MultibyteCodec):
        raise TypeError('codec is unexpected type')
    return codec


class MultibyteIncrementalEncoder:
    def __init__(self, errors='strict'):
        self.errors = _check_errors(errors)
        self._codec = _codec_of(self)
        self._pending = ''

    def encode(self, input, final=False):
        text = self._pending + input
        b, pos = _encode(self._codec._name, text, self.errors, bool(final))
        self._pending = text[pos:]
        return b

    def reset(self):
        self._pending = ''

    def getstate(self):
        data = self._pending.encode('utf-8')
        return int.from_bytes(bytes([len(data)]) + data, 'little')

    def setstate(self, state):
        raw = state.to_bytes(max(1, (state.bit_length() + 7) // 8), 'little')
        self._pending = raw[1:1 + raw[0]].decode('utf-8') if raw and raw[0] else ''


class MultibyteIncrementalDecoder:
    def __init__(self, errors='strict'):
        self.errors = _check_errors(errors)
        self._codec = _codec_of(self)
        self._pending = b''

    def decode(self, input, final=False):
        data = self._pending + memoryview(input).tobytes()
        t, pos = _decode(self._codec._name, data, self.errors, bool(final))
        self._pending = data[pos:]
        return t

    def reset(self):
        self._pending = b''

    def getstate(self):
        return (self._pending, 0)

    def setstate(self, state):
        pending, _ = state
        if not isinstance(pending, bytes):
            raise TypeError('state should be a tuple of (bytes, int)')
        self._pending = pending


class MultibyteStreamReader:
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = _check_errors(errors)
        self._codec = _codec_of(self)
        self._pending = b''

    def _feed(self, data, final):
        data = self._pending + data
        t, pos = _decode(self._codec._name, data, self.errors, final)
        self._pending = data[pos:]
        return t

    def read(self, size=-1, chars=-1, firstline=False):
        if size is None or size < 0:
            return self._feed(self.stream.read(), True)
        out = []
        while True:
            data = self.stream.read(size)
            t = self._feed(data, not data)
            out.append(t)
            if t or not data:
                return ''.join(out)

    def readline(self, size=None, keepends=True):
        data = self.stream.readline() if size is None or size < 0 else self.stream.readline(size)
        return self._feed(data, not data)

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self._pending = b''


class MultibyteStreamWriter:
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = _check_errors(errors)
        self._codec = _codec_of(self)
        self._pending = ''

    def write(self, data):
        text = self._pending + data
        b, pos = _encode(self._codec._name, text, self.errors, False)
        self._pending = text[pos:]
        self.stream.write(b)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def reset(self):
        if self._pending:
            b, _ = _encode(self._codec._name, self._pending, self.errors, True)
            self._pending = ''
            self.stream.write(b)


def __create_codec(name):
    return MultibyteCodec(name)


def _getcodec_of(names):
    """The getcodec() of a `_codecs_XX` module that offers the codecs `names`."""
    def getcodec(encoding):
        if not isinstance(encoding, str):
            raise TypeError('encoding name must be a string.')
        if encoding not in names:
            raise LookupError('no such codec is supported.')
        return MultibyteCodec(encoding)
    return getcodec
