"""gilt's `marshal`: present so that importlib imports; gilt's code objects have
their own private encoding, so calls raise a clear error."""
version = 4


def _unsupported(*args):
    raise NotImplementedError('gilt: marshal is not supported (code objects are private to gilt)')


dumps = loads = dump = load = _unsupported
