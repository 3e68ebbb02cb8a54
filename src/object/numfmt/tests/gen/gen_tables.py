import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa: E402,F403
import unicodedata
rng=[];start=None
for c in range(0x110000):
    np = not chr(c).isprintable()
    if np and start is None: start=c
    if not np and start is not None: rng.append((start,c-1)); start=None
if start is not None: rng.append((start,0x10ffff))
z=[c for c in range(0x110000) if chr(c).isdecimal() and unicodedata.decimal(chr(c))==0]
out=[]
out.append("//! Unicode tables generated from CPython 3.11's unicodedata (Unicode %s)." % unicodedata.unidata_version)
out.append("//! Regenerate with tests/gen/gen_tables.py; do not edit by hand.")
out.append("")
out.append("/// Inclusive code point ranges for which `str.isprintable()` is False")
out.append("/// (categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than U+0020), sorted.")
out.append("#[rustfmt::skip]")
out.append("pub(crate) static NONPRINTABLE: [(u32, u32); %d] = [" % len(rng))
line=""
for i,(a,b) in enumerate(rng):
    item="(0x%x, 0x%x), " % (a,b)
    if len(line)+len(item) > 96:
        out.append("    "+line.rstrip()); line=""
    line+=item
if line: out.append("    "+line.rstrip())
out.append("];")
out.append("")
out.append("/// First code point (digit value 0) of every run of ten Unicode decimal digits")
out.append("/// (`str.isdecimal()`), sorted; each run covers values 0..=9 consecutively.")
out.append("#[rustfmt::skip]")
out.append("pub(crate) static DECIMAL_ZEROS: [u32; %d] = [" % len(z))
line=""
for c in z:
    item="0x%x, " % c
    if len(line)+len(item) > 96:
        out.append("    "+line.rstrip()); line=""
    line+=item
if line: out.append("    "+line.rstrip())
out.append("];")
open(os.path.join(NUMFMT, 'unicode_tables.rs'),'w').write("\n".join(out)+"\n")
