"""Shrinking a failing program: delete lines and indented blocks while the failure persists.

`still_fails(src) -> bool` is the oracle; every candidate runs both
interpreters, so the number of tries is bounded by `budget`.
"""


def blocks(lines):
    """(start, end) of every statement with its indented body, innermost last."""
    out = []
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        ind = len(ln) - len(ln.lstrip())
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > ind):
            j += 1
        out.append((i, j))
    return out


def minimize(src, still_fails, budget=300):
    """Returns the smallest program found (its text) and the number of tries used."""
    lines = src.rstrip("\n").split("\n")
    tries = 0

    def attempt(candidate):
        nonlocal tries
        if not candidate or tries >= budget:
            return False
        tries += 1
        return still_fails("\n".join(candidate) + "\n")

    changed = True
    while changed and tries < budget:
        changed = False
        # 1. Whole statements with their bodies, outermost and largest first
        #    (a generated program's snippets go first, one try each).
        i = 0
        while i < len(lines) and tries < budget:
            span = next(((s, e) for s, e in blocks(lines) if s >= i), None)
            if span is None:
                break
            s, e = span
            # A top-level snippet is its marker line plus the statement after it.
            if lines[s].startswith("print('## ") and e == s + 1:
                e = next((e2 for s2, e2 in blocks(lines) if s2 == s + 1), e)
            if attempt(lines[:s] + lines[e:]):
                lines, changed = lines[:s] + lines[e:], True
            else:
                i = s + 1
        # 2. Unwrap a compound statement: keep its body, dedented (drops `try:` wrappers).
        for s, e in blocks(lines):
            if tries >= budget:
                break
            if e - s < 2 or not lines[s].rstrip().endswith(":"):
                continue
            body = lines[s + 1:e]
            ind = len(lines[s]) - len(lines[s].lstrip())
            cut = min(len(b) - len(b.lstrip()) for b in body if b.strip()) - ind
            # The clauses that follow at the same indent (except/finally/else) go too.
            stop = e
            while stop < len(lines) and lines[stop].lstrip().startswith(("except", "finally", "else", "elif")) \
                    and len(lines[stop]) - len(lines[stop].lstrip()) == ind:
                stop = next((e2 for s2, e2 in blocks(lines) if s2 == stop), stop + 1)
            cand = lines[:s] + [b[cut:] if b.strip() else b for b in body] + lines[stop:]
            if attempt(cand):
                lines, changed = cand, True
                break
        # 3. Single lines, last resort.
        if not changed:
            i = 0
            while i < len(lines) and tries < budget:
                if attempt(lines[:i] + lines[i + 1:]):
                    lines, changed = lines[:i] + lines[i + 1:], True
                else:
                    i += 1
    return "\n".join(lines) + "\n", tries
