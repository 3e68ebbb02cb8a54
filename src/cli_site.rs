//! CPython's `site` at start-up (unless `-S`): CPython's own site.py runs, as
//! in python3 — the user site (`~/.local/lib/python3.11/site-packages`, not
//! with `-s`, `-I` or PYTHONNOUSERSITE), the site-packages of `sys.prefix`,
//! `.pth` files, `sitecustomize`, a venv's `pyvenv.cfg`, and the built-ins
//! `help`, `quit`, `exit`, `copyright`, `credits`, `license`.
//!
//! The embedded site.py is Debian's, whose folders are `dist-packages`; a
//! python3 built elsewhere (pyenv, `make install`) keeps its packages in
//! `lib/python3.11/site-packages`. So afterwards the folders that python3's
//! own `site.getsitepackages()` names (build.rs asked it) are added the same
//! way (`site.addsitedir`: `.pth` files included) when site.py did not.

use crate::object::value::Value;
use crate::stdlib::cpython_lib::python3;
use crate::vm::Vm;

/// `import site`, then python3's site-packages folders that it missed.
pub fn run(vm: &mut Vm) {
    let site = match vm.import_name("site", 0, true) {
        Ok(m) => m,
        Err(e) => {
            // CPython stops with a fatal error here; gilt reports it and goes on without.
            eprintln!("Failed to import the site module");
            crate::cli::report_uncaught(vm, &e);
            return;
        }
    };
    add_python3_dirs(vm, &site);
    hook_machinery(vm);
}

/// A `.pth` file that put an import hook ahead of the standard finders
/// (setuptools' `distutils-precedence.pth`) sends every import through
/// importlib's machinery, which then loads `zipimport` (and it `_warnings`):
/// load them now, before the script can touch `sys.modules`, as CPython has
/// them from the start.
fn hook_machinery(vm: &mut Vm) {
    let first = match vm.sys_attr("meta_path") {
        Some(Value::List(l)) => l.lock().first().cloned(),
        _ => None,
    };
    let Some(first) = first else { return };
    let Ok(imp) = vm.import_name("_imp", 0, true) else { return };
    let (Ok(Some(is_std)), Ok(Some(load))) =
        (vm.get_attr_str(&imp, "_gilt_is_standard_finder"), vm.get_attr_str(&imp, "_gilt_hook_machinery"))
    else {
        return;
    };
    let standard = vm.call(&is_std, vec![first]).and_then(|v| vm.truthy(&v)).unwrap_or(true);
    if !standard && let Err(e) = vm.call(&load, vec![]) {
        crate::cli::report_uncaught(vm, &e);
    }
}

/// python3's site-packages folders that site.py did not add. Not in a venv
/// (site.py read its pyvenv.cfg and moved sys.prefix): python3 does not see
/// its own site-packages there either.
fn add_python3_dirs(vm: &mut Vm, site: &Value) {
    if !matches!(vm.sys_attr("prefix"), Some(Value::Str(p)) if p.as_str() == python3::PREFIX) {
        return;
    }
    let Ok(Some(addsitedir)) = vm.get_attr_str(site, "addsitedir") else { return };
    for dir in python3::SITE_PACKAGES {
        let on_path = match vm.sys_attr("path") {
            Some(Value::List(l)) => l.snapshot().iter().any(|p| matches!(p, Value::Str(s) if s.as_str() == *dir)),
            _ => true,
        };
        if on_path || !std::path::Path::new(dir).is_dir() {
            continue;
        }
        if let Err(e) = vm.call(&addsitedir, vec![Value::str(dir)]) {
            crate::cli::report_uncaught(vm, &e);
        }
    }
}
