# Exceptions raised inside modules that CPython writes in C (sqlite3's _sqlite3,
# pickle's _pickle, io's open, datetime) show only the script's own lines
# in the traceback, as under CPython: gilt's Python stand-ins for those C modules
# add no frames of their own.
import datetime
import io
import pickle
import sqlite3
import struct
import traceback


def show(fn):
    try:
        fn()
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(type(e).__module__, type(e).__qualname__, [(f.name, f.line) for f in tb])


show(lambda: datetime.date(2020, 13, 1))
show(lambda: datetime.datetime.strptime("x", "%Y"))
show(lambda: pickle.dumps(lambda: 1))
show(lambda: pickle.loads(b"garbage"))
show(lambda: open("/nonexistent-dir/x", "w", encoding="latin-1"))
show(lambda: io.StringIO(1))
show(lambda: struct.pack("i", "x"))
print(datetime.date(2024, 1, 1).isocalendar())
con = sqlite3.connect(":memory:")
con.execute("create table s (id integer primary key)")
con.execute("insert into s values (1)")
show(lambda: con.execute("bad sql"))
con.execute("insert into s values (1)")
