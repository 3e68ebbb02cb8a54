//! The `mmap` module on libc's mmap(2): `mmap.mmap(fileno, length, flags,
//! prot, access, offset)` over a file (its descriptor duplicated, as
//! CPython does) or anonymous memory, with indexing and slicing, the
//! file-like methods (`read`, `readline`, `write`, `seek`, `tell`, …),
//! `find`/`rfind`, `resize` (mremap), `flush` (msync), `madvise`, the
//! context-manager protocol and CPython 3.11's messages. As a bytes-like
//! object it gives a copy of its bytes (`bytes(m)`, `re.search(p, m)`); a
//! `memoryview(m)` is a read-only snapshot, since gilt's buffer layer has no
//! view over foreign memory yet.

use std::sync::Arc;

use parking_lot::Mutex;

use super::method;
use super::native_util::{bytes, int_arg, module};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::stdlib::buffer::{Export, Mem};
use crate::stdlib::posix_args::{errno_error, last_errno};
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

const ACCESS_DEFAULT: i64 = 0;
const ACCESS_READ: i64 = 1;
const ACCESS_WRITE: i64 = 2;
const ACCESS_COPY: i64 = 3;

/// The mapping: `ptr` is null once closed.
struct Map {
    ptr: *mut u8,
    len: usize,
    pos: usize,
    offset: i64,
    /// A duplicate of the mapped file's descriptor (-1: anonymous).
    fd: i32,
    access: i64,
}

// SAFETY: the mapping is only touched under the object's mutex.
unsafe impl Send for Map {}

impl Map {
    fn bytes(&self) -> &[u8] {
        if self.ptr.is_null() {
            return &[];
        }
        // SAFETY: `ptr` maps `len` readable bytes while not closed.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }

    fn bytes_mut(&mut self) -> &mut [u8] {
        if self.ptr.is_null() {
            return &mut [];
        }
        // SAFETY: as above; writable unless ACCESS_READ, checked by callers.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }

    fn unmap(&mut self) {
        if !self.ptr.is_null() {
            // SAFETY: the mapping this object made; forgotten just below.
            unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.len.max(1)) };
            self.ptr = std::ptr::null_mut();
        }
        if self.fd >= 0 {
            // SAFETY: the duplicate descriptor this object owns.
            unsafe { libc::close(self.fd) };
            self.fd = -1;
        }
    }
}

/// A `mmap.mmap` object.
struct MmapObj {
    map: Mutex<Map>,
    class: Arc<Class>,
}

impl Drop for MmapObj {
    fn drop(&mut self) {
        self.map.get_mut().unmap();
    }
}

impl crate::object::native::NativeObject for MmapObj {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn buffer_bytes(&self) -> Option<Vec<u8>> {
        Some(self.map.lock().bytes().to_vec())
    }
    fn buffer_export(&self) -> Option<Export> {
        let b = Arc::new(self.map.lock().bytes().to_vec());
        Some(Export { mem: Mem::Bytes(b), format: "B".into(), itemsize: 1, readonly: true })
    }
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a MmapObj> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a 'mmap.mmap' object"))
}

/// Runs `f` on the open mapping, or `ValueError: mmap closed or invalid`.
fn with_map<R>(vm: &mut Vm, a: &Args, f: impl FnOnce(&mut Map) -> R) -> PyResult<R> {
    let o = this(vm, a)?;
    let mut m = o.map.lock();
    if m.ptr.is_null() {
        drop(m);
        return Err(vm.value_error("mmap closed or invalid"));
    }
    Ok(f(&mut m))
}

/// Like [`with_map`], refusing a read-only mapping; `f`'s error is a
/// `ValueError` message.
fn with_writable<R>(vm: &mut Vm, a: &Args, f: impl FnOnce(&mut Map) -> Result<R, &'static str>) -> PyResult<R> {
    let ro = with_map(vm, a, |m| m.access == ACCESS_READ)?;
    if ro {
        return Err(vm.type_error("mmap can't modify a readonly memory map."));
    }
    with_map(vm, a, f)?.map_err(|e| vm.value_error(e))
}

fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Arc<Vec<u8>>> {
    super::buffer::require_bytes(vm, v)
}

/// Optional `start`/`end` of find/rfind, resolved like slice bounds.
fn find_range(vm: &mut Vm, a: &Args, len: usize, pos: usize) -> PyResult<(usize, usize)> {
    let clamp = |n: i64| -> usize {
        let n = if n < 0 { n + len as i64 } else { n };
        n.clamp(0, len as i64) as usize
    };
    let start = match a.pos.get(2) {
        Some(Value::None) | None => pos,
        Some(v) => clamp(vm.slice_bound(v)?),
    };
    let end = match a.pos.get(3) {
        Some(Value::None) | None => len,
        Some(v) => clamp(vm.slice_bound(v)?),
    };
    Ok((start, end))
}

