"""JSON (JavaScript Object Notation) encoder and decoder for gilt.

dumps/dump/loads/load, JSONEncoder, JSONDecoder and JSONDecodeError with
CPython 3.11's output (separators, indent, sort_keys, ensure_ascii escaping,
allow_nan, default=, skipkeys, check_circular) and its decoder error messages
and positions (those of CPython's C scanner).  No regular expressions: the
scanner walks the text with str.find and index arithmetic.
"""

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError',
           'JSONEncoder']

__version__ = '2.0.9'

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')
INFINITY = PosInf


################################################################################
### errors
################################################################################

class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


JSONDecodeError.__module__ = 'json.decoder'


################################################################################
### string escaping
################################################################################

ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def _escape_char_ascii(c):
    n = ord(c)
    if n < 0x10000:
        return '\\u{0:04x}'.format(n)
    n -= 0x10000
    s1 = 0xd800 | ((n >> 10) & 0x3ff)
    s2 = 0xdc00 | (n & 0x3ff)
    return '\\u{0:04x}\\u{1:04x}'.format(s1, s2)


def _escape_basic(s):
    # backslash and quote first, then the control characters
    if '\\' in s:
        s = s.replace('\\', '\\\\')
    if '"' in s:
        s = s.replace('"', '\\"')
    if s and min(s) < ' ':
        for c in '\n\r\t\b\f':
            if c in s:
                s = s.replace(c, ESCAPE_DCT[c])
        if min(s) < ' ':
            s = ''.join([ESCAPE_DCT[c] if c < ' ' else c for c in s])
    return s


