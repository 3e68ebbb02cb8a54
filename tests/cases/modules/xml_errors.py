# Malformed XML: ExpatError / ParseError codes, positions and expat's messages.
import xml.etree.ElementTree as ET
from xml.parsers import expat
from xml.dom import minidom

BAD = [
    '', '<a>', '<a></b>', '<a><b></a>', '<a x=1/>', '<a x="<"/>', '<1a/>',
    '<a>&nbsp;</a>', '<a b="1" b="2"/>', '<a/><b/>', 'text', '<a>]]></a>',
    '<a><!-- -- --></a>', '<a>&#0;</a>', '<a attr="x"', '<x:y/>',
    '<?xml version="1.0"?><?xml version="1.0"?><a/>', '<a>\n  <b>\n</a>',
    '<a><![CDATA[abc', '<?xml version="1.0" standalone="maybe"?><a/>',
    '<root>\n  <item>one</item>\n  <item>two</itm>\n</root>',
]
for doc in BAD:
    try:
        ET.fromstring(doc)
        print('parsed?', repr(doc))
    except ET.ParseError as e:
        print(repr(doc), '->', e, e.code, e.position,
              expat.ErrorString(e.code) == expat.errors.messages[e.code])

p = expat.ParserCreate()
try:
    p.Parse(b'<a>\n<b>text</c>', True)
except expat.ExpatError as e:
    print(type(e).__name__, e, e.code, e.lineno, e.offset)
    print(p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
    print(expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH])
print(expat.error is expat.ExpatError, issubclass(ET.ParseError, SyntaxError))

try:
    minidom.parseString('<a><b></a>')
except expat.ExpatError as e:
    print('minidom:', e)

# The same error however the input is split.
doc = b'<doc>\n  <p>caf\xc3\xa9</q>\n</doc>'
for size in (1, 2, 5, len(doc)):
    parser = ET.XMLParser()
    try:
        for i in range(0, len(doc), size):
            parser.feed(doc[i:i + size])
        parser.close()
    except ET.ParseError as e:
        print(size, e)

# An undefined entity with an external DTD goes to ElementTree's own check.
try:
    ET.fromstring('<!DOCTYPE html SYSTEM "about:legacy-compat"><html>&nbsp;</html>')
except ET.ParseError as e:
    print(e, e.code)
