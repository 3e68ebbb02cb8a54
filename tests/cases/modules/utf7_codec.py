import codecs
for s in ['Hi Mom -\u263a-!', '日本語', 'a+b', '€-', '€a', '\U0001F600', 'x~\\y', '', 'A≢Α.', 'plain ascii text', '+++', 'tab\there\nnewline']:
    b = s.encode('utf-7')
    print(repr(s), b, b.decode('utf-7') == s)
for b in [b'+', b'+AGE', b'+AGE-x', b'+AG-', b'+AGF-', b'a\x80b', b'+\x80', b'+2D3eAA-', b'+ZeVnLIqe-', b'+AGEAYQ', b'+AG!x', b'+AGF!x', b'+AGE!', b'a+AGE', b'+AGEx']:
    for errors in ('strict', 'replace', 'ignore', 'backslashreplace'):
        try:
            print(b, errors, repr(b.decode('utf-7', errors)))
        except UnicodeDecodeError as e:
            print(b, errors, type(e).__name__, e, e.start, e.end, e.reason)
for b in [b'+AGE', b'+AGEAYQ', b'a+', b'+AGEAYQ-b', b'ab+2D3e', b'+ZeV']:
    print(b, codecs.utf_7_decode(b, 'strict', False))
    try:
        print(codecs.utf_7_decode(b, 'strict', True))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
dec = codecs.getincrementaldecoder('utf-7')()
text = '日本語 and ascii + more €'
enc = text.encode('utf-7')
print(''.join(dec.decode(enc[i:i + 1]) for i in range(len(enc))) + dec.decode(b'', final=True) == text)
print(codecs.utf_7_encode('a€'), codecs.lookup('utf7').name, 'x'.encode('UTF-7'))
import io
buf = io.BytesIO()
w = codecs.getwriter('utf-7')(buf)
w.write('snowman \u2603!')
print(buf.getvalue())
