# Look-ahead and look-behind assertions, positive and negative.
import re

print(re.findall(r'\w+(?=,)', 'one, two, three'))
print(re.findall(r'\d+(?!px)\b', '10px 20em 30 40px'))
print(re.findall(r'(?<=\$)\d+', 'cost $30, tax $4, 5 items'))
print(re.findall(r'(?<!-)\b\d+', '-1 2 -3 4'))
print(re.sub(r'(?<=[a-z])(?=[A-Z])', '_', 'camelCaseName').lower())
print(re.search(r'(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{8,}', 'Passw0rdX'))
print(re.search(r'(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{8,}', 'password'))
print(re.split(r'(?<=[.!?]) +', 'Hi. How are you? Fine! Bye.'))
print(re.findall(r'(?<=(a))b', 'ab cb ab'))
print(re.match(r'(?!abc)\w+', 'abd'), re.match(r'(?!abc)\w+', 'abc'))
print(re.findall(r'\b(?<!\.)\d+\b(?!\.)', '1.5 and 42 and 3.14 and 7'))
m = re.search(r'(?<=<)(?P<tag>\w+)(?=>)', 'text <b> more')
print(m, m.group('tag'), m.span())
print(re.findall(r'(?i)(?<=the )\w+', 'The cat and the dog'))
# look-behind must be fixed width
try:
    re.compile(r'(?<=a+)b')
except re.error as e:
    print('error:', e)
