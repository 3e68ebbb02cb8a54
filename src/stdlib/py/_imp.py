"""gilt's `_imp`: the hooks CPython's importlib calls. gilt's own importer
loads modules; importlib only decorates them (specs) and runs its loaders."""
import sys
import _thread
import _warnings
import _weakref

_lock = _thread.RLock()
_EXTRA_BUILTINS = ('_io', 'marshal')


def lock_held():
    return _lock._is_owned()


def acquire_lock():
    _lock.acquire()


def release_lock():
    try:
        _lock.release()
    except RuntimeError:
        raise RuntimeError('not holding the import lock') from None


def is_builtin(name):
    # CPython answers -1 for modules that cannot be re-initialised; 1 otherwise.
    return 1 if name in sys.builtin_module_names or name in _EXTRA_BUILTINS else 0


def create_builtin(spec):
    name = spec.name
    if not is_builtin(name):
        raise ImportError('no built-in module named ' + name, name=name)
    if name in sys.modules:
        return sys.modules[name]
    return __import__(name)


def exec_builtin(mod):
    return 0


def is_frozen(name):
    return False


def is_frozen_package(name):
    raise ImportError('No such frozen object named %r' % (name,), name=name)


def find_frozen(name, *, withdata=False):
    return None


def get_frozen_object(name, data=None):
    raise ImportError('No such frozen object named %r' % (name,), name=name)


def init_frozen(name):
    raise ImportError('No such frozen object named %r' % (name,), name=name)


def _frozen_module_names():
    return []


def _override_frozen_modules_for_tests(override):
    return 0


def _override_multi_interp_extensions_check(override):
    return -1


def extension_suffixes():
    return []


def create_dynamic(spec, file=None):
    raise ImportError('gilt cannot load extension modules: ' + str(spec.origin), name=spec.name)


def exec_dynamic(mod):
    return 0


def _fix_co_filename(code, path):
    return None


check_hash_based_pycs = 'never'


def source_hash(key, source):
    # A keyed 64-bit hash of the source (SipHash in CPython; any stable keyed hash works here).
    import hashlib
    h = hashlib.blake2b(bytes(source), digest_size=8, key=key.to_bytes(8, 'little', signed=True) if isinstance(key, int) else bytes(key))
    return h.digest()


def _gilt_set_spec(name, filename, is_pkg, d):
    """Gives a module gilt's importer loads from `filename` importlib's spec and loader
    (gilt calls this once importlib is set up, before the module's code runs)."""
    ext = sys.modules.get('importlib._bootstrap_external')
    if ext is None:
        return
    if filename.startswith('<'):
        # One of gilt's own embedded modules: no file to reload it from.
        d['__spec__'] = _bootstrap().ModuleSpec(name, None, origin='frozen')
        return
    locs = [filename.rpartition('/')[0]] if is_pkg else None
    spec = ext.spec_from_file_location(name, filename, submodule_search_locations=locs)
    if spec is not None:
        d['__spec__'] = spec
        d.setdefault('__loader__', spec.loader)
        if spec.cached is not None:
            d.setdefault('__cached__', spec.cached)


def _gilt_namespace(name, portions, d):
    """Makes module dict `d` a namespace package over the folders `portions`
    (gilt's importer found no module or regular package named `name`): a
    `_NamespacePath` that follows sys.path, a NamespaceLoader, a spec."""
    import importlib._bootstrap_external as ext
    bs = _bootstrap()
    loader = ext.NamespaceLoader(name, portions, ext.PathFinder._get_spec)
    spec = bs.ModuleSpec(name, loader, is_package=True)
    spec.submodule_search_locations = loader._path
    d['__path__'] = loader._path
    d['__spec__'] = spec
    d['__loader__'] = loader


def _gilt_pyc_magic():
    """The magic number of gilt's `.pyc` files (`NAME.gilt-311.pyc`): gilt
    marshals code objects in a format private to one build, so the number
    is derived from that format; a file from another build (or CPython's)
    fails importlib's magic check and is recompiled from the source."""
    import binascii
    import marshal
    n = binascii.crc32(marshal.dumps(compile('pass', '<gilt>', 'exec'))) & 0x7fff | 0x8000
    return n.to_bytes(2, 'little') + b'\r\n'


# importlib._bootstrap as importlib set itself up: kept, because
# test.support's import_fresh_module takes it out of sys.modules for a while.
_gilt_bs = None


def _bootstrap():
    """importlib._bootstrap: the one in sys.modules, else the one set up first."""
    return sys.modules.get('importlib._bootstrap') or _gilt_bs


