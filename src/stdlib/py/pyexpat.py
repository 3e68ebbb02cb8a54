"""gilt's `pyexpat`: the XML parser under CPython's `xml.parsers.expat`,
`xml.etree.ElementTree`, `xml.dom.minidom`, `xml.sax` and `plistlib`.

The API is CPython's C module's (`ParserCreate`, the `xmlparser` type with
its handler attributes, `ExpatError`, `errors`, `model`); the behaviour is
expat 2.5's as those modules and scripts see it: the same handler calls in
the same order (character data split at newlines, references and chunk
ends; `buffer_text` joining it), the same error codes, messages and
positions. Input goes through `_pyexpat_text` (encodings, line ends), the
markup through `_pyexpat_scan` (the tokenizer and well-formedness checks).
"""

import sys
import types as _types

import _pyexpat_errors
from _pyexpat_scan import Scanner

EXPAT_VERSION = 'expat_2.5.0'
version_info = (2, 5, 0)
native_encoding = 'UTF-8'
features = [('sizeof(XML_Char)', 1), ('sizeof(XML_LChar)', 1),
            ('XML_DTD', 0), ('XML_CONTEXT_BYTES', 1024), ('XML_NS', 0),
            ('XML_BLAP_MAX_AMP', 100), ('XML_BLAP_ACT_THRES', 8388608)]

XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2


class ExpatError(Exception):
    pass


ExpatError.__module__ = 'xml.parsers.expat'
error = ExpatError


def _make_submodules():
    errors = _types.ModuleType('pyexpat.errors')
    errors.__doc__ = 'Constants used to describe error conditions.'
    errors.codes = {}
    errors.messages = {}
    for code, name, msg in _pyexpat_errors.ERRORS:
        setattr(errors, name, msg)
        errors.codes[msg] = code
        errors.messages[code] = msg
    model = _types.ModuleType('pyexpat.model')
    model.__doc__ = 'Constants used to interpret content model information.'
    for name, value in _pyexpat_errors.MODEL:
        setattr(model, name, value)
    return errors, model


errors, model = _make_submodules()
sys.modules['pyexpat.errors'] = errors
sys.modules['pyexpat.model'] = model


def ErrorString(code):
    """Returns string error for given number."""
    return _pyexpat_errors.MESSAGES.get(code)


_HANDLER_NAMES = (
    'StartElementHandler', 'EndElementHandler',
    'ProcessingInstructionHandler', 'CharacterDataHandler',
    'UnparsedEntityDeclHandler', 'NotationDeclHandler',
    'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler',
    'CommentHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler',
    'DefaultHandler', 'DefaultHandlerExpand', 'NotStandaloneHandler',
    'ExternalEntityRefHandler', 'StartDoctypeDeclHandler',
    'EndDoctypeDeclHandler', 'EntityDeclHandler', 'XmlDeclHandler',
    'ElementDeclHandler', 'AttlistDeclHandler', 'SkippedEntityHandler',
)


