# One connection shared by threads with check_same_thread=False and no lock
# of the script's own: every query still gets its own parameters' result
# (with the GIL off too, the connection and its statement cache are safe).
import sqlite3
import threading

con = sqlite3.connect(":memory:", check_same_thread=False)
con.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER)")
con.executemany("INSERT INTO t VALUES (?, ?)", [(i, i * i) for i in range(100)])
con.commit()
errors = []
done = []


def worker(n):
    bad = 0
    for i in range(300):
        k = (i * 7 + n) % 100
        if con.execute("SELECT v FROM t WHERE k = ?", (k,)).fetchone()[0] != k * k:
            bad += 1
        rows = con.execute("SELECT k FROM t WHERE k < ? ORDER BY k", (n + 3,)).fetchall()
        if rows != [(j,) for j in range(n + 3)]:
            bad += 1
    errors.append(bad)
    done.append(n)


threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(done), sum(errors))
print(con.execute("SELECT count(*), sum(v) FROM t").fetchone())