fn find(vm: &mut Vm, a: Args, reverse: bool) -> PyResult<Value> {
    let name = if reverse { "rfind" } else { "find" };
    a.posonly(vm, name, 2, 4)?;
    let sub = bytes_arg(vm, &a.pos[1])?;
    let (len, pos) = with_map(vm, &a, |m| (m.len, m.pos))?;
    let (start, end) = find_range(vm, &a, len, pos)?;
    let r = with_map(vm, &a, |m| {
        let hay = m.bytes();
        if start > end || end - start < sub.len() {
            return -1;
        }
        let win = &hay[start..end];
        let hit = if sub.is_empty() {
            Some(if reverse { win.len() } else { 0 })
        } else if reverse {
            win.windows(sub.len()).rposition(|w| w == &sub[..])
        } else {
            win.windows(sub.len()).position(|w| w == &sub[..])
        };
        hit.map_or(-1, |i| (start + i) as i64)
    })?;
    Ok(Value::Int(r))
}

fn new_mmap(vm: &mut Vm, cls: &Arc<Class>, a: Args) -> PyResult<Value> {
    let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
    let names = ["fileno", "length", "flags", "prot", "access", "offset"];
    let s = rest.clinic_slots(vm, "mmap", &names, 2)?;
    let mut ints = [0i64; 6];
    let defaults = [0, 0, libc::MAP_SHARED as i64, (libc::PROT_READ | libc::PROT_WRITE) as i64, ACCESS_DEFAULT, 0];
    for i in 0..6 {
        ints[i] = match &s[i] {
            Some(v) => int_arg(vm, v)?,
            None => defaults[i],
        };
    }
    let [fd, length, mut flags, mut prot, access, offset] = ints;
    if length < 0 {
        return Err(vm.overflow_error("memory mapped length must be positive"));
    }
    if offset < 0 {
        return Err(vm.overflow_error("memory mapped offset must be positive"));
    }
    if access != ACCESS_DEFAULT && (flags != defaults[2] || prot != defaults[3]) {
        return Err(vm.value_error("mmap can't specify both access and flags, prot."));
    }
    match access {
        ACCESS_READ => (flags, prot) = (libc::MAP_SHARED as i64, libc::PROT_READ as i64),
        ACCESS_WRITE => (flags, prot) = (libc::MAP_SHARED as i64, defaults[3]),
        ACCESS_COPY => (flags, prot) = (libc::MAP_PRIVATE as i64, defaults[3]),
        ACCESS_DEFAULT => {}
        _ => return Err(vm.value_error("mmap invalid access parameter.")),
    }
    // A map without PROT_WRITE is read-only whatever `access` said.
    let access = if access == ACCESS_DEFAULT && prot & libc::PROT_WRITE as i64 == 0 { ACCESS_READ } else { access };
    let mut size = length as usize;
    let mut dup = -1;
    if fd != -1 {
        // SAFETY: fstat into a zeroed struct.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd as i32, &mut st) } == 0 && st.st_mode & libc::S_IFMT == libc::S_IFREG {
            let fsize = st.st_size;
            if size == 0 {
                if fsize == 0 {
                    return Err(vm.value_error("cannot mmap an empty file"));
                }
                if offset >= fsize {
                    return Err(vm.value_error("mmap offset is greater than file size"));
                }
                size = (fsize - offset) as usize;
            } else if offset > fsize || fsize - offset < length {
                return Err(vm.value_error("mmap length is greater than file size"));
            }
        }
        // SAFETY: duplicating a descriptor the caller passed.
        dup = unsafe { libc::dup(fd as i32) };
        if dup < 0 {
            return Err(errno_error(vm, last_errno(), None, None));
        }
    } else {
        flags |= libc::MAP_ANONYMOUS as i64;
    }
    // SAFETY: a fresh mapping; failure is checked.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), size, prot as i32, flags as i32, dup, offset as libc::off_t) };
    if p == libc::MAP_FAILED {
        let e = last_errno();
        if dup >= 0 {
            // SAFETY: our own duplicate.
            unsafe { libc::close(dup) };
        }
        return Err(errno_error(vm, e, None, None));
    }
    let map = Map { ptr: p as *mut u8, len: size, pos: 0, offset, fd: dup, access };
    let cls = match a.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => cls.clone(),
    };
    Ok(Value::from_native(Arc::new(MmapObj { map: Mutex::new(map), class: cls })))
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.posonly(vm, "__getitem__", 2, 2)?;
    let len = with_map(vm, &a, |m| m.len)? as i64;
    if let Value::Slice(sl) = &a.pos[1] {
        let (start, _, step, count) = vm.slice_indices(sl, len)?;
        return with_map(vm, &a, |m| {
            let b = m.bytes();
            bytes((0..count).map(|k| b[(start + k * step) as usize]).collect())
        });
    }
    let i = vm.ssize_index(&a.pos[1])?;
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(vm.err("IndexError", "mmap index out of range"));
    }
    with_map(vm, &a, |m| Value::Int(m.bytes()[i as usize] as i64))
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.posonly(vm, "__setitem__", 3, 3)?;
    let len = with_map(vm, &a, |m| m.len)? as i64;
    if let Value::Slice(sl) = &a.pos[1] {
        let (start, _, step, count) = vm.slice_indices(sl, len)?;
        let data = bytes_arg(vm, &a.pos[2])?;
        if data.len() as i64 != count {
            return Err(vm.err("IndexError", "mmap slice assignment is wrong size"));
        }
        return with_writable(vm, &a, |m| {
            let b = m.bytes_mut();
            for (k, &x) in data.iter().enumerate() {
                b[(start + k as i64 * step) as usize] = x;
            }
            Ok(Value::None)
        });
    }
    let i = vm.ssize_index(&a.pos[1])?;
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(vm.err("IndexError", "mmap index out of range"));
    }
    let v = match &a.pos[2] {
        v @ (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_)) => vm.index_of(v)?,
        _ => return Err(vm.type_error("mmap item value must be an int")),
    };
    if !(0..256).contains(&v) {
        return Err(vm.value_error("mmap item value must be in range(0, 256)"));
    }
    with_writable(vm, &a, |m| {
        m.bytes_mut()[i as usize] = v as u8;
        Ok(Value::None)
    })
}

