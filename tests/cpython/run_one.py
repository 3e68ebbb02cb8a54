"""Runs one module of CPython's regression tests under gilt and prints one
line per test, for tests/cpython.rs.

    gilt tests/cpython/run_one.py test_bool [--skip TEST_ID]...

CPython's library must be on sys.path (PYTHONPATH=/usr/lib/python3.11).
Output, on stdout, one line each, flushed at once so that a run killed by a
timeout or a crash still shows where it was:

    @@start <test id>
    @@<outcome> <test id> :: <first line of the error message>
    @@import-error <module> :: <message>
    @@done

where <outcome> is pass, fail, error, skip, xfail or xpass. A test whose
subtests fail is reported once, as fail (or error). Tests named by --skip
are not run (the harness skips a test that hung or crashed gilt so the rest
of the module still runs), and are reported as `@@skipped-by-runner`.

The result class formats nothing itself beyond the message's first line, so
it needs none of traceback's machinery.
"""

import sys
import unittest

_out = sys.stdout


def emit(*parts):
    _out.write(' '.join(parts) + '\n')
    _out.flush()


def first_line(exc):
    try:
        text = str(exc)
    except BaseException as e:  # a broken __str__ must not stop the run
        text = '<str() failed: %s>' % type(e).__name__
    name = type(exc).__name__
    line = text.strip().splitlines()[0] if text.strip() else ''
    return ('%s: %s' % (name, line) if line else name).replace('\n', ' ')


class LineResult(unittest.TestResult):
    """One `@@outcome id :: message` line per test; subtest failures are
    folded into their test's line."""

    def __init__(self):
        super().__init__()
        self._pending = {}

    def startTest(self, test):
        super().startTest(test)
        self._pending[test.id()] = None
        emit('@@start', test.id())

    def stopTest(self, test):
        super().stopTest(test)
        tid = test.id()
        if tid in self._pending:
            outcome = self._pending.pop(tid)
            if outcome is None:
                emit('@@pass', tid)
            else:
                emit('@@' + outcome[0], tid, '::', outcome[1])

    def _set(self, test, kind, message):
        tid = test.id()
        if tid not in self._pending:
            # Outside startTest/stopTest (a skipped class, a fixture).
            emit('@@' + kind, tid, '::', message)
        elif self._pending[tid] is None:
            # The first failure of a test (or of any of its subtests) is the one shown.
            self._pending[tid] = (kind, message)

    def addError(self, test, err):
        self.errors.append((test, ''))
        if isinstance(test, unittest.TestCase):
            self._set(test, 'error', first_line(err[1]))
        else:
            # A class or module fixture (_ErrorHolder): its id names the fixture.
            emit('@@error', test.id(), '::', first_line(err[1]))

    def addFailure(self, test, err):
        self.failures.append((test, ''))
        self._set(test, 'fail', first_line(err[1]))

    def addSubTest(self, test, subtest, err):
        if err is not None:
            kind = 'fail' if issubclass(err[0], test.failureException) else 'error'
            self._set(test, kind, first_line(err[1]))

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))
        self._set(test, 'skip', str(reason).replace('\n', ' '))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, ''))
        self._set(test, 'xfail', first_line(err[1]))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)
        self._set(test, 'xpass', 'unexpected success')


def drop_skipped(suite, skip):
    """The suite without the tests whose ids are in `skip`."""
    kept = []
    for t in suite:
        if isinstance(t, unittest.TestSuite):
            kept.append(drop_skipped(t, skip))
        elif t.id() in skip:
            emit('@@skipped-by-runner', t.id())
        else:
            kept.append(t)
    new = unittest.TestSuite()
    new.addTests(kept)
    return new


def add_fallback_test_dir(full):
    """Debian's libpython3.11-testsuite leaves some test packages out
    (test_sqlite3): when `full` is not in the `test` package, the same
    CPython 3.11's test folder of another installation (pyenv's) is
    searched after it."""
    import os
    import test
    top = full.split('.')[1]
    for d in test.__path__:
        if os.path.exists(os.path.join(d, top)) or os.path.exists(os.path.join(d, top + '.py')):
            return
    root = os.path.expanduser('~/.pyenv/versions')
    try:
        versions = sorted(v for v in os.listdir(root) if v.startswith('3.11.'))
    except OSError:
        return
    for v in reversed(versions):
        d = os.path.join(root, v, 'lib', 'python3.11', 'test')
        if os.path.exists(os.path.join(d, top)):
            test.__path__.append(d)
            return True


