"""Input side of gilt's `pyexpat`: bytes → text as expat reads them.

Chooses the encoding (the parser's override, a byte-order mark, the XML
declaration's `encoding`, else UTF-8), decodes chunks split anywhere (even
inside a multi-byte character), normalizes line ends (`\\r\\n` and `\\r` become
`\\n`, as XML requires) and marks the first character XML forbids, so the
scanner can report it as expat does (`not well-formed (invalid token)`).
"""

import bisect
import codecs
import re

# Characters XML 1.0 does not allow anywhere in a document.
_FORBIDDEN = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')
_ENCODING_DECL = re.compile(
    rb'^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"[^"]*"|\'[^\']*\')'
    rb'[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|\'([^\']*)\')')


class UnknownEncoding(Exception):
    """The declared or requested encoding is not one Python knows."""


def _codec_name(name):
    # An unknown name raises LookupError, as CPython's pyexpat lets it.
    codec = codecs.lookup(name).name
    if codec.startswith(('utf-8', 'utf-16', 'utf-32')):
        return codec
    if len(bytes(range(256)).decode(codec, 'replace')) != 256:
        raise ValueError('multi-byte encodings are not supported')
    return codec


class Decoder:
    """Turns the bytes given to `Parse` into normalized text, incrementally."""

    def __init__(self, encoding):
        self.forced = encoding  # ParserCreate's encoding, or utf-8 for str input
        self.codec = None
        self.decoder = None
        self.pending = b''  # bytes held until the encoding is known
        self.last_cr = False
        self.bad = -1  # offset in the produced text of a forbidden character
        self.produced = 0  # characters produced so far
        self.unit = 1  # bytes per character for the byte index (approximate)
        self.crlf = []  # offsets of the `\n`s that stand for `\r\n`
        self.bom = 0  # bytes of a byte-order mark: expat counts it as a column

    def _choose(self, data, final):
        """Pick the codec from the first bytes; None while undecided."""
        skip = 0
        if len(data) < 4 and not final:
            return None, 0
        if data[:2] in (b'\xff\xfe', b'\xfe\xff'):
            codec = 'utf-16-le' if data[:2] == b'\xff\xfe' else 'utf-16-be'
            skip = 2
            self.bom = 2
        elif data[:3] == b'\xef\xbb\xbf':
            codec, skip = 'utf-8', 3
            self.bom = 3
        elif data[:2] == b'<\x00':
            codec = 'utf-16-le'
        elif data[:2] == b'\x00<':
            codec = 'utf-16-be'
        elif self.forced is not None:
            codec = _codec_name(self.forced)
        else:
            codec = 'utf-8'
            if data[:5] == b'<?xml':
                end = data.find(b'?>')
                if end < 0:
                    if not final and len(data) < 1024:
                        return None, 0
                else:
                    m = _ENCODING_DECL.match(data[:end])
                    if m:
                        declared = (m.group(1) or m.group(2) or b'').decode(
                            'latin-1')
                        codec = _codec_name(declared)
                        if codec in ('utf-16', 'utf-32'):
                            codec = 'utf-8'
            elif len(data) < 5 and not final and b'<?xml'.startswith(data):
                return None, 0
        if self.forced is not None and skip == 0:
            codec = _codec_name(self.forced)
        return codec, skip

    def feed(self, data, final):
        """Decode `data`; return the new text (already normalized)."""
        if self.decoder is None:
            self.pending += data
            codec, skip = self._choose(self.pending, final)
            if codec is None:
                return ''
            self.codec = codec
            if codec.startswith('utf-16'):
                self.unit = 2
            self.decoder = codecs.getincrementaldecoder(codec)('strict')
            data = self.pending[skip:]
            self.pending = b''
        try:
            text = self.decoder.decode(data, final)
        except UnicodeDecodeError as e:
            text = data[:e.start].decode(self.codec, 'ignore')
            self._mark_bad(len(text) + 0)
            text = text + '\x00'
            self.decoder = codecs.getincrementaldecoder(self.codec)('ignore')
        if self.last_cr and text.startswith('\n'):
            text = text[1:]
            self.crlf.append(self.produced - 1)
        self.last_cr = text.endswith('\r')
        if '\r' in text:
            # Remember where a `\r\n` became one `\n`: byte indexes count both.
            k = text.find('\r\n')
            removed = 0
            while k >= 0:
                self.crlf.append(self.produced + k - removed)
                removed += 1
                k = text.find('\r\n', k + 2)
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        m = _FORBIDDEN.search(text)
        if m is not None:
            self._mark_bad(m.start())
        self.produced += len(text)
        return text

    def _mark_bad(self, offset):
        where = self.produced + offset
        if self.bad < 0 or where < self.bad:
            self.bad = where

    def byte_length(self, seg, start=0):
        """The number of input bytes the text `seg` (at offset `start` of
        the produced text) came from."""
        crlf = self.crlf
        if crlf and start >= 0 and crlf[-1] >= start:
            extra = (bisect.bisect_left(crlf, start + len(seg))
                     - bisect.bisect_left(crlf, start))
            return self.byte_length(seg, -1) + extra * self.unit
        if self.unit == 2:
            return 2 * len(seg)
        if self.codec in (None, 'utf-8'):
            if seg.isascii():
                return len(seg)
            return len(seg.encode('utf-8', 'surrogatepass'))
        return len(seg)
