"""asyncio.subprocess for gilt (the file name is the dotted module name):
create_subprocess_exec/_shell, Process and the PIPE/STDOUT/DEVNULL
constants, from _asyncio_subprocess."""

from _asyncio_subprocess import (PIPE, STDOUT, DEVNULL, Process, create_subprocess_exec,
                                 create_subprocess_shell)

__all__ = ('create_subprocess_exec', 'create_subprocess_shell')
