# split: with and without capturing groups, maxsplit, empty matches.
import re

print(re.split(r',\s*', 'a, b,c,   d'))
print(re.split(r'(,)\s*', 'a, b,c'))
print(re.split(r'(?:(-)|(\+))', '1-2+3'))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'Words, words', maxsplit=-1))
print(re.split('x*', 'axbc'), re.split(r'\b', 'one two'), re.split('', 'abc'))
print(re.split(r'(?m)^', 'a\nb\nc'), re.split('[a-z]', '0a1b2'), re.split('a', 'aaa'))
print(re.compile(r'\s').split('a b  c', maxsplit=2))
print(re.split(r'(\d)(x)?', 'a1b2xc'))
print(re.split(rb'\s', b'a b'), re.split('', ''), re.split('a', ''))
