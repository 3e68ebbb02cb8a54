# A thread pool querying one file database: one shared connection with
# check_same_thread=False guarded by a lock, then one connection per thread.
import os
import sqlite3
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

path = os.path.join(tempfile.gettempdir(), "gilt_sqlite_case_%d.db" % os.getpid())
setup = sqlite3.connect(path)
setup.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, grp INTEGER, value INTEGER)")
setup.executemany("INSERT INTO item (grp, value) VALUES (?, ?)", [(i % 8, i) for i in range(800)])
setup.commit()
setup.close()

shared = sqlite3.connect(path, check_same_thread=False)
lock = threading.Lock()


def query_shared(g):
    with lock:
        return g, shared.execute("SELECT count(*), sum(value) FROM item WHERE grp = ?", (g,)).fetchone()


with ThreadPoolExecutor(max_workers=4) as pool:
    print(sorted(pool.map(query_shared, range(8))))


def write_shared(g):
    with lock:
        with shared:
            shared.execute("UPDATE item SET value = value + 1 WHERE grp = ?", (g,))
    return g


with ThreadPoolExecutor(max_workers=4) as pool:
    print(sorted(pool.map(write_shared, range(8))))
print(shared.execute("SELECT sum(value) FROM item").fetchone())
shared.close()



def query_own(g):
    # Each task opens its own connection in its own thread.
    con = sqlite3.connect(path, timeout=30)
    try:
        total = con.execute("SELECT sum(value) FROM item WHERE grp = ?", (g,)).fetchone()[0]
        with con:
            con.execute("INSERT INTO item (grp, value) VALUES (?, ?)", (100 + g, total))
    finally:
        con.close()
    return g, total


with ThreadPoolExecutor(max_workers=4) as pool:
    print(sorted(pool.map(query_own, range(8))))
check = sqlite3.connect(path)
print(check.execute("SELECT count(*), sum(value) FROM item WHERE grp >= 100").fetchone())
check.close()
os.remove(path)
print(os.path.exists(path))
