# Found by the differential fuzzer: the error for an unhashable key names
# the item that cannot be hashed, and bytes.partition hands back the
# separator object itself.
for key in [(1, {2}), (1, [2]), ((1,), ({},)), (1, (2, [3])), frozenset([1])]:
    try:
        print({key: 1}[key])
    except TypeError as e:
        print("TypeError:", e)
sep = bytearray(b"b")
parts = b"abc".partition(sep)
print(parts, parts[1] is sep)
parts = b"abcb".rpartition(memoryview(b"b"))
print(parts[0], parts[2], type(parts[1]).__name__)
print(b"abc".partition(b"x"), bytearray(b"abc").partition(b"b"))
