"""asyncio.tasks for gilt (the file name is the dotted module name): CPython's
own asyncio/tasks.py (the embedded copy) runs in this module's namespace; then
its `_current_tasks` (which `current_task(loop)`, `_enter_task` and
`_leave_task` read) becomes a mapping that also sees the native task each of
gilt's loops (or the bridge of a Python loop) is running, as CPython's C
tasks share that dict with the Python ones. So CPython's TaskGroup, timeouts
and tests find the task they run in."""

import sys as _gilt_sys
import _asyncio as _gilt_native

__file__ = _gilt_sys._stdlib_dir + '/asyncio/tasks.py'
exec(compile(_gilt_native._cpython_source('asyncio/tasks.py'), __file__, 'exec'), globals())


class _GiltCurrentTasks:
    """{loop: the task it runs now}: tasks written in Python entered with
    _enter_task, else the native task running on the loop."""

    def __init__(self):
        self._entered = {}

    def get(self, loop, default=None):
        task = self._entered.get(loop)
        if task is None:
            try:
                task = _gilt_native.current_task(loop)
            except (RuntimeError, TypeError):
                task = None
        return default if task is None else task

    def __getitem__(self, loop):
        task = self.get(loop)
        if task is None:
            raise KeyError(loop)
        return task

    def __contains__(self, loop):
        return self.get(loop) is not None

    def __setitem__(self, loop, task):
        self._entered[loop] = task

    def __delitem__(self, loop):
        del self._entered[loop]

    def __len__(self):
        return len(self._entered)

    def __iter__(self):
        return iter(self._entered)


_current_tasks = _GiltCurrentTasks()
del _gilt_sys
