# Incremental BLOB I/O (Connection.blobopen), window functions, backup and
# a Connection subclass used as a factory.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE files (name TEXT, data BLOB)")
con.execute("INSERT INTO files VALUES ('a', zeroblob(10))")
with con.blobopen("files", "data", 1) as blob:
    blob.write(b"hello")
    print(blob.tell(), len(blob))
    blob.seek(0)
    print(blob.read(3), blob.read(), blob.tell())
    blob[5] = ord("!")
    blob[6:9] = b"abc"
    print(blob[0], blob[5:9], blob[-1])
    for bad in (lambda: blob.seek(11), lambda: blob[10], lambda: blob.write(b"x" * 11)):
        try:
            bad()
        except (ValueError, IndexError) as e:
            print(type(e).__name__, e)
print(con.execute("SELECT data FROM files").fetchone())
try:
    blob.read()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)


class RunningTotal:
    def __init__(self):
        self.total = 0

    def step(self, v):
        self.total += v

    def inverse(self, v):
        self.total -= v

    def value(self):
        return self.total

    def finalize(self):
        return self.total


con.create_window_function("running", 1, RunningTotal)
con.execute("CREATE TABLE nums (x)")
con.executemany("INSERT INTO nums VALUES (?)", [(i,) for i in range(1, 7)])
rows = con.execute("""SELECT x, running(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
                      FROM nums ORDER BY x""").fetchall()
print(rows)


class Audited(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.queries = 0

    def execute(self, sql, params=()):
        self.queries += 1
        return super().execute(sql, params)


copy = sqlite3.connect(":memory:", factory=Audited)
steps = []
con.commit()
con.backup(copy, pages=1, progress=lambda status, remaining, total: steps.append(remaining))
print(type(copy).__name__, isinstance(copy, sqlite3.Connection), steps[-1])
print(copy.execute("SELECT count(*), sum(x) FROM nums").fetchone(), copy.queries)
