# gilt offers a built-in run(coro), the same as asyncio.run (no import needed).
async def main():
    return 6 * 7

print(run(main()))
