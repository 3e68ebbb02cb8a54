# xml.sax with ContentHandlers over pyexpat (expatreader): events as expat splits them.
import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_namespaces

class Printer(ContentHandler):
    def startDocument(self):
        print('startDocument')
    def startElement(self, name, attrs):
        print('start', name, sorted(attrs.items()), self._locator.getLineNumber(),
              self._locator.getColumnNumber())
    def endElement(self, name):
        print('end', name)
    def characters(self, content):
        print('chars', repr(content))
    def processingInstruction(self, target, data):
        print('pi', target, data)
    def endDocument(self):
        print('endDocument')

xml.sax.parseString(b'<?xml version="1.0"?>\n<menu>\n  <dish price="3.50">Soup &amp; bread</dish>\n'
                    b'  <?chef note?>\n  <dish price="9">Caf\xc3\xa9 au lait</dish>\n</menu>', Printer())

class Totals(ContentHandler):
    def __init__(self):
        super().__init__()
        self.total = 0.0
        self.names = []
        self.buf = []
    def startElement(self, name, attrs):
        if name == 'dish':
            self.total += float(attrs['price'])
            self.buf = []
    def characters(self, content):
        self.buf.append(content)
    def endElement(self, name):
        if name == 'dish':
            self.names.append(''.join(self.buf))

h = Totals()
xml.sax.parse(io.BytesIO(b'<menu><dish price="1.25">Tea</dish><dish price="2">Cake\nwith cream</dish></menu>'), h)
print(h.total, h.names)

class NS(ContentHandler):
    def startPrefixMapping(self, prefix, uri):
        print('prefix', prefix, uri)
    def startElementNS(self, name, qname, attrs):
        print('startNS', name, qname, list(attrs.items()))
    def endElementNS(self, name, qname):
        print('endNS', name)

parser = xml.sax.make_parser()
parser.setFeature(feature_namespaces, True)
parser.setContentHandler(NS())
parser.parse(io.BytesIO(b'<r xmlns="urn:a" xmlns:b="urn:b"><b:x b:k="1" k="2"/></r>'))

# Incremental feeding.
class NoLocator(Printer):
    def startElement(self, name, attrs):
        print('start', name, sorted(attrs.items()))

p = xml.sax.make_parser()
p.setContentHandler(NoLocator())
for piece in (b'<a>one', b' two<b', b'/>three</a>'):
    p.feed(piece)
p.close()

try:
    xml.sax.parseString(b'<a><b></a>', ContentHandler())
except xml.sax.SAXParseException as e:
    print('error:', e, e.getLineNumber(), e.getColumnNumber(), e.getMessage())
