# The most common asyncio mistake: calling a coroutine function without
# awaiting it. The coroutine never runs, and when it goes away Python warns
# through the warnings module (so filters and catch_warnings see it).
import asyncio
import gc
import warnings


async def save(record):
    print("saved", record)


async def main():
    save("forgotten")          # no await: nothing is saved
    await save("awaited")


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    asyncio.run(main())
    gc.collect()
for w in caught:
    print(w.category.__name__, "-", w.message)

# As an error: the warning cannot propagate from a finalizer, so it is
# reported as unraisable and the program goes on.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    c = save("dropped")
    del c
print("still running")

# Closed or awaited coroutines do not warn.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    c = save("closed")
    c.close()
    del c
    asyncio.run(save("run"))
print(len(caught), "warnings")

save("at module level")
print("done")
