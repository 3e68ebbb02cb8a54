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
        if let Some(m) = crate::stdlib::native_module(self, full)? {
            self.rt.modules.set_item_str(full, m.clone());
            return Ok(m);
        }
        if let Some(src) = crate::stdlib::frozen_source(full) {
            let filename = format!("<frozen {full}>");
            return self.exec_module_source(full, &filename, src, false);
        }
        // name.py (or name/__init__.py) on sys.path.
        let rel = full.replace('.', "/");
        for dir in self.sys_path() {
            let file = std::path::Path::new(&dir).join(format!("{rel}.py"));
            let pkg = std::path::Path::new(&dir).join(&rel).join("__init__.py");
            for (candidate, is_pkg) in [(file, false), (pkg, true)] {
                if candidate.is_file() {
                    let fname = candidate.to_string_lossy().into_owned();
                    let text = match std::fs::read(&candidate) {
                        Ok(b) => {
                            crate::lex::source::decode_source(&b, &fname).map_err(|e| self.err("SyntaxError", &e.0))?
                        }
                        Err(e) => return Err(self.err("ImportError", &e.to_string())),
                    };
                    let leaked: &'static str = Box::leak(text.into_boxed_str());
                    return self.exec_module_source(full, &fname, leaked, is_pkg);
                }
            }
        }
        if let Some(r) = self.load_from_cpython_lib(full, &rel) {
            return r;
        }
        let e = self.err("ModuleNotFoundError", &format!("No module named '{full}'"));
        e.exc.dict.set_item_str("name", Value::str(full));
        Err(e)
    }

    /// CPython's own pure-Python modules that gilt runs as they are (the
    /// `re` package on the native `_sre`), from Debian's CPython 3.11 library
    /// when sys.path does not have them: the order the embedded library
    /// will keep, after gilt's own modules and sys.path.
    fn load_from_cpython_lib(&mut self, full: &str, rel: &str) -> Option<PyResult> {
        const LIB: &str = "/usr/lib/python3.11";
        const MODULES: [&str; 1] = ["re"];
        let top = full.split('.').next().unwrap_or(full);
        if !MODULES.contains(&top) {
            return None;
        }
        let dir = std::path::Path::new(LIB);
        for (candidate, is_pkg) in [(dir.join(format!("{rel}.py")), false), (dir.join(rel).join("__init__.py"), true)] {
            if let Ok(b) = std::fs::read(&candidate) {
                let fname = candidate.to_string_lossy().into_owned();
                let text = match crate::lex::source::decode_source(&b, &fname) {
                    Ok(t) => t,
                    Err(e) => return Some(Err(self.err("SyntaxError", &e.0))),
                };
                let leaked: &'static str = Box::leak(text.into_boxed_str());
                return Some(self.exec_module_source(full, &fname, leaked, is_pkg));
            }
        }
        None
    }

    fn sys_path(&mut self) -> Vec<String> {
        let sys = self.rt.modules.get_item_str("sys");
        if let Some(Value::Module(m)) = sys
            && let Some(Value::List(l)) = m.dict.get_item_str("path")
        {
            return l
                .snapshot()
                .iter()
                .filter_map(|v| {
                    v.as_str().map(|s| if s.as_str().is_empty() { ".".to_string() } else { s.as_str().to_string() })
                })
                .collect();
        }
        vec![self.rt.config.script_dir.clone()]
    }

    /// Creates a module, registers it in sys.modules, and runs its code.
    pub fn exec_module_source(&mut self, name: &str, filename: &str, src: &'static str, is_pkg: bool) -> PyResult {
        let code = {
            let cached = self.rt.frozen_cache.lock().get(filename).cloned();
            match cached {
                Some(c) => c,
                None => {
                    // A worker child may have the parent's compiled code.
                    let c = match crate::runtime::code_cache::preloaded(&self.rt, filename, src) {
                        Some(c) => {
                            self.rt.add_source(filename, src);
                            c
                        }
                        None => crate::compile_source(self, src, filename)?,
                    };
                    self.rt.frozen_cache.lock().insert(filename.to_string(), c.clone());
                    c
                }
            }
        };
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
        dict.set_item_str("__builtins__", Value::Dict(self.rt.builtins.clone()));
        dict.set_item_str("__doc__", Value::None);
        let module = Value::Module(Arc::new(Module { name: Arc::from(name), dict: dict.clone() }));
        self.rt.modules.set_item_str(name, module.clone());
        let frame = Box::new(Frame::new(code, dict));
        if let Err(e) = self.run_to_return(frame) {
            self.rt.modules.remove_item_str(name);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.rt.modules.get_item_str(name).unwrap_or(module))
    }

    /// `from module import name`.
    pub fn import_from(&mut self, m: &Value, name: &Arc<PyStr>) -> PyResult {
        if let Some(v) = self.get_attr_opt(m, name)? {
            return Ok(v);
        }
        if let Value::Module(md) = m {
            let sub = format!("{}.{}", md.name, name.as_str());
            if let Ok(v) = self.load_module(&sub) {
                return Ok(v);
            }
            let loc = match md.dict.get_item_str("__file__") {
                Some(Value::Str(f)) => format!(" ({})", f.as_str()),
                _ => " (unknown location)".to_string(),
            };
            let e =
                self.err("ImportError", &format!("cannot import name '{}' from '{}'{}", name.as_str(), md.name, loc));
            return Err(e);
        }
        Err(self.err("ImportError", &format!("cannot import name '{}'", name.as_str())))
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
