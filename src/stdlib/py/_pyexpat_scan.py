"""The tokenizer of gilt's `pyexpat`: markup → handler calls, as expat makes them.

One `Scanner` per parser. `feed` appends decoded text and consumes every
complete token; an incomplete one waits for the next chunk (or, at the end
of input, is `unclosed token`). Each event moves the parser's current
position (line, column in characters, byte index) to where expat reports
it, then calls the handler, or the default handler with the raw markup when
no handler is set, as expat does.
"""

import re

from _pyexpat_dtd import DtdMixin
from _pyexpat_lex import (_ATTR_WS, _NAME, _NAME_RE, _NMTOKEN, _PREDEFINED,
                          _REF, _REF_PART, _WS, _valid_char)
from _pyexpat_text import Decoder, UnknownEncoding

_TEXT_STOP = re.compile('[<&\n]')
_DECL_VALUE = {
    'version': re.compile(r'[\w.:\-]+$'),
    'encoding': re.compile(r'[A-Za-z][\w.\-]*$'),
    'standalone': re.compile('(?:yes|no)$'),
}
# The common well-formed start and end tags in one match each; anything
# else (references in values, errors, incomplete tags) takes the slow path.
_FAST_START = re.compile(
    '<(' + _NAME_RE + ')((?:[ \t\n]+' + _NAME_RE
    + '[ \t\n]*=[ \t\n]*(?:"[^"<&]*"|\'[^\'<&]*\'))*)[ \t\n]*(/?)>')
_FAST_ATTR = re.compile(
    '(' + _NAME_RE + ')[ \t\n]*=[ \t\n]*(?:"([^"]*)"|\'([^\']*)\')')
_FAST_END = re.compile('</(' + _NAME_RE + ')[ \t\n]*>')
_CDATA_PIECE = re.compile('\n|\\][^\\]\n]*|[^\\]\n]+')
_URI_PUNCT = "-._~:/?#[]@!$&'()*+,;=%"
_XML_NS = 'http://www.w3.org/XML/1998/namespace'

PROLOG, CONTENT, EPILOG = 0, 1, 2


class _Incomplete(Exception):
    """The token at `start` needs more input."""


