"""The document type declaration for gilt's `pyexpat`: `<!DOCTYPE …>` read
token by token as expat reads it (each token to the default handler when no
handler takes it), internal entities, attribute-list defaults and types,
element content models, notations, and the external subset asked of
ExternalEntityRefHandler. A mixin of `_pyexpat_scan.Scanner`, whose
position, error and handler helpers it uses."""

import re

from _pyexpat_lex import _ATTR_WS, _NAME, _NAME_RE, _REF, _valid_char

_DTD_TOK = re.compile(
    r'(?P<ws>[ \t\n]+)|(?P<decl><!(?:ELEMENT|ATTLIST|ENTITY|NOTATION))'
    r'|(?P<lit>"[^"]*"|\'[^\']*\')|(?P<pe>%' + _NAME_RE + ';)'
    r'|(?P<hash>#' + _NAME_RE + r')|(?P<name>[\w.\-:\u00b7]+)'
    r'|(?P<punct>\)[?*+]?|[\[\]>(|,?*+%])')
_QUANT = {'?': 1, '*': 2, '+': 3}


class DtdMixin:
    """The DTD half of the scanner."""

    def _dtd_tokens(self, i):
        """The tokens of the declaration at `i` up to its closing `>`."""
        s = self.s
        n = self.n
        toks = [('decl', '<!DOCTYPE', i)]
        j = i + 9
        in_decl = in_subset = False
        while True:
            if j >= n:
                self._need(i)
            if s.startswith('<!--', j):
                k = s.find('-->', j + 4, n)
                if k < 0:
                    self._need(i)
                toks.append(('comment', s[j:k + 3], j))
                j = k + 3
                continue
            if s.startswith('<?', j):
                k = s.find('?>', j + 2, n)
                if k < 0:
                    self._need(i)
                toks.append(('pi', s[j:k + 2], j))
                j = k + 2
                continue
            m = _DTD_TOK.match(s, j, n)
            if m is None:
                if s[j] in '"\'<#%' and not self.final:
                    self._need(i)
                self._fail(4 if in_subset else 2, j)
            kind = m.lastgroup
            text = m.group()
            if m.end() >= n and kind in ('ws', 'name', 'hash', 'decl'):
                self._need(i)
            toks.append((kind, text, j))
            j = m.end()
            if kind == 'decl':
                in_decl = True
            elif text == '>':
                if in_decl:
                    in_decl = False
                elif not in_subset:
                    return toks, j
            elif text == '[' and not in_decl:
                in_subset = True
            elif text == ']' and not in_decl:
                in_subset = False

    def _doctype(self, i):
        toks, end = self._dtd_tokens(i)
        self.i = end
        self.seen_doctype = True
        p = self.p
        words = []
        k = 1
        while k < len(toks) and toks[k][1] not in ('[', '>'):
            if toks[k][0] != 'ws':
                words.append(toks[k][1])
            k += 1
        name = words[0] if words else None
        sysid = pubid = None
        if len(words) >= 3 and words[1] == 'SYSTEM':
            sysid = words[2][1:-1]
        elif len(words) >= 4 and words[1] == 'PUBLIC':
            pubid = ' '.join(words[2][1:-1].split())
            sysid = words[3][1:-1]
        if sysid is not None:
            self.dtd_ext = True
        has_subset = toks[k][1] == '['
        if sysid is not None:
            self._not_standalone(toks[k][2])
        h = p.StartDoctypeDeclHandler
        if h is not None:
            self._at(toks[k][2])
            p._flush()
            h(name, sysid, pubid, int(has_subset))
        else:
            for t in toks[:k + 1 if toks[k][1] == '[' else k]:
                self._default(t[1], t[2])
        if has_subset:
            k = self._subset(toks, k + 1)
            if h is None:
                self._default(toks[k][1], toks[k][2])
            k += 1
            while toks[k][0] == 'ws':
                if h is None:
                    self._default(toks[k][1], toks[k][2])
                k += 1
        last = toks[k]
        if sysid is not None:
            self._not_standalone(last[2])
            if self._reads_external_dtd():
                self._external_subset(sysid, pubid, last[2])
        h = p.EndDoctypeDeclHandler
        if h is not None:
            self._at(last[2])
            p._flush()
            h()
        else:
            self._default(last[1], last[2])

    def _reads_external_dtd(self):
        mode = self.param_parsing
        return mode == 2 or (mode == 1 and self.standalone != 1)

    def _external_subset(self, sysid, pubid, pos):
        """With parameter-entity parsing on, the external subset (or the
        foreign DTD) is asked of ExternalEntityRefHandler, context None."""
        h = self.p.ExternalEntityRefHandler
        if h is not None:
            self._at(pos)
            self.p._flush()
            if not h(None, self.p._base, sysid, pubid):
                self._fail(21, pos)

    def _not_standalone(self, pos):
        """A document with an external subset asks NotStandaloneHandler
        whether to go on (expat asks where the subset would be read)."""
        h = self.p.NotStandaloneHandler
        if h is not None and self.standalone != 1:
            self._at(pos)
            self.p._flush()
            if not h():
                self._fail(22, pos)

    def _subset(self, toks, k):
        """Reports the internal subset's tokens; returns the index of `]`."""
        while True:
            kind, text, pos = toks[k]
            if kind == 'punct' and text == ']':
                return k
            if kind == 'comment':
                self._emit('CommentHandler', (text[4:-3],), text, pos)
            elif kind == 'pi':
                body = text[2:-2]
                m = _NAME.match(body)
                target = m.group() if m else body
                data = body[len(target):].lstrip(' \t\n')
                self._emit('ProcessingInstructionHandler', (target, data),
                           text, pos)
            elif kind == 'decl':
                j = k
                while toks[j][1] != '>':
                    j += 1
                if text == '<!ENTITY':
                    self._entity_decl(toks[k:j + 1])
                elif text == '<!ATTLIST':
                    self._attlist_decl(toks[k:j + 1])
                elif text == '<!ELEMENT' and \
                        self.p.ElementDeclHandler is not None:
                    self._element_decl(toks[k:j + 1])
                elif text == '<!NOTATION' and \
                        self.p.NotationDeclHandler is not None:
                    self._notation_decl(toks[k:j + 1])
                else:
                    for t in toks[k:j + 1]:
                        self._default(t[1], t[2])
                k = j
            else:
                if kind == 'pe':
                    self.dtd_ext = True
                self._default(text, pos)
            k += 1

    def _entity_decl(self, toks):
        words = [t for t in toks[1:-1] if t[0] != 'ws']
        is_param = bool(words) and words[0][1] == '%'
        if is_param:
            words = words[1:]
        if not words:
            self._fail(2, toks[0][2])
        name = words[0][1]
        value = sysid = pubid = notation = None
        rest = [w[1] for w in words[1:]]
        if rest and rest[0][:1] in '"\'' and rest[0]:
            value = self._entity_value(rest[0][1:-1], words[1][2])
        elif len(rest) >= 2 and rest[0] == 'SYSTEM':
            sysid = rest[1][1:-1]
            rest = rest[2:]
        elif len(rest) >= 3 and rest[0] == 'PUBLIC':
            pubid = rest[1][1:-1]
            sysid = rest[2][1:-1]
            rest = rest[3:]
        if value is None and len(rest) >= 2 and rest[0] == 'NDATA':
            notation = rest[1]
        if not is_param and name not in self.entities:
            self.entities[name] = value if value is not None \
                else (sysid, pubid)
        p = self.p
        pos = words[-1][2]
        h = p.EntityDeclHandler
        if notation is not None and p.UnparsedEntityDeclHandler is not None:
            self._at(pos)
            p._flush()
            p.UnparsedEntityDeclHandler(name, p._base, sysid, pubid, notation)
        elif h is not None:
            self._at(pos)
            p._flush()
            h(name, int(is_param), value, p._base, sysid, pubid, notation)
        else:
            for t in toks:
                self._default(t[1], t[2])

    def _attlist_decl(self, toks):
        words = [t for t in toks[1:-1] if t[0] != 'ws']
        if not words:
            self._fail(2, toks[0][2])
        elname = words[0][1]
        h = self.p.AttlistDeclHandler
        k = 1
        while k < len(words):
            attname = words[k][1]
            k += 1
            if k >= len(words):
                self._fail(2, words[-1][2])
            if words[k][1] == '(' or (words[k][1] == 'NOTATION'
                                      and k + 1 < len(words)
                                      and words[k + 1][1] == '('):
                atype = 'NOTATION' if words[k][1] == 'NOTATION' else ''
                if atype:
                    k += 1
                while words[k][1] != ')':
                    atype += words[k][1]
                    k += 1
                atype += ')'
            else:
                atype = words[k][1]
            k += 1
            self.atttypes.setdefault(elname, {}).setdefault(attname, atype)
            required = 0
            default = None
            dpos = words[k - 1][2]
            if k < len(words) and words[k][1] in ('#REQUIRED', '#IMPLIED'):
                required = int(words[k][1] == '#REQUIRED')
                dpos = words[k][2]
                k += 1
            else:
                if k < len(words) and words[k][1] == '#FIXED':
                    required = 1
                    k += 1
                if k >= len(words) or words[k][0] != 'lit':
                    self._fail(2, words[min(k, len(words) - 1)][2])
                default = words[k][1][1:-1]
                if '&' in default:
                    default = self._attr_refs(default, words[k][2] + 1)
                else:
                    default = default.translate(_ATTR_WS)
                dpos = words[k][2]
                k += 1
                self.attdefaults.setdefault(elname, [])
                if attname not in [a for a, _ in self.attdefaults[elname]]:
                    self.attdefaults[elname].append((attname, default))
            if h is not None:
                self._at(dpos)
                self.p._flush()
                h(elname, attname, atype, default, required)
        if h is None:
            for t in toks:
                self._default(t[1], t[2])

    def _element_decl(self, toks):
        words = [t[1] for t in toks[1:-1] if t[0] != 'ws']
        if len(words) < 2:
            self._fail(2, toks[0][2])
        name = words[0]
        rest = words[1:]
        if rest == ['EMPTY']:
            model = (1, 0, None, ())
        elif rest == ['ANY']:
            model = (2, 0, None, ())
        elif len(rest) > 1 and rest[1] == '#PCDATA':
            names = tuple((4, 0, w, ()) for w in rest[2:]
                          if w not in ('|', ')', ')*'))
            model = (3, 2 if rest[-1] == ')*' else 0, None, names)
        else:
            model, _ = self._content_particle(rest, 0)
        self._at(toks[-1][2])
        self.p._flush()
        self.p.ElementDeclHandler(name, model)

    def _content_particle(self, words, k):
        """One particle of a children content model from `words[k]` on:
        (model tuple, index after it)."""
        if words[k] != '(':
            quant = _QUANT.get(words[k + 1], 0) if k + 1 < len(words) else 0
            return (4, quant, words[k], ()), k + (2 if quant else 1)
        k += 1
        parts = []
        kind = 6
        while True:
            part, k = self._content_particle(words, k)
            parts.append(part)
            sep = words[k]
            k += 1
            if sep[0] == ')':
                break
            kind = 5 if sep == '|' else 6
        return (kind, _QUANT.get(sep[1:], 0), None, tuple(parts)), k

    def _notation_decl(self, toks):
        words = [t for t in toks[1:-1] if t[0] != 'ws']
        if len(words) < 3:
            self._fail(2, toks[0][2])
        name = words[0][1]
        sysid = pubid = None
        if words[1][1] == 'SYSTEM':
            sysid = words[2][1][1:-1]
        elif words[1][1] == 'PUBLIC':
            pubid = words[2][1][1:-1]
            if len(words) > 3:
                sysid = words[3][1][1:-1]
        self._at(words[-1][2])
        self.p._flush()
        self.p.NotationDeclHandler(name, self.p._base, sysid, pubid)

    def _entity_value(self, raw, pos):
        """An entity's literal value with its character references resolved
        (entity references stay for expansion at use)."""
        if '&#' not in raw:
            return raw
        out = []
        k = 0
        for m in _REF.finditer(raw):
            if m.group(3) is not None:
                continue
            out.append(raw[k:m.start()])
            cp = int(m.group(1), 10) if m.group(1) else int(m.group(2), 16)
            if not _valid_char(cp):
                self._fail(14, pos)
            out.append(chr(cp))
            k = m.end()
        out.append(raw[k:])
        return ''.join(out)
