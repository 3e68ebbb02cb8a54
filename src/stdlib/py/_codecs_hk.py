"""gilt's _codecs_hk: getcodec() for the codecs CPython's _codecs_hk has, on
gilt's table-driven `_gilt_cjk` (see _multibytecodec.py)."""

import _multibytecodec

getcodec = _multibytecodec._getcodec_of(('big5hkscs', ))
