"""CPython's name for `importlib._bootstrap_external` (zipimport imports it by this name)."""
import sys

if 'importlib._bootstrap_external' not in sys.modules:
    if 'importlib' in sys.modules:
        # importlib/__init__.py asks for this name while it sets itself up;
        # without it, importlib sets up its own `importlib._bootstrap_external`.
        raise ImportError('_frozen_importlib_external is importlib._bootstrap_external, set up by importlib', name='_frozen_importlib_external')
    # Out of sys.modules while importlib loads, so that importlib's own
    # import of this name does not find this half-run module.
    del sys.modules[__name__]
    import importlib

sys.modules[__name__] = sys.modules['importlib._bootstrap_external']
