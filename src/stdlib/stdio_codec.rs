//! The encodings and error handlers of the standard streams, as CPython 3.11
//! chooses them: `PYTHONIOENCODING=ENC:ERRORS` (either part may be empty),
//! else UTF-8 (gilt's file-system and locale encoding), with `surrogateescape`
//! for stdin/stdout under the C/POSIX locale or in UTF-8 mode and `strict`
//! otherwise; stderr always `backslashreplace`. `reconfigure()` changes them.
//!
//! gilt's `str` is always valid UTF-8, so a UTF-8 stream writes the text's
//! bytes as they are (the fast path); any other encoding goes through the
//! codec registry (`str.encode`), so an unencodable character raises
//! CPython's `UnicodeEncodeError` or is replaced as the handler says.

use std::borrow::Cow;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;

use crate::vm::{PyResult, Vm};

/// One stream's encoding (a codec name as `codecs.lookup` spells it) and error handler.
#[derive(Clone, Debug)]
struct Slot {
    encoding: Arc<str>,
    errors: Arc<str>,
}

/// The three standard streams' codecs (stdin, stdout, stderr), per runtime.
pub struct StdioCodec {
    slots: Mutex<[Slot; 3]>,
    /// Per stream: the encoding is UTF-8, so text is written as it is.
    utf8: [AtomicBool; 3],
}

impl Default for StdioCodec {
    fn default() -> Self {
        let errors = default_errors(false);
        let slot = |e: &str| Slot { encoding: "utf-8".into(), errors: e.into() };
        StdioCodec {
            slots: Mutex::new([slot(errors), slot(errors), slot("backslashreplace")]),
            utf8: [AtomicBool::new(true), AtomicBool::new(true), AtomicBool::new(true)],
        }
    }
}

/// What the command line and environment ask of the standard streams.
#[derive(Clone, Debug, Default)]
pub struct StdioConfig {
    /// The encoding part of PYTHONIOENCODING (not empty).
    pub encoding: Option<String>,
    /// The error-handler part of PYTHONIOENCODING (not empty).
    pub errors: Option<String>,
    /// `sys.flags.utf8_mode`.
    pub utf8_mode: bool,
}

impl StdioConfig {
    /// Splits a PYTHONIOENCODING value (`ENC`, `ENC:ERRORS`, `:ERRORS`).
    pub fn from_env_value(value: &str, utf8_mode: bool) -> StdioConfig {
        let (enc, err) = value.split_once(':').unwrap_or((value, ""));
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        StdioConfig { encoding: some(enc), errors: some(err), utf8_mode }
    }
}

/// The LC_CTYPE locale the process gets from the environment (CPython calls
/// `setlocale(LC_CTYPE, "")` at start-up): its name, `C` when the
/// environment names a locale that is not installed.
pub fn ctype_locale() -> String {
    // SAFETY: setlocale is called with valid C strings; the previous
    // setting is copied before it is restored, so no pointer outlives it.
    unsafe {
        let old = libc::setlocale(libc::LC_CTYPE, std::ptr::null());
        let old = (!old.is_null()).then(|| std::ffi::CStr::from_ptr(old).to_owned());
        let new = libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
        let name =
            if new.is_null() { "C".to_string() } else { std::ffi::CStr::from_ptr(new).to_string_lossy().into_owned() };
        if let Some(old) = old {
            libc::setlocale(libc::LC_CTYPE, old.as_ptr());
        }
        name
    }
}

/// CPython's UTF-8 mode default: on under the C or POSIX locale.
pub fn utf8_mode_default() -> bool {
    matches!(ctype_locale().as_str(), "C" | "POSIX")
}

/// CPython's error handler for stdin and stdout when PYTHONIOENCODING names
/// none: `surrogateescape` in UTF-8 mode and under the C locale (or the
/// C.UTF-8 it is coerced to), `strict` otherwise.
fn default_errors(utf8_mode: bool) -> &'static str {
    if utf8_mode || matches!(ctype_locale().as_str(), "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8") {
        "surrogateescape"
    } else {
        "strict"
    }
}

fn is_utf8_name(name: &str) -> bool {
    matches!(name.to_ascii_lowercase().replace('_', "-").as_str(), "utf-8" | "utf8")
}

