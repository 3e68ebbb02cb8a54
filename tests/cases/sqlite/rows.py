# Row factories: sqlite3.Row (index, name, keys, len, equality), a custom
# factory, and a factory set on a cursor only.
import sqlite3

con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
con.execute("CREATE TABLE city (name TEXT, country TEXT, people INTEGER)")
con.executemany("INSERT INTO city VALUES (?, ?, ?)",
                [("Paris", "FR", 2100000), ("Lyon", "FR", 520000), ("Bern", "CH", 134000)])
row = con.execute("SELECT name, country, people FROM city ORDER BY people DESC").fetchone()
print(type(row).__name__, len(row))
print(row[0], row[-1], row["name"], row["COUNTRY"], row[1:])
print(row.keys())
print(tuple(row), list(row))
print(dict(zip(row.keys(), row)))
try:
    row["missing"]
except IndexError as e:
    print("IndexError", e)
try:
    row[5]
except IndexError as e:
    print("IndexError", e)
a = con.execute("SELECT 1 AS x, 2 AS y").fetchone()
b = con.execute("SELECT 1 AS x, 2 AS y").fetchone()
c = con.execute("SELECT 1 AS x, 3 AS y").fetchone()
print(a == b, a != b, a == c, hash(a) == hash(b))
print([r["name"] for r in con.execute("SELECT name FROM city WHERE country = ? ORDER BY name", ("FR",))])
import collections.abc
print(isinstance(a, collections.abc.Sequence))


def dict_factory(cursor, row):
    return {d[0]: v for d, v in zip(cursor.description, row)}


con.row_factory = dict_factory
print(con.execute("SELECT name, people FROM city WHERE name = 'Bern'").fetchone())
con.row_factory = None
cur = con.cursor()
cur.row_factory = lambda cur, row: row[0]
print(cur.execute("SELECT name FROM city ORDER BY name").fetchall())
print(con.execute("SELECT name FROM city ORDER BY name").fetchall())


class Point(sqlite3.Row):
    def total(self):
        return sum(self)


cur = con.cursor()
cur.row_factory = Point
p = cur.execute("SELECT 1 AS x, 2 AS y").fetchone()
print(type(p).__name__, p.total(), p["y"])
