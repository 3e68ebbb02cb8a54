# Incremental decoders keep a cut-off sequence for the next call (final=False);
# an exception raised inside a codec is wrapped as CPython wraps it.
import codecs
print(codecs.utf_16_le_decode(b'a\x00b', None, False), codecs.utf_32_be_decode(b'\x00\x00', None, False), codecs.utf_16_le_decode(b'', None, True))
for f in (codecs.unicode_escape_decode, codecs.raw_unicode_escape_decode):
  for data in [b'a\\', b'a\\x4', b'a\\u12', b'a\\U0001', b'a\\N{LATIN', b'a\\N', b'a\\x4g', b'a\\u1', b'a\\Nx']:
    try: print(f.__name__, data, f(data, None, False))
    except Exception as e: print(f.__name__, data, 'ERR', e)
d = codecs.getincrementaldecoder('unicode_escape')()
print(repr(d.decode(b'x\\')), repr(d.decode(b'u00e9!')), repr(d.decode(b'', True)))
d = codecs.getincrementaldecoder('utf-16-le')()
print(repr(d.decode(b'a')), repr(d.decode(b'\x00')))
def bad(*a):
    raise RuntimeError("boom")
class MyErr(RuntimeError): pass
class Init(RuntimeError):
    def __init__(self): pass
E = [RuntimeError("boom")]
def raise_it(*a): raise E[0]
def search(name):
    if name == 'chain_test':
        return codecs.CodecInfo(raise_it, raise_it, name=name)
codecs.register(search)
for e in [RuntimeError("boom"), RuntimeError, MyErr("m"), Init, RuntimeError(1), RuntimeError('a', 'b'), KeyError('k'), ValueError("v")]:
    E[0] = e
    for call in (lambda: "x".encode("chain_test"), lambda: codecs.decode(b"y", "chain_test")):
        try: call()
        except Exception as ex:
            print(type(ex).__name__, str(ex), type(ex.__cause__).__name__, ex.__cause__ is not None and ex.__cause__.__traceback__ is not None, ex.__suppress_context__)
try: codecs.decode(b"abc", "hex_codec")
except Exception as ex: print(type(ex).__name__, ex)
for data in [b'a\\Nx', b'a\\N{LATIN', b'a\\N', b'a\\N{NOPE}z', b'\\N{}', b'\\N{LATIN SMALL LETTER A}']:
    try: print(data, codecs.unicode_escape_decode(data))
    except Exception as e: print(data, 'ERR', e)
