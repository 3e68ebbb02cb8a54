"""gilt's _codecs_jp: getcodec() for the codecs CPython's _codecs_jp has, on
gilt's table-driven `_gilt_cjk` (see _multibytecodec.py)."""

import _multibytecodec

getcodec = _multibytecodec._getcodec_of(('shift_jis', 'cp932', 'euc_jp', 'shift_jis_2004', 'shift_jisx0213', 'euc_jis_2004', 'euc_jisx0213', ))
