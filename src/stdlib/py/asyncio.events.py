"""asyncio.events for gilt (the file name is the dotted module name): CPython's
own asyncio/events.py (the embedded copy) runs in this module's namespace;
then the methods of its AbstractEventLoop move onto _asyncio.AbstractEventLoop,
the built-in base class of gilt's native loop, which takes the name. So gilt's
loop is an instance of events.AbstractEventLoop (CPython's child watchers
assert it), and the Python loops of CPython's modules
(base_events.BaseEventLoop, test_utils.TestLoop) subclass the same class."""

import sys as _gilt_sys
import _asyncio as _gilt_native

__file__ = _gilt_sys._stdlib_dir + '/asyncio/events.py'
exec(compile(_gilt_native._cpython_source('asyncio/events.py'), __file__, 'exec'), globals())


def _gilt_adopt(native, cls):
    # Everything the class statement put in the class's dict except the
    # per-class descriptors of its instances' __dict__ and __weakref__.
    for name, value in list(cls.__dict__.items()):
        if name not in ('__dict__', '__weakref__'):
            setattr(native, name, value)
    return native


AbstractEventLoop = _gilt_adopt(_gilt_native.AbstractEventLoop, AbstractEventLoop)
del _gilt_adopt, _gilt_native, _gilt_sys