class xmlparser(object):
    """XML parser"""

    def __init__(self, encoding=None, namespace_separator=None, intern=None):
        for name in _HANDLER_NAMES:
            object.__setattr__(self, name, None)
        object.__setattr__(self, '_buffer', None)
        object.__setattr__(self, '_used', 0)
        object.__setattr__(self, 'buffer_size', 8192)
        object.__setattr__(self, 'ordered_attributes', False)
        object.__setattr__(self, 'specified_attributes', False)
        object.__setattr__(self, 'namespace_prefixes', False)
        object.__setattr__(self, 'intern', intern)
        object.__setattr__(self, '_base', None)
        object.__setattr__(self, '_expand_default', True)
        object.__setattr__(self, '_scanner',
                           Scanner(self, encoding, namespace_separator))

    # -- attributes with side effects -------------------------------------

    def __setattr__(self, name, value):
        if not isinstance(name, str):
            raise TypeError("attribute name must be string, not '%s'"
                            % type(name).__name__)
        if name == 'buffer_text':
            if value:
                if self._buffer is None:
                    object.__setattr__(self, '_buffer', [])
            else:
                self._flush()
                object.__setattr__(self, '_buffer', None)
            return
        if name == 'buffer_size':
            if not isinstance(value, int):
                raise TypeError('buffer_size must be an integer')
            if value > 0x7fffffff:
                raise OverflowError('buffer_size must not be greater than '
                                    '2147483647')
            if value <= 0:
                raise ValueError('buffer_size must be greater than zero')
            self._flush()
        elif name == 'DefaultHandler':
            object.__setattr__(self, '_expand_default', False)
            object.__setattr__(self, 'DefaultHandlerExpand', value)
        elif name == 'DefaultHandlerExpand':
            object.__setattr__(self, '_expand_default', True)
            object.__setattr__(self, 'DefaultHandler', value)
        elif name in ('ordered_attributes', 'specified_attributes',
                      'namespace_prefixes'):
            value = bool(value)
        elif name in _READONLY:
            raise AttributeError("attribute '%s' of 'pyexpat.xmlparser' "
                                 "objects is not writable" % name)
        elif name not in _HANDLER_NAMES and name not in ('intern',):
            raise AttributeError("'pyexpat.xmlparser' object has no "
                                 "attribute '%s'" % name)
        object.__setattr__(self, name, value)

    @property
    def buffer_text(self):
        return self._buffer is not None

    @property
    def buffer_used(self):
        return self._used if self._buffer is not None else 0

    @property
    def ErrorCode(self):
        return self._scanner.error_code

    @property
    def ErrorLineNumber(self):
        return self._scanner.position()[0]

    @property
    def ErrorColumnNumber(self):
        return self._scanner.position()[1]

    @property
    def ErrorByteIndex(self):
        return self._scanner.position()[2]

    CurrentLineNumber = ErrorLineNumber
    CurrentColumnNumber = ErrorColumnNumber
    CurrentByteIndex = ErrorByteIndex

    # -- character data buffering ------------------------------------------

    def _flush(self):
        buf = self._buffer
        if buf:
            text = ''.join(buf)
            buf.clear()
            object.__setattr__(self, '_used', 0)
            handler = self.CharacterDataHandler
            if handler is not None:
                handler(text)

    def _chardata(self, text):
        buf = self._buffer
        if buf is None:
            self.CharacterDataHandler(text)
            return
        # As CPython: flush when the text would overflow the buffer, and
        # hand text longer than the buffer over directly.
        size = self.buffer_size
        used = self._used
        if used + len(text) > size:
            self._flush()
            used = 0
        if len(text) > size:
            self.CharacterDataHandler(text)
            return
        buf.append(text)
        object.__setattr__(self, '_used', used + len(text))

    # -- methods ----------------------------------------------------------

    def Parse(self, data, isfinal=False):
        """Parse XML data.

        `isfinal' should be true at end of input."""
        if isinstance(data, str):
            self._scanner.force_utf8()
            data = data.encode('utf-8', 'surrogatepass')
        elif not isinstance(data, (bytes, bytearray)):
            try:
                data = bytes(memoryview(data))
            except TypeError:
                raise TypeError("a bytes-like object is required, not '%s'"
                                % type(data).__name__) from None
        else:
            data = bytes(data)
        self._scanner.feed(data, bool(isfinal))
        self._flush()
        return 1

    def ParseFile(self, file):
        """Parse XML data from file-like object."""
        try:
            read = file.read
        except AttributeError:
            raise TypeError('argument must have \'read\' attribute') from None
        while True:
            data = read(2048)
            if not isinstance(data, (bytes, bytearray)):
                if isinstance(data, str):
                    self.Parse(data, False)
                    if not data:
                        break
                    continue
                raise TypeError('read() did not return a bytes object '
                                '(type=%s)' % type(data).__name__)
            if not data:
                break
            self.Parse(data, False)
        return self.Parse(b'', True)

    def SetBase(self, base):
        """Set the base URL for the parser."""
        object.__setattr__(self, '_base', base)

    def GetBase(self):
        """Return base URL string for the parser."""
        return self._base

    def GetInputContext(self):
        """Return the untranslated text of the input that caused the current
        event."""
        return self._scanner.input_context()

    def ExternalEntityParserCreate(self, context, encoding=None):
        """Create a parser for parsing an external entity based on the
        information passed to the ExternalEntityRefHandler."""
        child = xmlparser(encoding, self._scanner.separator, self.intern)
        for name in _HANDLER_NAMES:
            object.__setattr__(child, name, getattr(self, name))
        object.__setattr__(child, '_expand_default', self._expand_default)
        child._scanner.as_external_entity()
        return child

    def SetParamEntityParsing(self, flag):
        """Controls parsing of parameter entities (including the external DTD
        subset)."""
        self._scanner.param_parsing = flag
        return 1

    def UseForeignDTD(self, flag=True):
        """Allows the application to provide an artificial external subset if
        one is not specified as part of the document instance."""
        self._scanner.use_foreign_dtd = bool(flag)

    def __reduce__(self):
        raise TypeError("cannot pickle 'pyexpat.xmlparser' object")


_READONLY = frozenset([
    'ErrorCode', 'ErrorLineNumber', 'ErrorColumnNumber', 'ErrorByteIndex',
    'CurrentLineNumber', 'CurrentColumnNumber', 'CurrentByteIndex',
    'buffer_used'])

xmlparser.__module__ = 'pyexpat'
XMLParserType = xmlparser


def ParserCreate(encoding=None, namespace_separator=None, intern=None):
    """Return a new XML parser object."""
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("ParserCreate() argument 'encoding' must be str or "
                        "None, not %s" % type(encoding).__name__)
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' "
                            "must be str or None, not %s"
                            % type(namespace_separator).__name__)
        if len(namespace_separator) > 1:
            raise ValueError('namespace_separator must be at most one '
                             'character, omitted, or None')
    if intern is None:
        intern = {}
    elif not isinstance(intern, dict):
        raise TypeError('intern must be a dictionary')
    return xmlparser(encoding, namespace_separator, intern)


def _raise(scanner, code):
    line, col, _ = scanner.position()
    err = ExpatError('%s: line %d, column %d'
                     % (_pyexpat_errors.MESSAGES[code], line, col))
    err.code = code
    err.lineno = line
    err.offset = col
    raise err


Scanner.raise_error = staticmethod(_raise)
