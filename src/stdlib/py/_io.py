"""gilt's `_io`: every name of gilt's `io`, plus the two calls CPython's importlib makes."""
import io as _gilt_io

globals().update({k: v for k, v in vars(_gilt_io).items() if not k.startswith('__')})
if 'DEFAULT_BUFFER_SIZE' not in globals():
    DEFAULT_BUFFER_SIZE = 8192


def open_code(path):
    return open(path, 'rb')


def FileIO(path, mode='r'):
    # Only what importlib's loaders do with it: read or write a whole file as bytes.
    return open(path, mode if 'b' in mode else mode + 'b')
