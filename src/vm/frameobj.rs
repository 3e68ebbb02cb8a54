//! Frames and tracebacks as Python objects (`sys._getframe()`,
//! `exc.__traceback__`, the frames trace functions receive).
//!
//! gilt's live frames are boxes in a per-thread `Vec` that move and are
//! recycled, so Python never holds one: a [`FrameObj`] is a view made when
//! Python asks, holding the code, globals, line and a copy of the locals at
//! that moment. A frame being traced keeps one `FrameObj` for its whole
//! activation (its `f_trace` is the local trace function), refreshed before
//! each event.

use std::sync::Arc;

use parking_lot::Mutex;

use super::Vm;
use super::frame::Frame;
use crate::bytecode::CodeObject;
use crate::bytecode::code::CodeKind;
use crate::object::class::{Class, TbEntry};
use crate::object::dict::Dict;
use crate::object::function::Cell;
use crate::object::native::NativeObject;
use crate::object::value::Value;

/// What a frame object shows of its frame at the time it was last refreshed.
pub struct FrameSnap {
    pub line: u32,
    /// Index of the instruction being executed (`f_lasti` is twice it, as
    /// CPython counts bytes of 2-byte code units).
    pub lasti: i64,
    pub locals: Vec<Option<Value>>,
    pub cells: Box<[Arc<Cell>]>,
    /// The local trace function (`f_trace`).
    pub trace: Value,
    pub trace_lines: bool,
    pub trace_opcodes: bool,
}

/// A Python `frame` object.
pub struct FrameObj {
    class: Arc<Class>,
    pub code: Arc<CodeObject>,
    pub globals: Arc<Dict>,
    pub locals_dict: Option<Arc<Dict>>,
    pub back: Option<Arc<FrameObj>>,
    pub snap: Mutex<FrameSnap>,
}

crate::object::native::impl_native_object!(FrameObj);

impl std::fmt::Debug for FrameObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<frame {}>", self.code.name.as_str())
    }
}

/// A Python `traceback` object: one entry of an exception's traceback.
pub struct TbObj {
    class: Arc<Class>,
    pub entry: TbEntry,
    pub next: Mutex<Value>,
}

crate::object::native::impl_native_object!(TbObj);

impl FrameObj {
    /// The `f_locals` mapping: the class body's or module's namespace, or
    /// for a function a fresh dict of its bound locals and cells.
    pub fn locals(&self) -> Value {
        if self.code.kind != CodeKind::Function {
            if let Some(d) = &self.locals_dict {
                return Value::Dict(d.clone());
            }
            if self.code.kind == CodeKind::Module {
                return Value::Dict(self.globals.clone());
            }
        }
        let d = Dict::new();
        let s = self.snap.lock();
        for (i, name) in self.code.varnames.iter().enumerate() {
            if let Some(Some(v)) = s.locals.get(i) {
                d.set_str(name, v.clone());
            }
        }
        for (i, name) in self.code.cellvars.iter().chain(self.code.freevars.iter()).enumerate() {
            if let Some(v) = s.cells.get(i).and_then(|c| c.get()) {
                d.set_str(name, v);
            }
        }
        Value::Dict(Arc::new(d))
    }

    /// Copies the frame's current line, instruction and locals into the view.
    pub fn refresh(&self, f: &Frame) {
        let mut s = self.snap.lock();
        s.line = f.line();
        s.lasti = f.pc as i64 - 1;
        s.locals.clone_from(&f.locals);
        if s.cells.len() != f.cells.len() {
            s.cells = f.cells.clone();
        }
    }
}

impl FrameObj {
    /// A frame object for a frame another thread published (its callers'
    /// view is `back`).
    pub fn from_rec(
        class: Arc<Class>,
        r: super::thread_frames::FrameRec,
        back: Option<Arc<FrameObj>>,
    ) -> Arc<FrameObj> {
        Arc::new(FrameObj {
            class,
            code: r.code,
            globals: r.globals,
            locals_dict: r.locals_dict,
            back,
            snap: Mutex::new(FrameSnap {
                line: r.line,
                lasti: r.lasti,
                locals: r.locals,
                cells: r.cells,
                trace: Value::None,
                trace_lines: true,
                trace_opcodes: false,
            }),
        })
    }
}

