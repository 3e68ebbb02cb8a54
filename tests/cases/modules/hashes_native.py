# The hash modules hashlib falls back to: _md5, _sha1, _sha256, _sha512,
# _sha3 and _blake2, with update/digest/hexdigest/copy/name/sizes.
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

for ctor in [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
             _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512]:
    h = ctor(b'gilt')
    c = h.copy()
    c.update(b' teaches')
    print(h.name, h.digest_size, h.block_size, h.hexdigest(), c.hexdigest() == ctor(b'gilt teaches').hexdigest())
    print(h.digest() == bytes.fromhex(h.hexdigest()), ctor().hexdigest()[:16])
for ctor in [_sha3.shake_128, _sha3.shake_256]:
    h = ctor(b'xof')
    print(h.name, h.digest_size, h.block_size, h.hexdigest(8), h.digest(20).hex(), h.hexdigest(0))
print(_md5.md5(string=b'abc').hexdigest(), _sha1.sha1(b'abc', usedforsecurity=False).hexdigest())
print(type(_md5.md5()).__name__, _sha3.sha3_224.__name__, _blake2.blake2b.__name__)

b = _blake2.blake2b(b'abc')
print(b.name, b.digest_size, b.block_size, b.hexdigest())
print(_blake2.blake2s(b'abc').hexdigest(), _blake2.blake2s().block_size)
print(_blake2.blake2b(b'abc', digest_size=16, key=b'secret', salt=b'salt', person=b'me').hexdigest())
print(_blake2.blake2s(b'abc', digest_size=10, key=b'k' * 32, salt=b'12345678', person=b'p').hexdigest())
print(_blake2.blake2b(b'leaf', fanout=2, depth=2, leaf_size=4096, node_offset=1, node_depth=0, inner_size=64, last_node=True).hexdigest()[:32])
print(_blake2.blake2b.SALT_SIZE, _blake2.blake2b.PERSON_SIZE, _blake2.blake2b.MAX_KEY_SIZE, _blake2.blake2b.MAX_DIGEST_SIZE)
print(_blake2.BLAKE2S_SALT_SIZE, _blake2.BLAKE2S_PERSON_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE)

calls = [
    lambda: _md5.md5('text'),
    lambda: _md5.md5(3),
    lambda: _sha1.sha1().update('x'),
    lambda: _md5.md5(b'', b''),
    lambda: _sha3.sha3_224(data=b'a'),
    lambda: _sha3.shake_128().digest(),
    lambda: _sha3.shake_128().hexdigest(-1),
    lambda: _blake2.blake2b(digest_size=0),
    lambda: _blake2.blake2b(key=b'x' * 65),
    lambda: _blake2.blake2b(salt=b'x' * 17),
    lambda: _blake2.blake2s(person=b'x' * 9),
    lambda: _blake2.blake2b(fanout=256),
    lambda: _blake2.blake2b(depth=0),
    lambda: _blake2.blake2b(node_depth=256),
    lambda: _blake2.blake2b(inner_size=65),
    lambda: _blake2.blake2s(leaf_size=2**32),
    lambda: _blake2.blake2s(node_offset=2**48),
    lambda: _blake2.blake2b(node_offset=-1),
    lambda: _blake2.blake2s(leaf_size=-1),
]
for f in calls:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# _operator._compare_digest, which CPython's hmac uses without OpenSSL.
from _operator import _compare_digest
print(_compare_digest(b'abc', b'abc'), _compare_digest(b'abc', b'abd'), _compare_digest('abc', 'abc'), _compare_digest(b'a', b'ab'))
for a, b in [('abc', b'abc'), ('\xe9', '\xe9'), (1, 2)]:
    try:
        _compare_digest(a, b)
    except TypeError as e:
        print('TypeError', e)
