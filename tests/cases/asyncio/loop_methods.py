import asyncio

def cb(tag, out):
    out.append(tag)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
out = []
loop.call_soon(cb, "soon1", out)
loop.call_later(0.02, cb, "later2", out)
loop.call_later(0.01, cb, "later1", out)
h = loop.call_later(0.015, cb, "cancelled", out)
h.cancel()
loop.call_at(loop.time() + 0.03, loop.stop)
loop.call_soon(cb, "soon2", out)
print(loop.is_running(), loop.is_closed())
loop.run_forever()
print(out)

async def answer():
    return 42
print(loop.run_until_complete(answer()))
t = loop.create_task(answer())
print(loop.run_until_complete(t))
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(cb, "x", out)
except RuntimeError as e:
    print(e)
print(asyncio.get_event_loop() is not None)