impl Vm {
    /// A frame object viewing `f`, whose caller's view is `back`.
    pub fn frame_view(&self, f: &Frame, back: Option<Arc<FrameObj>>) -> Arc<FrameObj> {
        Arc::new(FrameObj {
            class: self.rt.types.frame.clone(),
            code: f.code.clone(),
            globals: f.globals.clone(),
            locals_dict: f.locals_dict.clone(),
            back,
            snap: Mutex::new(FrameSnap {
                line: f.line(),
                lasti: f.pc as i64 - 1,
                locals: f.locals.clone(),
                cells: f.cells.clone(),
                trace: Value::None,
                trace_lines: true,
                trace_opcodes: false,
            }),
        })
    }

    /// The frame `depth` calls up from the current one (0: the current
    /// frame), with its chain of callers; None when the stack is not that deep.
    pub fn frame_object(&mut self, depth: usize) -> Option<Arc<FrameObj>> {
        let n = self.frames.len() + 1;
        if depth >= n {
            return None;
        }
        if let Some(t) = self.tracing.as_ref()
            && let Some(Some(e)) = t.frames.get(n - 1 - depth)
            && e.frame_ptr == self.frame_ptr_at(n - 1 - depth)
        {
            let fo = e.frame.clone();
            if depth == 0 {
                fo.refresh(&self.frame);
            }
            return Some(fo);
        }
        // The same object again for the same activation of the innermost frame.
        let top_key = (self.frame_ptr_at(n - 1), self.frame.serial);
        if depth == 0
            && top_key.1 != 0
            && let Some((p, s, w)) = &self.top_frame_obj
            && (*p, *s) == top_key
            && let Some(fo) = w.upgrade()
        {
            fo.refresh(&self.frame);
            return Some(fo);
        }
        // frames[0] is the outermost (the bottom one is a placeholder
        // caller of the first real frame when it has no code to show).
        let mut back: Option<Arc<FrameObj>> = None;
        let upto = n - depth;
        for i in 0..upto {
            let f: &Frame = if i + 1 == n { &self.frame } else { &self.frames[i] };
            if !is_real_frame(f) {
                continue;
            }
            back = Some(self.frame_view(f, back));
        }
        if depth == 0
            && top_key.1 != 0
            && let Some(fo) = &back
        {
            self.top_frame_obj = Some((top_key.0, top_key.1, Arc::downgrade(fo)));
        }
        back
    }

    /// The address of the frame at stack index `i` (0 = outermost), which
    /// identifies an activation while it runs.
    pub fn frame_ptr_at(&self, i: usize) -> usize {
        if i == self.frames.len() {
            &*self.frame as *const Frame as usize
        } else {
            &*self.frames[i] as *const Frame as usize
        }
    }

    /// Builds the traceback object chain of an exception's entries
    /// (outermost first, as `tb_next` goes inward).
    pub fn traceback_chain(&self, entries: &[TbEntry]) -> Value {
        let mut next = Value::None;
        for e in entries {
            let tb = TbObj { class: self.rt.types.traceback.clone(), entry: e.clone(), next: Mutex::new(next) };
            next = Value::from_native(Arc::new(tb));
        }
        next
    }

    /// `exc.__traceback__`: the chain for the exception's entries, made once
    /// and kept in the state; entries added since (the exception went up
    /// more frames) are built on top of the kept head, so the inner
    /// traceback objects stay the same ones, as in CPython.
    pub fn exc_traceback(&self, st: &Mutex<crate::object::class::ExcState>) -> Value {
        let mut st = st.lock();
        let n = st.traceback.len();
        let (start, mut head) = match &st.tb_objs {
            Some((k, v)) if *k == n => return v.clone(),
            Some((k, v)) if *k < n => (*k, v.clone()),
            _ => (0, Value::None),
        };
        for e in &st.traceback[start..] {
            let tb = TbObj { class: self.rt.types.traceback.clone(), entry: e.clone(), next: Mutex::new(head) };
            head = Value::from_native(Arc::new(tb));
        }
        st.tb_objs = Some((n, head.clone()));
        head
    }

    /// The entries a traceback object chain stands for (innermost first,
    /// the order `ExcState::traceback` keeps).
    pub fn traceback_entries(&mut self, tb: &Value) -> super::PyResult<Vec<crate::object::class::TbEntry>> {
        let mut out = Vec::new();
        let mut cur = tb.clone();
        loop {
            match &cur {
                Value::None => break,
                Value::Native2(o) if o.as_any().is::<TbObj>() => {
                    let t = o.as_any().downcast_ref::<TbObj>().expect("tb");
                    out.push(t.entry.clone());
                    let n = t.next.lock().clone();
                    cur = n;
                }
                _ => return Err(self.type_error("__traceback__ must be a traceback or None")),
            }
        }
        out.reverse();
        Ok(out)
    }
}

/// False for the placeholder frame a thread starts with (`<native>`).
pub fn is_real_frame(f: &Frame) -> bool {
    &*f.code.filename != "<native>"
}