def py_encode_basestring(s):
    """Return a JSON representation of a Python string"""
    return '"' + _escape_basic(s) + '"'


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string"""
    s = _escape_basic(s)
    if s and max(s) > '~':
        s = ''.join([c if c <= '~' else _escape_char_ascii(c) for c in s])
    return '"' + s + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


################################################################################
### encoder
################################################################################

class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns
        a serializable object for ``o``, or calls the base implementation
        (to raise a ``TypeError``)."""
        raise TypeError('Object of type %s is not JSON serializable'
                        % o.__class__.__name__)

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        return ''.join(self._chunks(o, True))

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation as
        available."""
        return iter(self._chunks(o, _one_shot))

    def _chunks(self, o, one_shot):
        # CPython uses its C encoder for one-shot encoding without indent;
        # its NaN error message lacks the value's repr.
        c_encoder = one_shot and self.indent is None
        markers = {} if self.check_circular else None
        encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o):
            if o != o:
                text = 'NaN'
            elif o == INFINITY:
                text = 'Infinity'
            elif o == -INFINITY:
                text = '-Infinity'
            else:
                return repr(float(o))
            if not allow_nan:
                if c_encoder:
                    raise ValueError("Out of range float values are not JSON compliant")
                raise ValueError("Out of range float values are not JSON compliant: "
                                 + repr(o))
            return text

        out = []
        _make_encoder(out, markers, self.default, encoder, self.indent, floatstr,
                      self.key_separator, self.item_separator, self.sort_keys,
                      self.skipkeys)(o, 0)
        return out


def _intstr(o):
    return repr(int(o)) if type(o) is not int else repr(o)


def _make_encoder(out, markers, _default, _encoder, _indent, _floatstr,
                  _key_separator, _item_separator, _sort_keys, _skipkeys):
    if _indent is not None and not isinstance(_indent, str):
        _indent = ' ' * _indent
    append = out.append

    def encode_list(lst, level):
        if not lst:
            append('[]')
            return
        if markers is not None:
            markerid = id(lst)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = lst
        if _indent is not None:
            level += 1
            newline_indent = '\n' + _indent * level
            separator = _item_separator + newline_indent
            append('[' + newline_indent)
        else:
            newline_indent = None
            separator = _item_separator
            append('[')
        first = True
        for value in lst:
            if first:
                first = False
            else:
                append(separator)
            encode(value, level)
        if newline_indent is not None:
            level -= 1
            append('\n' + _indent * level)
        append(']')
        if markers is not None:
            del markers[markerid]

    def encode_dict(dct, level):
        if not dct:
            append('{}')
            return
        if markers is not None:
            markerid = id(dct)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = dct
        append('{')
        if _indent is not None:
            level += 1
            newline_indent = '\n' + _indent * level
            item_separator = _item_separator + newline_indent
            append(newline_indent)
        else:
            newline_indent = None
            item_separator = _item_separator
        first = True
        if _sort_keys:
            items = sorted(dct.items())
        else:
            items = dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = _intstr(key)
            elif _skipkeys:
                continue
            else:
                raise TypeError('keys must be str, int, float, bool or None, not %s'
                                % key.__class__.__name__)
            if first:
                first = False
            else:
                append(item_separator)
            append(_encoder(key))
            append(_key_separator)
            encode(value, level)
        if newline_indent is not None:
            level -= 1
            append('\n' + _indent * level)
        append('}')
        if markers is not None:
            del markers[markerid]

    def encode(o, level):
        if isinstance(o, str):
            append(_encoder(o))
        elif o is None:
            append('null')
        elif o is True:
            append('true')
        elif o is False:
            append('false')
        elif isinstance(o, int):
            append(_intstr(o))
        elif isinstance(o, float):
            append(_floatstr(o))
        elif isinstance(o, (list, tuple)):
            encode_list(o, level)
        elif isinstance(o, dict):
            encode_dict(o, level)
        else:
            if markers is not None:
                markerid = id(o)
                if markerid in markers:
                    raise ValueError("Circular reference detected")
                markers[markerid] = o
            o = _default(o)
            encode(o, level)
            if markers is not None:
                del markers[markerid]

    return encode


################################################################################
### decoder
################################################################################

_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

_HEXDIGITS = frozenset('0123456789abcdefABCDEF')
_WS = ' \t\n\r'
_DIGITS = '0123456789'


def _skip_ws(s, idx, n):
    while idx < n and s[idx] in _WS:
        idx += 1
    return idx


def _hex4(s, i):
    h = s[i:i + 4]
    if len(h) == 4 and h[0] in _HEXDIGITS and h[1] in _HEXDIGITS \
            and h[2] in _HEXDIGITS and h[3] in _HEXDIGITS:
        return int(h, 16)
    return -1


def py_scanstring(s, end, strict=True):
    """Scan the string s for a JSON string.  end is the index just after the
    opening quote.  Returns (decoded string, index after the closing quote)."""
    begin = end - 1
    n = len(s)
    chunks = None
    q = -1
    while True:
        if q < end:
            q = s.find('"', end)
            if q < 0:
                q = n      # no closing quote: fail at the end, after escapes
        b = s.find('\\', end, q)
        stop = q if b < 0 else b
        content = s[end:stop]
        if content and min(content) < ' ':
            if strict:
                for i in range(len(content)):
                    if content[i] < ' ':
                        raise JSONDecodeError("Invalid control character at", s, end + i)
        if b < 0:
            if q == n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            if chunks is None:
                return content, q + 1
            chunks.append(content)
            return ''.join(chunks), q + 1
        if chunks is None:
            chunks = []
        if content:
            chunks.append(content)
        e = b + 1
        if e >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        c = s[e]
        if c != 'u':
            ch = BACKSLASH.get(c)
            if ch is None:
                raise JSONDecodeError("Invalid \\escape", s, b)
            chunks.append(ch)
            end = e + 1
            continue
        if e + 5 >= n:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, e)
        uni = _hex4(s, e + 1)
        if uni < 0:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, e)
        end = e + 5
        if 0xd800 <= uni <= 0xdbff and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            uni2 = _hex4(s, end + 2)
            if uni2 < 0:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        chunks.append(chr(uni))


scanstring = py_scanstring


class _StopScan(Exception):
    def __init__(self, idx):
        Exception.__init__(self, idx)
        self.idx = idx


def _make_scanner(context):
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    strict = context.strict
    memo = context.memo
    float_is_float = parse_float is float
    int_is_int = parse_int is int

    def scan(s, idx, n):
        if idx >= n:
            raise _StopScan(idx)
        c = s[idx]
        if c == '"':
            return py_scanstring(s, idx + 1, strict)
        if c == '{':
            return parse_object(s, idx + 1, n)
        if c == '[':
            return parse_array(s, idx + 1, n)
        if c == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if c == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if c == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        if c == 'N' and s[idx:idx + 3] == 'NaN':
            return parse_constant('NaN'), idx + 3
        if c == 'I' and s[idx:idx + 8] == 'Infinity':
            return parse_constant('Infinity'), idx + 8
        if c == '-' and s[idx:idx + 9] == '-Infinity':
            return parse_constant('-Infinity'), idx + 9
        # number
        start = idx
        if c == '-':
            idx += 1
            if idx >= n:
                raise _StopScan(start)
            c = s[idx]
        if c == '0':
            idx += 1
        elif '1' <= c <= '9':
            idx += 1
            while idx < n and s[idx] in _DIGITS:
                idx += 1
        else:
            raise _StopScan(start)
        is_float = False
        if idx + 1 < n and s[idx] == '.' and s[idx + 1] in _DIGITS:
            idx += 2
            while idx < n and s[idx] in _DIGITS:
                idx += 1
            is_float = True
        if idx < n and (s[idx] == 'e' or s[idx] == 'E'):
            e = idx + 1
            if e < n and (s[e] == '+' or s[e] == '-'):
                e += 1
            if e < n and s[e] in _DIGITS:
                e += 1
                while e < n and s[e] in _DIGITS:
                    e += 1
                idx = e
                is_float = True
        numstr = s[start:idx]
        if is_float:
            return (float(numstr) if float_is_float else parse_float(numstr)), idx
        return (int(numstr) if int_is_int else parse_int(numstr)), idx

    def parse_object(s, idx, n):
        pairs = []
        memo_get = memo.setdefault
        idx = _skip_ws(s, idx, n)
        if idx >= n or s[idx] != '}':
            while True:
                if idx >= n or s[idx] != '"':
                    raise JSONDecodeError(
                        "Expecting property name enclosed in double quotes", s, idx)
                key, idx = py_scanstring(s, idx + 1, strict)
                key = memo_get(key, key)
                idx = _skip_ws(s, idx, n)
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
                try:
                    value, idx = scan(s, idx, n)
                except _StopScan as err:
                    raise JSONDecodeError("Expecting value", s, err.idx) from None
                pairs.append((key, value))
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == '}':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
        if object_pairs_hook is not None:
            return object_pairs_hook(pairs), idx + 1
        result = dict(pairs)
        if object_hook is not None:
            result = object_hook(result)
        return result, idx + 1

    def parse_array(s, idx, n):
        values = []
        idx = _skip_ws(s, idx, n)
        if idx >= n or s[idx] != ']':
            append = values.append
            while True:
                try:
                    value, idx = scan(s, idx, n)
                except _StopScan as err:
                    raise JSONDecodeError("Expecting value", s, err.idx) from None
                append(value)
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == ']':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
        return values, idx + 1

    def scan_once(s, idx):
        try:
            return scan(s, idx, len(s))
        except _StopScan as err:
            raise StopIteration(err.idx) from None
        finally:
            memo.clear()

    return scan_once


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = _make_scanner(self)

    def decode(self, s):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document)."""
        n = len(s)
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end


