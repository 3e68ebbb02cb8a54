# The sys attributes, modules and hooks CPython's own library reads when it
# loads (gettext, unittest, test.support): sys.*_info, prefixes,
# implementation, errno, builtins, types.ModuleType, float.__getformat__.
import builtins
import errno
import sys
import types

print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.imag)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info.max_exp, sys.float_info.min_exp, sys.float_info.max_10_exp, sys.float_info.min_10_exp)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
print(sys.thread_info.name, sys.maxunicode, sys.float_repr_style, sys.hexversion >> 16 == 0x30b)
print(all(isinstance(p, str) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)))
print(sys.base_prefix == sys.prefix, sys.platlibdir, type(sys._xoptions).__name__)
print(type(sys.implementation.name).__name__, sys.implementation.version[:2], sys.implementation.hexversion == sys.hexversion)
print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())

print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
print(sys.get_int_max_str_digits())
try:
    int("1" * 1001)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.set_int_max_str_digits(5)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(4300)

print(errno.ENOENT, errno.EACCES, errno.EINTR, errno.EAGAIN == errno.EWOULDBLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK])

print(builtins.len is len, builtins.__name__)
builtins.shared_by_all_modules = 42
print(shared_by_all_modules)
del builtins.shared_by_all_modules

m = types.ModuleType("made", "its doc")
print(m.__name__, m.__doc__, m.__package__, m.__loader__, m.__spec__)
exec("name_seen = __name__", m.__dict__)
print(m.name_seen)
print(types.ModuleType("plain").__doc__)
try:
    types.ModuleType(3)
except TypeError as e:
    print("TypeError:", e)

print(float.__getformat__("double"), float.__getformat__("float"))
for bad in ["half", 1]:
    try:
        float.__getformat__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for args, kw in [((), {}), (("a", "b", "c"), {}), (("a",), {"x": 1})]:
    try:
        types.ModuleType(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