class Scanner(DtdMixin):
    """Tokenizer and well-formedness checker behind one `xmlparser`."""

    raise_error = None  # set by pyexpat: raises ExpatError for a code

    def __init__(self, parser, encoding, separator):
        self.p = parser
        self.dec = Decoder(encoding)
        self.separator = separator
        self.ns = separator is not None
        self.nsmap = {'xml': _XML_NS}
        self.s = ''
        self.i = 0
        self.n = 0
        self.trimmed = 0
        self.pidx = 0
        self.line, self.col, self.byte = 1, 0, 0
        self.cur = (1, 0, -1)
        self.state = PROLOG
        self.stack = []
        self.entities = {}
        self.attdefaults = {}
        self.atttypes = {}
        self.dtd_ext = False
        self.standalone = -1
        self.seen_doctype = False
        self.final = False
        self.finished = False
        self.error_code = 0
        self.external_entity = False
        self.use_foreign_dtd = False
        self.param_parsing = 0
        self.frozen = 0
        self.active = ()
        self.tok_start = 0
        self.tok_kind = None
        self.in_cdata = -1

    # -- positions and errors ---------------------------------------------

    def position(self):
        return self.cur

    def _at(self, idx):
        if self.frozen:
            # Inside an entity's replacement text, expat reports the
            # position of the reference.
            self.cur = (self.line, self.col, self.byte)
            return
        p = self.pidx
        if idx > p:
            seg = self.s[p:idx]
            nl = seg.count('\n')
            if nl:
                self.line += nl
                self.col = len(seg) - seg.rfind('\n') - 1
            else:
                self.col += len(seg)
            self.byte += self.dec.byte_length(seg, self.trimmed + p)
            self.pidx = idx
        self.cur = (self.line, self.col, self.byte)

    def _fail(self, code, idx):
        self._at(idx)
        if self.dec.produced == 0:
            self.cur = (self.line, self.col, -1)
        self.error_code = code
        self.raise_error(self, code)

    def input_context(self):
        return None

    def as_external_entity(self):
        """Parse an external parsed entity: content (text, elements) from
        the first character, no document element required."""
        self.external_entity = True
        self.state = CONTENT

    def force_utf8(self):
        if self.dec.decoder is None:
            self.dec.forced = 'utf-8'

    # -- feeding ----------------------------------------------------------

    def feed(self, data, final):
        if self.error_code:
            self.raise_error(self, self.error_code)
        if self.finished:
            self.error_code = 36
            self.raise_error(self, 36)
        had_codec = self.dec.decoder is not None
        try:
            text = self.dec.feed(data, final)
        except UnknownEncoding:
            self._fail(18, self.i)
        if not had_codec and self.dec.bom:
            self.col, self.byte = 1, self.dec.bom
        i = self.i
        if i:
            self.s = self.s[i:] + text
            self.pidx -= i
            self.trimmed += i
            self.i = 0
        else:
            self.s += text
        self.final = final
        bad = self.dec.bad
        self.n = len(self.s) if bad < 0 else min(len(self.s),
                                                  bad - self.trimmed)
        self._run()
        if final:
            self._finish()
        else:
            self._at(self.i)

    def _finish(self):
        n = self.n
        if self.i < n or self.dec.bad >= 0:
            if self.dec.bad >= 0 and self.i >= n:
                self._fail(4, n)
            self._fail(20 if self.tok_kind == 'cdata' else 5, self.tok_start)
        if self.in_cdata >= 0:
            self._fail(20, n)
        if self.state != EPILOG and not (self.external_entity
                                         and not self.stack):
            self._fail(3, n)
        self.finished = True
        self._at(n)

    def _run(self):
        s = self.s
        n = self.n
        try:
            while self.i < n:
                i = self.i
                c = s[i]
                if self.in_cdata >= 0:
                    self._cdata_body(i)
                elif self.state == CONTENT:
                    if c == '<':
                        self._markup(i)
                    elif c == '&':
                        self._reference(i)
                    else:
                        self._text(i)
                elif c == '<':
                    self._markup(i)
                elif c in ' \t\n':
                    j = _WS.match(s, i, n).end()
                    self.i = j
                    self._default(s[i:j], i)
                else:
                    self._stray(i)
        except _Incomplete:
            if self.dec.bad >= 0 and not self.final:
                self._fail(4, n)

    def _stray(self, i):
        """Text outside the document element: expat reads a name-like run
        as a token, so what follows it decides the error."""
        s = self.s
        n = self.n
        if s[i] == '&':
            self._fail(4, i)
        m = _NMTOKEN.match(s, i, n)
        if m is not None:
            j = m.end()
            if j >= n and not self.final:
                self._need(i)
            if j < n and s[j] not in ' \t\n':
                self._fail(4, j)
        self._fail(2 if self.state == PROLOG else 9, i)

    def _need(self, start, kind=None):
        self.tok_start = start
        self.tok_kind = kind
        raise _Incomplete

    # -- dispatch ---------------------------------------------------------

    def _default(self, raw, pos):
        h = self.p.DefaultHandler
        if h is not None:
            self._at(pos)
            self.p._flush()
            h(raw)

    def _emit(self, name, args, raw, pos):
        h = getattr(self.p, name)
        if h is not None:
            self._at(pos)
            self.p._flush()
            h(*args)
        else:
            self._default(raw, pos)

    def _data(self, text, raw, pos):
        p = self.p
        h = p.CharacterDataHandler
        if h is not None:
            if p._buffer is not None:
                p._chardata(text)
            else:
                self._at(pos)
                h(text)
        else:
            self._default(raw, pos)

    # -- content ----------------------------------------------------------

    def _text(self, i):
        s = self.s
        if s[i] == '\n':
            self.i = i + 1
            self._data('\n', '\n', i)
            return
        m = _TEXT_STOP.search(s, i, self.n)
        end = m.start() if m is not None else self.n
        piece = s[i:end]
        k = piece.find(']]>')
        if k >= 0:
            self._fail(4, i + k + 2)
        if end == self.n and piece.endswith(']') and not self.final:
            # `]]>` may be completing in the next chunk.
            keep = 2 if piece.endswith(']]') else 1
            if len(piece) == keep:
                self._need(i)
            end -= keep
            piece = piece[:-keep]
        self.i = end
        if len(piece) > 1024 and self.dec.codec != 'utf-8':
            # expat converts other encodings through a 1024-character
            # buffer, and reports each buffer's worth separately.
            for k in range(0, len(piece), 1024):
                self._data(piece[k:k + 1024], piece[k:k + 1024], i + k)
            return
        self._data(piece, piece, i)

    def _reference(self, i):
        s = self.s
        n = self.n
        m = _REF.match(s, i, n)
        if m is None:
            part = _REF_PART.match(s, i, n)
            if part.end() >= n:
                self._need(i)
            self._fail(4, part.end())
        raw = m.group()
        self.i = m.end()
        if m.group(3) is None:
            cp = int(m.group(1), 10) if m.group(1) else int(m.group(2), 16)
            if not _valid_char(cp):
                self._fail(14, i)
            self._data(chr(cp), raw, i)
            return
        name = m.group(3)
        value = _PREDEFINED.get(name)
        if value is not None:
            self._data(value, raw, i)
            return
        value = self.entities.get(name)
        if value is None:
            if self.dtd_ext and self.standalone != 1:
                h = self.p.SkippedEntityHandler
                if h is not None:
                    self._at(i)
                    self.p._flush()
                    h(name, 0)
                else:
                    self._default(raw, i)
                return
            self._fail(11, i)
        if isinstance(value, tuple):
            h = self.p.ExternalEntityRefHandler
            if h is not None:
                self._at(i)
                self.p._flush()
                if not h(name, self.p._base, value[0], value[1]):
                    self._fail(21, i)
            else:
                self._default(raw, i)
            return
        if not self.p._expand_default:
            self._default(raw, i)
            return
        if '<' in value:
            self._expand_markup(name, value, i)
            return
        for piece in self._expand(value, i, (name,)):
            if piece:
                self._data(piece, raw, i)

    def _expand_markup(self, name, value, i):
        """Parses an internal entity's replacement text as content, its
        events at the reference's position; its elements must close in it."""
        if name in self.active:
            self._fail(12, i)
        self._at(i)
        saved = (self.s, self.i, self.n, self.final, self.active)
        depth = len(self.stack)
        self.frozen += 1
        self.s, self.i, self.n, self.final = value, 0, len(value), True
        self.active = self.active + (name,)
        try:
            while self.i < self.n:
                j = self.i
                c = value[j]
                if c == '<':
                    self._markup(j)
                elif c == '&':
                    self._reference(j)
                else:
                    self._text(j)
                if len(self.stack) < depth:
                    self._fail(13, i)
        except _Incomplete:
            self._fail(5, i)
        finally:
            self.frozen -= 1
            self.s, self.i, self.n, self.final, self.active = saved
        if len(self.stack) != depth:
            self._fail(13, i)

    def _expand(self, value, pos, active):
        """The replacement text of an internal entity as expat reports it
        (one piece per nested reference), its references resolved; markup
        inside entities is taken as text."""
        if '&' not in value:
            return [value]
        out = []
        k = 0
        for m in _REF.finditer(value):
            out.append(value[k:m.start()])
            k = m.end()
            if m.group(3) is None:
                cp = int(m.group(1), 10) if m.group(1) else int(m.group(2), 16)
                out.append(chr(cp))
                continue
            name = m.group(3)
            if name in _PREDEFINED:
                out.append(_PREDEFINED[name])
                continue
            if name in active:
                self._fail(12, pos)
            sub = self.entities.get(name)
            if sub is None:
                self._fail(11, pos)
            if isinstance(sub, tuple):
                self._fail(16, pos)
            out.extend(self._expand(sub, pos, active + (name,)))
        out.append(value[k:])
        return out

    def _markup(self, i):
        s = self.s
        n = self.n
        if i + 1 >= n:
            self._need(i)
        c = s[i + 1]
        if c == '/':
            if self.state != CONTENT:
                self._fail(4, i + 1)
            self._end_tag(i)
        elif c == '!':
            if s.startswith('<!--', i):
                self._comment(i)
            elif s.startswith('<![CDATA[', i) and self.state == CONTENT:
                self._cdata(i)
            elif s.startswith('<!DOCTYPE', i) and self.state == PROLOG \
                    and not self.seen_doctype:
                self._doctype(i)
            elif n - i < 9 and ('<![CDATA['.startswith(s[i:n])
                                or '<!DOCTYPE'.startswith(s[i:n])
                                or '<!--'.startswith(s[i:n])):
                self._need(i)
            else:
                self._fail(2 if self.state != CONTENT else 4, i + 2)
        elif c == '?':
            self._pi(i)
        else:
            if self.state == EPILOG:
                self._fail(9, i)
            self._start_tag(i)

    def _comment(self, i):
        s = self.s
        n = self.n
        k = s.find('--', i + 4, n)
        if k < 0 or k + 2 >= n:
            self._need(i)
        if s[k + 2] != '>':
            self._fail(4, k + 2)
        self.i = k + 3
        self._emit('CommentHandler', (s[i + 4:k],), s[i:k + 3], i)

    def _cdata(self, i):
        self.i = i + 9
        self.in_cdata = i
        self._emit('StartCdataSectionHandler', (), '<![CDATA[', i)
        self._cdata_body(i + 9)

    def _cdata_body(self, j):
        s = self.s
        n = self.n
        k = s.find(']]>', j, n)
        if k < 0:
            # Deliver what has come, holding back a `]` that may start `]]>`.
            k = n
            while k > j and s[k - 1] == ']' and n - k < 2:
                k -= 1
            end_found = False
        else:
            end_found = True
        # expat reports a section's text split before newlines and `]`s.
        for m in _CDATA_PIECE.finditer(s, j, k):
            piece = m.group()
            self.i = m.end()
            self._data(piece, piece, m.start())
        if not end_found:
            self._need(self.in_cdata, 'cdata')
        self.i = k + 3
        self.in_cdata = -1
        self._emit('EndCdataSectionHandler', (), ']]>', k)

    def _pi(self, i):
        s = self.s
        n = self.n
        k = s.find('?>', i + 2, n)
        if k < 0:
            m = _NAME.match(s, i + 2, n)
            if m is not None and m.end() < n and s[m.end()] not in ' \t\n?':
                self._fail(4, m.end())
            self._need(i)
        m = _NAME.match(s, i + 2, k)
        if m is None:
            self._fail(4, i + 2)
        target = m.group()
        j = m.end()
        if j < k and s[j] not in ' \t\n':
            self._fail(4, j)
        if target.lower() == 'xml':
            if target == 'xml' and i + self.trimmed == 0 \
                    and not self.external_entity:
                self._xml_decl(i, k)
                return
            self._fail(17, i)
        data = s[j:k].lstrip(' \t\n')
        self.i = k + 2
        self._emit('ProcessingInstructionHandler', (target, data),
                   s[i:k + 2], i)

    def _xml_decl(self, i, k):
        s = self.s
        found = {}
        order = ['version', 'encoding', 'standalone']
        j = i + 5
        while True:
            w = _WS.match(s, j, k).end()
            if w >= k:
                break
            if w == j:
                self._fail(30, j)
            m = _NAME.match(s, w, k)
            if m is None or m.group() not in order:
                self._fail(30, w)
            name = m.group()
            if not found and name != 'version':
                self._fail(30, w)
            del order[:order.index(name) + 1]
            e = _WS.match(s, m.end(), k).end()
            if e >= k or s[e] != '=':
                self._fail(30, e)
            q = _WS.match(s, e + 1, k).end()
            if q >= k or s[q] not in '"\'':
                self._fail(30, q)
            close = s.find(s[q], q + 1, k)
            if close < 0:
                self._fail(30, q)
            value = s[q + 1:close]
            if not _DECL_VALUE[name].match(value):
                self._fail(30, q + 1)
            if name == 'encoding' and self.dec.forced is None and \
                    value.lower().replace('_', '-').startswith('utf-16') \
                    and self.dec.unit != 2:
                # Declared UTF-16 but read as bytes of an 8-bit encoding.
                self._fail(19, q + 1)
            found[name] = value
            j = close + 1
        if 'version' not in found:
            self._fail(30, j)
        version = found['version']
        encoding = found.get('encoding')
        standalone = found.get('standalone')
        standalone = -1 if standalone is None else int(standalone == 'yes')
        self.standalone = standalone
        self.i = k + 2
        self._emit('XmlDeclHandler', (version, encoding, standalone),
                   s[i:k + 2], i)

    def _start_tag(self, i):
        s = self.s
        n = self.n
        m = _FAST_START.match(s, i, n)
        if m is not None:
            values = []
            if m.group(2):
                for am in _FAST_ATTR.finditer(m.group(2)):
                    v = am.group(2)
                    if v is None:
                        v = am.group(3)
                    values.append((am.group(1), v.translate(_ATTR_WS), i))
                if len(values) > 1 and \
                        len(set([a[0] for a in values])) != len(values):
                    m = None
            if m is not None:
                end = m.end()
                self.i = end
                if self.state == PROLOG:
                    self.state = CONTENT
                self._element(i, end, m.group(1), values, bool(m.group(3)), s)
                return
        m = _NAME.match(s, i + 1, n)
        if m is None:
            self._fail(4, i + 1)
        name = m.group()
        j = m.end()
        attrs = []
        while True:
            ws = _WS.match(s, j, n).end()
            if ws >= n:
                self._need(i)
            c = s[ws]
            if c == '>':
                end = ws + 1
                empty = False
                break
            if c == '/':
                if ws + 1 >= n:
                    self._need(i)
                if s[ws + 1] != '>':
                    self._fail(4, ws + 1)
                end = ws + 2
                empty = True
                break
            if ws == j:
                self._fail(4, j)
            am = _NAME.match(s, ws, n)
            if am is None:
                self._fail(4, ws)
            j = am.end()
            eq = _WS.match(s, j, n).end()
            if eq >= n:
                self._need(i)
            if s[eq] != '=':
                self._fail(4, eq)
            q = _WS.match(s, eq + 1, n).end()
            if q >= n:
                self._need(i)
            quote = s[q]
            if quote != '"' and quote != "'":
                self._fail(4, q)
            close = s.find(quote, q + 1, n)
            raw = s[q + 1:close] if close >= 0 else s[q + 1:n]
            lt = raw.find('<')
            if lt >= 0:
                self._fail(4, q + 1 + lt)
            if close < 0:
                self._need(i)
            attrs.append((am.group(), raw, ws, q + 1))
            j = close + 1
        if len(attrs) > 1:
            seen = set()
            for a in attrs:
                if a[0] in seen:
                    self._fail(8, a[2])
                seen.add(a[0])
        values = []
        for an, raw, apos, vpos in attrs:
            if '&' in raw:
                raw = self._attr_refs(raw, vpos)
            else:
                raw = raw.translate(_ATTR_WS)
            values.append((an, raw, apos))
        self.i = end
        if self.state == PROLOG:
            self.state = CONTENT
        self._element(i, end, name, values, empty, s)

    def _attr_refs(self, raw, vpos):
        out = []
        k = 0
        while True:
            a = raw.find('&', k)
            if a < 0:
                break
            m = _REF.match(raw, a)
            if m is None:
                part = _REF_PART.match(raw, a)
                self._fail(4, vpos + part.end())
            out.append(raw[k:a].translate(_ATTR_WS))
            k = m.end()
            if m.group(3) is None:
                cp = int(m.group(1), 10) if m.group(1) else int(m.group(2), 16)
                if not _valid_char(cp):
                    self._fail(14, vpos + a)
                out.append(chr(cp))
                continue
            name = m.group(3)
            if name in _PREDEFINED:
                out.append(_PREDEFINED[name])
                continue
            value = self.entities.get(name)
            if value is None:
                if self.dtd_ext and self.standalone != 1:
                    continue
                self._fail(11, vpos + a)
            if isinstance(value, tuple):
                self._fail(16, vpos + a)
            out.append(''.join(self._expand(value, vpos + a, (name,))).translate(
                _ATTR_WS))
        out.append(raw[k:].translate(_ATTR_WS))
        return ''.join(out)

    def _element(self, i, end, name, values, empty, s):
        p = self.p
        if self.use_foreign_dtd and not self.seen_doctype and not self.stack:
            self.use_foreign_dtd = False
            if self._reads_external_dtd():
                self._external_subset(None, None, i)
        decls = None
        types = self.atttypes.get(name)
        if types:
            # Declared non-CDATA values lose leading, trailing and repeated
            # spaces (XML 1.0 section 3.3.3).
            values = [(an, ' '.join([w for w in av.split(' ') if w])
                       if types.get(an, 'CDATA') != 'CDATA' else av, apos)
                      for an, av, apos in values]
        defaults = self.attdefaults.get(name)
        if defaults and not p.specified_attributes:
            given = set([a[0] for a in values])
            values = values + [(an, av, i) for an, av in defaults
                               if an not in given]
        ename = name
        if self.ns:
            plain = []
            for an, av, apos in values:
                if an == 'xmlns':
                    pfx = None
                elif an.startswith('xmlns:'):
                    pfx = an[6:]
                    if av == '':
                        self._fail(28, i)
                else:
                    plain.append((an, av, apos))
                    continue
                sep = self.separator
                if sep and sep in av and not (sep.isascii() and sep.isalnum()
                                              or sep in _URI_PUNCT):
                    # expat 2.4.5+: a URI holding the separator would make
                    # expanded names ambiguous.
                    self._fail(2, i)
                if decls is None:
                    decls = []
                decls.append((pfx, av or None))
            values = plain
            saved = self.nsmap
            if decls is not None:
                self.nsmap = dict(saved)
                for pfx, uri in decls:
                    self.nsmap[pfx] = uri
                h = p.StartNamespaceDeclHandler
                if h is not None:
                    for pfx, uri in decls:
                        self._at(i)
                        p._flush()
                        h(pfx, uri)
            ename = self._expand_name(name, False, i)
            values = [(self._expand_name(an, True, i), av, apos)
                      for an, av, apos in values]
            if len(values) > 1:
                seen = set()
                for a in values:
                    if a[0] in seen:
                        self._fail(8, a[2])
                    seen.add(a[0])
            frame = (name, ename, decls, saved)
        else:
            frame = (name, ename, None, None)
        intern = p.intern
        if intern is not None:
            ename = intern.setdefault(ename, ename)
            if self.ns:
                frame = (frame[0], ename, frame[2], frame[3])
            else:
                frame = (name, ename, None, None)
        h = p.StartElementHandler
        if h is not None:
            self._at(i)
            p._flush()
            if p.ordered_attributes:
                attrs = []
                for an, av, _ in values:
                    attrs.append(an)
                    attrs.append(av)
            else:
                attrs = {}
                for an, av, _ in values:
                    attrs[an] = av
            h(ename, attrs)
        elif not empty or p.EndElementHandler is None:
            self._default(s[i:end], i)
        if empty:
            self.stack.append(frame)
            self._close(frame, None, end)
        else:
            self.stack.append(frame)

    def _expand_name(self, qname, is_attr, pos):
        colon = qname.find(':')
        if colon < 0:
            if is_attr:
                return qname
            uri = self.nsmap.get(None)
            if uri is None:
                return qname
            return uri + self.separator + qname
        pfx = qname[:colon]
        local = qname[colon + 1:]
        uri = self.nsmap.get(pfx)
        if uri is None:
            self._fail(27, pos)
        if self.p.namespace_prefixes:
            return uri + self.separator + local + self.separator + pfx
        return uri + self.separator + local

    def _end_tag(self, i):
        s = self.s
        n = self.n
        m = _FAST_END.match(s, i, n)
        if m is not None and m.group(1) == self.stack[-1][0]:
            self.i = m.end()
            self._close(self.stack[-1], m.group(), i)
            return
        j = s.find('>', i + 2, n)
        if j < 0:
            m = _NAME.match(s, i + 2, n)
            if m is None and i + 2 < n:
                self._fail(4, i + 2)
            self._need(i)
        m = _NAME.match(s, i + 2, j)
        if m is None:
            self._fail(4, i + 2)
        rest = m.end()
        if rest < j:
            w = _WS.match(s, rest, j).end()
            if w < j:
                self._fail(4, w)
        frame = self.stack[-1]
        if m.group() != frame[0]:
            self._fail(7, i + 2)
        self.i = j + 1
        self._close(frame, s[i:j + 1], i)

    def _close(self, frame, raw, pos):
        p = self.p
        self.stack.pop()
        h = p.EndElementHandler
        if h is not None:
            self._at(pos)
            p._flush()
            h(frame[1])
        elif raw is not None:
            self._default(raw, pos)
        decls = frame[2]
        if decls is not None:
            self.nsmap = frame[3]
            h = p.EndNamespaceDeclHandler
            if h is not None:
                for pfx, _ in reversed(decls):
                    self._at(pos)
                    p._flush()
                    h(pfx)
        if not self.stack and not self.external_entity:
            self.state = EPILOG
