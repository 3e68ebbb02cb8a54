//! Finding a module's source in a folder of `sys.path` or a package's
//! `__path__`: CPython's embedded library first when the folder is (under)
//! its [`LIB_ROOT`](crate::stdlib::cpython_lib::LIB_ROOT), then the file
//! system. As CPython's FileFinder, a package (`name/__init__.py`) wins
//! over a module (`name.py`) in the same folder.

use std::borrow::Cow;

use crate::stdlib::cpython_lib;

/// A module's source, found.
pub struct Found {
    /// `__file__`: the path it was read from (for the embedded library, the
    /// path it was embedded from).
    pub filename: String,
    /// A package: `__path__` is the folder holding `filename`.
    pub is_pkg: bool,
    pub bytes: Cow<'static, [u8]>,
}

impl Found {
    /// The folder a package's submodules are searched in.
    pub fn package_dir(&self) -> Option<String> {
        if !self.is_pkg {
            return None;
        }
        std::path::Path::new(&self.filename).parent().map(|p| p.display().to_string())
    }
}

/// Looks for module `leaf` in folder `dir` (`""` is the current folder).
pub fn find_in_dir(dir: &str, leaf: &str) -> std::io::Result<Option<Found>> {
    if let Some(rel) = cpython_lib::relative_dir(dir) {
        let base = if rel.is_empty() { leaf.to_string() } else { format!("{rel}/{leaf}") };
        for (candidate, is_pkg) in [(format!("{base}/__init__.py"), true), (format!("{base}.py"), false)] {
            if let Some(bytes) = cpython_lib::file(&candidate) {
                let filename = format!("{}/{candidate}", cpython_lib::LIB_ROOT);
                return Ok(Some(Found { filename, is_pkg, bytes: Cow::Borrowed(bytes) }));
            }
        }
    }
    let base = std::path::Path::new(if dir.is_empty() { "." } else { dir });
    for (candidate, is_pkg) in [(base.join(leaf).join("__init__.py"), true), (base.join(format!("{leaf}.py")), false)] {
        if candidate.is_file() {
            let bytes = std::fs::read(&candidate)?;
            let filename = candidate.display().to_string();
            return Ok(Some(Found { filename, is_pkg, bytes: Cow::Owned(bytes) }));
        }
    }
    Ok(None)
}

/// CPython's `importlib.machinery.EXTENSION_SUFFIXES` on 64-bit Linux.
const EXTENSION_SUFFIXES: [&str; 3] = [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"];

/// The C extension module `leaf` in folder `dir` (`leaf.cpython-311-….so`
/// and friends), which CPython's FileFinder would load before a `leaf.py`.
pub fn extension_in_dir(dir: &str, leaf: &str) -> Option<String> {
    let base = std::path::Path::new(if dir.is_empty() { "." } else { dir });
    EXTENSION_SUFFIXES
        .iter()
        .map(|s| base.join(format!("{leaf}{s}")))
        .find(|p| p.is_file())
        .map(|p| p.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_and_modules_come_from_the_embedded_library() {
        let root = cpython_lib::LIB_ROOT;
        let json = find_in_dir(root, "json").unwrap().expect("json");
        assert!(json.is_pkg);
        assert_eq!(json.package_dir().as_deref(), Some(format!("{root}/json").as_str()));
        let decoder = find_in_dir(&format!("{root}/json"), "decoder").unwrap().expect("json.decoder");
        assert!(!decoder.is_pkg && decoder.filename.ends_with("json/decoder.py"));
        assert!(find_in_dir(root, "no_such_module_here").unwrap().is_none());
    }
}