def package_tests(full, package):
    """The tests of every `test*.py` module of a test package, as its
    load_tests (test.support.load_package_tests) would find them."""
    import os
    suite = unittest.TestSuite()
    for fn in sorted(os.listdir(package.__path__[0])):
        if fn.startswith('test') and fn.endswith('.py'):
            name = full + '.' + fn[:-3]
            try:
                __import__(name)
            except Exception as e:
                # As unittest's discovery: one failing test for the module.
                suite.addTest(ImportFailed(name, e))
                continue
            suite.addTests(unittest.defaultTestLoader.loadTestsFromModule(sys.modules[name]))
    return suite


class ImportFailed(unittest.TestCase):
    """A test module of a package that could not be imported."""

    def __init__(self, name, exc):
        super().__init__('runTest')
        self._name = name
        self._exc = exc

    def runTest(self):
        raise self._exc

    def id(self):
        return self._name


def run_test_main(module, skip, result):
    """Runs `module.test_main()`, with test.support.run_unittest running the
    classes it is given into `result` (skips applied) instead of its own."""
    import test.support
    real = test.support.run_unittest

    def run_unittest(*classes):
        suite = unittest.TestSuite()
        loader = unittest.defaultTestLoader
        for cls in classes:
            if isinstance(cls, str):
                suite.addTest(loader.loadTestsFromModule(sys.modules[cls]))
            elif isinstance(cls, (unittest.TestSuite, unittest.TestCase)):
                suite.addTest(cls)
            else:
                suite.addTest(loader.loadTestsFromTestCase(cls))
        drop_skipped(suite, skip).run(result)

    # The module may have imported the name itself (`from test.support
    # import run_unittest`): replace it there too.
    patched = [m for m in (test.support, module) if getattr(m, 'run_unittest', None) is real]
    for m in patched:
        m.run_unittest = run_unittest
    try:
        module.test_main()
    finally:
        for m in patched:
            m.run_unittest = real


def skip_debug_ranges_tests_one_by_one(support):
    """Without CPython's C test module `_testinternalcapi`, test.support's
    `requires_debug_ranges()` raises SkipTest while the test module is being
    imported (it asks `has_no_debug_ranges()` at decoration time), which
    skips the whole module (test_traceback, test_marshal) although only the
    decorated tests need to know whether positions are on. Here the decorator
    skips just what it decorates, with the same reason; nothing is faked:
    those tests still do not run, and `has_no_debug_ranges()` itself is
    unchanged (a test body that calls it is skipped the same way)."""
    try:
        import _testinternalcapi  # noqa: F401
        return
    except ImportError:
        pass

    def requires_debug_ranges(reason='requires co_positions / debug_ranges'):
        return unittest.skip('_testinternalcapi required')

    support.requires_debug_ranges = requires_debug_ranges


def main(argv):
    if not argv:
        sys.stderr.write('usage: run_one.py test_xxx [--skip TEST_ID]...\n')
        return 2
    name = argv[0]
    skip = set()
    rest = argv[1:]
    while rest:
        if rest[0] == '--skip' and len(rest) > 1:
            skip.add(rest[1])
            rest = rest[2:]
        else:
            sys.stderr.write('unknown argument %r\n' % rest[0])
            return 2
    full = name if name.startswith('test.') else 'test.' + name
    try:
        # As regrtest without -v: tests print their chatter only when verbose.
        import test.support
        test.support.verbose = False
        skip_debug_ranges_tests_one_by_one(test.support)
        elsewhere = add_fallback_test_dir(full)
        __import__(full)
        module = sys.modules[full]
        if elsewhere and hasattr(module, '__path__'):
            # The package's load_tests discovers from test.support's folder,
            # which refuses another root: load its test modules one by one.
            suite = package_tests(full, module)
        else:
            suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    except BaseException as e:
        emit('@@import-error', full, '::', first_line(e))
        return 1
    suite = drop_skipped(suite, skip)
    result = LineResult()
    try:
        # As regrtest: a module with a test_main() (the legacy hook) runs
        # through it, since it may set up globals its classes need
        # (test_xml_etree's `ET`, test_decimal's C/Py split and contexts).
        if callable(getattr(module, 'test_main', None)):
            run_test_main(module, skip, result)
        else:
            suite.run(result)
    except BaseException as e:
        emit('@@crash', full, '::', first_line(e))
        return 1
    emit('@@done')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