/// The codec's own name (`codecs.lookup(name).name`: `latin-1` → `iso8859-1`).
pub fn codec_name(vm: &mut Vm, name: &str) -> PyResult<String> {
    let info = super::mod_codecs::lookup(vm, name)?;
    let n = vm.get_attr_str(&info, "name")?.unwrap_or_else(|| crate::object::value::Value::str(name));
    vm.str_of(&n)
}

impl StdioCodec {
    /// Applies the start-up configuration; `Err` is the LookupError of an
    /// unknown PYTHONIOENCODING (CPython's fatal start-up error).
    pub fn configure(&self, vm: &mut Vm, cfg: &StdioConfig) -> PyResult<()> {
        let encoding: Arc<str> = match &cfg.encoding {
            Some(e) => codec_name(vm, e)?.into(),
            None => "utf-8".into(),
        };
        // A named encoding without a handler is strict, as in CPython.
        let errors: Arc<str> = match (&cfg.errors, &cfg.encoding) {
            (Some(e), _) => e.as_str().into(),
            (None, Some(_)) => "strict".into(),
            (None, None) => default_errors(cfg.utf8_mode).into(),
        };
        let utf8 = is_utf8_name(&encoding);
        let mut slots = self.slots.lock();
        for (fd, slot) in slots.iter_mut().enumerate() {
            slot.encoding = encoding.clone();
            slot.errors = if fd == 2 { "backslashreplace".into() } else { errors.clone() };
            self.utf8[fd].store(utf8, Ordering::Relaxed);
        }
        Ok(())
    }

    /// Whether stream `fd` writes UTF-8.
    pub fn is_utf8(&self, fd: u8) -> bool {
        self.utf8[fd as usize % 3].load(Ordering::Relaxed)
    }

    /// Stream `fd`'s encoding and error handler.
    pub fn get(&self, fd: u8) -> (Arc<str>, Arc<str>) {
        let s = &self.slots.lock()[fd as usize % 3];
        (s.encoding.clone(), s.errors.clone())
    }

    /// `reconfigure(encoding=…, errors=…)`: a new encoding without a
    /// handler makes it `strict`, as CPython's TextIOWrapper does.
    pub fn set(&self, fd: u8, encoding: Option<String>, errors: Option<String>) {
        let fd = fd as usize % 3;
        let mut slots = self.slots.lock();
        let slot = &mut slots[fd];
        if let Some(e) = encoding {
            self.utf8[fd].store(is_utf8_name(&e), Ordering::Relaxed);
            slot.encoding = e.into();
            if errors.is_none() {
                slot.errors = "strict".into();
            }
        }
        if let Some(e) = errors {
            slot.errors = e.into();
        }
    }

    /// `text` as the bytes stream `fd` writes (a codec error is raised).
    pub fn encode<'a>(&self, vm: &mut Vm, fd: u8, text: &'a str) -> PyResult<Cow<'a, [u8]>> {
        if self.utf8[fd as usize % 3].load(Ordering::Relaxed) {
            return Ok(Cow::Borrowed(text.as_bytes()));
        }
        let (enc, errors) = self.get(fd);
        super::mod_codecs::encode_str(vm, text, &enc, &errors).map(Cow::Owned)
    }

    /// Bytes read from stdin as text: UTF-8 with invalid bytes replaced
    /// (gilt's str holds no lone surrogates) unless the handler is strict,
    /// any other encoding through its codec.
    pub fn decode(&self, vm: &mut Vm, data: &[u8]) -> PyResult<String> {
        let (enc, errors) = self.get(0);
        if self.utf8[0].load(Ordering::Relaxed) && &*errors != "strict" {
            return Ok(String::from_utf8_lossy(data).into_owned());
        }
        // The caller reads Rust text: a lone surrogate shows as U+FFFD.
        super::mod_codecs::decode_bytes(vm, data, &enc, &errors).map(|s| s.as_str().to_string())
    }
}

/// Writes text to the process's stderr in stderr's encoding (tracebacks
/// printed by gilt itself); an encoding failure falls back to UTF-8.
pub fn eprint_text(vm: &mut Vm, text: &str) {
    use std::io::Write;
    let rt = vm.rt.clone();
    let bytes = rt.stdio.encode(vm, 2, text).unwrap_or(Cow::Borrowed(text.as_bytes()));
    let _ = std::io::stderr().lock().write_all(&bytes);
}
