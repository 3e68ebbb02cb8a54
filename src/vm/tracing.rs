//! `sys.settrace` / `sys.setprofile`: call, line, return and exception
//! events, with CPython 3.11's rules.
//!
//! Nothing here runs unless a trace or profile function is set: setting one
//! turns on the dispatch loop's per-instruction tick (the branch it already
//! takes for the instruction-count switch policies), and the tick calls
//! [`Vm::trace_tick`]. A new activation is noticed there (the frame at the
//! top of the stack is not the one last seen at that depth) and gets a
//! `call` event; `ReturnValue` / `YieldValue` give `return`; a change of
//! line or a backward jump gives `line`. Frames left by an exception get
//! `exception` (in each frame it passes through) and `return` with None.

use std::sync::Arc;

use super::frameobj::FrameObj;
use super::{PyErr, PyResult, Vm};
use crate::bytecode::Instr;
use crate::object::value::Value;

/// A thread's trace and profile functions and what it knows of its frames.
pub struct TraceState {
    /// The global trace function (`sys.settrace`), None when off.
    pub trace: Value,
    /// The profile function (`sys.setprofile`), None when off.
    pub profile: Value,
    /// One entry per stack index (0: outermost) seen since tracing began.
    pub frames: Vec<Option<TraceEntry>>,
    /// A trace or profile function is running: no events for its frames.
    pub busy: bool,
    /// Built-in functions being called (stack index, function): their
    /// `c_return` comes at the caller's next instruction.
    pub c_calls: Vec<(usize, Value)>,
}

/// One activation as the tracer sees it.
pub struct TraceEntry {
    pub frame_ptr: usize,
    pub frame: Arc<FrameObj>,
    pub last_line: u32,
    pub last_pc: usize,
}

/// The events, by CPython's names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Event {
    Call,
    Line,
    Return,
    Exception,
    CCall,
    CReturn,
    CException,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Line => "line",
            Event::Return => "return",
            Event::Exception => "exception",
            Event::CCall => "c_call",
            Event::CReturn => "c_return",
            Event::CException => "c_exception",
        }
    }
}

impl Vm {
    /// `sys.settrace(f)` (`profile` false) or `sys.setprofile(f)`.
    pub fn set_trace_function(&mut self, f: Value, profile: bool) {
        if self.tracing.is_none() {
            if f.is_none() {
                return;
            }
            // The frames already running are known but not traced: they
            // get no `call` event (CPython traces new calls only).
            let n = self.frames.len() + 1;
            let mut frames = Vec::with_capacity(n);
            let mut back: Option<Arc<FrameObj>> = None;
            for i in 0..n {
                let f = if i + 1 == n { &*self.frame } else { &*self.frames[i] };
                if !super::frameobj::is_real_frame(f) {
                    // The thread's placeholder bottom frame is no caller.
                    frames.push(None);
                    continue;
                }
                let fo = self.frame_view(f, back.clone());
                back = Some(fo.clone());
                let (line, pc) = (f.line(), f.pc.saturating_sub(1));
                frames.push(Some(TraceEntry {
                    frame_ptr: self.frame_ptr_at(i),
                    frame: fo,
                    last_line: line,
                    last_pc: pc,
                }));
            }
            self.tracing = Some(Box::new(TraceState {
                trace: Value::None,
                profile: Value::None,
                frames,
                busy: false,
                c_calls: Vec::new(),
            }));
        }
        let t = self.tracing.as_mut().expect("tracing");
        if profile {
            t.profile = f;
        } else {
            t.trace = f;
        }
        if t.trace.is_none() && t.profile.is_none() {
            self.tracing = None;
        }
        self.tick_every_instruction = self.tracing.is_some() || self.rt.gil.policy_needs_per_instruction();
    }

    /// The function `sys.gettrace()` / `sys.getprofile()` returns.
    pub fn trace_function(&self, profile: bool) -> Value {
        match &self.tracing {
            Some(t) if profile => t.profile.clone(),
            Some(t) => t.trace.clone(),
            None => Value::None,
        }
    }

