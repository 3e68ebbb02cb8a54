# The class methods of built-in types sit in the type's __dict__ as
# classmethod_descriptor objects, bound to the class by __get__.
for owner, name in [(dict, 'fromkeys'), (int, 'from_bytes'), (bytes, 'fromhex'), (bytearray, 'fromhex')]:
    d = owner.__dict__[name]
    print(type(d).__name__, repr(d))
    m = d.__get__(None, owner)
    print(type(m).__name__, m.__self__ is owner, m.__name__)
    print(d.__get__(owner()).__self__ is owner)
print(type(str.__dict__['maketrans']).__name__)
print(dict.__dict__['fromkeys'].__get__(None, dict)('ab', 0))
print(dict.__dict__['fromkeys'](dict, 'xy'))


class D(dict):
    pass


print(type(dict.__dict__['fromkeys'].__get__(None, D)('q')).__name__)
print(dict.__dict__['fromkeys'].__objclass__, dict.__dict__['fromkeys'].__name__)
for bad in [lambda: dict.__dict__['fromkeys'].__get__(None, int), lambda: dict.__dict__['fromkeys'](int, 'a'),
            lambda: dict.__dict__['fromkeys']()]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
