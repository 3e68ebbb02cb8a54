#!/usr/bin/env python3
"""Differential fuzzing of gilt against CPython 3.11 (python3 is the oracle).

    python3 scripts/fuzz/difffuzz.py --gilt target/release/gilt --cases 2000 --seed 1 --jobs 2

Each case is either a generated program (gen_prog.py: random, deterministic,
terminating) or a mutant of one of tests/cases (mutate.py). Both interpreters
run it with a timeout, and the case is flagged as:

  panic   gilt's stderr has `panicked at`, or it exits with 70
  abort   gilt dies by a signal or exits with 128 or more (and python3 does not)
  hang    gilt times out (twice, the second time with a longer limit) while python3 finished
  diff    stdout or exit status differ (deterministic programs only)
  errmsg  both exit 1 but the last line of stderr (the exception) differs

A generated program prints a marker `## N TAG` before each snippet, so a
difference is attributed to the tag of the snippet that printed it; a mutant's
tag is `mutant:<case>`. Failures are grouped by signature (kind, tag, and for
panics the source location); the first few of each signature are minimised
and saved under --findings with a summary (summary.txt, summary.json).

With --known FILE (the CI mode), differences whose tag matches a line of FILE
(`GLOB  reason`) are reported as known; the exit status is 1 when there is a
panic, abort or hang, or a difference not listed there.

With --batch K (long runs), the generated programs of K consecutive cases
run in one long-lived process of each interpreter: driver.py (fed by
stream.py) `exec`s each in a fresh namespace with its stdout captured, so
process start-up is paid once per K programs and the two outputs are
compared program by program. Each program has its own time limit
(--timeout): a program that hangs, or a gilt that dies or panics, ends only
that process; the program is judged alone (and, if alone it passes, every
program that process ran before it, one process each, to find the culprit),
and the rest of the batch goes on in a fresh process. An output difference
is judged again with the program alone, so a finding is always a single
program; one that disappears alone (state left by an earlier program of the
batch) is counted and saved as `batch-only-N`, not as a finding.
Mutants always run alone.
"""

import argparse
import concurrent.futures
import fnmatch
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen_prog import ProgGen  # noqa: E402
from minimize import minimize  # noqa: E402
from mutate import load_corpus, mutate  # noqa: E402
from stream import Worker  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARKER = re.compile(r"^## (\S+) (\S+)$")
PANIC_AT = re.compile(r"panicked at ([^\n]*?:\d+):\d+")


class Run:
    """The outcome of one interpreter on one program."""

    def __init__(self, rc, out, err, timed_out, secs):
        self.rc, self.out, self.err, self.timed_out, self.secs = rc, out, err, timed_out, secs

    def last_err_line(self):
        lines = [ln for ln in self.err.splitlines() if ln.strip()]
        return lines[-1] if lines else ""


def fuzz_env(hashseed):
    """The environment both interpreters run in: one hash seed, UTF-8 output, no bytecode files."""
    env = dict(os.environ)
    env.update({"PYTHONHASHSEED": hashseed, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8",
                "PYTHONDONTWRITEBYTECODE": "1", "RUST_BACKTRACE": "0"})
    env.pop("GILT_GIL", None)
    return env


def run(cmd, path, timeout, hashseed="0"):
    env = fuzz_env(hashseed)
    start = time.monotonic()
    try:
        p = subprocess.run(cmd + [os.path.basename(path)], cwd=os.path.dirname(path), stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=timeout, env=env)
        return Run(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), False,
                   time.monotonic() - start)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = (e.stderr or b"").decode("utf-8", "replace")
        return Run(None, out, err, True, time.monotonic() - start)


class Case:
    """One program to try: its source, its origin and whether its output must match."""

    def __init__(self, index, src, origin, deterministic, tags):
        self.index, self.src, self.origin, self.deterministic, self.tags = index, src, origin, deterministic, tags