fn resize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.posonly(vm, "resize", 2, 2)?;
    let n = int_arg(vm, &a.pos[1])?;
    let access = with_map(vm, &a, |m| m.access)?;
    if access == ACCESS_READ || access == ACCESS_COPY {
        return Err(vm.type_error("mmap can't resize a readonly or copy-on-write memory map."));
    }
    if n < 0 {
        return Err(vm.value_error("new size out of range"));
    }
    let r = with_map(vm, &a, |m| {
        let new = n as usize;
        // SAFETY: growing or shrinking the file this map owns a descriptor to.
        if m.fd >= 0 && unsafe { libc::ftruncate(m.fd, (m.offset + n) as libc::off_t) } < 0 {
            return Err(last_errno());
        }
        // SAFETY: remapping our own mapping; the old address is forgotten.
        let p = unsafe { libc::mremap(m.ptr as *mut libc::c_void, m.len, new, libc::MREMAP_MAYMOVE) };
        if p == libc::MAP_FAILED {
            return Err(last_errno());
        }
        m.ptr = p as *mut u8;
        m.len = new;
        m.pos = m.pos.min(new);
        Ok(())
    })?;
    r.map(|_| Value::None).map_err(|e| errno_error(vm, e, None, None))
}

fn mmap_class(vm: &Vm) -> Arc<Class> {
    let cls = new_builtin_class("mmap", std::slice::from_ref(&vm.rt.types.object), Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("mmap"));
    let c = cls.clone();
    super::def(&cls.dict, "__new__", move |vm, a| new_mmap(vm, &c, a));
    super::def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    method(&cls, "close", |vm, a| {
        this(vm, &a)?.map.lock().unmap();
        Ok(Value::None)
    });
    let rt = vm.rt.clone();
    super::types_num::prop(&rt, &cls, "closed", |vm, a| Ok(Value::Bool(this(vm, &a)?.map.lock().ptr.is_null())));
    method(&cls, "__enter__", |vm, a| {
        with_map(vm, &a, |_| ())?;
        Ok(a.pos[0].clone())
    });
    method(&cls, "__exit__", |vm, a| {
        this(vm, &a)?.map.lock().unmap();
        Ok(Value::None)
    });
    method(&cls, "__len__", |vm, a| Ok(Value::Int(with_map(vm, &a, |m| m.len)? as i64)));
    method(&cls, "__getitem__", getitem);
    method(&cls, "__setitem__", setitem);
    method(&cls, "__repr__", |vm, a| {
        let o = this(vm, &a)?;
        let m = o.map.lock();
        if m.ptr.is_null() {
            return Ok(Value::str("<mmap.mmap closed=True>"));
        }
        let acc = ["ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"][m.access as usize];
        let s = format!("<mmap.mmap closed=False, access={acc}, length={}, pos={}, offset={}>", m.len, m.pos, m.offset);
        Ok(Value::str(&s))
    });
    method(&cls, "find", |vm, a| find(vm, a, false));
    method(&cls, "rfind", |vm, a| find(vm, a, true));
    method(&cls, "tell", |vm, a| Ok(Value::Int(with_map(vm, &a, |m| m.pos)? as i64)));
    method(&cls, "size", |vm, a| {
        let (fd, len) = with_map(vm, &a, |m| (m.fd, m.len))?;
        if fd < 0 {
            return Ok(Value::Int(len as i64));
        }
        // SAFETY: fstat of our own descriptor into a zeroed struct.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } < 0 {
            return Err(errno_error(vm, last_errno(), None, None));
        }
        Ok(Value::Int(st.st_size))
    });
    method(&cls, "seek", |vm, a| {
        a.posonly(vm, "seek", 2, 3)?;
        let dist = vm.ssize_index(&a.pos[1])?;
        let how = match a.pos.get(2) {
            Some(v) => int_arg(vm, v)?,
            None => 0,
        };
        let r = with_map(vm, &a, |m| {
            let base = match how {
                0 => 0,
                1 => m.pos as i64,
                2 => m.len as i64,
                _ => return Err("unknown seek type"),
            };
            let p = base.checked_add(dist).filter(|p| (0..=m.len as i64).contains(p)).ok_or("seek out of range")?;
            m.pos = p as usize;
            Ok(())
        })?;
        r.map(|_| Value::None).map_err(|e| vm.value_error(e))
    });
    method(&cls, "read", |vm, a| {
        a.posonly(vm, "read", 1, 2)?;
        let n = match a.pos.get(1) {
            None | Some(Value::None) => -1,
            Some(v) => vm.ssize_index(v)?,
        };
        with_map(vm, &a, |m| {
            let left = m.len - m.pos;
            let n = if n < 0 { left } else { (n as usize).min(left) };
            let out = m.bytes()[m.pos..m.pos + n].to_vec();
            m.pos += n;
            bytes(out)
        })
    });
    method(&cls, "read_byte", |vm, a| {
        let r = with_map(vm, &a, |m| {
            let b = m.bytes().get(m.pos).copied();
            if b.is_some() {
                m.pos += 1;
            }
            b
        })?;
        r.map(|b| Value::Int(b as i64)).ok_or_else(|| vm.value_error("read byte out of range"))
    });
    method(&cls, "readline", |vm, a| {
        with_map(vm, &a, |m| {
            let rest = &m.bytes()[m.pos..];
            let n = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
            let out = rest[..n].to_vec();
            m.pos += n;
            bytes(out)
        })
    });
    method(&cls, "write", |vm, a| {
        a.posonly(vm, "write", 2, 2)?;
        let data = bytes_arg(vm, &a.pos[1])?;
        with_writable(vm, &a, |m| {
            if m.len - m.pos < data.len() {
                return Err("data out of range");
            }
            let p = m.pos;
            m.bytes_mut()[p..p + data.len()].copy_from_slice(&data);
            m.pos += data.len();
            Ok(Value::Int(data.len() as i64))
        })
    });
    method(&cls, "write_byte", |vm, a| {
        a.posonly(vm, "write_byte", 2, 2)?;
        let v = int_arg(vm, &a.pos[1])?;
        if !(0..256).contains(&v) {
            return Err(vm.overflow_error("unsigned byte integer is out of range"));
        }
        with_writable(vm, &a, |m| {
            if m.pos >= m.len {
                return Err("write byte out of range");
            }
            let p = m.pos;
            m.bytes_mut()[p] = v as u8;
            m.pos += 1;
            Ok(Value::None)
        })
    });
    method(&cls, "move", |vm, a| {
        a.posonly(vm, "move", 4, 4)?;
        let (dest, src, cnt) = (int_arg(vm, &a.pos[1])?, int_arg(vm, &a.pos[2])?, int_arg(vm, &a.pos[3])?);
        with_writable(vm, &a, |m| {
            let len = m.len as i64;
            if dest < 0 || src < 0 || cnt < 0 || len - dest < cnt || len - src < cnt {
                return Err("source, destination, or count out of range");
            }
            m.bytes_mut().copy_within(src as usize..(src + cnt) as usize, dest as usize);
            Ok(Value::None)
        })
    });
    method(&cls, "flush", |vm, a| {
        a.posonly(vm, "flush", 1, 3)?;
        let off = match a.pos.get(1) {
            Some(v) => int_arg(vm, v)?,
            None => 0,
        };
        let size = match a.pos.get(2) {
            Some(v) => Some(int_arg(vm, v)?),
            None => None,
        };
        let r = with_map(vm, &a, |m| {
            let size = size.unwrap_or(m.len as i64);
            if off < 0 || size < 0 || off.saturating_add(size) > m.len as i64 {
                return Err(None);
            }
            if m.access == ACCESS_READ || m.access == ACCESS_COPY {
                return Ok(());
            }
            // SAFETY: msync over part of our own mapping.
            if unsafe { libc::msync(m.ptr.add(off as usize) as *mut libc::c_void, size as usize, libc::MS_SYNC) } < 0 {
                return Err(Some(last_errno()));
            }
            Ok(())
        })?;
        match r {
            Ok(()) => Ok(Value::None),
            Err(None) => Err(vm.value_error("flush values out of range")),
            Err(Some(e)) => Err(errno_error(vm, e, None, None)),
        }
    });
    method(&cls, "madvise", |vm, a| {
        a.posonly(vm, "madvise", 2, 4)?;
        let option = int_arg(vm, &a.pos[1])?;
        let start = match a.pos.get(2) {
            Some(v) => int_arg(vm, v)?,
            None => 0,
        };
        let length = match a.pos.get(3) {
            Some(v) => Some(int_arg(vm, v)?),
            None => None,
        };
        let size = with_map(vm, &a, |m| m.len as i64)?;
        if start < 0 || start >= size {
            return Err(vm.value_error("madvise start out of bounds"));
        }
        let length = match length {
            Some(n) if n < 0 => return Err(vm.value_error("madvise length invalid")),
            Some(n) if i64::MAX - start < n => return Err(vm.overflow_error("madvise length too large")),
            Some(n) => n.min(size - start),
            None => size - start,
        };
        let r = with_map(vm, &a, |m| {
            // SAFETY: advice over part of our own mapping (bounds checked above).
            unsafe { libc::madvise(m.ptr.add(start as usize) as *mut libc::c_void, length as usize, option as i32) }
        })?;
        if r < 0 {
            return Err(errno_error(vm, last_errno(), None, None));
        }
        Ok(Value::None)
    });
    method(&cls, "resize", resize);
    cls
}

