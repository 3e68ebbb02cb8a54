//! `-v` (`sys.flags.verbose`): the import trace CPython's importlib prints
//! with its `_verbose_message`, written by gilt's own importer (importlib's
//! Python loaders, when a script uses them, print their own lines).
//!
//! One `import 'NAME' # LOADER` line per module after it ran (so a
//! package's submodules come before it, as in CPython), `# code object from
//! PATH` before a file's module runs, `# possible namespace for DIR`, and
//! with `-vv` the `# trying PATH` of every file name looked for. At exit,
//! the module cleanup lines of CPython's `finalize_modules`.

use std::io::Write;

use super::Vm;
use crate::object::value::Value;

/// CPython's loader reprs for a built-in and a frozen module: gilt's native
/// modules are CPython's built-in ones, and its `<frozen NAME>` sources its
/// frozen ones.
pub const BUILTIN_LOADER: &str = "<class '_frozen_importlib.BuiltinImporter'>";
pub const FROZEN_LOADER: &str = "<class '_frozen_importlib.FrozenImporter'>";

/// The suffixes CPython's FileFinder tries for a module, in its order
/// (extension modules, source, bytecode).
const SUFFIXES: [&str; 5] = [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so", ".py", ".pyc"];

/// The sys attributes CPython's `finalize_modules` clears, in its order.
const CLEARED: [&str; 11] = [
    "path",
    "argv",
    "ps1",
    "ps2",
    "last_type",
    "last_value",
    "last_traceback",
    "path_hooks",
    "path_importer_cache",
    "meta_path",
    "__interactivehook__",
];

impl Vm {
    /// importlib's `_verbose_message`: `msg` on stderr when `-v` was given
    /// `level` times or more; a message not starting with `#` or `import `
    /// gets `# ` in front.
    pub fn verbose_message(&self, level: u8, msg: &str) {
        if self.rt.config.verbose < level {
            return;
        }
        let prefix = if msg.starts_with('#') || msg.starts_with("import ") { "" } else { "# " };
        // A closed stderr loses the trace, as CPython's print would fail quietly here.
        let _ = writeln!(std::io::stderr(), "{prefix}{msg}");
    }

    /// `import 'NAME' # LOADER`, after the module ran.
    pub fn verbose_imported(&self, name: &str, loader: &str) {
        if self.rt.config.verbose > 0 {
            self.verbose_message(1, &format!("import {} # {loader}", py_quote(name)));
        }
    }

    /// The loader repr of a module gilt ran from a file (`__file__` set):
    /// CPython's SourceFileLoader or, for a namespace package, NamespaceLoader.
    pub fn verbose_file_loader(&self, module: &Value, namespace: bool) -> String {
        let class = if namespace { "NamespaceLoader" } else { "SourceFileLoader" };
        // The loader object importlib attached, else the module: an address to tell them apart.
        let id = match module {
            Value::Module(m) => m.dict.get_item_str("__loader__").map(|l| l.id()).unwrap_or_else(|| module.id()),
            _ => module.id(),
        };
        format!("<_frozen_importlib_external.{class} object at {id:#x}>")
    }

    /// `-vv`: the file names FileFinder tries for module `leaf` in `dir`, up
    /// to the one found (`found_py`), none when a package was found there.
    pub fn verbose_trying(&self, dir: &str, leaf: &str, found: Option<bool>) {
        if self.rt.config.verbose < 2 || found == Some(true) {
            return;
        }
        let dir = absolute_dir(dir);
        if !std::path::Path::new(&dir).is_dir() {
            return;
        }
        let upto = if found.is_some() { 4 } else { SUFFIXES.len() };
        for s in &SUFFIXES[..upto] {
            self.verbose_message(2, &format!("trying {dir}/{leaf}{s}"));
        }
    }

    /// The start of a verbose run (CPython's `pymain_header`): the version
    /// line, and with `site` the line that names its built-ins.
    pub fn verbose_header(&self, site: bool) {
        let mut err = std::io::stderr();
        let _ = writeln!(err, "Python {} on {}", crate::cli_args::sys_version(), std::env::consts::OS);
        if site {
            let _ = writeln!(err, "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
        }
    }

    /// The end of a verbose run: the lines of CPython's `finalize_modules`
    /// (sys attributes cleared, the streams restored, every module removed
    /// from `sys.modules`, then wiped last imported first, `sys` and
    /// `builtins` last). gilt keeps its modules alive for daemon threads, so
    /// the `# destroy NAME` lines of CPython's reference counting are not
    /// printed.
    pub fn verbose_cleanup(&self) {
        if self.rt.config.verbose == 0 {
            return;
        }
        let mut lines = vec!["# clear builtins._".to_string()];
        lines.extend(CLEARED.iter().map(|a| format!("# clear sys.{a}")));
        lines.extend(["stdin", "stdout", "stderr"].iter().map(|s| format!("# restore sys.{s}")));
        let names: Vec<String> = self
            .rt
            .modules
            .lock()
            .items()
            .into_iter()
            .filter_map(|(k, v)| match (k, v) {
                (Value::Str(k), Value::Module(_)) => Some(k.as_str().to_string()),
                _ => None,
            })
            .collect();
        lines.extend(names.iter().map(|n| format!("# cleanup[2] removing {n}")));
        let last = ["sys", "builtins"];
        let wiped = names.iter().rev().filter(|n| !last.contains(&n.as_str()) && n.as_str() != "__main__");
        lines.extend(wiped.map(|n| format!("# cleanup[3] wiping {n}")));
        lines.extend(last.iter().map(|n| format!("# cleanup[3] wiping {n}")));
        lines.push("# clear sys.audit hooks".into());
        let mut err = std::io::stderr().lock();
        for l in lines {
            let _ = writeln!(err, "{l}");
        }
    }
}

/// `repr()` of a module name (CPython's `{!r}`): single quotes unless the
/// name holds one.
fn py_quote(s: &str) -> String {
    crate::object::numfmt::py_str_repr(s)
}

/// FileFinder's folder: a relative `sys.path` entry is taken from the
/// current directory.
fn absolute_dir(dir: &str) -> String {
    if dir.starts_with('/') {
        return dir.trim_end_matches('/').to_string();
    }
    let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
    match dir {
        "" | "." => cwd,
        d => format!("{cwd}/{}", d.trim_start_matches("./")),
    }
}
