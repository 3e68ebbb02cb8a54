# loop.subprocess_exec with a SubprocessProtocol: data per fd, the pipe and exit events, the transport.
import asyncio, sys

class P(asyncio.SubprocessProtocol):
    def __init__(self, done):
        self.done = done
        self.data = {1: bytearray(), 2: bytearray()}
        self.events = []
    def connection_made(self, transport):
        self.events.append('connection_made')
        self.transport = transport
    def pipe_data_received(self, fd, data):
        self.data[fd].extend(data)
    def pipe_connection_lost(self, fd, exc):
        self.events.append(f'pipe_connection_lost {fd} {exc}')
    def process_exited(self):
        self.events.append('process_exited')
    def connection_lost(self, exc):
        self.events.append(f'connection_lost {exc}')
        self.done.set_result(True)

CHILD = "import sys; d = sys.stdin.buffer.read(); sys.stdout.buffer.write(d.upper() * 3); sys.stderr.write('e' * 70000); sys.exit(3)"

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    tr, pr = await loop.subprocess_exec(lambda: P(done), sys.executable, '-c', CHILD)
    print(pr.events, type(tr.get_pid()).__name__, tr.get_returncode())
    stdin = tr.get_pipe_transport(0)
    stdin.write(b'abc' * 30000)
    stdin.close()
    await done
    print(len(pr.data[1]), bytes(pr.data[1][:6]), len(pr.data[2]))
    print(pr.events[0], pr.events[-1], sorted(pr.events[1:-1]))
    print(tr.get_returncode(), tr.is_closing())
    tr.close()
    done = loop.create_future()
    tr, pr = await loop.subprocess_shell(lambda: P(done), 'echo hello; echo oops >&2', stdin=None)
    await done
    print(bytes(pr.data[1]), bytes(pr.data[2]), tr.get_returncode(), tr.get_pipe_transport(0))
    for bad in [dict(universal_newlines=True), dict(bufsize=1), dict(text=True), dict(encoding='utf-8'), dict(errors='strict'), dict(shell=True)]:
        try:
            await loop.subprocess_exec(asyncio.SubprocessProtocol, 'true', **bad)
        except ValueError as e:
            print('ValueError', e)
    try:
        await loop.subprocess_shell(asyncio.SubprocessProtocol, ['echo'])
    except ValueError as e:
        print('ValueError', e)
    try:
        await asyncio.create_subprocess_exec('/nonexistent/prog')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.filename)
    p = await asyncio.create_subprocess_exec(sys.executable, '-c', 'import time; time.sleep(30)')
    p.kill()
    print(await p.wait())
    try:
        p.kill()
    except ProcessLookupError:
        print('ProcessLookupError')

asyncio.run(main())
