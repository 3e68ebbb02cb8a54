//! What `_sre` matches against, and the bridge to the engine crate
//! (`rustpython-sre_engine`, which runs the opcodes that CPython's
//! `re._compiler` emits): a subject is a str or a bytes value; positions
//! are always in characters, as Python counts them.

use std::sync::Arc;

use rustpython_sre_engine::{Request, State, StrDrive};

use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The text a pattern runs over, taken from a str or bytes value (or an
/// instance of a subclass of either).
#[derive(Clone)]
pub enum Subject {
    Str(Arc<PyStr>),
    Bytes(Arc<Vec<u8>>),
}

/// Runs `$body` with `$s` bound to a [`StrDrive`] over `$subj`: bytes and
/// ASCII text go through the byte drive (one byte per character, the fast
/// path), other text through the UTF-8 drive. Positions are the same either
/// way, so the body is written once.
macro_rules! with_drive {
    ($subj:expr, $s:ident => $body:expr) => {
        match $subj {
            $crate::stdlib::sre_subject::Subject::Bytes(b) => {
                let $s: &[u8] = b.as_slice();
                $body
            }
            $crate::stdlib::sre_subject::Subject::Str(p) if p.is_ascii() => {
                let $s: &[u8] = p.as_str().as_bytes();
                $body
            }
            $crate::stdlib::sre_subject::Subject::Str(p) => {
                let $s: &str = p.as_str();
                $body
            }
        }
    };
}
pub(crate) use with_drive;

impl Subject {
    /// The subject inside `v`, or CPython's TypeError for anything else.
    pub fn from_value(vm: &mut Vm, v: &Value) -> PyResult<Subject> {
        match v {
            Value::Str(s) => return Ok(Subject::Str(s.clone())),
            Value::Bytes(b) => return Ok(Subject::Bytes(b.clone())),
            Value::Instance(_) => match crate::vm::ops::payload_of(v) {
                Some(Value::Str(s)) => return Ok(Subject::Str(s)),
                Some(Value::Bytes(b)) => return Ok(Subject::Bytes(b)),
                _ => {}
            },
            _ => {}
        }
        // Any other buffer (bytearray, memoryview, array) is matched as bytes,
        // as CPython does; a snapshot, since the match keeps no export.
        if let Some(b) = crate::stdlib::buffer::bytes_like(v) {
            return Ok(Subject::Bytes(b));
        }
        let tn = vm.type_name(v);
        Err(vm.type_error(&format!("expected string or bytes-like object, got '{tn}'")))
    }

    pub fn is_bytes(&self) -> bool {
        matches!(self, Subject::Bytes(_))
    }

    /// Length in characters (bytes for a bytes subject).
    pub fn size(&self) -> usize {
        match self {
            Subject::Str(s) => s.char_len(),
            Subject::Bytes(b) => b.len(),
        }
    }

    /// A fresh str or bytes holding characters `a..b`.
    pub fn slice(&self, a: usize, b: usize) -> Value {
        match self {
            Subject::Str(s) => Value::str(s.substring(a, b)),
            Subject::Bytes(v) => Value::Bytes(Arc::new(v[a..b].to_vec())),
        }
    }

    /// The empty str or bytes, the joiner of `sub`.
    pub fn empty(&self) -> Value {
        match self {
            Subject::Str(_) => Value::str(""),
            Subject::Bytes(_) => Value::Bytes(Arc::new(Vec::new())),
        }
    }

    /// A slicer for many slices of one subject: non-ASCII text gets a
    /// character → byte table once, so each slice is O(its length).
    pub fn slicer(&self) -> Slicer<'_> {
        let table = match self {
            Subject::Str(s) if !s.is_ascii() => {
                let st = s.as_str();
                let mut t: Vec<usize> = st.char_indices().map(|(b, _)| b).collect();
                t.push(st.len());
                Some(t)
            }
            _ => None,
        };
        Slicer { subj: self, table }
    }
}

/// See [`Subject::slicer`].
pub struct Slicer<'a> {
    subj: &'a Subject,
    table: Option<Vec<usize>>,
}

impl Slicer<'_> {
    pub fn slice(&self, a: usize, b: usize) -> Value {
        match (self.subj, &self.table) {
            (Subject::Str(s), Some(t)) => Value::str(&s.as_str()[t[a]..t[b]]),
            _ => self.subj.slice(a, b),
        }
    }

    /// Group `i`'s text from spans, or `dflt` when the group did not take part.
    pub fn group(&self, spans: &[Span], i: usize, dflt: &Value) -> Value {
        match spans.get(i) {
            Some(&(a, b)) if a >= 0 && b >= 0 => self.slice(a as usize, b as usize),
            _ => dflt.clone(),
        }
    }
}

