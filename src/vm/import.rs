//! The import system: sys.modules, built-in (Rust) modules, modules
//! embedded as Python source, and `name.py` files beside the script.

use std::sync::Arc;

use super::frame::Frame;
use super::import_lock::Claim;
use super::{PyResult, Vm};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::runtime::events::BlockKind;

impl Vm {
    /// `import name` (returns the top package unless `want_leaf`).
    pub fn import_name(&mut self, name: &str, level: u32, want_leaf: bool) -> PyResult {
        let full = if level > 0 { self.resolve_relative(name, level)? } else { name.to_string() };
        let parts: Vec<&str> = full.split('.').collect();
        let mut top = None;
        let mut path = String::new();
        let mut last = Value::None;
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                path.push('.');
            }
            path.push_str(p);
            let m = self.load_module(&path)?;
            if i == 0 {
                top = Some(m.clone());
            } else if let Value::Module(parent) = &last {
                parent.dict.set_item_str(p, m.clone());
            }
            last = m;
        }
        Ok(if want_leaf { last } else { top.unwrap_or(Value::None) })
    }

    fn resolve_relative(&mut self, name: &str, level: u32) -> PyResult<String> {
        let pkg = match self.frame.globals.get_item_str("__package__") {
            Some(Value::Str(s)) if !s.as_str().is_empty() => s.as_str().to_string(),
            _ => String::new(),
        };
        let mut base: Vec<&str> = if pkg.is_empty() { Vec::new() } else { pkg.split('.').collect() };
        for _ in 1..level {
            base.pop();
        }
        if base.is_empty() {
            // A script run directly has no package: treat `from . import x` as a sibling import.
            return Ok(name.to_string());
        }
        let mut s = base.join(".");
        if !name.is_empty() {
            s.push('.');
            s.push_str(name);
        }
        Ok(s)
    }

    /// Finds, loads and caches one module by its full dotted name. A module
    /// that another thread is still initialising is waited for (see
    /// `import_lock.rs`).
    pub fn load_module(&mut self, full: &str) -> PyResult {
        loop {
            if let Some(m) = self.rt.modules.get_item_str(full) {
                // `sys.modules[name] = None` blocks the import (import_helper's `blocked=`).
                if m.is_none() {
                    let msg = format!("import of {full} halted; None in sys.modules");
                    let e = self.err("ModuleNotFoundError", &msg);
                    e.exc.dict.set_item_str("name", Value::str(full));
                    return Err(e);
                }
                if !self.rt.imports.initialising_elsewhere(full) {
                    return Ok(m);
                }
                match self.claim_import(full) {
                    Claim::Owner => self.rt.imports.release(full),
                    Claim::Partial => return Ok(m),
                    Claim::Retry => {}
                }
                continue;
            }
            match self.claim_import(full) {
                Claim::Owner => {
                    // Another thread may have finished it between the look and the claim.
                    let r = match self.rt.modules.get_item_str(full) {
                        Some(m) => Ok(m),
                        None => self.load_module_unlocked(full),
                    };
                    self.rt.imports.release(full);
                    return r;
                }
                Claim::Partial => {
                    return match self.rt.modules.get_item_str(full) {
                        Some(m) => Ok(m),
                        None => self.load_module_unlocked(full),
                    };
                }
                Claim::Retry => {}
            }
        }
    }

    /// Takes `full`'s import lock, waiting with the GIL released if another thread has it.
    fn claim_import(&mut self, full: &str) -> Claim {
        let rt = self.rt.clone();
        rt.imports.claim(full, &mut |wait| self.allow_threads(BlockKind::Lock, wait))
    }

    fn load_module_unlocked(&mut self, full: &str) -> PyResult {
        // `_imp` carries the hook machinery itself: consulting the hooks for it
        // would import it again, without end (a stack overflow, not an error).
        let hooks = if full == "_imp" { ImportHooks::default() } else { self.import_hooks() };
        if hooks.before
            && let Some(m) = self.load_by_hooks(full, "before")?
        {
            return Ok(m);
        }
        if let Some(m) = crate::stdlib::native_module(self, full)? {
            self.rt.modules.set_item_str(full, m.clone());
            self.builtin_spec(full, &m);
            self.verbose_imported(full, super::import_verbose::BUILTIN_LOADER);
            return Ok(m);
        }
        if let Some(src) = crate::stdlib::frozen_source(full) {
            let filename = format!("<frozen {full}>");
            let m = self.exec_module_source(full, &filename, src, false)?;
            self.verbose_imported(full, super::import_verbose::FROZEN_LOADER);
            return Ok(m);
        }
        // On sys.path, or in the parent package's `__path__`.
        let (parent, leaf) = match full.rsplit_once('.') {
            Some((p, l)) => (Some(p), l),
            None => (None, full),
        };
        let dirs = match parent.and_then(|p| self.package_path(p)) {
            Some(dirs) => dirs,
            None => {
                let sub = parent.map(|p| p.replace('.', "/"));
                self.sys_path()
                    .into_iter()
                    .map(|d| match &sub {
                        Some(s) => format!("{}/{s}", if d.is_empty() { "." } else { d.as_str() }),
                        None => d,
                    })
                    .collect()
            }
        };
        let mut entries_not_dirs = false;
        // Folders named `leaf` without `__init__.py`: the portions of a
        // namespace package (PEP 420), used when no module or package is found.
        let mut portions = Vec::new();
        for dir in dirs {
            if !entries_not_dirs && in_a_file(&dir) {
                // A zip archive or a folder in one: for `sys.path_hooks`.
                entries_not_dirs = true;
            }
            let found = super::import_find::find_in_dir(&dir, leaf);
            self.verbose_trying(&dir, leaf, found.as_ref().ok().and_then(|f| f.as_ref().map(|f| f.is_pkg)));
            if !matches!(&found, Ok(Some(f)) if f.is_pkg)
                && let Some(path) = super::import_find::extension_in_dir(&dir, leaf)
            {
                // CPython would load this shared library here; gilt cannot run C code.
                let msg = format!(
                    "cannot import C extension module '{full}' from {path}: gilt runs pure-Python modules only"
                );
                let e = self.err("ImportError", &msg);
                e.exc.dict.set_item_str("name", Value::str(full));
                e.exc.dict.set_item_str("path", Value::str(&path));
                return Err(e);
            }
            let found = match found {
                Ok(Some(f)) => f,
                Ok(None) => {
                    let folder = std::path::Path::new(&dir).join(leaf);
                    if folder.is_dir() {
                        let base = folder.display().to_string();
                        self.verbose_message(1, &format!("possible namespace for {base}"));
                        portions.push(base);
                    }
                    continue;
                }
                Err(e) => return Err(self.err("ImportError", &e.to_string())),
            };
            self.verbose_message(1, &format!("code object from {}", found.filename));
            // A module of the embedded library whose compiled code is in the bytecode
            // cache never reads its source: the text stays untouched in the binary
            // (not even mapped into memory) until a traceback or `inspect` asks for it.
            let m = match self.cached_embedded_code(&code_filename(full, &found.filename)) {
                Some(code) => self.exec_module_code(full, &found.filename, code, found.is_pkg)?,
                None => {
                    // An embedded module's text is borrowed from the binary; a file's is
                    // read, compiled and then dropped (the traceback lines keep one copy).
                    let text = crate::lex::source::decode_source(&found.bytes, &found.filename)
                        .map_err(|e| self.err("SyntaxError", &e.0))?;
                    self.exec_module_source(full, &found.filename, &text, found.is_pkg)?
                }
            };
            if self.rt.config.verbose > 0 {
                self.verbose_imported(full, &self.verbose_file_loader(&m, false));
            }
            return Ok(m);
        }
        if (hooks.after || entries_not_dirs)
            && let Some(m) = self.load_by_hooks(full, "after")?
        {
            return Ok(m);
        }
        if !portions.is_empty() {
            let m = self.namespace_package(full, portions)?;
            if self.rt.config.verbose > 0 {
                self.verbose_imported(full, &self.verbose_file_loader(&m, true));
            }
            return Ok(m);
        }
        let e = self.err("ModuleNotFoundError", &format!("No module named '{full}'"));
        e.exc.dict.set_item_str("name", Value::str(full));
        Err(e)
    }

    /// Which import hooks a script installed: finders in `sys.meta_path`
    /// before or after CPython's standard three (which gilt's own importer
    /// stands for).
    fn import_hooks(&mut self) -> ImportHooks {
        let mut hooks = ImportHooks::default();
        let Some(Value::Module(sys)) = self.rt.modules.get_item_str("sys") else { return hooks };
        let Some(Value::List(l)) = sys.dict.get_item_str("meta_path") else { return hooks };
        let mut seen_standard = false;
        for f in l.snapshot().iter() {
            if is_standard_finder(f) {
                seen_standard = true;
            } else if seen_standard {
                hooks.after = true;
            } else {
                hooks.before = true;
            }
        }
        hooks
    }

    /// Asks the script's import hooks for `full` (`_imp._gilt_hook_find`):
    /// `phase` "before" consults the `sys.meta_path` finders placed before
    /// the standard ones; "after" the `sys.path` entries that are not folders
    /// (through `sys.path_hooks`: zip archives) and the finders placed after.
    fn load_by_hooks(&mut self, full: &str, phase: &str) -> PyResult<Option<Value>> {
        // `_imp` holds the hook machinery itself: asking the hooks for it
        // would import it again, without end (a script's `sys.meta_path`
        // finder before any import overflowed the stack).
        if full == "_imp" {
            return Ok(None);
        }
        let Value::Module(imp) = self.import_name("_imp", 0, true)? else { return Ok(None) };
        let Some(find) = imp.dict.get_item_str("_gilt_hook_find") else { return Ok(None) };
        let (parent, _) = full.rsplit_once('.').unwrap_or(("", full));
        let path = if parent.is_empty() {
            Value::None
        } else {
            match self.rt.modules.get_item_str(parent) {
                Some(Value::Module(m)) => m.dict.get_item_str("__path__").unwrap_or(Value::None),
                _ => Value::None,
            }
        };
        let m = self.call(&find, vec![Value::str(full), path, Value::str(phase)])?;
        Ok((!m.is_none()).then_some(m))
    }

    /// The `__path__` of the already imported package `name`, if it has one.
    fn package_path(&mut self, name: &str) -> Option<Vec<String>> {
        let Some(Value::Module(m)) = self.rt.modules.get_item_str(name) else { return None };
        let items = match m.dict.get_item_str("__path__")? {
            Value::List(l) => l.snapshot().to_vec(),
            // A namespace package's `_NamespacePath` (recomputed when iterated).
            other => self.collect(&other).ok()?,
        };
        Some(items.iter().filter_map(|v| v.as_str().map(|s| s.as_str().to_string())).collect())
    }

    /// A namespace package (PEP 420) over the folders found: a module with
    /// no file whose `__path__` lists them; `_imp` then gives it importlib's
    /// `_NamespacePath`, spec and `NamespaceLoader`, as CPython's finder does.
    fn namespace_package(&mut self, name: &str, portions: Vec<String>) -> PyResult {
        let dict = Arc::new(Dict::new());
        dict.set_item_str("__name__", Value::str(name));
        dict.set_item_str("__doc__", Value::None);
        dict.set_item_str("__package__", Value::str(name));
        dict.set_item_str("__file__", Value::None);
        let path = Value::list(portions.iter().map(|p| Value::str(p)).collect());
        dict.set_item_str("__path__", path.clone());
        let module = Value::Module(Arc::new(Module::new(Arc::from(name), dict.clone())));
        self.rt.modules.set_item_str(name, module.clone());
        if let Err(e) = self.call_imp_hook("_gilt_namespace", vec![Value::str(name), path, Value::Dict(dict)]) {
            self.rt.modules.remove_item_str(name);
            return Err(e);
        }
        Ok(module)
    }

    fn sys_path(&mut self) -> Vec<String> {
        let sys = self.rt.modules.get_item_str("sys");
        if let Some(Value::Module(m)) = sys
            && let Some(Value::List(l)) = m.dict.get_item_str("path")
        {
            // As CPython's FileFinder: '' and '.' are the current directory, a relative
            // entry is taken from it, so `__file__` and the `-v` trace are absolute.
            let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_else(|_| ".".into());
            return l
                .snapshot()
                .iter()
                .filter_map(|v| {
                    v.as_str().map(|s| match s.as_str() {
                        "" | "." => cwd.clone(),
                        p if p.starts_with('/') => p.to_string(),
                        p => format!("{cwd}/{}", p.trim_start_matches("./")),
                    })
                })
                .collect();
        }
        vec![self.rt.config.script_dir.clone()]
    }

    /// The code of embedded module `filename` from the bytecode cache, if this
    /// build wrote it before (gilt's own modules are also kept in `frozen_cache`).
    fn cached_embedded_code(&mut self, filename: &str) -> Option<Arc<crate::bytecode::CodeObject>> {
        if let Some(c) = self.rt.frozen_cache.lock().get(filename).cloned() {
            return Some(c);
        }
        if !is_embedded(filename) {
            return None;
        }
        let c = crate::runtime::bytecode_cache::load(&self.rt, filename)?;
        // Its lines come from the binary when asked for.
        self.rt.sources.remove(filename);
        if is_gilt_frozen(filename) {
            self.rt.frozen_cache.lock().insert(filename.to_string(), c.clone());
        }
        Some(c)
    }

    /// Creates a module, registers it in sys.modules, and runs its code.
    pub fn exec_module_source(&mut self, name: &str, filename: &str, src: &str, is_pkg: bool) -> PyResult {
        let code_name = code_filename(name, filename);
        let code = match self.cached_embedded_code(&code_name) {
            Some(c) => c,
            None => {
                let code_name = code_name.as_ref();
                // A worker child may have the parent's compiled code.
                let c = match crate::runtime::code_cache::preloaded(&self.rt, code_name, src) {
                    Some(c) => {
                        self.rt.add_source(code_name, src);
                        c
                    }
                    None => {
                        let c = crate::compile_source(self, src, code_name)?;
                        if is_embedded(filename) && !self.dont_write_bytecode() {
                            crate::runtime::bytecode_cache::store(&self.rt, code_name, &c);
                        }
                        c
                    }
                };
                if code_name != filename {
                    // CPython shows no source line for its frozen modules' frames.
                    self.rt.sources.remove(code_name);
                }
                // gilt's own modules stay compiled for the worker children this
                // process may spawn (runtime/code_cache.rs). CPython's library is not
                // kept: a module's top-level code (and its class bodies) is garbage
                // once it has run, as in CPython, and a new import reads the
                // bytecode cache again.
                if is_gilt_frozen(code_name) {
                    self.rt.frozen_cache.lock().insert(code_name.to_string(), c.clone());
                }
                c
            }
        };
        self.exec_module_code(name, filename, code, is_pkg)
    }

    /// Creates module `name` for `code` compiled from `filename`, registers it in
    /// sys.modules, and runs the code.
    fn exec_module_code(
        &mut self,
        name: &str,
        filename: &str,
        code: Arc<crate::bytecode::CodeObject>,
        is_pkg: bool,
    ) -> PyResult {
        let dict = Arc::new(Dict::new());
        dict.set_item_str("__name__", Value::str(name));
        if !filename.starts_with("<frozen") {
            dict.set_item_str("__file__", Value::str(filename));
        }
        let package = if is_pkg {
            name.to_string()
        } else {
            name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
        };
        dict.set_item_str("__package__", Value::str(&package));
        if is_pkg && let Some(dir) = std::path::Path::new(filename).parent().filter(|_| !filename.starts_with('<')) {
            dict.set_item_str("__path__", Value::list(vec![Value::str(&dir.display().to_string())]));
        }
        dict.set_item_str("__builtins__", Value::Dict(self.rt.builtins.clone()));
        dict.set_item_str("__doc__", Value::None);
        let module = Value::Module(Arc::new(Module::new(Arc::from(name), dict.clone())));
        self.rt.modules.set_item_str(name, module.clone());
        // A module that reads its `__spec__`/`__loader__`/`__cached__` finds them while it
        // runs, as in CPython, even when nothing has loaded importlib yet (gilt's importer
        // does without it, and loading it costs every script otherwise).
        if !filename.starts_with('<')
            && !name.starts_with("importlib")
            && self.rt.modules.get_item_str("importlib").is_none()
            && code_reads_any(&code, &["__spec__", "__loader__", "__cached__"])
        {
            let _ = self.import_name("importlib._bootstrap_external", 0, true);
        }
        self.importlib_spec(name, filename, is_pkg, &dict);
        let frame = Box::new(Frame::new(code, dict));
        if let Err(e) = self.run_to_return(frame) {
            self.rt.modules.remove_item_str(name);
            return Err(e);
        }
        if name == "importlib" {
            // importlib's finders and specs, for what gilt has already loaded.
            self.call_imp_hook("_gilt_importlib_ready", vec![])?;
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.rt.modules.get_item_str(name).unwrap_or(module))
    }

    /// Once CPython's importlib is loaded, a module gilt loads from a file gets
    /// importlib's `__spec__` and `__loader__` (so `importlib.reload` and
    /// `importlib.util.find_spec` work on it); before, it has none.
    fn importlib_spec(&mut self, name: &str, filename: &str, is_pkg: bool, dict: &Arc<Dict>) {
        if self.rt.modules.get_item_str("importlib._bootstrap_external").is_none() {
            return;
        }
        let args = vec![Value::str(name), Value::str(filename), Value::Bool(is_pkg), Value::Dict(dict.clone())];
        // A module without a spec still loads; importlib then reports the missing spec itself.
        let _ = self.call_imp_hook("_gilt_set_spec", args);
    }

    /// A native module loaded after importlib gets CPython's spec of a built-in module
    /// (`ModuleSpec(name, BuiltinImporter, origin='built-in')`); the ones loaded before
    /// get theirs from importlib's own `_setup`, which gilt lets run on first use of a
    /// native module's `__spec__` (see `native_module_spec`).
    fn builtin_spec(&mut self, name: &str, m: &Value) {
        let (Some(Value::Module(bs)), Value::Module(md)) = (self.rt.modules.get_item_str("importlib._bootstrap"), m)
        else {
            return;
        };
        let (Some(importer), Some(spec_cls)) =
            (bs.dict.get_item_str("BuiltinImporter"), bs.dict.get_item_str("ModuleSpec"))
        else {
            return;
        };
        let args = crate::vm::Args::with_kw(
            vec![Value::str(name), importer.clone()],
            vec![(self.rt.intern("origin"), Value::str("built-in"))],
        );
        // A module without a spec still works; importlib reports a missing one itself.
        if let Ok(spec) = self.call_value(&spec_cls, args) {
            md.dict.set_item_str("__spec__", spec);
            md.dict.set_item_str("__loader__", importer);
            if md.dict.get_item_str("__package__").is_none() {
                md.dict.set_item_str("__package__", Value::str(""));
            }
        }
    }

    /// `module.__spec__` / `__loader__` of a native module loaded before importlib: importlib
    /// is loaded now (its `_setup` gives every built-in module in `sys.modules` its spec), as
    /// CPython's built-in modules always have one. None when there is nothing to do.
    pub fn native_module_spec(&mut self, m: &crate::object::module::Module, name: &str) -> Option<Value> {
        if !matches!(name, "__spec__" | "__loader__")
            || self.rt.modules.get_item_str("importlib").is_some()
            || !crate::stdlib::builtin_module_names().contains(&&*m.name)
        {
            return None;
        }
        self.import_name("importlib._bootstrap", 0, true).ok()?;
        m.dict.get_item_str(name)
    }

    /// `__main__`'s `__loader__` for a script run by path: importlib's SourceFileLoader.
    pub fn main_loader(&mut self, filename: &str, globals: &Arc<Dict>) {
        let Ok(ext) = self.import_name("importlib._bootstrap_external", 0, true) else { return };
        let Ok(Some(sfl)) = self.get_attr_str(&ext, "SourceFileLoader") else { return };
        if let Ok(loader) = self.call(&sfl, vec![Value::str("__main__"), Value::str(filename)]) {
            globals.set_item_str("__loader__", loader);
        }
    }

    /// Calls one of gilt's hooks in `_imp` (src/stdlib/py/_imp.py), if `_imp` is loaded.
    fn call_imp_hook(&mut self, hook: &str, args: Vec<Value>) -> PyResult<()> {
        let Some(Value::Module(imp)) = self.rt.modules.get_item_str("_imp") else { return Ok(()) };
        let Some(f) = imp.dict.get_item_str(hook) else { return Ok(()) };
        self.call(&f, args).map(|_| ())
    }

    /// `sys.dont_write_bytecode` (`-B`), read when a module is stored, as CPython does.
    fn dont_write_bytecode(&self) -> bool {
        match self.rt.modules.get_item_str("sys") {
            Some(Value::Module(m)) => {
                matches!(m.dict.get_item_str("dont_write_bytecode"), Some(v) if v.as_bool() == Some(true))
            }
            _ => false,
        }
    }

    /// `from module import name`.
    pub fn import_from(&mut self, m: &Value, name: &Arc<PyStr>) -> PyResult {
        match self.get_attr_opt(m, name) {
            Ok(Some(v)) => return Ok(v),
            // A module-level __getattr__ saying no: the name may still be a submodule.
            Err(e) if !self.is_exc(&e, "AttributeError") => return Err(e),
            _ => {}
        }
        if let Value::Module(md) = m {
            let sub = format!("{}.{}", md.name, name.as_str());
            match self.load_module(&sub) {
                Ok(v) => {
                    md.dict.set_str(name, v.clone());
                    return Ok(v);
                }
                // A submodule that exists but fails while loading reports its own error.
                Err(e) if !self.is_missing_module(&e, &sub) => return Err(e),
                Err(_) => {}
            }
            let loc = match md.dict.get_item_str("__file__") {
                Some(Value::Str(f)) => format!(" ({})", f.as_str()),
                _ => " (unknown location)".to_string(),
            };
            let msg = format!("cannot import name '{}' from '{}'{}", name.as_str(), md.name, loc);
            let e = self.err("ImportError", &msg);
            // As CPython: `name` is the module's, `path` its file.
            e.exc.dict.set_item_str("msg", Value::string(msg));
            e.exc.dict.set_item_str("name", Value::str(&md.name));
            e.exc.dict.set_item_str("path", md.dict.get_item_str("__file__").unwrap_or(Value::None));
            return Err(e);
        }
        Err(self.err("ImportError", &format!("cannot import name '{}'", name.as_str())))
    }

    /// Is `e` the ModuleNotFoundError saying that `full` itself does not exist?
    fn is_missing_module(&self, e: &super::PyErr, full: &str) -> bool {
        self.is_exc(e, "ModuleNotFoundError")
            && matches!(e.exc.dict.get_item_str("name"), Some(Value::Str(s)) if s.as_str() == full)
    }

    /// `from module import *`.
    pub fn import_star(&mut self, m: &Value) -> PyResult<()> {
        let Value::Module(md) = m else { return Ok(()) };
        let names: Vec<Value> = match md.dict.get_item_str("__all__") {
            Some(all) => self.collect(&all)?,
            None => md
                .dict
                .lock()
                .keys()
                .into_iter()
                .filter(|k| k.as_str().is_some_and(|s| !s.as_str().starts_with('_')))
                .collect(),
        };
        let target = self.frame.locals_dict.clone().unwrap_or_else(|| self.frame.globals.clone());
        for n in names {
            if let Value::Str(s) = &n {
                let v = self.get_attr(m, s)?;
                target.set_str(s, v);
            }
        }
        Ok(())
    }
}

