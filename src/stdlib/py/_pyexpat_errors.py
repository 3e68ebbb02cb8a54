"""Expat's error codes and messages, and the content-model constants, for
gilt's `pyexpat` (the `pyexpat.errors` and `pyexpat.model` submodules).

The messages are expat's own wording: scripts and CPython's library print
them (`mismatched tag: line 1, column 5`), so they must match exactly.
"""

# (code, constant name, message), in expat's numbering.
ERRORS = [
    (1, 'XML_ERROR_NO_MEMORY', 'out of memory'),
    (2, 'XML_ERROR_SYNTAX', 'syntax error'),
    (3, 'XML_ERROR_NO_ELEMENTS', 'no element found'),
    (4, 'XML_ERROR_INVALID_TOKEN', 'not well-formed (invalid token)'),
    (5, 'XML_ERROR_UNCLOSED_TOKEN', 'unclosed token'),
    (6, 'XML_ERROR_PARTIAL_CHAR', 'partial character'),
    (7, 'XML_ERROR_TAG_MISMATCH', 'mismatched tag'),
    (8, 'XML_ERROR_DUPLICATE_ATTRIBUTE', 'duplicate attribute'),
    (9, 'XML_ERROR_JUNK_AFTER_DOC_ELEMENT', 'junk after document element'),
    (10, 'XML_ERROR_PARAM_ENTITY_REF', 'illegal parameter entity reference'),
    (11, 'XML_ERROR_UNDEFINED_ENTITY', 'undefined entity'),
    (12, 'XML_ERROR_RECURSIVE_ENTITY_REF', 'recursive entity reference'),
    (13, 'XML_ERROR_ASYNC_ENTITY', 'asynchronous entity'),
    (14, 'XML_ERROR_BAD_CHAR_REF', 'reference to invalid character number'),
    (15, 'XML_ERROR_BINARY_ENTITY_REF', 'reference to binary entity'),
    (16, 'XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF',
     'reference to external entity in attribute'),
    (17, 'XML_ERROR_MISPLACED_XML_PI',
     'XML or text declaration not at start of entity'),
    (18, 'XML_ERROR_UNKNOWN_ENCODING', 'unknown encoding'),
    (19, 'XML_ERROR_INCORRECT_ENCODING',
     'encoding specified in XML declaration is incorrect'),
    (20, 'XML_ERROR_UNCLOSED_CDATA_SECTION', 'unclosed CDATA section'),
    (21, 'XML_ERROR_EXTERNAL_ENTITY_HANDLING',
     'error in processing external entity reference'),
    (22, 'XML_ERROR_NOT_STANDALONE', 'document is not standalone'),
    (23, 'XML_ERROR_UNEXPECTED_STATE',
     'unexpected parser state - please send a bug report'),
    (24, 'XML_ERROR_ENTITY_DECLARED_IN_PE',
     'entity declared in parameter entity'),
    (25, 'XML_ERROR_FEATURE_REQUIRES_XML_DTD',
     'requested feature requires XML_DTD support in Expat'),
    (26, 'XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING',
     'cannot change setting once parsing has begun'),
    (27, 'XML_ERROR_UNBOUND_PREFIX', 'unbound prefix'),
    (28, 'XML_ERROR_UNDECLARING_PREFIX', 'must not undeclare prefix'),
    (29, 'XML_ERROR_INCOMPLETE_PE', 'incomplete markup in parameter entity'),
    (30, 'XML_ERROR_XML_DECL', 'XML declaration not well-formed'),
    (31, 'XML_ERROR_TEXT_DECL', 'text declaration not well-formed'),
    (32, 'XML_ERROR_PUBLICID', 'illegal character(s) in public id'),
    (33, 'XML_ERROR_SUSPENDED', 'parser suspended'),
    (34, 'XML_ERROR_NOT_SUSPENDED', 'parser not suspended'),
    (35, 'XML_ERROR_ABORTED', 'parsing aborted'),
    (36, 'XML_ERROR_FINISHED', 'parsing finished'),
    (37, 'XML_ERROR_SUSPEND_PE', 'cannot suspend in external parameter entity'),
    (38, 'XML_ERROR_RESERVED_PREFIX_XML',
     'reserved prefix (xml) must not be undeclared or bound to another '
     'namespace name'),
    (39, 'XML_ERROR_RESERVED_PREFIX_XMLNS',
     'reserved prefix (xmlns) must not be declared or undeclared'),
    (40, 'XML_ERROR_RESERVED_NAMESPACE_URI',
     'prefix must not be bound to one of the reserved namespace names'),
    (41, 'XML_ERROR_INVALID_ARGUMENT', 'invalid argument'),
    (42, 'XML_ERROR_NO_BUFFER',
     'a successful prior call to function XML_GetBuffer is required'),
    (43, 'XML_ERROR_AMPLIFICATION_LIMIT_BREACH',
     'limit on input amplification factor (from DTD and entities) breached'),
]

MESSAGES = {code: msg for code, _, msg in ERRORS}

# Content-model constants of `pyexpat.model`.
MODEL = [
    ('XML_CTYPE_EMPTY', 1), ('XML_CTYPE_ANY', 2), ('XML_CTYPE_MIXED', 3),
    ('XML_CTYPE_NAME', 4), ('XML_CTYPE_CHOICE', 5), ('XML_CTYPE_SEQ', 6),
    ('XML_CQUANT_NONE', 0), ('XML_CQUANT_OPT', 1), ('XML_CQUANT_REP', 2),
    ('XML_CQUANT_PLUS', 3),
]
