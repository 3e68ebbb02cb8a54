#!/usr/bin/env python3
"""Regenerate the expected output of script cases from CPython 3.11.

    python3 tests/regen.py                      # every case under tests/cases
    python3 tests/regen.py tests/cases/strings  # one folder
    python3 tests/regen.py tests/cases/basics/float_repr.py   # one case
    python3 tests/regen.py --check 3 [paths]    # run each case 3 times and compare with the
                                                # committed files; writes nothing

A case is any NAME.py except helper modules, whose names end in `_mod.py`. For each case this
writes NAME.out (stdout), and NAME.err when the exit code is not 0 or NAME.err already exists:
line 1 the exit code, line 2 the last non-empty stderr line. Hand-written parts of an existing
NAME.err are kept: a line 2 that ends in `*` (a prefix) while it still matches, and lines 3 and
later (substrings that must appear in stderr). NAME.errfull, when it exists, is rewritten with
the whole stderr. In stderr the absolute path of the case's folder plus `/` is removed, as the
harness (tests/scripts.rs) does.

Runs with the case's folder as cwd, NAME.args as extra arguments (one per line), NAME.stdin as
standard input (else /dev/null). --check runs with a different PYTHONHASHSEED each time so that
output depending on str hashing shows up as a mismatch.
"""

import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
PYTHON = os.environ.get("PYTHON", "python3")
TIMEOUT = 60


def find_cases(paths):
    found = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for f in sorted(filenames):
                    if f.endswith(".py") and not f.endswith("_mod.py"):
                        found.append(os.path.join(dirpath, f))
        elif p.endswith(".py"):
            found.append(p)
        elif os.path.exists(p + ".py"):
            found.append(p + ".py")
        else:
            sys.exit(f"regen: no such case: {p}")
    return found


def run(script, hashseed=None):
    d, name = os.path.split(script)
    base = script[:-3]
    args = []
    if os.path.exists(base + ".args"):
        with open(base + ".args") as f:
            args = f.read().splitlines()
    stdin = subprocess.DEVNULL
    if os.path.exists(base + ".stdin"):
        stdin = open(base + ".stdin", "rb")
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONHASHSEED", None)
    if hashseed is not None:
        env["PYTHONHASHSEED"] = str(hashseed)
    try:
        p = subprocess.run([PYTHON, name] + args, cwd=d, stdin=stdin, capture_output=True,
                           env=env, timeout=TIMEOUT)
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    err = p.stderr.decode("utf-8", "replace")
    for prefix in {d + "/", os.path.realpath(d) + "/"}:
        err = err.replace(prefix, "")
    return p.returncode, p.stdout, err


def last_line(err):
    lines = [l for l in err.splitlines() if l.strip()]
    return lines[-1].rstrip() if lines else ""


def read_err(base):
    try:
        with open(base + ".err") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return None


def regen(script):
    base = script[:-3]
    rel = os.path.relpath(script, CASES)
    code, out, err = run(script)
    with open(base + ".out", "wb") as f:
        f.write(out)
    old = read_err(base)
    if code != 0 or old is not None:
        last = last_line(err)
        lines = [str(code), last]
        if old and len(old) >= 2 and old[1].endswith("*") and last.startswith(old[1][:-1]):
            lines[1] = old[1]
        for extra in (old or [])[2:]:
            if extra and extra not in err:
                print(f"WARNING {rel}: stderr no longer contains {extra!r}")
            lines.append(extra)
        with open(base + ".err", "w") as f:
            f.write("\n".join(lines) + "\n")
    if os.path.exists(base + ".errfull"):
        with open(base + ".errfull", "w") as f:
            f.write(err)
    if code != 0 and old is None:
        print(f"{rel}: exit {code}: {last_line(err)}")


def check(script, times):
    base = script[:-3]
    rel = os.path.relpath(script, CASES)
    try:
        with open(base + ".out", "rb") as f:
            want = f.read()
    except FileNotFoundError:
        print(f"MISSING {rel}: no .out")
        return False
    spec = read_err(base)
    ok = True
    for _ in range(times):
        code, out, err = run(script, hashseed=random.randrange(1, 4_000_000_000))
        want_code = int(spec[0]) if spec else 0
        if out != want:
            print(f"DIFF {rel}: stdout differs")
            ok = False
        if code != want_code:
            print(f"DIFF {rel}: exit {code}, expected {want_code}")
            ok = False
        if spec and len(spec) >= 2 and spec[1]:
            last = last_line(err)
            good = last.startswith(spec[1][:-1]) if spec[1].endswith("*") else last == spec[1]
            if not good:
                print(f"DIFF {rel}: last stderr line {last!r}, expected {spec[1]!r}")
                ok = False
        if not ok:
            break
    return ok


def main():
    argv = sys.argv[1:]
    times = 0
    if argv[:1] == ["--check"]:
        times = int(argv[1])
        argv = argv[2:]
    ver = subprocess.run([PYTHON, "-c", "import sys; print(sys.version_info[:2])"],
                         capture_output=True, text=True).stdout.strip()
    if ver != "(3, 11)":
        sys.exit(f"regen: {PYTHON} is {ver}, expected CPython 3.11 (set PYTHON=...)")
    cases = find_cases(argv or [CASES])
    if times:
        bad = [c for c in cases if not check(c, times)]
        print(f"{len(cases) - len(bad)} passed, {len(bad)} failed")
        sys.exit(1 if bad else 0)
    for c in cases:
        regen(c)
    print(f"regenerated {len(cases)} cases")


if __name__ == "__main__":
    main()