/// Where a script put its own finders in `sys.meta_path`.
#[derive(Default)]
struct ImportHooks {
    /// Before CPython's standard finders (consulted before gilt's importer).
    before: bool,
    /// After them (consulted when gilt's importer found nothing).
    after: bool,
}

/// Whether a path entry is a file or a path inside one (a zip archive's
/// `app.zip/pkg`), which only a path hook can search.
fn in_a_file(entry: &str) -> bool {
    let p = std::path::Path::new(entry);
    if entry.is_empty() || p.is_dir() || crate::stdlib::cpython_lib::relative_dir(entry).is_some() {
        return false;
    }
    p.ancestors().find(|a| !a.as_os_str().is_empty() && a.exists()).is_some_and(|a| a.is_file())
}

/// CPython's BuiltinImporter, FrozenImporter and PathFinder, which importlib
/// puts in `sys.meta_path`: gilt's own importer does their work.
fn is_standard_finder(f: &Value) -> bool {
    let Value::Class(c) = f else { return false };
    let from_importlib = matches!(c.dict.get_item_str("__module__"), Some(Value::Str(m)) if m.as_str().starts_with("importlib._bootstrap"));
    from_importlib && matches!(c.name.lock().as_str(), "BuiltinImporter" | "FrozenImporter" | "PathFinder")
}