    /// Before the instruction at `pc` of the current frame runs.
    pub fn trace_tick(&mut self, pc: usize) -> PyResult<()> {
        let idx = self.frames.len();
        let ptr = self.frame_ptr_at(idx);
        let below_ptr = if idx > 0 { self.frame_ptr_at(idx - 1) } else { 0 };
        let Some(t) = self.tracing.as_mut() else { return Ok(()) };
        if t.busy || !super::frameobj::is_real_frame(&self.frame) {
            return Ok(());
        }
        t.frames.truncate(idx + 1);
        if t.c_calls.last().is_some_and(|c| c.0 >= idx) {
            self.c_returned(idx, Event::CReturn)?;
        }
        let Some(t) = self.tracing.as_mut() else { return Ok(()) };
        let known = matches!(t.frames.get(idx), Some(Some(e)) if e.frame_ptr == ptr
            && Arc::ptr_eq(&e.frame.code, &self.frame.code));
        if !known {
            let below = if idx > 0 { t.frames.get(idx - 1) } else { None };
            let back = match below {
                Some(Some(e)) if e.frame_ptr == below_ptr => Some(e.frame.clone()),
                _ => None,
            };
            let back = match back {
                Some(b) => Some(b),
                None if idx > 0 => self.frame_object(1),
                None => None,
            };
            let fo = self.frame_view(&self.frame, back);
            let t = self.tracing.as_mut().expect("tracing");
            if t.frames.len() <= idx {
                t.frames.resize_with(idx + 1, || None);
            }
            // A resumed generator continues its line: no `line` event
            // until the line changes.
            let last_line = if pc == 0 { 0 } else { self.frame.code.line_of(pc) };
            t.frames[idx] = Some(TraceEntry { frame_ptr: ptr, frame: fo.clone(), last_line, last_pc: pc });
            self.fire(&fo, Event::Call, Value::None)?;
        }
        let code = self.frame.code.clone();
        if matches!(code.instrs[pc], Instr::Jump(_)) {
            // A jump belongs to no line of its own (CPython's jump back to
            // a loop's head is not a `line` event; the head's test is).
            return Ok(());
        }
        let line = code.line_of(pc);
        let Some(Some(e)) = self.tracing.as_mut().and_then(|t| t.frames.get_mut(idx)) else { return Ok(()) };
        let new_line = line != e.last_line || pc < e.last_pc;
        e.last_line = line;
        e.last_pc = pc;
        let fo = e.frame.clone();
        if new_line && line > 0 {
            self.fire(&fo, Event::Line, Value::None)?;
        }
        if let Some(f) = self.builtin_callee(code.instrs[pc]) {
            self.fire(&fo, Event::CCall, f.clone())?;
            if let Some(t) = self.tracing.as_mut() {
                t.c_calls.push((idx, f));
            }
        }
        if matches!(code.instrs[pc], Instr::ReturnValue | Instr::YieldValue) {
            let v = self.frame.stack.last().cloned().unwrap_or(Value::None);
            self.fire(&fo, Event::Return, v)?;
            if let Some(t) = self.tracing.as_mut()
                && let Some(slot) = t.frames.get_mut(idx)
            {
                *slot = None;
            }
        }
        Ok(())
    }

    /// The built-in function the instruction is about to call, when a
    /// profile function wants `c_call` events.
    fn builtin_callee(&self, instr: Instr) -> Option<Value> {
        if self.tracing.as_ref()?.profile.is_none() {
            return None;
        }
        let s = &self.frame.stack;
        let f = match instr {
            Instr::Call(n) => s.get(s.len().checked_sub(1 + n as usize)?)?,
            Instr::CallKw(n) => s.get(s.len().checked_sub(2 + n as usize)?)?,
            // `f(*args)`, `f(*args, **kw)`: the callee lies under the tuple (and dict).
            Instr::CallEx(flag) => s.get(s.len().checked_sub(2 + (flag & 1) as usize)?)?,
            Instr::CallMethod(n) => match s.get(s.len().checked_sub(2 + n as usize)?)? {
                Value::None => s.get(s.len().checked_sub(1 + n as usize)?)?,
                // A built-in method is reported bound to its receiver (a
                // profiler names it after the receiver's type).
                m @ Value::Native(_) => {
                    let receiver = s.get(s.len().checked_sub(1 + n as usize)?)?;
                    return Some(Self::bound(receiver.clone(), m.clone()));
                }
                m => m,
            },
            _ => return None,
        };
        matches!(f, Value::Native(_)).then(|| f.clone())
    }

    /// The built-in called from stack index `idx` is done (`c_return`) or
    /// raised (`c_exception`); calls from frames since left are dropped.
    fn c_returned(&mut self, idx: usize, ev: Event) -> PyResult<()> {
        let Some(t) = self.tracing.as_mut() else { return Ok(()) };
        while t.c_calls.last().is_some_and(|c| c.0 > idx) {
            t.c_calls.pop();
        }
        if t.c_calls.last().is_none_or(|c| c.0 != idx) {
            return Ok(());
        }
        let (_, f) = t.c_calls.pop().expect("c call");
        let fo = match t.frames.get(idx) {
            Some(Some(e)) => e.frame.clone(),
            _ => return Ok(()),
        };
        self.fire(&fo, ev, f)
    }

