# sys.modules[__name__].__class__ = M gives a module a ModuleType subclass:
# properties, __getattr__, __setattr__ and methods of M apply to the module.
import sys
import types

counter = 0


class M(types.ModuleType):
    @property
    def doubled(self):
        return counter * 2

    def __getattr__(self, name):
        return 'lazy ' + name

    def __setattr__(self, name, value):
        print('set', name)
        super().__setattr__(name, value)

    def hello(self):
        return 'hello from ' + self.__name__


mod = sys.modules[__name__]
mod.__class__ = M
print(type(mod).__name__, isinstance(mod, M), isinstance(mod, types.ModuleType))
counter = 21
print(mod.doubled, mod.missing, mod.hello())
mod.value = 5
print(value, mod.value)
mod.__class__ = types.ModuleType
print(type(mod).__name__)
try:
    print(mod.missing)
except AttributeError as e:
    print('AttributeError:', e)


class N:
    pass


for bad in (N, int, 3):
    try:
        mod.__class__ = bad
    except TypeError as e:
        print('TypeError:', e)
m2 = types.ModuleType('m2')
m2.__class__ = M
print(m2.hello(), m2.other)
