//! The buffer protocol inside gilt: every bytes-like object (bytes,
//! bytearray, memoryview, array) can be read as bytes by whoever accepts
//! one (`bytes()`, `b''.join`, file writes, `struct`, …), and the mutable
//! ones share their memory with the memoryviews made over them.
//!
//! A mutable object keeps its bytes in a [`BufData`]: the bytes behind a
//! lock, plus the number of views exported from it. While a view is alive
//! the object may change its bytes but not its size (CPython's
//! `BufferError: Existing exports of data: object cannot be re-sized`),
//! because a view remembers offsets into the memory.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// The memory of a mutable bytes-like object and its export count.
pub struct BufData {
    data: RwLock<Vec<u8>>,
    exports: AtomicUsize,
    /// The BufferError message when resizing with views exported (array's
    /// differs from bytearray's).
    resize_error: &'static str,
}

impl BufData {
    pub fn new(v: Vec<u8>) -> Arc<BufData> {
        BufData::with_message(v, "Existing exports of data: object cannot be re-sized")
    }

    /// A `BufData` whose resize refusal says `resize_error`.
    pub fn with_message(v: Vec<u8>, resize_error: &'static str) -> Arc<BufData> {
        Arc::new(BufData { data: RwLock::new(v), exports: AtomicUsize::new(0), resize_error })
    }

    pub fn read(&self) -> RwLockReadGuard<'_, Vec<u8>> {
        self.data.read()
    }

    /// The bytes for writing in place (same size). Callers that change the
    /// size go through [`BufData::resize`].
    pub fn write(&self) -> RwLockWriteGuard<'_, Vec<u8>> {
        self.data.write()
    }

    pub fn len(&self) -> usize {
        self.data.read().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn snapshot(&self) -> Vec<u8> {
        self.data.read().clone()
    }

    /// A view starts using the memory.
    pub fn acquire(&self) {
        self.exports.fetch_add(1, Ordering::AcqRel);
    }

    /// A view stops using the memory (released or dropped).
    pub fn release(&self) {
        self.exports.fetch_sub(1, Ordering::AcqRel);
    }

    /// BufferError while views are exported.
    pub fn check_resize(&self, vm: &Vm) -> PyResult<()> {
        if self.exports.load(Ordering::Acquire) > 0 {
            return Err(vm.err("BufferError", self.resize_error));
        }
        Ok(())
    }

    /// Runs `f` on the bytes when no view is exported; `f` may change the
    /// size (a change that keeps it is allowed even with views, see
    /// [`BufData::change`]).
    pub fn resize<R>(&self, vm: &Vm, f: impl FnOnce(&mut Vec<u8>) -> R) -> PyResult<R> {
        self.check_resize(vm)?;
        Ok(f(&mut self.data.write()))
    }

    /// Runs `f`, which may or may not change the size: refused only when it
    /// would while views are exported.
    pub fn change<R>(&self, vm: &Vm, new_len: usize, f: impl FnOnce(&mut Vec<u8>) -> R) -> PyResult<R> {
        let mut g = self.data.write();
        if g.len() != new_len && self.exports.load(Ordering::Acquire) > 0 {
            drop(g);
            return Err(vm.err("BufferError", self.resize_error));
        }
        Ok(f(&mut g))
    }
}

/// Where the bytes an exported view sees live.
#[derive(Clone)]
pub enum Mem {
    /// An immutable bytes object (the view is read-only).
    Bytes(Arc<Vec<u8>>),
    /// A mutable object's memory (bytearray, array).
    Buf(Arc<BufData>),
}

impl Mem {
    /// Runs `f` over the whole memory, read-locked.
    pub fn with<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        match self {
            Mem::Bytes(b) => f(b),
            Mem::Buf(b) => f(&b.read()),
        }
    }

    pub fn len(&self) -> usize {
        self.with(|b| b.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What an object exports to a memoryview: its memory, item format and
/// whether it may be written through the view.
pub struct Export {
    pub mem: Mem,
    /// A struct-module format character (`B` for bytes and bytearray, an
    /// array's typecode).
    pub format: String,
    pub itemsize: usize,
    pub readonly: bool,
}

/// The bytes of any bytes-like value (a copy for the mutable ones), or
/// `None` for a value without the buffer protocol.
pub fn bytes_like(v: &Value) -> Option<Arc<Vec<u8>>> {
    match v {
        Value::Bytes(b) => Some(b.clone()),
        Value::Native2(o) => o.buffer_bytes().map(Arc::new),
        Value::Instance(_) => match crate::vm::ops::payload_of(v) {
            Some(Value::Bytes(b)) => Some(b),
            Some(p @ Value::Native2(_)) => bytes_like(&p),
            _ => None,
        },
        _ => None,
    }
}

/// The export of any bytes-like value, for a memoryview over it.
pub fn export_of(v: &Value) -> Option<Export> {
    match v {
        Value::Bytes(b) => Some(Export { mem: Mem::Bytes(b.clone()), format: "B".into(), itemsize: 1, readonly: true }),
        Value::Native2(o) => o.buffer_export(),
        Value::Instance(_) => crate::vm::ops::payload_of(v).and_then(|p| export_of(&p)),
        _ => None,
    }
}

/// [`bytes_like`] or CPython's TypeError `a bytes-like object is required, not 'T'`.
pub fn require_bytes(vm: &mut Vm, v: &Value) -> PyResult<Arc<Vec<u8>>> {
    match bytes_like(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}
