# unittest's report of failures and errors is drawn by CPython's traceback.py
# (TracebackException, co_positions): it must match python3's line for line.
import os as _os
import sys as _sys


class _StripFolder:
    """Prints paths relative to this folder, so the expected output holds anywhere."""

    def __init__(self, f):
        self.f = f
        self.folder = _os.path.dirname(_os.path.abspath(__file__)) + _os.sep

    def write(self, text):
        return self.f.write(text.replace(self.folder, ""))

    def flush(self):
        self.f.flush()


_sys.stdout = _StripFolder(_sys.stdout)
import sys
import unittest


class T(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)

    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])

    def test_err(self):
        {}["k"]

    @unittest.skip("nah")
    def test_skip(self):
        pass

    def test_raises(self):
        with self.assertRaises(ValueError):
            int("x")

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_chain(self):
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise RuntimeError("wrapped") from e


suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
result = unittest.TextTestResult(unittest.runner._WritelnDecorator(sys.stdout), True, 2)
suite.run(result)
result.printErrors()
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), result.wasSuccessful())
