"""The objects CPython's `site` puts in the built-ins: `quit`/`exit`, which
show how to leave when typed alone, `copyright`/`credits`/`license`, and
`help`. gilt installs them at startup unless -S (`_gilt_install`); this is its
own version of the module so that startup imports nothing else (no `os`)."""

import sys


class Quitter(object):
    """`quit` / `exit`: the hint as repr; called, closes stdin and raises SystemExit."""

    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return 'Use ' + self.name + '() or ' + self.eof + ' to exit'

    def __call__(self, code=None):
        try:
            sys.stdin.close()
        except BaseException:
            pass
        raise SystemExit(code)


class _Printer(object):
    """`copyright`, `credits`, `license`: short texts print as their repr; a
    long one is shown a screen at a time when called. The text comes from
    the first readable file of `files` in `dirs`, else `data`; nothing is
    read before it is needed."""

    MAXLINES = 23

    def __init__(self, name, data, files=(), dirs=()):
        self.__name = name
        self.__data = data
        self.__paths = [d.rstrip('/') + '/' + f for d in dirs for f in files]
        self.__lines = None

    def __text_lines(self):
        if self.__lines is None:
            text = None
            for path in self.__paths:
                try:
                    with open(path, encoding='utf-8') as f:
                        text = f.read()
                    break
                except OSError:
                    continue
            self.__lines = (text or self.__data).split('\n')
        return self.__lines

    def __repr__(self):
        lines = self.__text_lines()
        if len(lines) <= self.MAXLINES:
            return '\n'.join(lines)
        return 'Type %s() to see the full %s text' % (self.__name, self.__name)

    def __call__(self):
        lines = self.__text_lines()
        shown = 0
        while shown < len(lines):
            for line in lines[shown:shown + self.MAXLINES]:
                print(line)
            shown += self.MAXLINES
            if shown >= len(lines):
                break
            answer = ''
            while answer not in ('', 'q'):
                answer = input('Hit Return for more, or q (and Return) to quit: ')
            if answer == 'q':
                break


class _Helper(object):
    """`help`: pydoc's help, imported on first use."""

    def __repr__(self):
        return ('Type help() for interactive help, '
                'or help(object) for help about object.')

    def __call__(self, *args, **kwds):
        import pydoc
        return pydoc.help(*args, **kwds)


def _gilt_install(builtins):
    """What `site` adds to the built-ins (gilt calls this at startup unless -S)."""
    builtins.quit = Quitter('quit', 'Ctrl-D (i.e. EOF)')
    builtins.exit = Quitter('exit', 'Ctrl-D (i.e. EOF)')
    builtins.copyright = _Printer('copyright', sys.copyright)
    builtins.credits = _Printer(
        'credits',
        '    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n'
        '    for supporting Python development.  See www.python.org for more information.')
    lib = getattr(sys, '_stdlib_dir', None) or ''
    builtins.license = _Printer('license', 'See https://www.python.org/psf/license/',
                                ['LICENSE.txt', 'LICENSE'], [lib, lib + '/..', '.'])
    builtins.help = _Helper()
