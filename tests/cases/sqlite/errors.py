# The exception hierarchy and CPython's messages.
import sqlite3
import threading

print([c.__name__ for c in sqlite3.IntegrityError.__mro__])
print(issubclass(sqlite3.Warning, Exception), sqlite3.Connection.Error is sqlite3.Error)
con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v NOT NULL UNIQUE)")
con.execute("INSERT INTO t VALUES (1, 'a')")


def attempt(f, *args):
    try:
        f(*args)
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e, getattr(e, "sqlite_errorcode", ""), getattr(e, "sqlite_errorname", ""))


attempt(con.execute, "SELECT * FROM x")
attempt(con.execute, "INSERT INTO t VALUES (1, 'b')")
attempt(con.execute, "INSERT INTO t VALUES (2, 'a')")
attempt(con.execute, "INSERT INTO t VALUES (3, NULL)")
attempt(con.execute, "SELEC 1")
attempt(con.execute, "SELECT ?", (1, 2))
attempt(con.execute, "SELECT ?, ?", [1])
attempt(con.execute, "SELECT :a", {"b": 1})
attempt(con.execute, "SELECT ?", {"a": 1})
attempt(con.execute, "SELECT ?", 42)
attempt(con.execute, "SELECT ?", (object(),))
attempt(con.execute, "SELECT :a", {"a": 1j})
attempt(con.execute, "SELECT ?", (2 ** 63,))
attempt(con.execute, "SELECT 1; SELECT 2")
attempt(con.execute, 42)
attempt(con.executemany, "SELECT ?", [(1,)])
attempt(con.executescript, 42)
attempt(con.execute, "SELECT CAST(x'ff' AS TEXT)")
attempt(sqlite3.connect, "/nonexistent-dir/x.db")
attempt(sqlite3.adapt, object())

cur = con.cursor()
cur.close()
attempt(cur.execute, "SELECT 1")
cur2 = con.execute("SELECT 1")


def other_thread():
    try:
        con.execute("SELECT 1")
    except sqlite3.ProgrammingError as e:
        # The thread ids differ from run to run: show them by name.
        msg = str(e).replace(str(main_id), "MAIN").replace(str(threading.get_ident()), "WORKER")
        print("ProgrammingError:", msg)


main_id = threading.get_ident()

t = threading.Thread(target=other_thread)
t.start()
t.join()
con.close()
attempt(con.execute, "SELECT 1")
attempt(con.commit)
attempt(cur2.fetchall)
attempt(lambda: con.total_changes)
con.close()
print("closing twice is fine")
