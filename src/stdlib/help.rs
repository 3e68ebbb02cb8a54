//! What CPython's `site` adds to the built-ins: `help` (pydoc's, imported on
//! first use), `quit`/`exit` (whose repr says how to leave), `copyright`,
//! `credits` and `license` — the objects of gilt's own `_sitebuiltins`
//! (src/stdlib/py/), a small module that imports nothing else, so startup
//! pays little for them. Installed at startup unless `-S`.

use crate::vm::{PyResult, Vm};

/// Adds `help`, `quit`, `exit`, `copyright`, `credits` and `license` to the built-ins.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let module = vm.import_name("_sitebuiltins", 0, true)?;
    let builtins = vm.import_name("builtins", 0, true)?;
    if let Some(f) = vm.get_attr_str(&module, "_gilt_install")? {
        vm.call(&f, vec![builtins])?;
    }
    Ok(())
}
