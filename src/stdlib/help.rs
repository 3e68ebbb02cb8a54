//! `help`: CPython's own interactive help, `pydoc.help`, reached through a
//! built-in that imports pydoc on first use (as CPython's `site` module
//! installs `_sitebuiltins._Helper`), so startup pays nothing for it.
//! Added to the built-ins at startup unless `-S`.

use crate::object::dict::Dict;

/// Adds `help` to the built-ins.
pub fn install(builtins: &Dict) {
    super::def(builtins, "help", |vm, a| {
        let pydoc = vm.import_name("pydoc", 0, true)?;
        let Some(helper) = vm.get_attr_str(&pydoc, "help")? else {
            return Err(vm.attribute_error(&pydoc, "help"));
        };
        vm.call_value(&helper, a)
    });
}
