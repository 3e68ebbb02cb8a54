import asyncio
import asyncio.subprocess
import sys

PY = sys.executable


async def main():
    p = await asyncio.create_subprocess_exec(
        PY, "-c", "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    print("returncode before:", p.returncode)
    out, err = await p.communicate()
    print(out, err, p.returncode)

    p = await asyncio.create_subprocess_exec(
        PY, "-c", "import sys\nfor line in sys.stdin: print(line.strip()[::-1], flush=True)",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    for word in (b"abc", b"hello"):
        p.stdin.write(word + b"\n")
        await p.stdin.drain()
        print(await p.stdout.readline())
    p.stdin.close()
    print(await p.stdout.read(), await p.wait())

    p = await asyncio.create_subprocess_shell(
        "echo one; echo two; exit 7", stdout=asyncio.subprocess.PIPE)
    lines = [line async for line in p.stdout]
    print(lines, await p.wait(), p.returncode)

    p = await asyncio.create_subprocess_exec(
        PY, "-c", "import sys; data = sys.stdin.buffer.read(); print(len(data))",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, err = await p.communicate(b"z" * 200000)
    print(out, err)

    p = await asyncio.create_subprocess_exec(PY, "-c", "import time; time.sleep(30)")
    p.terminate()
    print("terminated:", await p.wait())
    try:
        p.kill()
    except ProcessLookupError:
        print("ProcessLookupError")

    procs = [await asyncio.create_subprocess_exec(PY, "-c", f"print({i} * 11)", stdout=asyncio.subprocess.PIPE)
             for i in range(4)]
    outs = await asyncio.gather(*(q.communicate() for q in procs))
    print([o for o, _ in outs], [q.returncode for q in procs])

    try:
        await asyncio.create_subprocess_exec("/nonexistent/program")
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    try:
        await asyncio.create_subprocess_shell("true", text=True)
    except ValueError as e:
        print("ValueError:", e)

    p = await asyncio.create_subprocess_exec(PY, "-c", "import time; time.sleep(5)")
    try:
        await asyncio.wait_for(p.wait(), 0.05)
    except asyncio.TimeoutError:
        print("wait timed out, returncode", p.returncode)
    p.kill()
    print(await p.wait())


asyncio.run(main())
