# plistlib's XML format (parsed with pyexpat) and xmlrpc.client's marshalling.
import datetime
import plistlib
import xmlrpc.client

data = {
    'name': 'Lab \u00e9quipement <1>',
    'count': 3,
    'ratio': 0.25,
    'ok': True,
    'off': False,
    'tags': ['a', 'b & c'],
    'nested': {'empty': [], 'blob': b'\x00\x01binary'},
    'when': datetime.datetime(2024, 5, 6, 7, 8, 9),
}
s = plistlib.dumps(data)
print(s.decode())
back = plistlib.loads(s)
print(back == data, sorted(back))
print(plistlib.loads(b'''<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict><key>a</key><integer>-5</integer><key>b</key><real>1.5</real>
<key>c</key><string>x</string><key>d</key><array><true/><false/></array></dict></plist>'''))
try:
    plistlib.loads(b'<plist><dict><key>a</key></plist>')
except Exception as e:
    print(type(e).__name__, e)

req = xmlrpc.client.dumps((1, 'two', [3.5, True], {'k': None}), 'math.add', allow_none=True)
print(req)
print(xmlrpc.client.loads(req, use_builtin_types=True))
resp = xmlrpc.client.dumps(({'sum': 42},), methodresponse=True)
print(xmlrpc.client.loads(resp))
fault = xmlrpc.client.dumps(xmlrpc.client.Fault(4, 'Too many'), methodresponse=True)
try:
    xmlrpc.client.loads(fault)
except xmlrpc.client.Fault as f:
    print('fault', f.faultCode, f.faultString)
