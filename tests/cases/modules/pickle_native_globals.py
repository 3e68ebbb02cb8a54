# Built-in functions pickle by the module that defines them (their __module__),
# not by a module that re-exports them: codecs.encode is _codecs.encode, so a
# protocol-2 pickle of bytes names `_codecs encode`.
import pickle
import pickletools
import codecs
import _codecs
import struct
import _struct

for f in (codecs.encode, codecs.decode, codecs.lookup, struct.pack, struct.unpack, len, print):
    print(f.__name__, f.__module__)

for proto in (0, 1, 2):
    s = pickle.dumps(b"\x00\x01ab", proto)
    print(proto, len(s), s)
    assert pickle.loads(s) == b"\x00\x01ab"

s = pickle.dumps(codecs.encode, 2)
print(s)
print(pickle.loads(s) is codecs.encode)
s = pickle.dumps([struct.pack, len], 4)
print(pickle.loads(s) == [struct.pack, len])
for op in pickletools.genops(pickle.dumps(bytes(range(4)), 2)):
    if op[0].name == "GLOBAL":
        print(op[0].name, op[1])
