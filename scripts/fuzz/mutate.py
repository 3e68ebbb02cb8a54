"""Mutants of the repository's own test cases (tests/cases/**/*.py).

A mutant is a test case with one to three small source edits: a number,
string, operator, comparison, method name or name changed, or a line deleted,
duplicated or swapped with its neighbour. Many mutants are SyntaxErrors or
raise early, which is fine: both interpreters must agree on that too. A mutant
may also loop forever, so the runner only calls a timeout a hang when python3
finished.

Cases that touch the world (threads, processes, files, time, input, helper
modules) are left out, so that a mutant is as deterministic as its source.
"""

import os
import re

# Folders whose cases are deterministic single-threaded scripts.
FOLDERS = ["basics", "strings", "collections", "control", "functions", "classes", "exceptions", "builtins",
           "match", "errors", "tracebacks", "syntax"]
# A case mentioning any of these is skipped.
UNSAFE = re.compile(r"\b(threading|_thread|asyncio|multiprocessing|subprocess|socket|time|os|sys\.stdin|input|open|"
                    r"random|signal|__file__|argv|_mod\b|tempfile|shutil|pathlib|spawn_process|gc|id)\b")

NUM = re.compile(r"(?<![\w.])\d+(\.\d+)?(?![\w.])")
OPS = ["+", "-", "*", "//", "/", "%", "**", "<<", ">>", "&", "|", "^"]
CMPS = ["<", "<=", ">", ">=", "==", "!="]
NUM_REPLACEMENTS = ["0", "1", "-1", "2", "3", "10", "255", "2**64", "1.5", "-0.0", "1e308", "None", "''", "[]", "True"]
STR_REPLACEMENTS = ["''", "'a'", "'abc def'", "'ß'", "'日本'", "'1'", "b'x'", "'{}'", "'%s'", "'\\n'"]
METHODS = ["append", "extend", "pop", "insert", "remove", "index", "count", "sort", "reverse", "copy", "get",
           "keys", "values", "items", "update", "setdefault", "split", "join", "strip", "replace", "find",
           "upper", "lower", "startswith", "endswith", "format", "encode", "decode", "add", "discard", "union"]


def load_corpus(root):
    """Sources of the test cases that are safe to mutate: [(relative path, text)]."""
    corpus = []
    for folder in FOLDERS:
        d = os.path.join(root, "tests", "cases", folder)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".py") or name.endswith("_mod.py"):
                continue
            base = os.path.join(d, name[:-3])
            if os.path.exists(base + ".args") or os.path.exists(base + ".stdin") or not os.path.exists(base + ".out"):
                continue
            try:
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            if UNSAFE.search(text) or len(text) > 20000:
                continue
            corpus.append((f"{folder}/{name}", text))
    return corpus


def mutate(rng, text):
    """Returns (mutant text, list of the edits made)."""
    edits = []
    for _ in range(rng.randint(1, 3)):
        text, what = one_edit(rng, text)
        edits.append(what)
    return text, edits


def one_edit(rng, text):
    lines = text.split("\n")
    kind = rng.choice(["num", "num", "str", "op", "cmp", "method", "name", "del", "dup", "swap"])
    if kind in ("del", "dup", "swap") and len(lines) > 2:
        i = rng.randrange(len(lines) - 1)
        if kind == "del":
            del lines[i]
        elif kind == "dup":
            lines.insert(i, lines[i])
        else:
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        return "\n".join(lines), f"{kind} line {i + 1}"
    pattern, pick = {
        "num": (NUM, lambda m: rng.choice(NUM_REPLACEMENTS)),
        "str": (re.compile(r"'[^'\\\n]*'|\"[^\"\\\n]*\""), lambda m: rng.choice(STR_REPLACEMENTS)),
        "op": (re.compile(r"(?<=\s)(\*\*|//|<<|>>|[-+*/%&|^])(?=\s)"), lambda m: rng.choice(OPS)),
        "cmp": (re.compile(r"(?<=\s)(<=|>=|==|!=|<|>)(?=\s)"), lambda m: rng.choice(CMPS)),
        "method": (re.compile(r"(?<=\.)(" + "|".join(METHODS) + r")(?=\()"), lambda m: rng.choice(METHODS)),
        "name": (re.compile(r"\b[a-z_][a-z0-9_]{0,12}\b"), None),
    }.get(kind, (NUM, lambda m: "0"))
    matches = list(pattern.finditer(text))
    if not matches:
        return text, "none"
    m = rng.choice(matches)
    if pick is None:  # another name used in the same file
        names = sorted({x.group(0) for x in matches})
        new = rng.choice(names)
    else:
        new = pick(m)
    line = text.count("\n", 0, m.start()) + 1
    return text[:m.start()] + new + text[m.end():], f"{kind} line {line}: {m.group(0)!r} -> {new!r}"
