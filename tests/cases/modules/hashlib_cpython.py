# CPython's own hashlib.py, unmodified, over gilt's _md5/_sha*/_blake2
# (it falls back to them when there is no OpenSSL _hashlib).
import sys
sys.path.append('/usr/lib/python3.11')
import hashlib
import io

for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b'teach')
    digest = h.hexdigest(16) if name.startswith('shake') else h.hexdigest()
    print(name, h.name, h.digest_size, h.block_size, digest)
print(hashlib.sha256(b'abc').hexdigest())
print(hashlib.md5(b'x', usedforsecurity=False).hexdigest(), hashlib.new('SHA1', b'x').hexdigest())
print(hashlib.blake2b(b'x', digest_size=8, person=b'me').hexdigest(), hashlib.shake_128(b'x').hexdigest(4))
print(hashlib.file_digest(io.BytesIO(b'abc' * 1000), 'sha1').hexdigest())
h = hashlib.sha512()
for chunk in [b'one', b'two', b'three']:
    h.update(chunk)
print(h.hexdigest() == hashlib.sha512(b'onetwothree').hexdigest())
try:
    hashlib.new('nosuchhash')
except ValueError as e:
    print('ValueError', e)
