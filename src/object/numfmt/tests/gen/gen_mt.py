import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa: E402,F403
import random, sys, struct
from common import *
def fb(x): return fbits(x)
def seq(seed):
    r = random.Random(seed)
    return [r.random() for _ in range(5)]
seeds = [0, 1, 42, 12345, -1, -42, 2**32 - 1, 2**32, 2**64 + 5, 10**30, -(10**30), 2**624, 3**400]
out = "\n#[cfg(test)]\nmod tests {\n    //! Expected values generated with CPython %s's `random.Random` (gen/gen_mt.py).\n    use super::*;\n    use std::str::FromStr;\n\n    fn big(s: &str) -> BigInt {\n        BigInt::from_str(s).expect(\"test bigint\")\n    }\n\n" % sys.version.split()[0]
out += "    #[rustfmt::skip]\n    static RANDOM: [(&str, [u64; 5]); %d] = [\n" % len(seeds)
for s in seeds:
    out += "        (%s, [%s]),\n" % (rs(str(s)), ', '.join(fb(x) for x in seq(s)))
out += "    ];\n\n"
bits = []
for s in [12345, 42, 0, 10**30]:
    for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 70, 96, 100, 128, 1000]:
        r = random.Random(s); r.random()
        bits.append((s, k, r.getrandbits(k), r.getrandbits(k)))
out += "    #[rustfmt::skip]\n    static BITS: [(&str, u64, &str, &str); %d] = [\n" % len(bits)
for s, k, a, b in bits:
    out += "        (%s, %d, %s, %s),\n" % (rs(str(s)), k, rs(str(a)), rs(str(b)))
out += "    ];\n\n"
r = random.Random(2024); vals = [r.random() for _ in range(10000)]
r7 = random.Random(7); st = r7.getstate()[1]
r15 = random.Random(1.5)
out += "    const LONG_RUN_LAST: u64 = %s;\n    const STATE7: [u32; 4] = [%d, %d, %d, %d];\n    const STATE7_INDEX: usize = %d;\n    const HASH_1_5: i64 = %d;\n    const FLOAT_SEED_1_5: u64 = %s;\n" % (
    fb(vals[-1]), st[0], st[1], st[2], st[623], st[624], hash(1.5), fb(r15.random()))
r = random.Random(12345)
out += "    const SEED12345_BITS70: &str = %s;\n" % rs(str(r.getrandbits(70)))
out += '''
    #[test]
    fn seed_42_first_value() {
        let mut mt = Mt19937::from_seed(&BigInt::from(42));
        assert_eq!(mt.random(), 0.6394267984578837);
        let mut mt = Mt19937::from_seed(&BigInt::from(12345));
        assert_eq!(mt.getrandbits(70).to_string(), SEED12345_BITS70);
    }

    #[test]
    fn random_sequences() {
        for (seed, want) in &RANDOM {
            let mut mt = Mt19937::from_seed(&big(seed));
            for (i, w) in want.iter().enumerate() {
                assert_eq!(mt.random().to_bits(), *w, "seed {seed} draw {i}");
            }
        }
    }

    #[test]
    fn getrandbits_matches() {
        for (seed, k, a, b) in &BITS {
            let mut mt = Mt19937::from_seed(&big(seed));
            mt.random();
            let (x, y) = (mt.getrandbits(*k), mt.getrandbits(*k));
            assert_eq!((x.to_string(), y.to_string()), (a.to_string(), b.to_string()), "seed {seed} k {k}");
            if *k <= 64 {
                let mut mt = Mt19937::from_seed(&big(seed));
                mt.random();
                let (x, y) = (mt.getrandbits_u64(*k as u32), mt.getrandbits_u64(*k as u32));
                assert_eq!((x.to_string(), y.to_string()), (a.to_string(), b.to_string()), "u64 seed {seed} k {k}");
            }
        }
    }

    #[test]
    fn long_run_state_and_hash_seed() {
        let mut mt = Mt19937::from_seed(&big("2024"));
        let mut last = 0.0;
        for _ in 0..10000 {
            last = mt.random();
        }
        assert_eq!(last.to_bits(), LONG_RUN_LAST);

        let (words, index) = Mt19937::from_seed(&big("7")).get_state();
        assert_eq!([words[0], words[1], words[2], words[623]], STATE7);
        assert_eq!(index, STATE7_INDEX);
        let mut a = Mt19937::from_seed(&big("99"));
        a.set_state(&words, index as i64).unwrap();
        let mut b = Mt19937::from_seed(&big("7"));
        assert_eq!(a.random().to_bits(), b.random().to_bits());
        assert_eq!(a.set_state(&words, 625), Err("invalid state".to_owned()));
        assert_eq!(a.set_state(&words, -1), Err("invalid state".to_owned()));
        assert!(a.set_state(&words[..10], 0).is_err());

        let mut h = Mt19937::default();
        h.seed_from_hash(HASH_1_5);
        assert_eq!(h.random().to_bits(), FLOAT_SEED_1_5);
    }

    #[test]
    fn entropy_seeding_differs() {
        let mut a = Mt19937::default();
        let mut b = Mt19937::default();
        a.seed_from_entropy();
        b.seed_from_entropy();
        let x: Vec<u32> = (0..4).map(|_| a.genrand_u32()).collect();
        let y: Vec<u32> = (0..4).map(|_| b.genrand_u32()).collect();
        assert_ne!(x, y);
    }
}
'''
p = os.path.join(NUMFMT, '../../stdlib/mt19937.rs')
s = open(p).read()
if '#[cfg(test)]' in s:
    s = s[:s.index('\n#[cfg(test)]')] + '\n'
open(p, 'w').write(s.rstrip('\n') + '\n' + out)
