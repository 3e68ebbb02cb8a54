"""asyncio.streams for gilt (the file name is the dotted module name): the
stream classes and functions of _asyncio_streams under CPython's module
name, for scripts that reach them as asyncio.streams.X (FlowControlMixin
under a StreamWriter on a write pipe, say)."""

from _asyncio_streams import (StreamReader, StreamWriter, StreamReaderProtocol, FlowControlMixin,
                              open_connection, start_server, open_unix_connection,
                              start_unix_server, IncompleteReadError, LimitOverrunError)

__all__ = ('StreamReader', 'StreamWriter', 'StreamReaderProtocol', 'open_connection',
           'start_server', 'open_unix_connection', 'start_unix_server')
