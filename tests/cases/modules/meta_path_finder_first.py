# A sys.meta_path finder installed before anything else is imported (as
# setuptools' .pth hook does at start-up): every later import asks it first.
import sys

seen = []


class Finder:
    def find_spec(self, fullname, path, target=None):
        seen.append(fullname)
        if fullname == 'virtual_mod':
            import importlib.util
            return importlib.util.spec_from_loader(fullname, Loader())
        return None


class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.answer = 42


sys.meta_path.insert(0, Finder())
import colorsys
import json.decoder
import virtual_mod

print(colorsys.rgb_to_hsv(1.0, 0.0, 0.0))
print(json.decoder.JSONDecoder().decode('[1, 2]'))
print(virtual_mod.answer)
print([n for n in seen if n in ('colorsys', 'json', 'json.decoder', 'virtual_mod')])
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e)
print('no_such_module_here' in seen)
