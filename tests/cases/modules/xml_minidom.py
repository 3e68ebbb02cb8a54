# xml.dom.minidom over pyexpat: parse, walk, modify, pretty-print.
import io
from xml.dom import minidom

doc = minidom.parseString("""<?xml version="1.0"?>
<!DOCTYPE library>
<library city="Paris">
  <!-- the shelf -->
  <book isbn="123" lang="fr"><title>Les Mis\u00e9rables</title><year>1862</year></book>
  <book isbn="456"><title>Dune &amp; more</title><year>1965</year></book>
  <note><![CDATA[x < y]]></note>
</library>""")
lib = doc.documentElement
print(lib.tagName, lib.getAttribute('city'), doc.doctype.name)
for book in lib.getElementsByTagName('book'):
    title = book.getElementsByTagName('title')[0].firstChild.data
    print(book.getAttribute('isbn'), repr(title), book.getAttribute('lang') or '-',
          book.getElementsByTagName('year')[0].firstChild.nodeValue)
print([n.nodeType for n in lib.childNodes])
print(lib.getElementsByTagName('note')[0].firstChild.data)

new = doc.createElement('book')
new.setAttribute('isbn', '789')
t = doc.createElement('title')
t.appendChild(doc.createTextNode('Fresh'))
new.appendChild(t)
lib.appendChild(new)
print(len(lib.getElementsByTagName('book')))

small = minidom.parseString('<a><b x="1">hi</b><c/><d>t<e/></d></a>')
print(small.toprettyxml(indent='  '))
print(small.toxml())
print(small.documentElement.toprettyxml(indent='\t', newl='\n'))

f = io.BytesIO(b'<?xml version="1.0" encoding="utf-8"?><r><i>1</i><i>2</i></r>')
d2 = minidom.parse(f)
print(sum(int(i.firstChild.data) for i in d2.getElementsByTagName('i')))
print(d2.toxml(encoding='utf-8'))

ns = minidom.parseString('<r xmlns="urn:x" xmlns:p="urn:p"><p:c p:a="1"/></r>')
c = ns.documentElement.firstChild
print(c.namespaceURI, c.localName, c.prefix, c.getAttributeNS('urn:p', 'a'))
print(ns.documentElement.namespaceURI)
