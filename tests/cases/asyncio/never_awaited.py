async def f():
    print("never printed")

f()
print("done")
