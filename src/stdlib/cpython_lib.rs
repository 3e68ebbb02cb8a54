//! CPython 3.11's own pure-Python library, embedded in the binary.
//!
//! build.rs finds the library (`GILT_CPYTHON_LIB`, else Debian's
//! /usr/lib/python3.11) and embeds every module file, so a built gilt needs
//! nothing at run time. The library is a dependency, never part of the
//! repository. At run time it appears as one entry of `sys.path`,
//! [`LIB_ROOT`], the folder it came from: the importer asks this table
//! before the file system for that folder and the folders under it (a
//! package's `__path__`), so a script's own `random.py` still shadows the
//! library's as in CPython, and whatever was not embedded (the `test`
//! package of Debian's libpython3.11-testsuite) is still found on disk.
//!
//! gilt's own modules (native ones and src/stdlib/py) are looked up before
//! `sys.path`, so where gilt keeps its own version (the GIL-instrumented
//! `threading`, the event loop…) CPython's is not used.

include!(concat!(env!("OUT_DIR"), "/cpython_lib.rs"));

/// The installation of the `python3` that gilt was built beside (build.rs
/// asked it): `sys.prefix` and the site-packages folders `site` adds.
pub mod python3 {
    include!(concat!(env!("OUT_DIR"), "/python3_site.rs"));
}

/// The path of entry `e` of [`INDEX`].
fn path_of(e: &(u32, u32, u32, u32)) -> &'static str {
    &PATHS[e.0 as usize..(e.0 + e.1) as usize]
}

/// The bytes of the embedded file at `rel` (a path under [`LIB_ROOT`] with `/`).
pub fn file(rel: &str) -> Option<&'static [u8]> {
    let i = INDEX.binary_search_by(|e| path_of(e).cmp(rel)).ok()?;
    let (_, _, start, len) = INDEX[i];
    DATA.get(start as usize..(start + len) as usize)
}

/// The paths of all embedded files (relative to [`LIB_ROOT`]), sorted; reading
/// them touches none of the files' bytes.
pub fn paths() -> impl Iterator<Item = &'static str> {
    INDEX.iter().map(path_of)
}

/// The part of `dir` under [`LIB_ROOT`] (`""` for the root itself), if `dir` is in the embedded library.
pub fn relative_dir(dir: &str) -> Option<&str> {
    let rest = dir.strip_prefix(LIB_ROOT)?;
    if rest.is_empty() {
        return Some("");
    }
    rest.strip_prefix('/').map(|r| r.trim_end_matches('/'))
}

/// Whether `rel` names an embedded package folder (it has an `__init__.py`).
pub fn is_package_dir(rel: &str) -> bool {
    file(&format!("{rel}/__init__.py")).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_holds_the_library() {
        let all: Vec<&str> = paths().collect();
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(file("os.py").map(|b| b.starts_with(b"r\"\"\"OS routines")), Some(true));
        for rel in ["os.py", "argparse.py", "json/__init__.py", "collections/abc.py", "unittest/case.py"] {
            assert!(file(rel).is_some(), "{rel} missing");
        }
        assert!(file("test/support/__init__.py").is_none(), "the test suite is not embedded");
        assert!(!LICENSE.is_empty());
    }

    #[test]
    fn directories_map_into_the_table() {
        assert_eq!(relative_dir(LIB_ROOT), Some(""));
        assert_eq!(relative_dir(&format!("{LIB_ROOT}/json")), Some("json"));
        assert_eq!(relative_dir("/elsewhere"), None);
        assert!(is_package_dir("json") && !is_package_dir("nonexistent"));
    }
}
