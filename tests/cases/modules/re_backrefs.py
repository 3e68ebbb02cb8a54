# Back-references by number and by name, conditional groups.
import re

print(re.findall(r'\b(\w+) \1\b', 'the the cat sat sat on the mat mat'))
print(re.sub(r'\b(\w+)( \1\b)+', r'\1', 'paris in the the the spring'))
print(re.search(r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" and \'bye\'').group())
print(re.fullmatch(r'(\w)(\w)?\2\1', 'abba'), re.fullmatch(r'(\w)(\w)?\2\1', 'abca'))
print(re.match(r'(a)|b', 'b').groups(), re.match(r'(?:(a)|b)\1?', 'b'))
print(re.findall(r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)', '<user@host.com> bad@x.org>'))
print(re.match(r'(?P<a>x)?(?(a)y|z)', 'xy').group(), re.match(r'(?P<a>x)?(?(a)y|z)', 'z').group())
print(re.match(r'(?i)(ab)\1', 'abAB'))
print(re.findall(r'(\d)\1{2,}', '1112223334445'))
m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe')
print(m.groupdict(), m.group('last', 'first'), m.lastgroup, m.lastindex)
print(re.sub(r'(?P<w>\w+)@(?P<d>\w+)', r'\g<d> at \g<w> (\g<0>)', 'me@home'))
print(re.compile(r'(?P<x>a)(?P<y>b)?').groupindex)
print(re.match(r'(a*)*', 'aaa').groups(), re.match(r'(a|b)*', 'abab').group(1))
print(re.match(r'((a)|b)+', 'ab').groups(), re.match(r'(a)|(b)', 'b').lastindex)
