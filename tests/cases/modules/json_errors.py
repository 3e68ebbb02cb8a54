# json's C accelerator (_json): decoder positions and messages, encoder checks.
import json
import _json
from json.decoder import JSONDecoder

cases = ['[', '{', '[1', '{"a"', '{"a":', '{"a":1', '[1,', '[1,]', '{"a":1,}', '"\\u1234',
         '"\\u12', '"\\ud834\\udd1e"', '"\\ud834\\udd1e', '"\\ud834\\u00"', '"\\x"', '"\\', '"abc',
         '"a\x01"', '-', '-a', '01', '1.', '1.e5', '1e', '1e+', '1E-3', '-0', '-0.0', '-Infinity',
         'NaN', 'Infinity', 'nul', '[1 2]', '{"a" 1}', '{1:2}', ' ', '', '[1]x', '{"a":1 "b":2}',
         '"\\uXYZW"', '"\\u00e9"', '"\\u0X12"', '"\\ud834\\uZZZZ"', '1' * 5000, '[-]',
         '{"": nul}', '{"a":1,"a":2,"b":3}', '\n\n  [1,\n  x]', '123456789012345678901234567890',
         '1.7976931348623157e309', '"é€😀"', '[NaN, -Infinity]', '"\t"', '-01', '0e0']
for c in cases:
    try:
        print(repr(json.loads(c))[:60])
    except ValueError as e:
        print(type(e).__name__, e, getattr(e, "pos", None))

print(json.loads('"a\x01b"', strict=False))
print(json.loads('{"a": 1.5, "b": 2}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"a": 1.5, "b": [1, {"c": 2}]}', object_pairs_hook=list))
print(json.loads('[NaN, Infinity]', parse_constant=lambda s: "C" + s))
scan = _json.make_scanner(JSONDecoder())
for args in [("x", -1), ("x", 5), (1, 0), ("[1, 2]", 1), ("  1", 2)]:
    try:
        print(scan(*args))
    except (ValueError, TypeError, StopIteration) as e:
        print(type(e).__name__, e)
for args in [('"abc"', 1), ('"abc"', 10), (b'"a"', 1), ('"a\x01"', 1, False), ('"\\n"x', 1)]:
    try:
        print(_json.scanstring(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(_json.encode_basestring_ascii('a\x7f\u00e9\U0001f600"\\\n\x00\x08\x0c\r\t/'))
print(_json.encode_basestring('a\x7f\u00e9\U0001f600"\\\n\x00\x1f'))


class Custom:
    pass


def default(o):
    if isinstance(o, Custom):
        return {"custom": [1, 2]}
    return sorted(o)


checks = [
    lambda: json.dumps(float("nan"), allow_nan=False),
    lambda: json.dumps({(1,): 2}),
    lambda: json.dumps({1: 2, "a": 3}, sort_keys=True),
    lambda: json.dumps(object()),
    lambda: json.dumps({1.5: 1, True: 2, None: 3, 2: 4, 10**30: 5}),
    lambda: json.dumps([1, "x", {"k": ()}], separators=(";", "=")),
    lambda: json.dumps([float("inf"), -float("inf"), 1e100, 0.1, -0.0, 10**40]),
    lambda: json.dumps([Custom(), {2, 1}], default=default),
    lambda: json.dumps({(1,): 1, "a": 2}, skipkeys=True),
    lambda: json.dumps({"b": 1, "a": [3, {"d": 1, "c": 2}]}, sort_keys=True),
    lambda: json.dumps(["é😀\n"], ensure_ascii=False),
    lambda: _json.encode_basestring_ascii(1),
]
for f in checks:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print(e)
print(type(_json.make_scanner).__name__, _json.make_scanner.__name__, _json.make_encoder.__name__)
