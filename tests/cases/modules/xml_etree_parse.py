# ElementTree over pyexpat: an RSS feed and a config file, walked and searched.
import io
import xml.etree.ElementTree as ET

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Physics &amp; Chemistry News</title>
    <link>https://example.org/</link>
    <item id="1">
      <title>Atoms &lt;3 electrons</title>
      <dc:creator>Ada</dc:creator>
      <description><![CDATA[<b>Bold</b> claims & more]]></description>
    </item>
    <item id="2">
      <title>Caf\u00e9 chemistry &#x2014; &#169;</title>
      <dc:creator>Grace</dc:creator>
    </item>
  </channel>
</rss>
"""

root = ET.fromstring(RSS)
print(root.tag, root.attrib)
channel = root.find('channel')
print(channel.findtext('title'))
ns = {'dc': 'http://purl.org/dc/elements/1.1/'}
for item in root.iterfind('.//item'):
    print(item.get('id'), repr(item.findtext('title')),
          item.find('dc:creator', ns).text, repr(item.findtext('description')))
print([e.tag for e in root.iter()][:8])
print(len(root.findall('./channel/item')), root.find(".//item[@id='2']/title").text)

CONFIG = b"""<?xml version="1.0" encoding="iso-8859-1"?>
<!-- settings for the lab -->
<config>
  <server host="lab.local" port="8080"/>
  <users>
    <user name="j\xe9r\xf4me" admin="yes">Teacher</user>
    <user name="kim">Student</user>
  </users>
  <?processing hint?>
</config>
"""
tree = ET.parse(io.BytesIO(CONFIG))
cfg = tree.getroot()
server = cfg.find('server')
print(server.get('host'), int(server.get('port')) + 1)
for user in cfg.findall('users/user'):
    print(user.get('name'), user.get('admin', 'no'), user.text)
print(repr(cfg.text), repr(cfg[0].tail))

# Parsing with comments and processing instructions kept.
parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
parser.feed(CONFIG)
kept = parser.close()
print([type(c.tag).__name__ if not isinstance(c.tag, str) else c.tag for c in kept])

# Incremental feeding, split anywhere (even inside a multi-byte character).
data = RSS.encode('utf-8')
p = ET.XMLPullParser(events=('start', 'end', 'start-ns'))
for i in range(0, len(data), 7):
    p.feed(data[i:i + 7])
    for event, elem in p.read_events():
        if event == 'start-ns':
            print(event, elem)
        elif elem.tag.endswith('title'):
            print(event, elem.tag, repr(elem.text))
p.close()

# iterparse over a file object, clearing elements as it goes.
count = 0
for event, elem in ET.iterparse(io.BytesIO(data), events=('end',)):
    if elem.tag == 'item':
        count += 1
        elem.clear()
print('items', count)

# A custom target receives the parser's callbacks.
class Depth:
    def __init__(self):
        self.depth = self.max = 0
    def start(self, tag, attrib):
        self.depth += 1
        self.max = max(self.max, self.depth)
    def end(self, tag):
        self.depth -= 1
    def data(self, text):
        pass
    def close(self):
        return self.max
tp = ET.XMLParser(target=Depth())
tp.feed(RSS)
print('max depth', tp.close())

# Namespaces in tags, and writing back.
doc = ET.fromstring('<r xmlns="urn:a" xmlns:b="urn:b"><b:x b:k="v">1</b:x><y/></r>')
print(doc.tag, [(c.tag, c.attrib) for c in doc])
ET.register_namespace('b', 'urn:b')
print(ET.tostring(doc, encoding='unicode'))
el = ET.fromstring('<p>Hello <b>big</b> world<br/>!</p>')
print(''.join(el.itertext()), repr(el[0].tail))
ET.indent(el)
print(ET.tostring(el).decode())
print(ET.fromstring('<a>\r\nline1\rline2\n</a>').text.split('\n'))
print(ET.fromstring('<a b="x\ty\nz &#10;w"/>').get('b'))
print(ET.fromstring('<!DOCTYPE note [<!ENTITY who "World">]><note>Hello &who;!</note>').text)
print(ET.fromstring('\ufeff<a>bom</a>'.encode('utf-8')).text)
print(ET.fromstring('<a>utf16 \u00e9</a>'.encode('utf-16')).text)
