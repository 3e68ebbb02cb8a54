"""Random format specs (the mini-language of `format()`, f-strings and `str.format`).

Mostly valid for the value's type, sometimes not: the ValueError messages of
an invalid spec are part of what is compared.
"""


def spec_for(rng, value):
    """A spec for `value` (may be empty); never contains braces, quotes or backslashes."""
    r = rng
    if r.random() < 0.15:
        return ""
    fill = r.choice(["", "", "", "*", "0", "-", "x", " ", "é"])
    align = r.choice(["", "", "<", ">", "^", "="])
    if fill and not align:
        fill = ""
    sign = r.choice(["", "", "+", "-", " "])
    alt = r.choice(["", "", "", "#"])
    zero = r.choice(["", "", "", "0"])
    width = r.choice(["", "", "1", "5", "8", "12", "20"])
    group = r.choice(["", "", "", ",", "_"])
    prec = r.choice(["", "", "", ".0", ".1", ".2", ".3", ".6", ".10"])
    if isinstance(value, bool) or isinstance(value, int):
        types = ["", "d", "b", "o", "x", "X", "c", "n", "e", "f", "g", "%", "E", "G", "s"]
    elif isinstance(value, float):
        types = ["", "e", "E", "f", "F", "g", "G", "%", "n", "d", "s"]
    elif isinstance(value, str):
        types = ["", "s", "s", "d"]
        sign = r.choice(["", "", "", "+"])
        group = ""
    else:
        types = ["", "s", ""]
        sign = alt = zero = group = ""
    typ = r.choice(types)
    if typ in ("d", "b", "o", "x", "X", "c", "n") and r.random() < 0.8:
        prec = ""
    if typ == "c" and isinstance(value, int) and not 0 <= value < 0x110000:
        typ = "d"
    return fill + align + sign + alt + zero + width + group + prec + typ
