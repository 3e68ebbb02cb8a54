# Children writing more than a pipe buffer: the loop reads their pipes as data arrives.
import asyncio, sys
CHILD = "import sys; sys.stdout.write('x'*200000); sys.stderr.write('y'*150000); sys.stdout.flush()"
async def main():
    p = await asyncio.create_subprocess_exec(sys.executable, '-c', CHILD, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await p.communicate()
    print(len(out), len(err), p.returncode)
    p = await asyncio.create_subprocess_exec(sys.executable, '-c', CHILD, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out = await p.stdout.read()
    err = await p.stderr.read()
    print(len(out), len(err), await p.wait())
    p = await asyncio.create_subprocess_exec(sys.executable, '-c', "print('a'*100000)", stdout=asyncio.subprocess.PIPE)
    print(await p.wait())
    print(len(await p.stdout.read()))
    ps = [await asyncio.create_subprocess_exec(sys.executable, '-c', f"for i in range(3000): print({k}, i)", stdout=asyncio.subprocess.PIPE) for k in range(4)]
    rs = await asyncio.gather(*(q.communicate() for q in ps))
    print([len(r[0]) for r in rs])
    p = await asyncio.create_subprocess_exec(sys.executable, '-c', "for i in range(20000): print(i)", stdout=asyncio.subprocess.PIPE)
    n = 0
    while True:
        line = await p.stdout.readline()
        if not line: break
        n += 1
    print(n, await p.wait())
asyncio.run(main())
