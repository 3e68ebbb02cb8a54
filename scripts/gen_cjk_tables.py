"""Writes src/stdlib/cjk/<codec>.bin.z: the byte sequences of each CJK codec
and the characters they stand for, read from CPython 3.11's behaviour (every
sequence CPython decodes, every character it encodes), zlib-compressed.
Run with python3 (CPython 3.11) from the repository root.

Format (little-endian): u32 count of decode entries, each `u8 len, bytes,
u8 nchars, u32 chars…`; then u32 count of encode entries, each `u8 nchars,
u32 chars…, u8 len, bytes`; then u32 count of the sequences that CPython
calls incomplete on their own (`u8 len, bytes`), lead bytes without any
valid completion included. gb18030's four-byte sequences for characters
past U+FFFF are arithmetic and left out (the Rust side computes them)."""
import struct, sys, zlib

CODECS = ['gb2312', 'gbk', 'gb18030', 'big5', 'cp950', 'big5hkscs', 'euc_jp', 'shift_jis', 'cp932',
          'euc_jis_2004', 'euc_jisx0213', 'shift_jis_2004', 'shift_jisx0213', 'euc_kr', 'cp949', 'johab']


def status(seq, name):
    try:
        return 'ok', seq.decode(name)
    except UnicodeDecodeError as e:
        if e.start == 0 and e.end == len(seq) and e.reason.startswith('incomplete'):
            return 'more', None
        return 'bad', None


def gen(name):
    dec = {}
    more = []
    frontier = [b'']
    for _ in range(4):
        more.extend(frontier[1:] if frontier == [b''] else frontier)
        nxt = []
        for p in frontier:
            for b in range(256):
                s = p + bytes([b])
                st, out = status(s, name)
                if st == 'ok':
                    if name == 'gb18030' and any(ord(c) > 0xFFFF for c in out):
                        continue
                    dec[s] = out
                elif st == 'more':
                    nxt.append(s)
        frontier = nxt
    enc = {}
    chars = set(range(0x10000)) - set(range(0xD800, 0xE000))
    for out in dec.values():
        chars.update(ord(c) for c in out)
    for cp in sorted(chars):
        if name == 'gb18030' and cp > 0xFFFF:
            continue
        try:
            enc[chr(cp)] = chr(cp).encode(name)
        except UnicodeEncodeError:
            pass
    for out in dec.values():
        if len(out) > 1:
            try:
                b = out.encode(name)
            except UnicodeEncodeError:
                continue
            if b != b''.join(enc.get(c, b'?') for c in out):
                enc[out] = b
    w = [struct.pack('<I', len(dec))]
    for s, out in sorted(dec.items()):
        w.append(bytes([len(s)]) + s + bytes([len(out)]) + b''.join(struct.pack('<I', ord(c)) for c in out))
    w.append(struct.pack('<I', len(enc)))
    for out, b in sorted(enc.items()):
        w.append(bytes([len(out)]) + b''.join(struct.pack('<I', ord(c)) for c in out) + bytes([len(b)]) + b)
    w.append(struct.pack('<I', len(more)))
    for s in more:
        w.append(bytes([len(s)]) + s)
    return zlib.compress(b''.join(w), 9)


def more_only(name):
    """The incomplete prefixes alone (what gen() adds last), for patching."""
    more, frontier = [], [b'']
    for _ in range(3):
        nxt = [p + bytes([b]) for p in frontier for b in range(256) if status(p + bytes([b]), name)[0] == 'more']
        more.extend(nxt)
        frontier = nxt
    return more


if sys.argv[1:2] == ['--append-more']:
    # Adds the last section to tables written before it existed.
    for n in CODECS:
        path = f'src/stdlib/cjk/{n}.bin.z'
        raw = zlib.decompress(open(path, 'rb').read())
        more = more_only(n)
        raw += struct.pack('<I', len(more)) + b''.join(bytes([len(s)]) + s for s in more)
        open(path, 'wb').write(zlib.compress(raw, 9))
        print(n, len(more))
    sys.exit()
for n in sys.argv[1:] or CODECS:
    data = gen(n)
    open(f'src/stdlib/cjk/{n}.bin.z', 'wb').write(data)
    print(n, len(data))
