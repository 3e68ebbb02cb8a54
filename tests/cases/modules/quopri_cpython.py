# CPython's quopri.py, which uses binascii's a2b_qp/b2a_qp.
import sys
sys.path.append('/usr/lib/python3.11')
import quopri

text = b'caf\xc3\xa9 = ok \t\nline with trailing space \n' + b'x' * 100 + b'\n'
enc = quopri.encodestring(text)
print(enc)
print(quopri.decodestring(enc) == text)
print(quopri.encodestring(b'a_b c\td', quotetabs=True, header=True))
print(quopri.decodestring(b'a_b=20c=\nd', header=True))
