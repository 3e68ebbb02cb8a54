//! A bytecode cache for the modules embedded in the binary (CPython's
//! library and gilt's own), as CPython's `__pycache__` is for its `.pyc`
//! files: the first import compiles and writes the code with the marshal
//! format (`bytecode/marshal.rs`), later runs read it back.
//!
//! The cache lives in `$XDG_CACHE_HOME/gilt` (else `~/.cache/gilt`), in a
//! folder named for this binary (its size and modification time) and the
//! marshal schema, so a rebuilt gilt never reads another build's code (and
//! an entry needs no hash of its source, fixed by the binary). Anything that goes
//! wrong (no home, a read-only disk, a corrupt or truncated file) only
//! means compiling again. Folders of other builds unused for a day are
//! removed when a new one is made. `sys.dont_write_bytecode` (`-B`,
//! PYTHONDONTWRITEBYTECODE) stops writing, as in CPython;
//! `GILT_NO_BYTECODE_CACHE` turns the cache off entirely.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::bytecode::CodeObject;
use crate::bytecode::marshal;
use crate::vm::Runtime;

/// The folder of this build's entries, once per process (`None`: no cache).
fn folder() -> Option<&'static PathBuf> {
    static FOLDER: OnceLock<Option<PathBuf>> = OnceLock::new();
    FOLDER
        .get_or_init(|| {
            if std::env::var_os("GILT_NO_BYTECODE_CACHE").is_some() {
                return None;
            }
            let base = match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
                Some(d) => PathBuf::from(d),
                None => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
            };
            let exe = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
            let mtime = exe.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
            let mut id = Vec::new();
            id.extend_from_slice(&exe.len().to_le_bytes());
            id.extend_from_slice(&mtime.to_le_bytes());
            id.extend_from_slice(&marshal::schema_hash().to_le_bytes());
            Some(base.join("gilt").join(format!("{:016x}", marshal::fnv1a(&id))))
        })
        .as_ref()
}

/// The entry's file for embedded module `filename`, compiled at optimization
/// level `optimize` (`-O` leaves asserts out, `-OO` docstrings too, so each
/// level has its own entry, as CPython's `.opt-1.pyc`). The source is not
/// part of the key: an embedded module's text is fixed by the binary, which
/// the folder is named for, so a lookup reads none of it.
fn entry_path(filename: &str, optimize: u8) -> Option<PathBuf> {
    let stem: String = filename.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '_' }).collect();
    let stem = stem.trim_start_matches('_');
    let opt = if optimize == 0 { String::new() } else { format!(".opt-{}", optimize.min(2)) };
    Some(folder()?.join(format!("{stem}-{:016x}{opt}.gbc", marshal::fnv1a(filename.as_bytes()))))
}

/// The cached code of an embedded module, if this build wrote it before.
pub fn load(rt: &Runtime, filename: &str) -> Option<Arc<CodeObject>> {
    let bytes = std::fs::read(entry_path(filename, rt.config.optimize)?).ok()?;
    let fname: Arc<str> = Arc::from(filename);
    marshal::decode(&bytes, &fname, &|s| rt.intern(s)).map(Arc::new)
}

/// Writes `code` for the next run (atomically: a reader never sees half a file).
pub fn store(rt: &Runtime, filename: &str, code: &CodeObject) {
    let Some(path) = entry_path(filename, rt.config.optimize) else { return };
    let Some(bytes) = marshal::encode(code) else { return };
    let Some(dir) = path.parent() else { return };
    if !dir.is_dir() {
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        prune_old_builds(dir);
    }
    let tmp =
        dir.join(format!(".{}.{}.tmp", std::process::id(), path.file_name().and_then(|n| n.to_str()).unwrap_or("x")));
    if std::fs::write(&tmp, &bytes).is_ok() && std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Removes the folders of other builds not used for a day, so rebuilding
/// gilt again and again does not fill the disk.
fn prune_old_builds(current: &std::path::Path) {
    let Some(Ok(entries)) = current.parent().map(std::fs::read_dir) else { return };
    let day = std::time::Duration::from_secs(24 * 3600);
    for e in entries.flatten() {
        let p = e.path();
        let old =
            e.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|age| age > day);
        if p != current && old && p.is_dir() {
            let _ = std::fs::remove_dir_all(&p);
        }
    }
}
