# Lone surrogates in str: literals, chr/ord, sequence operations, repr,
# comparison and hashing, and the codecs' surrogateescape/surrogatepass.
s = '\ud800'
print(len(s), repr(s), ascii(s), ord(s), s.isprintable(), s == chr(0xd800))
print(s == '\ufffd', hash(s) == hash(chr(0xd800)), s < '\ue000', s > '\ud7ff')
pair = '\ud83d\ude00'
print(len(pair), repr(pair), pair == '\U0001f600', [hex(ord(c)) for c in pair])
t = 'a' + s + 'b'
print(repr(t), len(t), repr(t[1]), repr(t[1:]), repr(t[::-1]), repr(t * 2))
print(t.find(s), s in t, '\ufffd' in t, t.index('b'), repr(','.join([s, 'x', chr(0xdfff)])))
print(sorted([chr(0x10000), s, '\ufffd', 'z']) == ['z', s, '\ufffd', chr(0x10000)])
print({s: 1}.get(chr(0xd800)), {'\ufffd': 2}.get(s))
for c in 'x\udc80y':
    print(repr(c), end=' ')
print()
raw = b'foo\x80bar\xff'
d = raw.decode('utf-8', 'surrogateescape')
print(repr(d), d.encode('utf-8', 'surrogateescape') == raw)
print(repr(b'\xe9t\xe9'.decode('ascii', 'surrogateescape')))
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-32-be', 'ascii', 'latin-1']:
    try:
        ('x' + s).encode(enc)
    except UnicodeEncodeError as e:
        print(enc, e.start, e.end, e)
for enc in ['utf-8', 'utf-16-le', 'utf-16-be', 'utf-32-le']:
    b = ('[' + s + ']').encode(enc, 'surrogatepass')
    print(enc, b, repr(b.decode(enc, 'surrogatepass')))
print(('a' + s).encode('ascii', 'backslashreplace'), ('a' + s).encode('utf-8', 'replace'))
print(('a' + s).encode('latin-1', 'xmlcharrefreplace'), ('a' + s).encode('utf-8', 'ignore'))
try:
    b'\xed\xa0\x80'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e)
print(repr('\ud800'.encode('unicode_escape')), repr(b'\\udc80'.decode('unicode_escape')))
print(repr('a\ud801b'.encode('utf-7')), repr(b'a+2AE-b'.decode('utf-7')))
import json
print(json.dumps(s), json.dumps(['a' + s]), repr(json.loads('"\\udc80"')))
