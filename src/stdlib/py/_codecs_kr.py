"""gilt's _codecs_kr: getcodec() for the codecs CPython's _codecs_kr has, on
gilt's table-driven `_gilt_cjk` (see _multibytecodec.py)."""

import _multibytecodec

getcodec = _multibytecodec._getcodec_of(('euc_kr', 'cp949', 'johab', ))