/// The library modules CPython 3.11 freezes into its binary (its
/// `Tools/build/freeze_modules.py`, less the `__hello__` test modules): their code is
/// named `<frozen NAME>`, so a traceback through `os.makedirs` reads
/// `File "<frozen os>", line 225, in makedirs` with no source line, while the
/// module's `__file__` is still its file.
const CPYTHON_FROZEN: &[&str] = &[
    "_collections_abc",
    "_sitebuiltins",
    "abc",
    "codecs",
    "genericpath",
    "importlib._bootstrap",
    "importlib._bootstrap_external",
    "importlib.machinery",
    "importlib.util",
    "io",
    "ntpath",
    "os",
    "posixpath",
    "runpy",
    "site",
    "stat",
    "zipimport",
];

/// Code of one of gilt's own embedded modules (kept in `frozen_cache`), not a CPython
/// library module that only carries a `<frozen NAME>` name as CPython's frozen ones do.
fn is_gilt_frozen(code_name: &str) -> bool {
    code_name
        .strip_prefix("<frozen ")
        .and_then(|s| s.strip_suffix('>'))
        .is_some_and(|name| crate::stdlib::frozen_source(name).is_some())
}

/// The file name the code of module `name`, found at `filename`, is compiled under.
fn code_filename<'a>(name: &str, filename: &'a str) -> std::borrow::Cow<'a, str> {
    if CPYTHON_FROZEN.contains(&name) && !filename.starts_with('<') && is_embedded(filename) {
        std::borrow::Cow::Owned(format!("<frozen {name}>"))
    } else {
        std::borrow::Cow::Borrowed(filename)
    }
}

