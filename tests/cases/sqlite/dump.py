# Connection.iterdump (CPython's sqlite3/dump.py) and executescript.
import sqlite3

con = sqlite3.connect(":memory:")
con.executescript("""
    CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT, price REAL, cover BLOB);
    CREATE INDEX book_title ON book (title);
    INSERT INTO book (title, price, cover) VALUES ('Dune', 9.99, x'cafe');
    INSERT INTO book (title, price) VALUES ('It''s', NULL);
    CREATE VIEW cheap AS SELECT title FROM book WHERE price < 10;
""")
for line in con.iterdump():
    print(line)
copy = sqlite3.connect(":memory:")
copy.executescript("\n".join(con.iterdump()))
print(copy.execute("SELECT * FROM book ORDER BY id").fetchall())
print(copy.execute("SELECT * FROM cheap").fetchall())
target = sqlite3.connect(":memory:")
con.backup(target)
print(target.execute("SELECT title FROM book ORDER BY id").fetchall())
