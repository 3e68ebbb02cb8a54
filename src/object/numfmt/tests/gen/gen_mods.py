import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa: E402,F403
import os, re
d = TESTS
names = sorted(f[:-3] for f in os.listdir(d) if re.match(r'.*_\d+\.rs$', f))
p = d + '/mod.rs'
s = open(p).read()
a = s.index('// @generated-mods-begin\n') + len('// @generated-mods-begin\n')
b = s.index('// @generated-mods-end')
s = s[:a] + ''.join('mod %s;\n' % n for n in names) + s[b:]
open(p, 'w').write(s)
print(names)
