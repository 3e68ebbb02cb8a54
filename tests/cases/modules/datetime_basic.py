from datetime import datetime, date, time, timedelta, timezone

td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(td, repr(td))
print(timedelta(weeks=2, milliseconds=1500), timedelta(hours=-1), repr(timedelta(hours=-1)))
print(timedelta(), repr(timedelta()), timedelta(days=-3, seconds=5))
print(td.total_seconds(), td.days, td.seconds, td.microseconds)
print(td * 2, td / 2, td // timedelta(hours=1), td - timedelta(days=2), -td, abs(-td))
print(timedelta(minutes=90) > timedelta(hours=1), timedelta(0) == timedelta(), bool(timedelta()))
print(timedelta(seconds=1.5), timedelta(days=0.25))

d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=1), d + timedelta(days=2), d - date(2023, 1, 1))
print(d.weekday(), d.isoweekday(), tuple(d.isocalendar()), d.toordinal())
print(d.strftime("%A %d %B %Y, day %j"), f"{d:%Y/%m/%d}")
print(date.fromisoformat("2000-01-01"), date.fromordinal(730000), d.replace(day=1))
print(d < date(2024, 3, 1), d == date(2024, 2, 28), sorted([date(2020, 5, 1), date(2019, 1, 1)]))
print(date.min, date.max, d.year, d.month, d.day)

t = time(13, 5, 7, 250)
print(t, repr(t), t.isoformat("seconds"), time(9, 30), repr(time(9, 30)), t.strftime("%H-%M"))

dt = datetime(2026, 11, 24, 0, 1, 2, 123456)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(" ", "milliseconds"))
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f %a %b %p"))
print(dt + timedelta(hours=25), dt - timedelta(days=365), repr(dt - datetime(2026, 1, 1)))
print(dt.date(), dt.time(), repr(dt.replace(microsecond=0)), repr(dt.replace(second=0, microsecond=0)))
print(datetime.fromisoformat("2021-03-04T05:06:07"), datetime.fromisoformat("2021-03-04 05:06:07.5"))
print(datetime.fromisoformat("2021-03-04"), dt > datetime(2026, 1, 1), dt.weekday(), dt.timetuple().tm_yday)
print(datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400 * 365.25))
print(datetime(2000, 1, 1, tzinfo=timezone.utc).timestamp(), datetime(2000, 1, 1, tzinfo=timezone.utc).isoformat())
print(repr(datetime(2000, 1, 1, tzinfo=timezone.utc)), timezone.utc, repr(timezone(timedelta(hours=2))))
print(datetime.min, datetime.max, datetime.resolution)
print(datetime.combine(date(2020, 1, 2), time(3, 4)), datetime(2020, 1, 1).ctime())
now = datetime.now(timezone.utc)
print(now.isoformat().endswith("+00:00"), type(datetime.now()).__name__, type(date.today()).__name__)
for bad in ["2020-13-01", "nope"]:
    try:
        date.fromisoformat(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError", e)
print({date(2020, 1, 1): 1}[date(2020, 1, 1)])
