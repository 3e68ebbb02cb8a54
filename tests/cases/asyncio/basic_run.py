import asyncio

async def add(a, b):
    await asyncio.sleep(0)
    return a + b

async def main():
    x = await add(1, 2)
    print("x =", x)
    r = await asyncio.sleep(0.01, result="slept")
    print(r)
    return x * 10

print(asyncio.run(main()))
