# asyncio's event loops are instances of asyncio.AbstractEventLoop (which is
# asyncio.events.AbstractEventLoop), as CPython's own library checks.
import asyncio
import asyncio.events
import asyncio.unix_events

loop = asyncio.new_event_loop()
print(isinstance(loop, asyncio.AbstractEventLoop))
print(isinstance(loop, asyncio.events.AbstractEventLoop))
print(asyncio.AbstractEventLoop is asyncio.events.AbstractEventLoop)
print(isinstance(object(), asyncio.AbstractEventLoop))


class NotALoop:
    pass


try:
    asyncio.set_event_loop(NotALoop())
except TypeError as e:
    print("TypeError:", e)

# A child watcher accepts the loop (it asserts the isinstance above).
watcher = asyncio.unix_events.ThreadedChildWatcher()
watcher.attach_loop(loop)
print("attached")
loop.close()