class Finding:
    def __init__(self, kind, tag, detail, sig):
        self.kind, self.tag, self.detail, self.sig = kind, tag, detail, sig


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.gilt = [os.path.abspath(args.gilt)] + args.gilt_arg
        self.python = [args.python]
        self.corpus = load_corpus(ROOT) if args.mutants > 0 else []
        self.lock = threading.Lock()
        # executions: programs run on both interpreters; snippets: the snippets
        # of the generated programs among them (a mutant counts as one).
        self.counts = {"cases": 0, "generated": 0, "mutants": 0, "skipped": 0, "executions": 0, "snippets": 0,
                       "rejudged": 0, "batch_only": 0, "stream_panic": 0, "stream_dead": 0, "stream_timeout": 0}
        self.by_sig = {}  # sig -> {"kind", "tag", "count", "examples": [dirs], "detail"}
        self.workdir = tempfile.mkdtemp(prefix="difffuzz-")
        self.known = None

    # ---- making cases -------------------------------------------------------
    def make_case(self, i):
        rng = random.Random(f"{self.args.seed}:{i}")
        if self.corpus and rng.random() < self.args.mutants:
            name, text = rng.choice(self.corpus)
            src, edits = mutate(rng, text)
            src = f"# mutant of {name}: {'; '.join(edits)}\n" + src
            return Case(i, src, "mutant:" + name, None, [])
        src, tags = ProgGen(rng).program()
        return Case(i, f"# generated: seed {self.args.seed} case {i}\n" + src, "generated", True, tags)

    # ---- running and judging ------------------------------------------------
    def write(self, src, name):
        d = tempfile.mkdtemp(dir=self.workdir)
        path = os.path.join(d, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        return path

    def judge(self, src, origin, deterministic, count=True):
        """Runs both interpreters; returns a Finding, None (agree) or "skip". A second
        look at a program the driver ran (`count` False) is not counted again."""
        path = self.write(src, "prog.py")
        try:
            return self._judge(path, src, origin, deterministic, snippets_of(src) if count else None)
        finally:
            shutil.rmtree(os.path.dirname(path), ignore_errors=True)

    def _judge(self, path, src, origin, deterministic, snippets):
        t = self.args.timeout
        py = run(self.python, path, t)
        gi = run(self.gilt, path, t)
        if snippets is not None:
            with self.lock:
                self.counts["executions"] += 1
                self.counts["snippets"] += snippets
        if py.timed_out:
            return "skip"  # too slow or endless in CPython too: nothing to compare
        m = PANIC_AT.search(gi.err)
        if m or gi.rc == 70:
            loc = m.group(1) if m else "exit 70"
            msg = panic_message(gi.err)
            return Finding("panic", tag_of(src, py, gi, origin), msg, f"panic {loc}")
        # Dying by the signal CPython dies by (an uncaught KeyboardInterrupt ends both
        # with SIGINT) is the same behaviour, not an abort.
        if gi.rc is not None and gi.rc != py.rc and (gi.rc < 0 or gi.rc >= 128):
            return Finding("abort", tag_of(src, py, gi, origin), f"exit {gi.rc}: {gi.last_err_line()}",
                           f"abort {gi.rc} {tag_of(src, py, gi, origin)}")
        if gi.timed_out:
            again = run(self.gilt, path, max(3 * t, 30))
            if again.timed_out:
                return Finding("hang", tag_of(src, py, gi, origin), f"python3 took {py.secs:.2f}s",
                               f"hang {tag_of(src, py, gi, origin)}")
            gi = again
        same = py.out == gi.out and py.rc == gi.rc
        if not same and deterministic is None:
            # A mutant: compare only if CPython agrees with itself under another hash seed.
            py2 = run(self.python, path, t, hashseed="12345")
            if py2.timed_out or py2.out != py.out or py2.rc != py.rc:
                return "skip"
        if not same:
            tag = tag_of(src, py, gi, origin)
            pl, gl = first_difference(py.out, gi.out)
            detail = f"python3: {pl!r}\ngilt:    {gl!r}\nexit: python3 {py.rc}, gilt {gi.rc}"
            if py.rc != gi.rc:
                detail += f"\nstderr: python3 {py.last_err_line()!r}\n        gilt    {gi.last_err_line()!r}"
                pl, gl = py.last_err_line(), gi.last_err_line()
            return Finding("diff", tag, detail, f"diff {base_tag(tag)} | {shape(pl)} | {shape(gl)}")
        if py.rc == 1 and py.last_err_line() != gi.last_err_line():
            tag = tag_of(src, py, gi, origin)
            pl, gl = py.last_err_line(), gi.last_err_line()
            detail = f"python3: {pl!r}\ngilt:    {gl!r}"
            return Finding("errmsg", tag, detail, f"errmsg {base_tag(tag)} | {shape(pl)} | {shape(gl)}")
        return None

    def one(self, i):
        case = self.make_case(i)
        self.record(case, self.judge(case.src, case.origin, case.deterministic))

    def batch(self, first, last):
        """Cases first..last-1: the generated ones streamed through one driver.py
        process per interpreter (see --batch), mutants alone. The next case is
        made while both interpreters run the current one."""
        d = tempfile.mkdtemp(dir=self.workdir)
        py = gi = None
        done = []  # the programs the current gilt process has run
        nxt = self.make_case(first) if first < last else None
        try:
            for i in range(first, last):
                c = nxt
                if c.origin != "generated":
                    nxt = self.make_case(i + 1) if i + 1 < last else None
                    self.record(c, self.judge(c.src, c.origin, c.deterministic))
                    continue
                if py is None:
                    py = Worker(self.python, fuzz_env("0"), d)
                if gi is None:
                    gi, done = Worker(self.gilt, fuzz_env("0"), d), []
                done.append(c)
                py.send(c.index, c.src)
                gi.send(c.index, c.src)
                nxt = self.make_case(i + 1) if i + 1 < last else None
                pk, pout = py.receive(c.index, self.args.timeout)
                gk, gout = gi.receive(c.index, self.args.timeout)
                err = gi.new_stderr()
                with self.lock:
                    self.counts["executions"] += 1
                    self.counts["snippets"] += snippets_of(c.src)
                if pk != "ok":
                    py.close(kill=True)
                    py = None
                if gk != "ok" or PANIC_AT.search(err):
                    gi.close(kill=gk == "timeout")
                    gi = None
                    self.stream_failure(c, done, gk, err)
                    continue
                if pk != "ok":
                    self.record(c, "skip")  # too slow or dying in CPython too
                elif pout == gout:
                    self.record(c, None)
                else:
                    self.stream_difference(c, pout, gout)
        finally:
            for w in (py, gi):
                if w is not None:
                    w.close()
            shutil.rmtree(d, ignore_errors=True)

    def stream_failure(self, case, done, kind, err):
        """gilt hung, died or panicked on `case` in a driver process: the program is judged
        alone (one process per program); if alone it passes, so is every program that
        process ran before, to find the one that left it broken."""
        with self.lock:
            self.counts["stream_" + ("panic" if kind == "ok" else kind)] += 1
        f = self.judge(case.src, case.origin, case.deterministic, count=False)
        with self.lock:
            self.counts["rejudged"] += 1
        self.record(case, f)
        if isinstance(f, Finding) or kind == "timeout":
            return
        for c in done[:-1]:
            g = self.judge(c.src, c.origin, c.deterministic, count=False)
            with self.lock:
                self.counts["rejudged"] += 1
            if isinstance(g, Finding):
                self.record(c, g, counted=True)  # it was counted when it agreed in the stream
                return
        self.batch_only(case, f"gilt {kind} in the driver only\n{err[-2000:]}")

    def stream_difference(self, case, pout, gout):
        """Outputs differ in the driver: the program is judged again alone, and the
        difference counts only if it is still there. One whose snippet is listed as
        known (--known) is filed as found: a process pair per known gap buys nothing."""
        if self.known is not None:
            py, gi = Run(0, pout, "", False, 0), Run(0, gout, "", False, 0)
            tag = tag_of(case.src, py, gi, case.origin)
            if known_reason(self.known, "diff", tag) is not None:
                pl, gl = first_difference(pout, gout)
                detail = f"python3: {pl!r}\ngilt:    {gl!r}\n(seen in the driver)"
                self.record(case, Finding("diff", tag, detail, f"diff {base_tag(tag)} | {shape(pl)} | {shape(gl)}"))
                return
        f = self.judge(case.src, case.origin, case.deterministic, count=False)
        with self.lock:
            self.counts["rejudged"] += 1
        if f is None:
            pl, gl = first_difference(pout, gout)
            f_detail = f"python3: {pl!r}\ngilt:    {gl!r}"
            self.record(case, None)
            self.batch_only(case, f_detail)
            return
        self.record(case, f)

    def batch_only(self, case, detail):
        """A difference seen only when programs share a process (kept for reading)."""
        with self.lock:
            self.counts["batch_only"] += 1
            keep = self.counts["batch_only"] <= self.args.keep_per_sig * 5
        if keep:
            d = os.path.join(self.args.findings, f"batch-only-{case.index}")
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "prog.py"), "w", encoding="utf-8") as fh:
                fh.write(case.src)
            with open(os.path.join(d, "info.txt"), "w", encoding="utf-8") as fh:
                fh.write(detail + "\n")

    def record(self, case, f, counted=False):
        """Counts a judged case (unless `counted` already) and files its finding (None: agreed; "skip")."""
        with self.lock:
            if not counted:
                self.counts["cases"] += 1
                self.counts["generated" if case.origin == "generated" else "mutants"] += 1
            if f == "skip":
                self.counts["skipped"] += 1
                return
            if f is None:
                return
            entry = self.by_sig.setdefault(f.sig, {"kind": f.kind, "tag": f.tag, "count": 0, "examples": [],
                                                   "detail": f.detail, "new": 0, "reasons": []})
            entry["count"] += 1
            minimize_it = True
            if self.known is not None:
                reason = known_reason(self.known, f.kind, f.tag)
                minimize_it = reason is None  # a known difference is kept as found
                if reason is None:
                    entry["new"] += 1
                    if entry["new"] == 1:
                        entry["new_tag"] = f.tag
                elif reason not in entry["reasons"]:
                    entry["reasons"].append(reason)
            keep = len(entry["examples"]) < self.args.keep_per_sig
            if keep:
                entry["examples"].append(None)  # reserve the slot while minimising outside the lock
        if keep:
            d = self.save(case, f, minimize_it)
            with self.lock:
                entry["examples"][entry["examples"].index(None)] = d

    def save(self, case, f, minimize_it=True):
        name = re.sub(r"[^A-Za-z0-9_.+-]+", "_", f.sig)[:80]
        d = os.path.join(self.args.findings, f"{name}-{case.index}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "prog.py"), "w", encoding="utf-8") as fh:
            fh.write(case.src)
        small, tries = case.src, 0
        if minimize_it and not self.args.no_minimize:
            def still(src):  # the minimiser's runs are not fuzz executions
                g = self.judge(src, case.origin, case.deterministic, count=False)
                return isinstance(g, Finding) and g.kind == f.kind and (
                    g.sig == f.sig if f.kind in ("panic", "abort") else g.detail == f.detail)
            budget = 40 if f.kind == "hang" else self.args.minimize_budget
            small, tries = minimize(case.src, still, budget)
        with open(os.path.join(d, "min.py"), "w", encoding="utf-8") as fh:
            fh.write(small)
        with open(os.path.join(d, "info.txt"), "w", encoding="utf-8") as fh:
            fh.write(f"kind: {f.kind}\ntag: {f.tag}\nsignature: {f.sig}\norigin: {case.origin}\n"
                     f"minimised in {tries} tries\n\n{f.detail}\n")
        return d

    # ---- reporting ----------------------------------------------------------
    def summary(self, known, elapsed):
        kinds = {}
        for e in self.by_sig.values():
            kinds[e["kind"]] = kinds.get(e["kind"], 0) + e["count"]
        lines = [f"cases {self.counts['cases']} (generated {self.counts['generated']}, mutants "
                 f"{self.counts['mutants']}, skipped as slow/nondeterministic {self.counts['skipped']}), "
                 f"interpreter-pair executions {self.counts['executions']} ({self.counts['snippets']} snippets), "
                 f"{elapsed:.0f} s",
                 f"driver processes: {self.counts['rejudged']} programs judged again alone, "
                 f"{self.counts['batch_only']} differences seen only in the driver; gilt panicked "
                 f"{self.counts['stream_panic']}, died {self.counts['stream_dead']}, timed out "
                 f"{self.counts['stream_timeout']} times there",
                 "failing cases by kind: " + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none"),
                 f"distinct signatures: {len(self.by_sig)}", ""]
        unexpected = 0
        for sig, e in sorted(self.by_sig.items(), key=lambda kv: (kv[1]["kind"], -kv[1]["count"])):
            if known is None:
                status = ""
            elif e["new"]:
                unexpected += e["new"]
                status = f"  (NEW: {e['new']} cases not in the known list, e.g. tag {e['new_tag']})"
            else:
                status = "  (known: " + "; ".join(e["reasons"]) + ")"
            lines.append(f"[{e['kind']}] {sig}  x{e['count']}{status}")
            lines.append(f"    tag: {e['tag']}")
            lines.extend("    " + ln for ln in e["detail"].splitlines())
            for ex in e["examples"]:
                if ex:
                    lines.append(f"    example: {ex}/min.py")
        text = "\n".join(lines) + "\n"
        os.makedirs(self.args.findings, exist_ok=True)
        with open(os.path.join(self.args.findings, "summary.txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
        with open(os.path.join(self.args.findings, "summary.json"), "w", encoding="utf-8") as fh:
            json.dump({"counts": self.counts, "kinds": kinds, "signatures": self.by_sig}, fh, indent=1)
        return text, unexpected


def snippets_of(src):
    """The snippets of a generated program (its `## N TAG` marker lines); 1 for a mutant."""
    return max(1, sum(1 for ln in src.splitlines() if ln.startswith("print('## ") and not ln.startswith("print('## - ")))


def known_reason(known, kind, tag):
    """The reason a failure is expected, or None. Panics, aborts and hangs never are."""
    if kind not in ("diff", "errmsg"):
        return None
    for glob, reason in known:
        if fnmatch.fnmatchcase(tag, glob) or fnmatch.fnmatchcase(f"{kind}:{tag}", glob):
            return reason
    return None


def load_known(path):
    known = []
    with open(path, encoding="utf-8") as fh:
        for ln in fh:
            ln = ln.strip()
            if not ln or ln.startswith("#"):
                continue
            glob, _, reason = ln.partition(" ")
            if not reason.strip():
                sys.exit(f"{path}: every known difference needs a reason: {ln!r}")
            known.append((glob, reason.strip()))
    return known


def base_tag(tag):
    """A snippet's tag without the list of productions it used (mutants: just "mutant")."""
    return "mutant" if tag.startswith("mutant:") else tag.split("{")[0]


def shape(line):
    """A differing output line with its values blanked: quoted text, numbers, reprs."""
    line = re.sub(r"'[^']*'|\"[^\"]*\"", "''", line)
    line = re.sub(r"\d+(\.\d+)?(e[-+]?\d+)?", "N", line)
    return line[:120]


def panic_message(err):
    lines = err.splitlines()
    for i, ln in enumerate(lines):
        if "panicked at" in ln:
            return "\n".join(lines[i:i + 2])
    return err[-300:]


def first_difference(a, b):
    al, bl = a.splitlines(), b.splitlines()
    for x, y in zip(al, bl):
        if x != y:
            return x, y
    if len(al) != len(bl):
        return (al[len(bl)] if len(al) > len(bl) else "<end>"), (bl[len(al)] if len(bl) > len(al) else "<end>")
    return "<same stdout>", "<same stdout>"


def tag_of(src, py, gi, origin):
    """The tag of the snippet whose output first differs (generated programs)."""
    if origin != "generated":
        return origin
    pl, gl = py.out.splitlines(), gi.out.splitlines()
    n = 0
    while n < min(len(pl), len(gl)) and pl[n] == gl[n]:
        n += 1
    tag = "start"
    for ln in pl[:n + 1] if n < len(pl) else pl:
        m = MARKER.match(ln)
        if m:
            tag = m.group(2)
    return tag


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gilt", default=os.path.join(ROOT, "target", "release", "gilt"))
    ap.add_argument("--gilt-arg", action="append", default=[], help="extra gilt flag (e.g. --gilt-arg=--gil=off)")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--start", type=int, default=0, help="first case index (to resume a long run)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--batch", type=int, default=1, help="generated programs per interpreter run (long runs)")
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--mutants", type=float, default=0.3, help="fraction of cases that are mutants of tests/cases")
    ap.add_argument("--findings", default="/tmp/gilt-fuzz-findings")
    ap.add_argument("--keep-per-sig", type=int, default=2, help="failing programs saved per signature")
    ap.add_argument("--no-minimize", action="store_true")
    ap.add_argument("--minimize-budget", type=int, default=250)
    ap.add_argument("--known", help="file of known differences (GLOB reason); enables the CI exit status")
    ap.add_argument("--print-program", type=int, help="print case N's program and exit")
    ap.add_argument("--minimize-file", help="minimise one saved failing program (prog.py) and print it")
    args = ap.parse_args()

    fz = Fuzzer(args)
    fz.known = load_known(args.known) if args.known else None
    if args.print_program is not None:
        print(fz.make_case(args.print_program).src, end="")
        return 0
    ver = subprocess.run([args.python, "-c", "import sys; print(sys.version_info[:2] == (3, 11), sys.executable)"],
                         capture_output=True, text=True)
    if not ver.stdout.startswith("True "):
        print(f"difffuzz: {args.python} must be CPython 3.11 (the oracle)", file=sys.stderr)
        return 2
    # The interpreter itself, not a launcher script (pyenv's shim costs more than the program).
    fz.python = [ver.stdout.split(" ", 1)[1].strip() or args.python]
    if args.minimize_file:
        with open(args.minimize_file, encoding="utf-8") as fh:
            src = fh.read()
        origin = "generated" if src.startswith("# generated") else "mutant:" + src.split()[3].rstrip(":")
        case = Case(0, src, origin, True if origin == "generated" else None, [])
        f = fz.judge(src, origin, case.deterministic)
        if not isinstance(f, Finding):
            print("difffuzz: that program does not fail", file=sys.stderr)
            return 1
        d = fz.save(case, f)
        with open(os.path.join(d, "min.py"), encoding="utf-8") as fh:
            print(fh.read(), end="")
        print(f"# {f.kind} {f.sig}\n# saved in {d}")
        return 0
    known = fz.known
    start = time.monotonic()
    last_report = start
    try:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            end = args.start + args.cases
            if args.batch > 1:
                futures = [pool.submit(fz.batch, i, min(i + args.batch, end))
                           for i in range(args.start, end, args.batch)]
            else:
                futures = [pool.submit(fz.one, i) for i in range(args.start, end)]
            try:
                for fut in concurrent.futures.as_completed(futures):
                    fut.result()
                    if time.monotonic() - last_report > 60:
                        last_report = time.monotonic()
                        fz.summary(known, last_report - start)
                        print(f"difffuzz: {fz.counts['cases']}/{args.cases} cases, {len(fz.by_sig)} signatures",
                              file=sys.stderr, flush=True)
            except KeyboardInterrupt:
                # Ctrl-C ends a long run: the batches not started are dropped, the
                # running ones finish, and the summary counts what ran.
                for fut in futures:
                    fut.cancel()
                print("difffuzz: interrupted; finishing the running batches", file=sys.stderr, flush=True)
    finally:
        text, unexpected = fz.summary(known, time.monotonic() - start)
        shutil.rmtree(fz.workdir, ignore_errors=True)
    print(text, end="")
    print(f"findings in {args.findings}")
    if known is not None:
        print(f"unexpected failures: {unexpected}")
        return 1 if unexpected else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
