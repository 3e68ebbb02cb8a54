# The event-loop policy API: the default policy, get/set_event_loop through
# it, a custom policy used by asyncio.run and new_event_loop, restoring the
# default with None, and the errors.
import asyncio
import threading

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
policy = asyncio.get_event_loop_policy()
print(isinstance(policy, asyncio.AbstractEventLoopPolicy), isinstance(policy, asyncio.DefaultEventLoopPolicy))
print(policy is asyncio.get_event_loop_policy(), policy.get_event_loop() is loop)


def in_thread():
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        print("thread:", e)
    own = asyncio.new_event_loop()
    asyncio.set_event_loop(own)
    print("thread loop:", asyncio.get_event_loop() is own)
    own.close()


t = threading.Thread(target=in_thread, name="worker")
t.start()
t.join()
print(asyncio.get_event_loop() is loop)


class CountingPolicy(asyncio.DefaultEventLoopPolicy):
    loops = 0

    def new_event_loop(self):
        CountingPolicy.loops += 1
        return super().new_event_loop()


async def answer():
    return asyncio.get_event_loop() is asyncio.get_running_loop()

asyncio.set_event_loop_policy(CountingPolicy())
print(type(asyncio.get_event_loop_policy()).__name__)
print(asyncio.run(answer()), CountingPolicy.loops)
with asyncio.Runner() as r:
    print(r.run(answer()), CountingPolicy.loops)
try:
    asyncio.get_event_loop_policy().get_event_loop()
except RuntimeError as e:
    print(e)
fresh = asyncio.DefaultEventLoopPolicy()
fresh.set_event_loop(None)
try:
    fresh.get_event_loop()
except RuntimeError as e:
    print(e)
for bad in (object(), 42):
    try:
        asyncio.set_event_loop_policy(bad)
    except TypeError as e:
        print(e)
try:
    fresh.set_event_loop(object())
except TypeError as e:
    print(e)
abstract = asyncio.AbstractEventLoopPolicy()
for name in ("get_event_loop", "new_event_loop", "get_child_watcher"):
    try:
        getattr(abstract, name)()
    except NotImplementedError:
        print(name, "NotImplementedError")
asyncio.set_event_loop_policy(None)
print(type(asyncio.get_event_loop_policy()).__name__ != "CountingPolicy")
loop.close()
