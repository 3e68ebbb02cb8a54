"""gilt's _codecs_jp: getcodec() for the codecs CPython's _codecs_jp has, on
gilt's table-driven `_gilt_cjk` (see _multibytecodec.py)."""

import _multibytecodec

_NAMES = ('shift_jis', 'cp932', 'euc_jp', 'shift_jis_2004', 'shift_jisx0213', 'euc_jis_2004', 'euc_jisx0213', )


def getcodec(encoding):
    if not isinstance(encoding, str):
        raise TypeError('encoding name must be a string.')
    if encoding not in _NAMES:
        raise LookupError('no such codec is supported.')
    return _multibytecodec.MultibyteCodec(encoding)
