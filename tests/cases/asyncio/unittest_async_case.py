# unittest.IsolatedAsyncioTestCase: async setUp/tests/tearDown/cleanups on
# one Runner, the test's context shared by them; failures reported.
import asyncio
import contextvars
import io
import unittest

var = contextvars.ContextVar("var", default="unset")
events = []


class T(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        var.set("from setUp")
        events.append("asyncSetUp")

    async def test_sees_setup_context(self):
        events.append("test " + var.get())
        await asyncio.sleep(0)
        self.assertEqual(var.get(), "from setUp")

    async def test_fails(self):
        await asyncio.sleep(0)
        self.assertEqual(1, 2, "async failure")

    async def test_cleanup(self):
        async def cleanup():
            events.append("cleanup " + var.get())
        self.addAsyncCleanup(cleanup)

    async def asyncTearDown(self):
        events.append("asyncTearDown " + var.get())


stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=0).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
print(result.testsRun, len(result.failures), len(result.errors))
print(result.failures[0][1].strip().splitlines()[-1])
for e in events:
    print(e)
