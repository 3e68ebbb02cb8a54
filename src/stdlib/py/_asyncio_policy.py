"""asyncio's event-loop policy for gilt: CPython's asyncio.events keeps the
policy and its abstract classes; DefaultEventLoopPolicy here makes gilt's
native loops. Imported on first use of a policy name (asyncio.events is
slow to import)."""

import asyncio
from asyncio import events
from asyncio.events import (AbstractEventLoop, AbstractEventLoopPolicy, BaseDefaultEventLoopPolicy,  # noqa: F401
                            AbstractServer, Handle, TimerHandle, get_child_watcher,
                            set_child_watcher)


class DefaultEventLoopPolicy(asyncio._DefaultLoops, BaseDefaultEventLoopPolicy):
    """One current loop per thread (made on demand in the main thread),
    gilt's native event loop, and a child watcher made on demand."""

    def __init__(self):
        BaseDefaultEventLoopPolicy.__init__(self)
        self._watcher = None
        if events._event_loop_policy is None:
            # The first policy: the loops set so far (asyncio.set_event_loop
            # before any policy existed) are its loops.
            self._local = asyncio._default._local

    def get_child_watcher(self):
        if self._watcher is None:
            from asyncio.unix_events import ThreadedChildWatcher
            self._watcher = ThreadedChildWatcher()
        return self._watcher

    def set_child_watcher(self, watcher):
        from asyncio.unix_events import AbstractChildWatcher
        if watcher is not None and not isinstance(watcher, AbstractChildWatcher):
            raise TypeError(f"watcher must be an instance of AbstractChildWatcher or None, not "
                            f"'{type(watcher).__name__}'")
        self._watcher = watcher