def _gilt_importlib_ready():
    """Called by gilt when `importlib` has been imported: installs importlib's
    finders (gilt's own importer does not use them) and gives specs to the
    modules already loaded from files."""
    global _gilt_bs
    bs = sys.modules['importlib._bootstrap']
    ext = sys.modules['importlib._bootstrap_external']
    _gilt_bs = _gilt_bs or bs
    if not getattr(ext, '_gilt_magic', False):
        ext.MAGIC_NUMBER = _gilt_pyc_magic()
        ext._RAW_MAGIC_NUMBER = int.from_bytes(ext.MAGIC_NUMBER, 'little')
        ext._gilt_magic = True
    if bs.BuiltinImporter not in sys.meta_path:
        sys.meta_path.append(bs.BuiltinImporter)
        sys.meta_path.append(bs.FrozenImporter)
        ext._install(bs)
    bs._weakref = _weakref
    bs._gcd_import = _gcd_import_of(bs)
    for name, mod in list(sys.modules.items()):
        d = getattr(mod, '__dict__', None)
        if not isinstance(d, dict) or d.get('__spec__') is not None or name == '__main__':
            continue
        f = d.get('__file__')
        if isinstance(f, str):
            _gilt_set_spec(name, f, '__path__' in d, d)
        elif name not in sys.builtin_module_names:
            _gilt_set_spec(name, '<frozen %s>' % name, False, d)


def _gcd_import_of(bs):
    """importlib's `_gcd_import` (behind `import_module`) over gilt's importer,
    which finds gilt's embedded modules as well as files. It keeps its own
    `_bootstrap` module, as CPython's function does: `import_fresh_module`
    takes `importlib._bootstrap` out of sys.modules while it imports."""
    def _gcd_import(name, package=None, level=0):
        bs._sanity_check(name, package, level)
        if level > 0:
            name = bs._resolve_name(name, package, level)
        __import__(name)
        return sys.modules[name]
    return _gcd_import


def _gilt_is_standard_finder(f):
    """BuiltinImporter, FrozenImporter and PathFinder: gilt's importer does their work."""
    return (isinstance(f, type) and f.__name__ in ('BuiltinImporter', 'FrozenImporter', 'PathFinder')
            and getattr(f, '__module__', '').startswith('importlib._bootstrap'))


def _gilt_hook_find(name, path, phase):
    """Loads `name` through the import hooks a script installed, or returns None.
    gilt's importer calls this for phase "before" when `sys.meta_path` has finders
    ahead of the standard ones, and for phase "after" when its own search found
    nothing and `sys.meta_path` has finders after them or a `sys.path` entry is
    not a folder (a zip archive, found through `sys.path_hooks`)."""
    if not _gilt_hook_machinery():
        return None
    bs = _bootstrap()
    finders = list(sys.meta_path)
    first_std = next((i for i, f in enumerate(finders) if _gilt_is_standard_finder(f)), len(finders))
    if phase == 'before':
        return _gilt_load_from(bs, name, path, finders[:first_std])
    for entry in (sys.path if path is None else path):
        if not isinstance(entry, str) or not entry or _gilt_isdir(entry):
            continue
        finder = _gilt_entry_finder(entry)
        if finder is None:
            continue
        spec = finder.find_spec(name)
        if spec is not None and spec.loader is not None:
            return bs._load(spec)
    rest = [f for f in finders[first_std:] if not _gilt_is_standard_finder(f)]
    return _gilt_load_from(bs, name, path, rest)


_gilt_machinery_loading = set()
_gilt_machinery_ready = False


def _gilt_hook_machinery():
    """Imports importlib and zipimport (with zipimporter first in
    `sys.path_hooks`, as CPython has it). False while that is under way in
    this thread: their own imports are gilt's importer's alone."""
    global _gilt_machinery_ready
    if _gilt_machinery_ready:
        return True
    me = _thread.get_ident()
    if me in _gilt_machinery_loading:
        return False
    _gilt_machinery_loading.add(me)
    try:
        import importlib
        import zipimport
        if zipimport.zipimporter not in sys.path_hooks:
            sys.path_hooks.insert(0, zipimport.zipimporter)
        _gilt_machinery_ready = True
    finally:
        _gilt_machinery_loading.discard(me)
    return True


def _gilt_load_from(bs, name, path, finders):
    for finder in finders:
        find_spec = getattr(finder, 'find_spec', None)
        if find_spec is None:
            continue
        spec = find_spec(name, path, None)
        if spec is not None:
            if spec.loader is None and spec.submodule_search_locations is None:
                raise ImportError('missing loader', name=spec.name)
            return bs._load(spec)
    return None


def _gilt_isdir(entry):
    import posix
    try:
        return (posix.stat(entry).st_mode & 0o170000) == 0o040000
    except OSError:
        return False


def _gilt_entry_finder(entry):
    """The finder `sys.path_hooks` give for a path entry, cached in
    `sys.path_importer_cache` as CPython's PathFinder does."""
    cache = sys.path_importer_cache
    if entry in cache:
        return cache[entry]
    finder = None
    for hook in sys.path_hooks:
        try:
            finder = hook(entry)
            break
        except ImportError:
            continue
    cache[entry] = finder
    return finder


def _gilt_zip_main(archive):
    """`gilt app.zip`: the source, file name, spec and loader of the archive's
    `__main__.py` (sys.path[0] is the archive, as in CPython). None when it has none."""
    _gilt_hook_machinery()
    import zipimport
    try:
        z = zipimport.zipimporter(archive)
        source = z.get_source('__main__')
    except zipimport.ZipImportError:
        return None
    if source is None:
        return None
    spec = z.find_spec('__main__')
    return source, z.get_filename('__main__'), spec, spec.loader
