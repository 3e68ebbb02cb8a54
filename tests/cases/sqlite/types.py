# Python types <-> SQLite storage classes, text_factory, adapters and
# converters (PARSE_DECLTYPES, PARSE_COLNAMES, the default date adapters).
import datetime
import sqlite3

con = sqlite3.connect(":memory:")
values = [None, 0, -1, 2 ** 63 - 1, -(2 ** 63), 1.5, -0.0, 1e300, "", "héllo wörld ✓", b"", b"\x00\x01\xff",
          bytearray(b"ba"), memoryview(b"mv"), True, False]
for v in values:
    got, kind = con.execute("SELECT ?, typeof(?)", (v, v)).fetchone()
    print(type(v).__name__, repr(v)[:30] if not isinstance(v, memoryview) else "", "->", repr(got), kind)

con.text_factory = bytes
print(con.execute("SELECT 'héllo', 1, x'61'").fetchone())
con.text_factory = lambda b: b.decode("utf-8").upper()
print(con.execute("SELECT 'abc'").fetchone())
con.text_factory = str


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def adapt_point(p):
    return "%f;%f" % (p.x, p.y)


def convert_point(s):
    x, y = map(float, s.split(b";"))
    return Point(x, y)


sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("point", convert_point)
print(sqlite3.adapt(Point(1, 2)))


class Celsius:
    def __init__(self, deg):
        self.deg = deg

    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "%.1fC" % self.deg


con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con.execute("CREATE TABLE t (p point, d date, ts timestamp, n integer, c)")
con.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            (Point(4, -3.2), datetime.date(2024, 2, 29), datetime.datetime(2024, 1, 2, 3, 4, 5, 600), 7, Celsius(21.5)))
con.execute("INSERT INTO t VALUES (NULL, NULL, NULL, NULL, NULL)")
for row in con.execute("SELECT p, d, ts, n, c FROM t"):
    print(row)
print(con.execute("SELECT d FROM t").fetchone()[0].year)

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
cur = con.execute('SELECT ? AS "p [point]", ? AS "d [date]", ? AS plain', (Point(1, 1), "2020-05-06", "2020-05-06"))
print(cur.fetchone())
print([d[0] for d in cur.description])

sqlite3.register_converter("LOUD", lambda b: b.decode().upper() + "!")
con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
con.execute("CREATE TABLE w (word loud(20), other TEXT)")
con.execute("INSERT INTO w VALUES ('hi', 'there')")
print(con.execute("SELECT word, other, other AS 'x [loud]' FROM w").fetchone())
print(sorted(k for k in sqlite3.converters if k in ("DATE", "TIMESTAMP", "POINT", "LOUD")))
print(sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, sqlite3.paramstyle, sqlite3.apilevel, sqlite3.threadsafety)
print(sqlite3.Binary is memoryview, sqlite3.Date is datetime.date)
print(isinstance(sqlite3.sqlite_version_info, tuple), len(sqlite3.sqlite_version_info))
print(sqlite3.complete_statement("SELECT 1;"), sqlite3.complete_statement("SELECT 1"))
