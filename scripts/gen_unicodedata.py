#!/usr/bin/env python3
"""Writes src/ucd/ucd.z, gilt's Unicode character database, from CPython 3.11's
`unicodedata` (Unicode 14.0.0, plus the 3.2.0 view `ucd_3_2_0`).

Run with CPython 3.11: `python3 scripts/gen_unicodedata.py`. Every value in the
file is what python3's unicodedata answers; the only other input is the list of
candidate alias and named-sequence names (Perl's unicore/Name.pl, Unicode 14.0),
each kept only when python3's `unicodedata.lookup` accepts it.

The file is a deflate (zlib) stream of UTF-8 text in sections, parsed once by
src/ucd/mod.rs:

    @records      cat bidi ccc eaw mirrored decimal digit numeric   (one per line)
    @ranges       HEXSTART RECORD       (14.0: each code point takes the record of the last start <= it)
    @ranges32     HEXSTART RECORD       (the same for ucd_3_2_0)
    @decomp       HEXCP DECOMPOSITION   (14.0)
    @decomp32     HEXCP DECOMPOSITION   (3.2.0 where it differs; an empty one is "none")
    @normfix32    HEXCP HEX HEX ...     (3.2.0 code points whose normalization does not follow
                                         their decomposition: CPython's normalization corrections)
    @compexcl     HEXCP                 (canonical pairs that NFC does not recompose)
    @names        HEXCP NAME            ('*' at the end stands for the code point in hex)
    @aliases      HEXCP NAME
    @sequences    HEX HEX ...;NAME

Names made by rule (Hangul syllables, CJK unified ideographs) are left out:
src/ucd/names.rs builds them.
"""
import os
import re
import sys
import unicodedata
import zlib

if sys.version_info[:2] != (3, 11) or unicodedata.unidata_version != "14.0.0":
    sys.exit("run this with CPython 3.11 (Unicode 14.0.0)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "ucd", "ucd.z")
PERL_NAMES = "/usr/share/perl/5.36.0/unicore/Name.pl"


def record(db, ch):
    num = db.numeric(ch, None)
    if num is None:
        numtext = "-"
    else:
        # numeric() is a float; keep its shortest repr (exact for these values)
        numtext = repr(num)
    return (
        db.category(ch),
        db.bidirectional(ch) or "-",
        str(db.combining(ch)),
        db.east_asian_width(ch),
        str(db.mirrored(ch)),
        str(db.decimal(ch, -1)),
        str(db.digit(ch, -1)),
        numtext,
    )


def main():
    records = {}
    rec_list = []

    def rec_index(r):
        if r not in records:
            records[r] = len(rec_list)
            rec_list.append(r)
        return records[r]

    def ranges_for(db):
        out = []
        last = None
        for cp in range(0x110000):
            i = rec_index(record(db, chr(cp)))
            if i != last:
                out.append((cp, i))
                last = i
        return out

    ranges = ranges_for(unicodedata)
    ranges32 = ranges_for(unicodedata.ucd_3_2_0)

    decomp = []
    decomp32 = []
    compexcl = []
    normfix32 = []
    for cp in range(0x110000):
        ch = chr(cp)
        d = unicodedata.decomposition(ch)
        if d:
            decomp.append((cp, d))
            parts = d.split()
            if not parts[0].startswith("<") and len(parts) == 2:
                if unicodedata.normalize("NFC", ch) != ch:
                    compexcl.append(cp)
        d32 = unicodedata.ucd_3_2_0.decomposition(ch)
        if d32 != d:
            decomp32.append((cp, d32))
        if d32 and not d32.startswith("<"):
            db = unicodedata.ucd_3_2_0
            parts = "".join(chr(int(h, 16)) for h in d32.split())
            full = db.normalize("NFD", ch)
            if full != db.normalize("NFD", parts):
                normfix32.append((cp, " ".join("%X" % ord(c) for c in full)))

    names = []
    for cp in range(0x110000):
        n = unicodedata.name(chr(cp), None)
        if n is None or n.startswith("CJK UNIFIED IDEOGRAPH-") or n.startswith("HANGUL SYLLABLE "):
            continue
        suffix = "-%04X" % cp
        if n.endswith(suffix):
            n = n[: -len(suffix)] + "-*"
        names.append((cp, n))

    aliases = set()
    sequences = set()
    with open(PERL_NAMES, encoding="utf-8") as f:
        text = f.read()
    body = text.split("<<'END';\n", 1)[1].split("\nEND\n", 1)[0]
    for entry in body.strip().split("\n\n"):
        lines = entry.split("\n")
        if len(lines) != 2:
            continue
        name = lines[1]
        try:
            got = unicodedata.lookup(name)
        except KeyError:
            continue
        if len(got) == 1:
            if unicodedata.name(got, None) != name:
                aliases.add((ord(got), name))
        else:
            sequences.add((got, name))

    out = ["@records"]
    out += [" ".join(r) for r in rec_list]
    out.append("@ranges")
    out += ["%X %d" % r for r in ranges]
    out.append("@ranges32")
    out += ["%X %d" % r for r in ranges32]
    out.append("@decomp")
    out += ["%X %s" % r for r in decomp]
    out.append("@decomp32")
    out += ["%X %s" % r for r in decomp32]
    out.append("@normfix32")
    out += ["%X %s" % r for r in normfix32]
    out.append("@compexcl")
    out += ["%X" % c for c in compexcl]
    out.append("@names")
    out += ["%X %s" % r for r in names]
    out.append("@aliases")
    out += ["%X %s" % r for r in sorted(aliases)]
    out.append("@sequences")
    out += [" ".join("%X" % ord(c) for c in s) + ";" + n for s, n in sorted(sequences, key=lambda x: x[1])]
    data = ("\n".join(out) + "\n").encode("utf-8")
    packed = zlib.compress(data, 9)
    with open(OUT, "wb") as f:
        f.write(packed)
    print(
        f"{OUT}: {len(data)} bytes of text, {len(packed)} compressed; {len(rec_list)} records, "
        f"{len(ranges)}+{len(ranges32)} ranges, {len(decomp)} decompositions, {len(names)} names, "
        f"{len(aliases)} aliases, {len(sequences)} named sequences"
    )


if __name__ == "__main__":
    main()
