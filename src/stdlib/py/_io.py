"""gilt's `_io`: gilt's `io`, plus the two calls CPython's importlib makes."""
from io import *
import io as _gilt_io
DEFAULT_BUFFER_SIZE = 8192


def open_code(path):
    return open(path, 'rb')


def FileIO(path, mode='r'):
    return open(path, mode if 'b' in mode else mode + 'b')