    /// An exception passed through the current frame (raised in it or
    /// coming out of a call it made).
    pub fn trace_exception(&mut self, err: &PyErr) -> PyResult<()> {
        let idx = self.frames.len();
        if self.tracing.as_ref().is_some_and(|t| !t.busy && t.c_calls.last().is_some_and(|c| c.0 >= idx)) {
            self.c_returned(idx, Event::CException)?;
        }
        let Some(fo) = self.traced_frame() else { return Ok(()) };
        let v = err.value();
        let typ = Value::Class(self.class_of(&v));
        let tb = err.exc.exc().map(|s| self.exc_traceback(s)).unwrap_or(Value::None);
        self.fire(&fo, Event::Exception, Value::tuple(vec![typ, v, tb]))
    }

    /// The current frame is being left by an exception: `return` with None.
    pub fn trace_unwind_return(&mut self) -> PyResult<()> {
        let Some(fo) = self.traced_frame() else { return Ok(()) };
        let idx = self.frames.len();
        let r = self.fire(&fo, Event::Return, Value::None);
        if let Some(t) = self.tracing.as_mut()
            && let Some(slot) = t.frames.get_mut(idx)
        {
            *slot = None;
        }
        r
    }

    /// The tracer's view of the current frame (also while a trace function
    /// runs), so a traceback entry shows the same frame object.
    pub fn traced_view(&self) -> Option<Arc<FrameObj>> {
        let t = self.tracing.as_ref()?;
        let idx = self.frames.len();
        match t.frames.get(idx) {
            Some(Some(e)) if e.frame_ptr == self.frame_ptr_at(idx) => Some(e.frame.clone()),
            _ => None,
        }
    }

    /// The tracer's view of the current frame, if it has seen it.
    fn traced_frame(&self) -> Option<Arc<FrameObj>> {
        let t = self.tracing.as_ref()?;
        if t.busy {
            return None;
        }
        let idx = self.frames.len();
        match t.frames.get(idx) {
            Some(Some(e)) if e.frame_ptr == self.frame_ptr_at(idx) => Some(e.frame.clone()),
            _ => None,
        }
    }

    /// Calls the profile function (call/return) and the trace function (the
    /// global one for `call`, the frame's `f_trace` otherwise). An error in
    /// either turns that function off and propagates, as in CPython.
    fn fire(&mut self, fo: &Arc<FrameObj>, ev: Event, arg: Value) -> PyResult<()> {
        fo.refresh(&self.frame);
        if ev == Event::Call && self.frame.pc <= 1 {
            // A new call stands on its `def` line (CPython's RESUME).
            fo.snap.lock().line = self.frame.code.firstlineno;
        }
        let (trace, profile) = match &self.tracing {
            Some(t) => (t.trace.clone(), t.profile.clone()),
            None => return Ok(()),
        };
        let frame_v = Value::from_native(fo.clone());
        if !profile.is_none() && ev != Event::Line && ev != Event::Exception {
            let r = self.call_tracer(&profile, &frame_v, ev, arg.clone());
            if let Err(e) = r {
                self.set_trace_function(Value::None, true);
                return Err(e);
            }
        }
        let callback = match ev {
            Event::CCall | Event::CReturn | Event::CException => return Ok(()),
            Event::Call => trace,
            _ => {
                let s = fo.snap.lock();
                if ev == Event::Line && !s.trace_lines { Value::None } else { s.trace.clone() }
            }
        };
        if callback.is_none() {
            return Ok(());
        }
        match self.call_tracer(&callback, &frame_v, ev, arg) {
            Ok(r) => {
                if !r.is_none() {
                    fo.snap.lock().trace = r;
                }
                Ok(())
            }
            Err(e) => {
                self.set_trace_function(Value::None, false);
                fo.snap.lock().trace = Value::None;
                Err(e)
            }
        }
    }

    fn call_tracer(&mut self, f: &Value, frame: &Value, ev: Event, arg: Value) -> PyResult {
        if let Some(t) = self.tracing.as_mut() {
            t.busy = true;
        }
        let r = self.call(f, vec![frame.clone(), Value::str(ev.name()), arg]);
        if let Some(t) = self.tracing.as_mut() {
            t.busy = false;
        }
        r
    }
}
