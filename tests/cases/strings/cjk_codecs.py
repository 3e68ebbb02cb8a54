# The CJK codecs (CPython's _multibytecodec family): round trips, the error
# handlers and their positions, incomplete input, incremental decoders and
# encoders, stream readers and writers.
import codecs, io

names = ['gb2312', 'gbk', 'gb18030', 'big5', 'cp950', 'big5hkscs', 'euc_jp', 'shift_jis', 'cp932',
         'euc_jis_2004', 'euc_jisx0213', 'shift_jis_2004', 'shift_jisx0213', 'euc_kr', 'cp949', 'johab']
text = 'abc 中文 日本語 한국어 漢字 ｶﾀｶﾅ € ¥ \u00ca\u0304 \U00020000 😀'
for n in names:
    print(n, codecs.lookup(n).name)
    for err in ['replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace']:
        b = text.encode(n, err)
        print(' ', err, b.hex())
        print(' ', b.decode(n))
    try:
        text.encode(n)
    except UnicodeEncodeError as e:
        print('  E', e.start, e.end, e.reason, '|', e)
    for data in [b'\x81', b'a\xff\x41', b'\x80\x80', b'\xa4', b'\x8f\xa2', b'\x81\x30', b'\x81\x30\x81', b'\xc8\xfe\xfe']:
        for err in ['strict', 'replace', 'ignore', 'backslashreplace']:
            try:
                print('  ', data.hex(), err, ascii(data.decode(n, err)))
            except UnicodeDecodeError as e:
                print('  ', data.hex(), err, 'E', e.start, e.end, e.reason, '|', e)
    b = text.encode(n, 'ignore')
    d = codecs.getincrementaldecoder(n)()
    print('  inc', ascii(''.join(d.decode(b[i:i + 1]) for i in range(len(b))) + d.decode(b'', True)))
    e = codecs.getincrementalencoder(n)('replace')
    print('  enc', (b''.join(e.encode(c) for c in '漢字 abc') + e.encode('', True)).hex())
    f = io.BytesIO()
    w = codecs.getwriter(n)(f, 'replace')
    w.write('中文 x')
    w.writelines(['日本', 'é'])
    w.reset()
    print('  w', f.getvalue().hex())
    f.seek(0)
    r = codecs.getreader(n)(f, 'replace')
    print('  r', ascii(r.read()))
    print('  codec', codecs.lookup(n).encode('ab'), codecs.lookup(n).decode(b'ab'))
print(codecs.decode(b'\x82\xa0', 'shift_jis'), codecs.encode('あ', 'sjis'), 'あ'.encode('cp932'))
print(b'\x81\x30\x81\x30'.decode('gb18030'), '\x80'.encode('gb18030'), '\U0010ffff'.encode('gb18030'))
print('\u00ca\u0304'.encode('big5hkscs'), b'\x88\x62'.decode('big5hkscs') == '\u00ca\u0304')
