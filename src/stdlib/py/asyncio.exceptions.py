"""asyncio.exceptions for gilt (the file name is the dotted module name):
CPython's own asyncio/exceptions.py (the embedded copy) runs in this
module's namespace; then the exceptions gilt's native futures and streams
raise take the place of the classes it made, so that CPython's asyncio
modules loaded beside gilt's (locks, queues, tasks, the tests) catch what
gilt raises: `except exceptions.CancelledError` in CPython's Condition,
Barrier and timeouts is gilt's CancelledError."""

import sys as _gilt_sys
import _asyncio as _gilt_native

__file__ = _gilt_sys._stdlib_dir + '/asyncio/exceptions.py'
exec(compile(_gilt_native._cpython_source('asyncio/exceptions.py'), __file__, 'exec'), globals())

CancelledError = _gilt_native.CancelledError
InvalidStateError = _gilt_native.InvalidStateError


def _gilt_streams_errors():
    import _asyncio_streams
    return _asyncio_streams.IncompleteReadError, _asyncio_streams.LimitOverrunError


IncompleteReadError, LimitOverrunError = _gilt_streams_errors()
del _gilt_streams_errors
