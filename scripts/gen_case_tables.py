"""Writes src/object/str_case_tables.rs: the Unicode case data that Rust's
`char` methods do not give the way CPython 3.11 (Unicode 14.0.0) uses it.

Run with CPython 3.11: `python3 scripts/gen_case_tables.py`. Every table is
learnt from python3's own str methods, one character at a time:
- TITLE: every character's full titlecase mapping (ǆ → ǅ, ﬁ → Fi);
- FOLD: characters whose `casefold()` differs from their `lower()` (ß → ss, ﬁ → fi);
- CASED and CASE_IGNORABLE: the two properties of the Final_Sigma rule, as ranges;
- DIGIT: characters that are `isdigit()` but not `isdecimal()` (superscripts, ⒈);
- NUMERIC: characters that are `isnumeric()` but not `isdigit()` (½, Ⅻ, 一).
"""

import os
import sys

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"

CHARS = [c for c in range(0x110000) if not 0xD800 <= c < 0xE000]


def cased(c):
    ch = chr(c)
    return ch.islower() or ch.isupper() or ch.istitle()


def case_ignorable(c):
    # Σ after a case-ignorable character takes the context before it; with
    # nothing cased before it, it stays σ; after 'A' it becomes final ς.
    ch = chr(c)
    return ("A" + ch + "\u03a3").lower()[-1] == "\u03c2" and (ch + "\u03a3").lower()[-1] == "\u03c3"


def ranges(pred):
    out, start, prev = [], None, None
    for c in CHARS:
        if pred(c):
            if start is None:
                start = c
            elif c != prev + 1:
                out.append((start, prev))
                start = c
            prev = c
    if start is not None:
        out.append((start, prev))
    return out


def rs_str(s):
    return '"' + "".join(f"\\u{{{ord(ch):x}}}" for ch in s) + '"'


def pairs_table(name, doc, rows):
    lines = [f"/// {doc}", "#[rustfmt::skip]", f"pub(crate) static {name}: [(u32, &str); {len(rows)}] = ["]
    lines += [f"    (0x{c:x}, {rs_str(s)})," for c, s in rows]
    lines.append("];")
    return "\n".join(lines)


def ranges_table(name, doc, rows):
    lines = [f"/// {doc}", "#[rustfmt::skip]", f"pub(crate) static {name}: [(u32, u32); {len(rows)}] = ["]
    for i in range(0, len(rows), 6):
        lines.append("    " + " ".join(f"(0x{a:x}, 0x{b:x})," for a, b in rows[i:i + 6]))
    lines.append("];")
    return "\n".join(lines)


# Every titlecase mapping, not only the exceptions: Rust's newer Unicode maps
# characters that 14.0.0 leaves alone (ƛ → Ƛ), and title()/capitalize() must not.
title = [(c, chr(c).title()) for c in CHARS if chr(c).title() != chr(c)]
fold = [(c, chr(c).casefold()) for c in CHARS if chr(c).casefold() != chr(c).lower()]
parts = [
    "//! Unicode case data generated from CPython 3.11's str methods (Unicode 14.0.0).\n"
    "//! Regenerate with scripts/gen_case_tables.py; do not edit by hand.",
    pairs_table("TITLE", "Full titlecase mappings of the characters that have one, sorted.", title),
    pairs_table("FOLD", "Full case foldings that differ from the lowercase mapping, sorted.", fold),
    ranges_table("CASED", "Inclusive ranges of Cased characters, sorted.", ranges(cased)),
    ranges_table("CASE_IGNORABLE", "Inclusive ranges of Case_Ignorable characters, sorted.", ranges(case_ignorable)),
    ranges_table("DIGIT", "Inclusive ranges of digits that are not decimals (`isdigit()` only), sorted.",
                 ranges(lambda c: chr(c).isdigit() and not chr(c).isdecimal())),
    ranges_table("NUMERIC", "Inclusive ranges of numeric characters that are not digits (½, Ⅻ, 一), sorted.",
                 ranges(lambda c: chr(c).isnumeric() and not chr(c).isdigit())),
]
path = os.path.join(os.path.dirname(__file__), "..", "src", "object", "str_case_tables.rs")
with open(path, "w") as f:
    f.write("\n\n".join(parts) + "\n")
print("wrote", os.path.normpath(path), len(title), len(fold))
