# Seeding random with str and bytes (version 2 hashes the seed with SHA-512,
# from the native _sha512) and with version 1.
import random

for seed in ['hello', b'hello', 'classroom \u00e9', '']:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(1, 100))
random.seed('hello', version=1)
print(random.random())
r = random.Random('same')
print(r.random() == random.Random(b'same').random(), r.getrandbits(32))