################################################################################
### module API
################################################################################

_default_encoder = JSONEncoder(
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    indent=None,
    separators=None,
    default=None,
)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialize ``obj`` as a JSON formatted stream to ``fp`` (a
    ``.write()``-supporting file-like object)."""
    if (not skipkeys and ensure_ascii and
            check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        iterable = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                       check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                       separators=separators,
                       default=default, sort_keys=sort_keys, **kw).iterencode(obj)
    fp.write(''.join(iterable))


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize ``obj`` to a JSON formatted ``str``."""
    if (not skipkeys and ensure_ascii and
            check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


_default_decoder = JSONDecoder(object_hook=None, object_pairs_hook=None)


def detect_encoding(b):
    bstartswith = b.startswith
    if bstartswith((b'\xef\xbb\xbf',)):
        return 'utf-8-sig'
    if bstartswith((b'\xff\xfe', b'\xfe\xff')):
        return 'utf-16'
    return 'utf-8'


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``fp`` (a ``.read()``-supporting file-like object containing
    a JSON document) to a Python object."""
    return loads(fp.read(),
                 cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``s`` (a ``str``, ``bytes`` or ``bytearray`` instance
    containing a JSON document) to a Python object."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError('the JSON object must be str, bytes or bytearray, not %s'
                            % s.__class__.__name__)
        enc = detect_encoding(s)
        if enc == 'utf-8-sig':
            s = bytes(s[3:]).decode('utf-8')
        else:
            s = bytes(s).decode(enc)

    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


# json.decoder / json.encoder / json.scanner compatibility namespaces
class _Namespace:
    def __init__(self, **kw):
        self.__dict__.update(kw)


decoder = _Namespace(JSONDecoder=JSONDecoder, JSONDecodeError=JSONDecodeError,
                     scanstring=scanstring, py_scanstring=py_scanstring)
encoder = _Namespace(JSONEncoder=JSONEncoder, encode_basestring=encode_basestring,
                     encode_basestring_ascii=encode_basestring_ascii,
                     py_encode_basestring=py_encode_basestring,
                     py_encode_basestring_ascii=py_encode_basestring_ascii)
