import ast

src = '''
async def main(a, b):
    await a
    async for x in b:
        print(x)
    else:
        pass
    async with lock as held, other:
        pass
    r = [y async for y in agen() if await y]
    g = (await z for z in w)
    return await asyncio.gather(*tasks)
'''
tree = ast.parse(src)
print(ast.dump(tree, indent=1, include_attributes=True))
print(ast.unparse(tree))
