"""_codecs for gilt: the codec registry and the primitive codecs that
CPython's own `codecs.py` and `encodings` package are built on.

The registry (`register`, `lookup`, `lookup_error`, `register_error`) is
complete. The primitive codecs are those gilt's str.encode/bytes.decode
implement (UTF-8, Latin-1, ASCII); `str.encode` itself does not consult the
registry, so a codec registered from Python is reached through
`codecs.encode`/`codecs.decode`/`codecs.lookup` only.
"""

_search_functions = []
_codec_cache = {}
_error_handlers = {}


def _normalize(encoding):
    # What search functions receive: lower case, spaces as underscores
    # (hyphens are left for them to handle).
    return encoding.lower().replace(' ', '_')


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    try:
        _search_functions.remove(search_function)
    except ValueError:
        return
    _codec_cache.clear()


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    key = _normalize(encoding)
    found = _codec_cache.get(key)
    if found is not None:
        return found
    for search in _search_functions:
        result = search(key)
        if result is None:
            continue
        if not isinstance(result, tuple) or len(result) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _codec_cache[key] = result
        return result
    raise LookupError("unknown encoding: %s" % encoding)


def _forget_codec(encoding):
    _codec_cache.pop(_normalize(encoding), None)


def _result(value, what, codec):
    if not isinstance(value, tuple) or len(value) != 2:
        raise TypeError("%s must return a tuple (object, integer)" % what)
    return value[0]


def encode(obj, encoding='utf-8', errors='strict'):
    return _result(lookup(encoding)[0](obj, errors), 'encoder', encoding)


def decode(obj, encoding='utf-8', errors='strict'):
    return _result(lookup(encoding)[1](obj, errors), 'decoder', encoding)


def register_error(errors, handler):
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[errors] = handler


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def _check(exc):
    if not isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def ignore_errors(exc):
    _check(exc)
    return ('', exc.end)


def replace_errors(exc):
    _check(exc)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    return ('?' * (exc.end - exc.start), exc.end)


def backslashreplace_errors(exc):
    _check(exc)
    if isinstance(exc, UnicodeDecodeError):
        part = exc.object[exc.start:exc.end]
        return (''.join('\\x%02x' % b for b in part), exc.end)
    out = []
    for ch in exc.object[exc.start:exc.end]:
        n = ord(ch)
        out.append('\\x%02x' % n if n < 0x100 else '\\u%04x' % n if n < 0x10000 else '\\U%08x' % n)
    return (''.join(out), exc.end)


def xmlcharrefreplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        _check(exc)
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
    return (''.join('&#%d;' % ord(ch) for ch in exc.object[exc.start:exc.end]), exc.end)


for _name, _handler in (('strict', strict_errors), ('ignore', ignore_errors),
                        ('replace', replace_errors), ('backslashreplace', backslashreplace_errors),
                        ('xmlcharrefreplace', xmlcharrefreplace_errors)):
    _error_handlers[_name] = _handler
del _name, _handler


def _utf8_complete(data):
    # How many leading bytes form whole UTF-8 sequences: an incomplete
    # sequence at the end waits for more input (incremental decoding).
    n = len(data)
    back = 0
    while back < 3 and back < n and 0x80 <= data[n - 1 - back] < 0xC0:
        back += 1
    if back < n:
        lead = data[n - 1 - back]
        need = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if 0xF0 <= lead < 0xF8 else 1
        if need > back + 1:
            return n - back - 1
    return n


def utf_8_encode(str, errors=None):
    return (str.encode('utf-8', errors or 'strict'), len(str))


def utf_8_decode(data, errors=None, final=False):
    data = bytes(data)
    end = len(data) if final else _utf8_complete(data)
    return (data[:end].decode('utf-8', errors or 'strict'), end)


def latin_1_encode(str, errors=None):
    return (str.encode('latin-1', errors or 'strict'), len(str))


def latin_1_decode(data, errors=None, final=False):
    data = bytes(data)
    return (data.decode('latin-1', errors or 'strict'), len(data))


def ascii_encode(str, errors=None):
    return (str.encode('ascii', errors or 'strict'), len(str))


def ascii_decode(data, errors=None, final=False):
    data = bytes(data)
    return (data.decode('ascii', errors or 'strict'), len(data))
