# Basic CRUD on an in-memory database: create, insert, select, update, delete.
import sqlite3

con = sqlite3.connect(":memory:")
cur = con.cursor()
cur.execute("CREATE TABLE pupils (id INTEGER PRIMARY KEY, name TEXT NOT NULL, grade REAL)")
print(cur.description, cur.rowcount)
cur.execute("INSERT INTO pupils (name, grade) VALUES ('Ada', 5.5)")
print("lastrowid", cur.lastrowid, "rowcount", cur.rowcount)
cur.execute("INSERT INTO pupils (name, grade) VALUES ('Grace', 6.0)")
cur.execute("INSERT INTO pupils (name) VALUES ('Alan')")
print("lastrowid", cur.lastrowid)
con.commit()

for row in cur.execute("SELECT id, name, grade FROM pupils ORDER BY id"):
    print(row)
print([d[0] for d in cur.description], cur.rowcount)

cur.execute("UPDATE pupils SET grade = grade + 0.5 WHERE grade IS NOT NULL")
print("updated", cur.rowcount)
cur.execute("DELETE FROM pupils WHERE name = 'Alan'")
print("deleted", cur.rowcount)
print(cur.execute("SELECT count(*) FROM pupils").fetchone())
print(cur.execute("SELECT * FROM pupils WHERE id > 100").fetchone())

cur.execute("SELECT name FROM pupils ORDER BY name")
print(cur.fetchone())
print(cur.fetchall())
print(cur.fetchall())
print(cur.fetchone())

cur.arraysize = 2
cur.execute("SELECT value FROM (SELECT 1 AS value UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5)")
print(cur.fetchmany())
print(cur.fetchmany(1))
print(cur.fetchmany(10))
print(cur.fetchmany())

print(con.total_changes)
print(cur.connection is con)
print(con.execute("SELECT 1 + 1, 'x' || 'y', NULL, 2.5 * 2, x'00ff'").fetchall())
print(con.execute("").fetchall(), con.execute("-- only a comment").description)
cur.close()
con.close()
print("done")