/// True for frame and traceback objects.
pub fn is_frame_or_tb(o: &Arc<dyn NativeObject>) -> bool {
    o.as_any().is::<FrameObj>() || o.as_any().is::<TbObj>()
}

/// Attributes of frame and traceback objects (None: not one of them).
pub fn native_attr(vm: &mut Vm, o: &Arc<dyn NativeObject>, name: &str) -> Option<Value> {
    if let Some(f) = o.as_any().downcast_ref::<FrameObj>() {
        let s = || f.snap.lock();
        return Some(match name {
            "f_back" => f.back.clone().map_or(Value::None, |b| Value::from_native(b)),
            "f_code" => Value::Code(f.code.clone()),
            "f_lineno" => Value::Int(s().line as i64),
            "f_lasti" => Value::Int(f.code.word_view().lasti(s().lasti.max(0))),
            "f_locals" => f.locals(),
            "f_globals" => Value::Dict(f.globals.clone()),
            "f_builtins" => match f.globals.get_item_str("__builtins__") {
                Some(Value::Dict(d)) => Value::Dict(d),
                Some(Value::Module(m)) => Value::Dict(m.dict.clone()),
                _ => Value::Dict(vm.rt.builtins.clone()),
            },
            "f_trace" => s().trace.clone(),
            "f_trace_lines" => Value::Bool(s().trace_lines),
            "f_trace_opcodes" => Value::Bool(s().trace_opcodes),
            _ => return None,
        });
    }
    if let Some(t) = o.as_any().downcast_ref::<TbObj>() {
        return Some(match name {
            "tb_frame" => match &t.entry.frame {
                Some(f) => Value::from_native(f.clone()),
                None => Value::None,
            },
            "tb_lineno" => Value::Int(t.entry.line as i64),
            "tb_lasti" => {
                Value::Int(t.entry.frame.as_ref().map_or(-1, |f| f.code.word_view().lasti(f.snap.lock().lasti.max(0))))
            }
            "tb_next" => t.next.lock().clone(),
            _ => return None,
        });
    }
    None
}

/// Assignable attributes of frame and traceback objects: Some(result) when
/// `o` is one of them.
pub fn native_setattr(vm: &mut Vm, o: &Arc<dyn NativeObject>, name: &str, v: Value) -> Option<super::PyResult<()>> {
    if let Some(f) = o.as_any().downcast_ref::<FrameObj>() {
        return Some(match name {
            "f_trace" => {
                f.snap.lock().trace = v;
                Ok(())
            }
            "f_trace_lines" | "f_trace_opcodes" => match vm.truthy(&v) {
                Ok(b) => {
                    let mut s = f.snap.lock();
                    if name == "f_trace_lines" {
                        s.trace_lines = b
                    } else {
                        s.trace_opcodes = b
                    }
                    Ok(())
                }
                Err(e) => Err(e),
            },
            _ => Err(vm.err("AttributeError", &format!("'frame' object attribute '{name}' is read-only"))),
        });
    }
    if let Some(t) = o.as_any().downcast_ref::<TbObj>() {
        return Some(match name {
            "tb_next" => {
                let ok = v.is_none() || matches!(&v, Value::Native2(x) if x.as_any().is::<TbObj>());
                if !ok {
                    let tn = vm.type_name(&v);
                    return Some(Err(vm.type_error(&format!("expected traceback object or None, got '{tn}'"))));
                }
                *t.next.lock() = v;
                Ok(())
            }
            _ => Err(vm.err("AttributeError", &format!("'traceback' object attribute '{name}' is read-only"))),
        });
    }
    None
}

/// The `frame` and `traceback` classes' methods.
pub fn register(rt: &super::Runtime) {
    super::super::stdlib::method(&rt.types.frame, "__repr__", |vm, a| {
        let Value::Native2(o) = &a.pos[0] else { return Err(vm.type_error("expected a frame")) };
        let Some(f) = o.as_any().downcast_ref::<FrameObj>() else { return Err(vm.type_error("expected a frame")) };
        Ok(Value::string(format!(
            "<frame at {:#x}, file '{}', line {}, code {}>",
            a.pos[0].id(),
            f.code.filename,
            f.snap.lock().line,
            f.code.name.as_str()
        )))
    });
    super::super::stdlib::method(&rt.types.frame, "clear", |_vm, _a| Ok(Value::None));
    super::super::stdlib::method(&rt.types.traceback, "__repr__", |_vm, a| {
        Ok(Value::string(format!("<traceback object at {:#x}>", a.pos[0].id())))
    });
}
