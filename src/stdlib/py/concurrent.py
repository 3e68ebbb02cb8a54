"""The `concurrent` package for gilt: its only submodule is futures
(the file concurrent_futures.py), registered as sys.modules['concurrent.futures']."""

import sys as _sys

try:
    import concurrent_futures as futures
except ImportError:
    futures = _sys.modules.get('concurrent.futures')

if futures is not None:
    _sys.modules.setdefault('concurrent.futures', futures)
    _sys.modules.setdefault('concurrent.futures.process', futures)
    _sys.modules.setdefault('concurrent.futures.thread', futures)
