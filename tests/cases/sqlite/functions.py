# User functions, aggregates and collations called by SQLite.
import hashlib
import sqlite3

con = sqlite3.connect(":memory:")


def md5sum(t):
    return hashlib.md5(t).hexdigest()


con.create_function("md5", 1, md5sum)
print(con.execute("SELECT md5(?)", (b"foo",)).fetchone()[0])
con.create_function("plus", 2, lambda a, b: a + b, deterministic=True)
print(con.execute("SELECT plus(2, 3), plus('a', 'b'), plus(1.5, 1)").fetchone())
con.create_function("nargs", -1, lambda *a: len(a))
print(con.execute("SELECT nargs(), nargs(1, 2, 3)").fetchone())
con.create_function("kinds", 4, lambda *a: ",".join(type(x).__name__ for x in a))
print(con.execute("SELECT kinds(1, 2.0, 'x', x'00')").fetchone())
con.create_function("nada", 0, lambda: None)
print(con.execute("SELECT nada() IS NULL").fetchone())
con.create_function("boom", 0, lambda: 1 / 0)
try:
    con.execute("SELECT boom()")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
con.create_function("weird", 0, lambda: object())
try:
    con.execute("SELECT weird()")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)


class MySum:
    def __init__(self):
        self.count = 0

    def step(self, value):
        self.count += value

    def finalize(self):
        return self.count


class Avg:
    def __init__(self):
        self.n, self.total = 0, 0.0

    def step(self, v):
        if v is not None:
            self.n += 1
            self.total += v

    def finalize(self):
        return self.total / self.n if self.n else None


con.create_aggregate("mysum", 1, MySum)
con.create_aggregate("myavg", 1, Avg)
con.execute("CREATE TABLE n (g, v)")
con.executemany("INSERT INTO n VALUES (?, ?)", [("a", 1), ("a", 2), ("b", 10), ("b", None), ("c", 4)])
print(con.execute("SELECT mysum(v) FROM n WHERE v IS NOT NULL").fetchone())
print(con.execute("SELECT g, myavg(v) FROM n GROUP BY g ORDER BY g").fetchall())


class BadStep:
    def step(self, v):
        raise ValueError(v)

    def finalize(self):
        return 0


class NoStep:
    def finalize(self):
        return 0


class BadFinal:
    def step(self, v):
        pass

    def finalize(self):
        raise KeyError


for name, cls in [("badstep", BadStep), ("nostep", NoStep), ("badfinal", BadFinal)]:
    con.create_aggregate(name, 1, cls)
    try:
        con.execute("SELECT %s(v) FROM n" % name).fetchall()
    except sqlite3.OperationalError as e:
        print("OperationalError:", e)


def reverse_order(a, b):
    return (a < b) - (a > b)


con.create_collation("reverse", reverse_order)
con.execute("CREATE TABLE w (word)")
con.executemany("INSERT INTO w VALUES (?)", [("pear",), ("apple",), ("fig",)])
print(con.execute("SELECT word FROM w ORDER BY word COLLATE reverse").fetchall())
con.create_collation("reverse", None)
try:
    con.execute("SELECT word FROM w ORDER BY word COLLATE reverse")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
try:
    con.create_collation("x", 42)
except TypeError as e:
    print("TypeError:", e)

seen = []
con.set_trace_callback(seen.append)
con.execute("SELECT ?", (5,))
con.set_trace_callback(None)
con.execute("SELECT 6")
print(seen)


def authorizer(action, arg1, arg2, dbname, source):
    if action == sqlite3.SQLITE_READ and arg2 == "secret":
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


con.execute("CREATE TABLE people (name, secret)")
con.set_authorizer(authorizer)
print(con.execute("SELECT name FROM people").fetchall())
try:
    con.execute("SELECT secret FROM people")
except sqlite3.DatabaseError as e:
    print(type(e).__name__ + ":", e)
con.set_authorizer(None)
print(con.execute("SELECT secret FROM people").fetchall())
