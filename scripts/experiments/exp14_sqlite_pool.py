# Run:     gilt --timeline scripts/experiments/exp14_sqlite_pool.py
# Observe: a database from a thread pool: what the GIL does while SQLite works.
#          Four threads each run slow queries on one database file (one
#          connection per thread). gilt releases the GIL for every step of
#          SQLite, so the timeline shows the pool threads blocked in SQLite
#          ("-", counted as "sqlite" in "blocked ms by kind"), not waiting for
#          the GIL ("░"): their queries overlap, and with two free cores the
#          pool finishes in about half the sequential time, GIL on or off.
import os
import sqlite3
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

SMALL = sys.argv[1:] == ["small"]
ROWS = 20_000 if SMALL else 100_000
QUERIES = 8

path = os.path.join(tempfile.gettempdir(), f"gilt_exp14_{os.getpid()}.db")
con = sqlite3.connect(path)
con.execute("CREATE TABLE sale (id INTEGER PRIMARY KEY, shop INTEGER, amount INTEGER)")
con.execute("""INSERT INTO sale (shop, amount)
               WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
               SELECT i % 97, i % 1000 FROM n""", (ROWS,))
con.commit()
con.close()

# A query that keeps SQLite busy: every sale compared with the sales of its
# shop (no index, so SQLite scans), all in C with the GIL released.
QUERY = """SELECT count(*) FROM sale a JOIN sale b ON a.shop = b.shop AND b.amount > a.amount
           WHERE a.id % ? = 0"""
SPREAD = 40 if SMALL else 200

local = threading.local()


def query(i):
    con = getattr(local, "con", None)
    if con is None:
        con = local.con = sqlite3.connect(path)
    return con.execute(QUERY, (SPREAD + i,)).fetchone()[0]


t0 = time.perf_counter()
sequential = [query(i) for i in range(QUERIES)]
t_seq = time.perf_counter() - t0

t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=4, thread_name_prefix="pool") as pool:
    threaded = list(pool.map(query, range(QUERIES)))
t_pool = time.perf_counter() - t0

assert threaded == sequential
os.remove(path)
print(f"{QUERIES} queries: sequential {t_seq:.2f} s, 4 pool threads {t_pool:.2f} s")
print(f"RESULT speedup {t_seq / t_pool:.2f}x")
