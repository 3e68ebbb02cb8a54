# re over buffers other than bytes: bytearray, memoryview and array are
# matched as bytes (the groups are bytes; Match.string is the object given).
import array
import re

data = bytearray(b"spam 12 eggs 345")
m = re.search(rb"(\d+)", data)
print(m.group(1), type(m.string).__name__, m.span())
print(re.findall(rb"\d+", memoryview(b"a1b22c333")))
print(re.sub(rb"\d", b"#", bytearray(b"x1y2")))
print(re.split(rb" ", bytearray(b"a b c")))
print(re.fullmatch(rb"ab", array.array("b", b"ab")) is not None)
print(re.match(b"x*", array.array("b")).group())
try:
    re.search(r"\d", bytearray(b"1"))
except TypeError as e:
    print("TypeError", e)