/// A group's span in characters; `(-1, -1)` when it did not take part.
pub type Span = (isize, isize);

/// One match found by the engine: every group's span and `lastindex`.
pub struct Found {
    pub spans: Vec<Span>,
    /// The last group closed, or -1.
    pub lastindex: isize,
}

/// What a run of the engine looks for at its start position.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Anchored at the start (`match`).
    Match,
    /// Anchored at both ends (`fullmatch`).
    Full,
    /// Anywhere from the start on (`search`).
    Search,
}

/// An engine run over one subject that can go on from where the last match
/// ended (findall, sub, split, the scanner): the state keeps its cursor, so
/// stepping through a long text is linear.
pub struct Runner<'a, S: StrDrive> {
    req: Request<'a, S>,
    state: State,
    ngroups: usize,
    done: bool,
}

impl<'a, S: StrDrive> Runner<'a, S> {
    /// A run over characters `start..end` (already clamped to the subject;
    /// `start` may exceed `end`, which matches nothing but an empty `match`).
    pub fn new(string: S, code: &'a [u32], start: usize, end: usize, ngroups: usize) -> Self {
        Self::resume(string, code, (start, end), ngroups, Resume::default())
    }

    /// Goes on with a run that [`Runner::pause`] put aside (the scanner).
    pub fn resume(string: S, code: &'a [u32], (start, end): (usize, usize), ngroups: usize, r: Resume) -> Self {
        let start = r.start.unwrap_or(start);
        let req = Request { string, start, end, pattern_codes: code, match_all: false, must_advance: r.must_advance };
        Runner { req, state: r.state.0, ngroups, done: r.done }
    }

    /// Puts the run aside, to [`Runner::resume`] it later over the same subject.
    pub fn pause(self) -> Resume {
        Resume {
            state: EngineState(self.state),
            start: Some(self.req.start),
            must_advance: self.req.must_advance,
            done: self.done,
        }
    }

    /// The next match from the current position; `None` when there is none
    /// (a panic in the engine, on hand-made code, is CPython's RuntimeError).
    pub fn next(&mut self, vm: &Vm, mode: Mode) -> PyResult<Option<Found>> {
        if self.done || (self.req.start > self.req.end && mode != Mode::Match) {
            return Ok(None);
        }
        let mut req = self.req;
        req.match_all = mode == Mode::Full;
        let state = &mut self.state;
        let hit = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            state.reset(&req, req.start);
            match mode {
                Mode::Search => state.search(req),
                _ => state.py_match(&req),
            }
        }))
        .map_err(|_| internal(vm))?;
        if !hit {
            return Ok(None);
        }
        let (b, e) = (self.state.start, self.state.cursor.position);
        let mut spans = Vec::with_capacity(self.ngroups + 1);
        spans.push((b as isize, e as isize));
        for g in 0..self.ngroups {
            let (s, t) = self.state.marks.get(g);
            spans.push(match (s.into_option(), t.into_option()) {
                (Some(s), Some(t)) if s <= t => (s as isize, t as isize),
                _ => (-1, -1),
            });
        }
        let lastindex = self.state.marks.last_index();
        // The next run starts where this match ended, and must move on
        // when this match was empty (CPython's must_advance).
        self.req.must_advance = e == b;
        self.req.start = e;
        Ok(Some(Found { spans, lastindex }))
    }

    /// Where the next run starts.
    pub fn position(&self) -> usize {
        self.req.start
    }

    /// Ends the run: every later `next` finds nothing (the scanner, once a
    /// search failed).
    pub fn exhaust(&mut self) {
        self.done = true;
    }
}

/// A paused [`Runner`]: where it stands in its subject.
#[derive(Default)]
pub struct Resume {
    state: EngineState,
    start: Option<usize>,
    must_advance: bool,
    done: bool,
}

/// The engine's state, whose cursor points into the subject's buffer.
#[derive(Default)]
struct EngineState(State);

// SAFETY: the cursor's pointer is only dereferenced by a `Runner` resumed
// over the same subject, which the paused run's owner (the scanner) keeps
// alive in an `Arc` beside it and never changes; the state itself is
// behind that owner's lock.
unsafe impl Send for EngineState {}
unsafe impl Sync for EngineState {}

fn internal(vm: &Vm) -> PyErr {
    vm.err("RuntimeError", "internal error in regular expression engine")
}

/// CPython's clamping of `pos` / `endpos` to `0..=len`.
pub fn clamp(v: isize, len: usize) -> usize {
    v.clamp(0, len as isize) as usize
}
