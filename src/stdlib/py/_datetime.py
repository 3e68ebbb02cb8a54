"""gilt's _datetime: CPython's own pure-Python datetime classes, with the
argument checks of CPython's C module, so errors read as in CPython.

CPython's datetime.py defines everything in Python and then takes the C
accelerator's classes (`from _datetime import *`) when there is one. gilt
has no C accelerator; this module imports datetime.py once more on its own
(the cleanup at its end deletes the helpers the classes still call, so the
importing module's namespace cannot be used), replaces
the field checks whose messages differ from the C module's, and hands the
classes back to datetime.py.
"""

import sys as _sys


def _pure_namespace():
    # A complete second import of datetime.py (from the bytecode cache), during which
    # its own `from _datetime import *` fails, so its helpers are never deleted. The
    # datetime module importing us (if any) is put back afterwards.
    this = _sys.modules[__name__]
    importing = _sys.modules.pop("datetime", None)
    _sys.modules[__name__] = None
    try:
        import datetime as pure
    finally:
        _sys.modules[__name__] = this
        if importing is not None:
            _sys.modules["datetime"] = importing
        else:
            _sys.modules.pop("datetime", None)
    return vars(pure)


_ns = _pure_namespace()
_index = _ns["_index"]
_days_in_month = _ns["_days_in_month"]


def _check_date_fields(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour, minute, second, microsecond = _index(hour), _index(minute), _index(second), _index(microsecond)
    for value, name, top in ((hour, "hour", 23), (minute, "minute", 59), (second, "second", 59),
                             (microsecond, "microsecond", 999999)):
        if not 0 <= value <= top:
            raise ValueError(f"{name} must be in 0..{top}")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


_ns["_check_date_fields"] = _check_date_fields
_ns["_check_time_fields"] = _check_time_fields

date = _ns["date"]
_pure_date_fromordinal = date.fromordinal.__func__


def _fromordinal(cls, n):
    if _index(n) < 1:
        raise ValueError("ordinal must be >= 1")
    return _pure_date_fromordinal(cls, n)


def _date_fromisoformat(cls, date_string):
    # As the C module: a malformed string is "Invalid isoformat string", a
    # well-formed one with a bad field says which field.
    if not isinstance(date_string, str):
        raise TypeError("fromisoformat: argument must be str")
    try:
        if len(date_string) not in (7, 8, 10):
            raise ValueError
        parts = _ns["_parse_isoformat_date"](date_string)
    except Exception:
        raise ValueError(f"Invalid isoformat string: {date_string!r}") from None
    return cls(*parts)


def _isocalendar_repr(self):
    # The C module's repr: the type's tp_name, which is "datetime.IsoCalendarDate" for the
    # class itself and the bare name for a subclass defined in Python.
    cls = type(self)
    name = "datetime.IsoCalendarDate" if cls is _ns["_IsoCalendarDate"] else cls.__name__
    return f"{name}(year={self[0]}, week={self[1]}, weekday={self[2]})"


_ns["_IsoCalendarDate"].__repr__ = _isocalendar_repr

date.fromordinal = classmethod(_fromordinal)
date.fromisoformat = classmethod(_date_fromisoformat)

datetime = _ns["datetime"]
time = _ns["time"]
timedelta = _ns["timedelta"]
timezone = _ns["timezone"]
tzinfo = _ns["tzinfo"]
UTC = _ns["UTC"]
MINYEAR = _ns["MINYEAR"]
MAXYEAR = _ns["MAXYEAR"]

__all__ = ["date", "datetime", "time", "timedelta", "timezone", "tzinfo", "UTC", "MINYEAR", "MAXYEAR"]
