"""os.path for gilt: CPython's posixpath functions (str paths) over the
native posix module.  Importable as `os.path` (os registers it in sys.modules)."""

import posix as _os

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "exists",
           "lexists", "isdir", "isfile", "islink", "ismount", "expanduser",
           "expandvars", "normpath", "abspath", "samefile", "curdir", "pardir",
           "sep", "pathsep", "defpath", "altsep", "extsep", "devnull",
           "realpath", "relpath", "commonpath"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not %s"
                        % type(p).__name__)
    return f(p)


def _join_arg(s):
    if isinstance(s, str):
        return s
    if isinstance(s, bytes) or getattr(type(s), '__fspath__', None) is None:
        raise TypeError("join() argument must be str, bytes, or os.PathLike object, not %r"
                        % type(s).__name__)
    return _fspath(s)


def normcase(s):
    """Normalize case of pathname.  Has no effect under Posix"""
    return _fspath(s)


def isabs(s):
    """Test whether a path is absolute"""
    s = _fspath(s)
    return s.startswith('/')


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed."""
    a = _join_arg(a)
    path = a
    for b in p:
        b = _join_arg(b)
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    """Split a pathname.  Returns tuple "(head, tail)" where "tail" is
    everything after the final slash.  Either part may be empty."""
    p = _fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    """Split the extension from a pathname."""
    p = _fspath(p)
    sepIndex = p.rfind('/')
    dotIndex = p.rfind('.')
    if dotIndex > sepIndex:
        # skip all leading dots
        filenameIndex = sepIndex + 1
        while filenameIndex < dotIndex:
            if p[filenameIndex:filenameIndex + 1] != '.':
                return p[:dotIndex], p[dotIndex:]
            filenameIndex += 1
    return p, p[:0]


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always empty."""
    p = _fspath(p)
    return p[:0], p


def basename(p):
    """Returns the final component of a pathname"""
    p = _fspath(p)
    i = p.rfind('/') + 1
    return p[i:]


def dirname(p):
    """Returns the directory component of a pathname"""
    p = _fspath(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def _mode(path, follow=True):
    try:
        st = _os.stat(path) if follow else _os.lstat(path)
    except (OSError, ValueError):
        return None
    return st.st_mode & 0o170000


def exists(path):
    """Test whether a path exists."""
    return _mode(path) is not None


def lexists(path):
    """Test whether a path exists.  Returns True for broken symbolic links"""
    return _mode(path, False) is not None


def isfile(path):
    """Test whether a path is a regular file"""
    return _mode(path) == 0o100000


def isdir(s):
    """Return true if the pathname refers to an existing directory."""
    return _mode(s) == 0o040000


def islink(path):
    """Test whether a path is a symbolic link"""
    return _mode(path, False) == 0o120000


def ismount(path):
    """Test whether a path is a mount point (gilt: only '/')"""
    return abspath(path) == '/'


def getsize(filename):
    """Return the size of a file, reported by os.stat()."""
    return _os.stat(filename).st_size


def getmtime(filename):
    """Return the last modification time of a file, reported by os.stat()."""
    return _os.stat(filename).st_mtime


def getatime(filename):
    """Return the last access time of a file, reported by os.stat()."""
    return _os.stat(filename).st_atime


def getctime(filename):
    """Return the metadata change time of a file, reported by os.stat()."""
    return _os.stat(filename).st_ctime


def samefile(f1, f2):
    """Test whether two pathnames reference the same actual file"""
    return realpath(f1) == realpath(f2)


def commonprefix(m):
    """Given a list of pathnames, returns the longest common leading component"""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def expanduser(path):
    """Expand ~ and ~user constructions.  If user or $HOME is unknown,
    do nothing."""
    path = _fspath(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i == 1:
        userhome = _os.environ.get(b'HOME')
        if userhome is not None:
            userhome = userhome.decode()
        if userhome is None:
            return path
    else:
        return path
    userhome = userhome.rstrip('/')
    return (userhome + path[i:]) or '/'


def expandvars(path):
    """Expand shell variables of form $var and ${var}.  Unknown variables
    are left unchanged."""
    path = _fspath(path)
    if '$' not in path:
        return path
    environ = {k.decode(): v.decode() for k, v in _os.environ.items()}
    i = 0
    while True:
        i = path.find('$', i)
        if i < 0:
            break
        j = i + 1
        if path[j:j + 1] == '{':
            k = path.find('}', j)
            if k < 0:
                i = j
                continue
            name = path[j + 1:k]
            end = k + 1
        else:
            k = j
            while k < len(path) and (path[k].isalnum() or path[k] == '_') and path[k] < '\x80':
                k += 1
            if k == j:
                i = j
                continue
            name = path[j:k]
            end = k
        if name in environ:
            value = environ[name]
            tail = path[end:]
            path = path[:i] + value
            i = len(path)
            path += tail
        else:
            i = end
    return path


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = _fspath(path)
    if path == '':
        return '.'
    initial_slashes = path.startswith('/')
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if (comp != '..' or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == '..')):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    comps = new_comps
    path = '/'.join(comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    """Return an absolute path."""
    path = _fspath(path)
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """Return the canonical path of the specified filename, eliminating any
    symbolic links encountered in the path."""
    path = abspath(filename)
    parts = [p for p in path.split('/') if p]
    result = '/'
    seen = 0
    while parts:
        part = parts.pop(0)
        if part == '..':
            result = dirname(result)
            continue
        new = join(result, part)
        try:
            target = _os.readlink(new)
        except OSError:
            result = new
            continue
        seen += 1
        if seen > 40:
            return abspath(join(new, *parts))
        parts = [p for p in target.split('/') if p] + parts
        if target.startswith('/'):
            result = '/'
    return result


def relpath(path, start=None):
    """Return a relative version of a path"""
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    if start is None:
        start = curdir
    else:
        start = _fspath(start)
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonpath(paths):
    """Given a sequence of path names, returns the longest common sub-path."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    split_paths = [path.split('/') for path in paths]
    try:
        isabs, = set(p[:1] == '/' for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = '/' if isabs else ''
    return prefix + '/'.join(common)
