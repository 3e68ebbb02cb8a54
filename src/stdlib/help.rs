//! What CPython's `site` adds to the built-ins: `help` (pydoc's, imported on
//! first use), `quit`/`exit` (whose repr says how to leave), `copyright`,
//! `credits` and `license` — made, as `site.py` makes them, from the classes
//! of CPython's own `_sitebuiltins` (which imports only `sys`, so startup pays
//! little for them). Installed at startup unless `-S`.

use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// The text `credits` shows (site.py's `setcopyright`).
const CREDITS: &str = "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    for supporting Python development.  See www.python.org for more information.";

/// Adds `help`, `quit`, `exit`, `copyright`, `credits` and `license` to the built-ins.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let module = vm.import_name("_sitebuiltins", 0, true)?;
    let builtins = vm.import_name("builtins", 0, true)?;
    let class = |vm: &mut Vm, name: &str| -> PyResult<Value> {
        vm.get_attr_str(&module, name)?.ok_or_else(|| vm.attribute_error(&module, name))
    };
    let (quitter, printer, helper) = (class(vm, "Quitter")?, class(vm, "_Printer")?, class(vm, "_Helper")?);
    let eof = Value::str("Ctrl-D (i.e. EOF)");
    let copyright = vm.sys_attr("copyright").unwrap_or_else(|| Value::str(""));
    // `license()` shows the LICENSE.txt beside the library when there is one (Debian installs it).
    let lib = Value::str(crate::stdlib::cpython_lib::LIB_ROOT);
    let license_files = Value::list(vec![Value::str("LICENSE.txt"), Value::str("LICENSE")]);
    let objects = [
        ("quit", quitter.clone(), vec![Value::str("quit"), eof.clone()]),
        ("exit", quitter, vec![Value::str("exit"), eof]),
        ("copyright", printer.clone(), vec![Value::str("copyright"), copyright]),
        ("credits", printer.clone(), vec![Value::str("credits"), Value::str(CREDITS)]),
        (
            "license",
            printer,
            vec![
                Value::str("license"),
                Value::str("See https://www.python.org/psf/license/"),
                license_files,
                Value::list(vec![lib, Value::str(".")]),
            ],
        ),
        ("help", helper, vec![]),
    ];
    for (name, class, args) in objects {
        let object = vm.call(&class, args)?;
        let name = vm.rt.intern(name);
        vm.set_attr(&builtins, &name, object)?;
    }
    Ok(())
}
