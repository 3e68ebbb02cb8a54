"""Lexical pieces shared by gilt's `pyexpat` tokenizer (`_pyexpat_scan`)
and its DTD reader (`_pyexpat_dtd`): names, references, whitespace, the
characters XML allows."""

import re

_NAME_RE = r'(?:[^\W\d]|:)[\w.\-:\u00b7]*'
_NAME = re.compile(_NAME_RE)
_WS = re.compile('[ \t\n]*')
_REF = re.compile('&(?:#([0-9]+)|#x([0-9a-fA-F]+)|(' + _NAME_RE + '));')
_REF_PART = re.compile('&(?:#x?[0-9a-fA-F]*|' + _NAME_RE + ')?')
_NMTOKEN = re.compile('[\\w.\\-:\u00b7]+')
_PREDEFINED = {'lt': '<', 'gt': '>', 'amp': '&', 'apos': "'", 'quot': '"'}
_ATTR_WS = {9: 32, 10: 32}


def _valid_char(cp):
    if cp < 0x20:
        return cp in (9, 10, 13)
    if 0xD800 <= cp <= 0xDFFF or cp in (0xFFFE, 0xFFFF):
        return False
    return cp <= 0x10FFFF
