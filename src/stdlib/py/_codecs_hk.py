"""gilt's _codecs_hk: getcodec() for the codecs CPython's _codecs_hk has, on
gilt's table-driven `_gilt_cjk` (see _multibytecodec.py)."""

import _multibytecodec

_NAMES = ('big5hkscs', )


def getcodec(encoding):
    if not isinstance(encoding, str):
        raise TypeError('encoding name must be a string.')
    if encoding not in _NAMES:
        raise LookupError('no such codec is supported.')
    return _multibytecodec.MultibyteCodec(encoding)
