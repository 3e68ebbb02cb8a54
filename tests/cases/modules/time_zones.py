# Local time follows TZ (POSIX zone strings need no zone database), as in CPython:
# time.localtime/mktime/strftime/tzset and datetime.now()/fromtimestamp() use the system's zone.
import os, time, datetime
for tz in ["UTC0", "EST+5EDT,M3.2.0/2,M11.1.0/2", "IST-5:30", "AEST-10AEDT,M10.1.0,M4.1.0/3", "CET-1CEST,M3.5.0,M10.5.0/3"]:
    os.environ["TZ"] = tz
    time.tzset()
    print(tz, time.timezone, time.altzone, time.daylight, time.tzname)
    for ts in (1700000000, 1690000000):
        t = time.localtime(ts)
        print(" ", t, t.tm_zone, t.tm_gmtoff)
        print(" ", time.mktime(t), time.strftime("%Y-%m-%d %H:%M:%S %Z %z %a %j", t), time.ctime(ts))
        d = datetime.datetime.fromtimestamp(ts)
        print(" ", d, d.astimezone(), d.astimezone().tzname(), d.timestamp())
    print(" ", time.mktime((2024, 3, 10, 2, 30, 0, 0, 0, -1)), time.mktime((2024, 7, 1, 12, 0, 0, 0, 0, 0)))
g = time.gmtime(1700000000)
print(g, g.tm_zone, g.tm_gmtoff, len(g), g.n_fields, g.n_sequence_fields)
print(time.strftime("%c|%x|%X|%G-%V|%U|%W|%e|%%|%C|%u|%w|%y|%b|%B|%A|%p|%I", g))
print(time.asctime(g), time.asctime((2024, 2, 29, 23, 5, 1, 3, 60, 0)))
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0), (2020, 1, 1, 0, 0, 0, -2, 1, 0), (1, 2), "x", (2020.5, 1, 1, 0, 0, 0, 0, 1, 0)]:
    for f in (time.strftime, time.asctime, time.mktime):
        try:
            print(f("%Y", bad) if f is time.strftime else f(bad))
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
for v in [-1e200, 1e200, 2**62, float("nan"), "x", 2**70]:
    try:
        print(time.localtime(v))
    except Exception as e:
        print(type(e).__name__, e)
