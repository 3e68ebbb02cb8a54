# Query parameters: qmark, named, numbered, mappings and sequences; executemany.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE t (a, b)")
con.execute("INSERT INTO t VALUES (?, ?)", (1, "one"))
con.execute("INSERT INTO t VALUES (?, ?)", [2, "two"])
con.execute("INSERT INTO t VALUES (:a, :b)", {"a": 3, "b": "three"})
con.execute("INSERT INTO t VALUES (?2, ?1)", ("four", 4))
print(con.execute("SELECT * FROM t ORDER BY a").fetchall())

cur = con.executemany("INSERT INTO t VALUES (?, ?)", [(i, str(i)) for i in range(5, 9)])
print("many rowcount", cur.rowcount, "lastrowid", cur.lastrowid)
cur = con.executemany("INSERT INTO t VALUES (:x, :y)", ({"x": i, "y": "g%d" % i} for i in range(9, 11)))
print("generator rowcount", cur.rowcount)
print(con.execute("SELECT count(*), sum(a) FROM t").fetchone())
print(con.execute("SELECT b FROM t WHERE a BETWEEN ? AND ? ORDER BY a", (5, 7)).fetchall())


class Mapping(dict):
    def __missing__(self, key):
        return "default-" + key


print(con.execute("SELECT :who, :what", Mapping(who="me")).fetchone())


class Seq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return i * 10


print(con.execute("SELECT ?, ?", Seq()).fetchone())
print(con.execute("SELECT ? || ?", "ab").fetchone())
cur = con.execute("UPDATE t SET b = upper(b) WHERE a < ?", (3,))
print("updated", cur.rowcount)
cur = con.executemany("DELETE FROM t WHERE a = ?", [(1,), (2,), (99,)])
print("deleted", cur.rowcount)
print(con.execute("SELECT count(*) FROM t").fetchone()[0])
