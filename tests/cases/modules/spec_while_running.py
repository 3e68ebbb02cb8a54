# A module sees its __spec__ and __loader__ while it runs (even before anything has
# loaded importlib); the main script has __spec__ None, a SourceFileLoader, __cached__ None.
import os
print(__spec__, type(__loader__).__name__, __loader__.name, os.path.isabs(__file__), __cached__)
import spec_reader_mod
print(spec_reader_mod.seen)
