"""gilt's _codecs_cn: getcodec() for the codecs CPython's _codecs_cn has, on
gilt's table-driven `_gilt_cjk` (see _multibytecodec.py)."""

import _multibytecodec

getcodec = _multibytecodec._getcodec_of(('gb2312', 'gbk', 'gb18030', ))
