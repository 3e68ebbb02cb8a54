"""A collection of string constants and classes (gilt).

ascii_letters, digits, punctuation, ..., capwords, Template (without
regular expressions) and a basic Formatter.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.
    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_IDSTART = frozenset('_' + ascii_letters)
_IDCHARS = frozenset('_' + ascii_letters + digits)


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)

    def _scan(self):
        """Yield (kind, text, start) pieces: ('text', s, i), ('escaped', d, i),
        ('named', name, i), ('braced', name, i), ('invalid', '', i)."""
        t = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(t)
        i = 0
        while True:
            j = t.find(delim, i)
            if j < 0:
                if i < n:
                    yield ('text', t[i:], i)
                return
            if j > i:
                yield ('text', t[i:j], i)
            k = j + dl
            if t.startswith(delim, k):
                yield ('escaped', delim, j)
                i = k + dl
                continue
            if k < n and t[k] == '{':
                e = k + 1
                if e < n and (t[e] in _IDSTART or (t[e].isalpha() and False)):
                    m = e + 1
                    while m < n and t[m] in _IDCHARS:
                        m += 1
                    if m < n and t[m] == '}':
                        yield ('braced', t[e:m], j)
                        i = m + 1
                        continue
                yield ('invalid', '', k)
                i = k
                continue
            if k < n and t[k] in _IDSTART:
                m = k + 1
                while m < n and t[m] in _IDCHARS:
                    m += 1
                yield ('named', t[k:m], j)
                i = m
                continue
            yield ('invalid', '', k)
            i = k

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        parts = []
        for kind, text, i in self._scan():
            if kind == 'text' or kind == 'escaped':
                parts.append(text)
            elif kind == 'invalid':
                self._invalid(i)
            else:
                parts.append('%s' % (mapping[text],))
        return ''.join(parts)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        parts = []
        t = self.template
        delim = self.delimiter
        for kind, text, i in self._scan():
            if kind == 'text' or kind == 'escaped':
                parts.append(text)
            elif kind == 'invalid':
                parts.append(delim)
            else:
                try:
                    parts.append('%s' % (mapping[text],))
                except KeyError:
                    if kind == 'named':
                        parts.append(delim + text)
                    else:
                        parts.append(delim + '{' + text + '}')
        return ''.join(parts)

    def is_valid(self):
        for kind, text, i in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, text, i in self._scan():
            if kind in ('named', 'braced') and text not in ids:
                ids.append(text)
        return ids


class _ChainMap:
    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                pass
        raise KeyError(key)


class Formatter:
    """str.format()-style formatting with overridable hooks (basic)."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """Yield (literal_text, field_name, format_spec, conversion) tuples."""
        s = format_string
        n = len(s)
        i = 0
        literal = []
        while i < n:
            c = s[i]
            if c == '{':
                if s[i + 1:i + 2] == '{':
                    literal.append('{')
                    yield (''.join(literal), None, None, None)
                    literal = []
                    i += 2
                    continue
                depth = 1
                j = i + 1
                while j < n and depth:
                    if s[j] == '{':
                        depth += 1
                    elif s[j] == '}':
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                field = s[i + 1:j - 1]
                conversion = None
                spec = ''
                k = field.find(':')
                head = field if k < 0 else field[:k]
                if k >= 0:
                    spec = field[k + 1:]
                b = head.find('!')
                if b >= 0:
                    conversion = head[b + 1:]
                    head = head[:b]
                yield (''.join(literal), head, spec, conversion)
                literal = []
                i = j
            elif c == '}':
                if s[i + 1:i + 2] == '}':
                    literal.append('}')
                    yield (''.join(literal), None, None, None)
                    literal = []
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                literal.append(c)
                i += 1
        if literal:
            yield (''.join(literal), None, None, None)
