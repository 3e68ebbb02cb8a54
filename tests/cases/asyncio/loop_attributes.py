# Attributes set on an event loop, as on any instance of CPython's loop
# classes (plain Python classes): read back, seen by the loop's own
# methods written in Python, shown by __dict__, deleted again.
import asyncio
import socket

loop = asyncio.new_event_loop()
loop.answer = 42
print(loop.answer, loop.__dict__["answer"])
del loop.answer
print(hasattr(loop, "answer"))
try:
    del loop.answer
except AttributeError as e:
    print("AttributeError", e)

calls = []
orig = loop.call_soon


def patched(*args, **kwargs):
    calls.append(getattr(args[0], "__name__", "?"))
    return orig(*args, **kwargs)


loop.call_soon = patched


def hello():
    print("hello ran")


loop.call_soon(hello)
loop.run_until_complete(asyncio.sleep(0))
print("patched call_soon saw", calls[0])
del loop.call_soon
print("call_soon is the method again:", loop.call_soon.__name__)

# A replaced getaddrinfo is what create_connection resolves with.
asked = []
orig_gai = loop.getaddrinfo


async def fake_getaddrinfo(host, port, **kw):
    asked.append(host)
    return await orig_gai("127.0.0.1", port, **kw)


loop.getaddrinfo = fake_getaddrinfo


async def main():
    server = await loop.create_server(asyncio.Protocol, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    tr, pr = await loop.create_connection(asyncio.Protocol, "no-such-host.invalid", port)
    print("connected through", asked)
    tr.close()
    server.close()
    await server.wait_closed()

loop.run_until_complete(main())
print("getaddrinfo" in vars(loop), "answer" in vars(loop))
loop.close()