/// Creates the `mmap` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("mmap", Value::Class(mmap_class(vm)));
    d.set_item_str("error", Value::Class(vm.rt.types.exc("OSError")));
    // SAFETY: a plain query.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64;
    let consts: [(&str, i64); 33] = [
        ("ACCESS_COPY", ACCESS_COPY),
        ("ACCESS_DEFAULT", ACCESS_DEFAULT),
        ("ACCESS_READ", ACCESS_READ),
        ("ACCESS_WRITE", ACCESS_WRITE),
        ("ALLOCATIONGRANULARITY", page),
        ("PAGESIZE", page),
        ("MADV_DODUMP", 17),
        ("MADV_DOFORK", 11),
        ("MADV_DONTDUMP", 16),
        ("MADV_DONTFORK", 10),
        ("MADV_DONTNEED", 4),
        ("MADV_FREE", 8),
        ("MADV_HUGEPAGE", 14),
        ("MADV_HWPOISON", 100),
        ("MADV_MERGEABLE", 12),
        ("MADV_NOHUGEPAGE", 15),
        ("MADV_NORMAL", 0),
        ("MADV_RANDOM", 1),
        ("MADV_REMOVE", 9),
        ("MADV_SEQUENTIAL", 2),
        ("MADV_UNMERGEABLE", 13),
        ("MADV_WILLNEED", 3),
        ("MAP_ANON", libc::MAP_ANONYMOUS as i64),
        ("MAP_ANONYMOUS", libc::MAP_ANONYMOUS as i64),
        ("MAP_DENYWRITE", libc::MAP_DENYWRITE as i64),
        ("MAP_EXECUTABLE", libc::MAP_EXECUTABLE as i64),
        ("MAP_POPULATE", libc::MAP_POPULATE as i64),
        ("MAP_PRIVATE", libc::MAP_PRIVATE as i64),
        ("MAP_SHARED", libc::MAP_SHARED as i64),
        ("MAP_STACK", libc::MAP_STACK as i64),
        ("PROT_EXEC", libc::PROT_EXEC as i64),
        ("PROT_READ", libc::PROT_READ as i64),
        ("PROT_WRITE", libc::PROT_WRITE as i64),
    ];
    for (k, v) in consts {
        d.set_item_str(k, Value::Int(v));
    }
    Ok(module("mmap", d))
}
