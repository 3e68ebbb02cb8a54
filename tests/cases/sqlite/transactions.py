# Implicit transactions (3.11: BEGIN before INSERT/UPDATE/DELETE/REPLACE),
# commit, rollback, isolation_level, in_transaction, and the context manager.
import sqlite3

con = sqlite3.connect(":memory:")
print(repr(con.isolation_level), con.in_transaction)
con.execute("CREATE TABLE acct (name TEXT PRIMARY KEY, money INTEGER)")
print("after DDL", con.in_transaction)
con.execute("INSERT INTO acct VALUES ('a', 100)")
print("after INSERT", con.in_transaction)
con.commit()
print("after commit", con.in_transaction)
con.execute("UPDATE acct SET money = 0")
con.rollback()
print(con.execute("SELECT money FROM acct").fetchone(), con.in_transaction)
con.execute("SELECT * FROM acct")
print("after SELECT", con.in_transaction)

with con:
    con.execute("INSERT INTO acct VALUES ('b', 50)")
print("with committed", con.execute("SELECT count(*) FROM acct").fetchone(), con.in_transaction)
try:
    with con:
        con.execute("UPDATE acct SET money = money - 70 WHERE name = 'a'")
        con.execute("INSERT INTO acct VALUES ('a', 1)")
except sqlite3.IntegrityError as e:
    print("rolled back:", e)
print(con.execute("SELECT name, money FROM acct ORDER BY name").fetchall())
try:
    with con:
        con.execute("DELETE FROM acct")
        raise ValueError("stop")
except ValueError:
    pass
print("still", con.execute("SELECT count(*) FROM acct").fetchone()[0])
with con as c:
    print(c is con)

con.isolation_level = None
print(repr(con.isolation_level))
con.execute("INSERT INTO acct VALUES ('c', 1)")
print("autocommit mode", con.in_transaction)
con.execute("BEGIN")
con.execute("INSERT INTO acct VALUES ('d', 1)")
print("explicit", con.in_transaction)
con.execute("ROLLBACK")
print(con.execute("SELECT name FROM acct ORDER BY name").fetchall())
con.isolation_level = "IMMEDIATE"
con.execute("DELETE FROM acct WHERE name = 'c'")
print(con.in_transaction)
con.isolation_level = None
print("setting None commits", con.in_transaction)
for bad in ("SOMETIMES", 5):
    try:
        con.isolation_level = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
con2 = sqlite3.connect(":memory:", isolation_level="exclusive")
print(con2.isolation_level)
con.executescript("BEGIN; INSERT INTO acct VALUES ('e', 5); COMMIT;")
print(con.execute("SELECT count(*) FROM acct").fetchone())
con.close()
