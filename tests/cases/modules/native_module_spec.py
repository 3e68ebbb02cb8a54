# Built-in (native) modules have CPython's spec: ModuleSpec(name, BuiltinImporter,
# origin='built-in'), whether loaded before or after importlib; a module's own
# __spec__ is there while it runs, even when it reads it only through globals().
import sys
import posix

print(posix.__spec__.name, posix.__spec__.origin, posix.__loader__.__name__)
print(posix.__spec__.loader is posix.__loader__, posix.__package__ == '')
print(sys.__spec__.origin, sys.__loader__.__name__)
import _thread

print(_thread.__spec__.name, _thread.__spec__.origin, _thread.__loader__.__name__)
import importlib.util

print(importlib.util.find_spec('posix').origin, importlib.util.find_spec('_thread').loader.__name__)
import spec_globals_mod

print(globals()['__spec__'], __name__)