/// A module compiled from source inside the binary: gilt's own (`<frozen …>`)
/// or CPython's embedded library.
/// Whether `filename` names a module of the embedded library.
pub(crate) fn is_embedded(filename: &str) -> bool {
    if filename.starts_with("<frozen ") {
        return true;
    }
    let lib = crate::stdlib::cpython_lib::LIB_ROOT;
    filename
        .strip_prefix(lib)
        .and_then(|r| r.strip_prefix('/'))
        .is_some_and(|rel| crate::stdlib::cpython_lib::file(rel).is_some())
}

/// Whether `code` or a code object nested in it names one of `names` (as a global or an
/// attribute, or as a string constant: `globals()["__spec__"]`): what decides that a module
/// needs importlib's spec while it runs.
pub fn code_reads_any(code: &crate::bytecode::CodeObject, names: &[&str]) -> bool {
    // `globals()['__spec__']` names it as a string, next to `globals`; a string alone
    // (`getattr(module, '__spec__', None)` in inspect) is about another module.
    let reads_globals = code.names.iter().any(|n| n.as_str() == "globals");
    code.names.iter().any(|n| names.contains(&n.as_str()))
        || code.consts.iter().any(|c| match c {
            Value::Code(inner) => code_reads_any(inner, names),
            Value::Str(s) => reads_globals && names.contains(&s.as_str()),
            _ => false,
        })
}
