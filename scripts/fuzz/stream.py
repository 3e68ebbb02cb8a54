"""One interpreter process running many programs through driver.py (difffuzz.py --batch).

The parent side of driver.py's protocol: a program is sent as `INDEX NBYTES`
plus its source, and its captured output comes back as `@@ INDEX NBYTES` plus
the bytes. Waiting for an answer has a deadline, so a program that hangs is
seen as one (the process is then killed; the caller starts a fresh one), and
a process that dies mid-program is seen as dead, with what it wrote on
stderr (a Rust panic's `panicked at`, an abort's message) kept in a file.
"""

import os
import select
import subprocess
import tempfile
import time

DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "driver.py")


class Worker:
    """A running interpreter executing driver.py; `run` sends it one program."""

    def __init__(self, cmd, env, workdir):
        self.err = tempfile.TemporaryFile(dir=workdir)
        for attempt in range(60):
            try:
                self.proc = subprocess.Popen(cmd + [DRIVER], cwd=workdir, stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, stderr=self.err, env=env)
                break
            except OSError:
                # A long run outlives builds: for a moment cargo has no binary at the path.
                if attempt == 59:
                    raise
                time.sleep(1)
        self.buf = b""
        self.err_seen = 0
        self.programs = 0

    def send(self, index, src):
        """Queues one program; returns False when the process is gone."""
        data = src.encode("utf-8", "surrogatepass")
        try:
            self.proc.stdin.write(f"{index} {len(data)}\n".encode() + data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            return False
        self.programs += 1
        return True

    def receive(self, index, timeout):
        """("ok", output), ("timeout", partial) or ("dead", partial) for program `index`."""
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while True:
            got = self._parse(index)
            if got is not None:
                return "ok", got
            left = deadline - time.monotonic()
            if left <= 0:
                return "timeout", self.buf.decode("utf-8", "replace")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                self.proc.wait()
                return "dead", self.buf.decode("utf-8", "replace")
            self.buf += chunk

    def _parse(self, index):
        nl = self.buf.find(b"\n")
        if nl < 0:
            return None
        head = self.buf[:nl].split()
        if len(head) != 3 or head[0] != b"@@":
            # Something other than the driver wrote on fd 1: kept as output, so it shows as a difference.
            out, self.buf = self.buf[:nl + 1], self.buf[nl + 1:]
            return out.decode("utf-8", "replace") + (self._parse(index) or "")
        n = int(head[2])
        if len(self.buf) < nl + 1 + n:
            return None
        out, self.buf = self.buf[nl + 1:nl + 1 + n], self.buf[nl + 1 + n:]
        if head[1].decode() != str(index):
            return f"<driver answered program {head[1].decode()} for {index}>\n" + out.decode("utf-8", "replace")
        return out.decode("utf-8", "replace")

    def new_stderr(self):
        """What the process wrote on stderr since the last call."""
        self.err.seek(0, os.SEEK_END)
        end = self.err.tell()
        if end == self.err_seen:
            return ""
        self.err.seek(self.err_seen)
        text = self.err.read(end - self.err_seen).decode("utf-8", "replace")
        self.err_seen = end
        return text

    def returncode(self):
        return self.proc.poll()

    def close(self, kill=False):
        """Ends the process: politely (end of input) unless `kill`."""
        try:
            if kill:
                self.proc.kill()
            else:
                self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (subprocess.TimeoutExpired, OSError):
            self.proc.kill()
            self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass
        self.err.close()
