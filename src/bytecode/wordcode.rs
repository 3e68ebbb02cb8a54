//! `code.co_code` as CPython 3.11 wordcode: a view of gilt's instructions
//! that CPython's `dis` (and anything else reading `co_code`) understands.
//!
//! gilt runs its own instruction set ([`Instr`]); this view is built only
//! when a program reads `co_code`, `co_exceptiontable`, `co_lines()`,
//! `co_positions()`, `f_lasti` or `tb_lasti`, and is cached on the code
//! object. Each gilt instruction becomes the CPython 3.11 instruction(s)
//! with the same meaning ([`lower`] is the one table to extend), followed by
//! CPython's inline CACHE entries so offsets are CPython's; jumps are
//! re-targeted to the new offsets; a superinstruction shows as the first
//! instruction of the sequence it stands for (the rest stays in place, see
//! `compile/peephole.rs`); the prefix CPython puts first (`COPY_FREE_VARS`,
//! `MAKE_CELL`, `RETURN_GENERATOR`, `RESUME`) is added, and gilt's block
//! instructions (`SetupExcept`, `PopBlock`, …) become the exception table.
//! Where CPython pushes a NULL under a callee (`LOAD_GLOBAL`'s low bit,
//! `PUSH_NULL`), a stack simulation finds the instruction that pushed it.

use std::sync::Arc;

use super::code::{CodeKind, CodeObject};
use super::instr::{Instr, Label};
use crate::object::value::Value;
use crate::parse::ast::{BinOp, CmpOp};

/// CPython 3.11 opcode numbers (`Lib/opcode.py`), only those the view emits.
mod op {
    pub const POP_TOP: u8 = 1;
    pub const PUSH_NULL: u8 = 2;
    pub const NOP: u8 = 9;
    pub const UNARY_POSITIVE: u8 = 10;
    pub const UNARY_NEGATIVE: u8 = 11;
    pub const UNARY_NOT: u8 = 12;
    pub const UNARY_INVERT: u8 = 15;
    pub const BINARY_SUBSCR: u8 = 25;
    pub const PUSH_EXC_INFO: u8 = 35;
    pub const CHECK_EXC_MATCH: u8 = 36;
    pub const CHECK_EG_MATCH: u8 = 37;
    pub const WITH_EXCEPT_START: u8 = 49;
    pub const BEFORE_WITH: u8 = 53;
    pub const STORE_SUBSCR: u8 = 60;
    pub const DELETE_SUBSCR: u8 = 61;
    pub const GET_ITER: u8 = 68;
    pub const GET_YIELD_FROM_ITER: u8 = 69;
    pub const GET_AITER: u8 = 50;
    pub const GET_ANEXT: u8 = 51;
    pub const BEFORE_ASYNC_WITH: u8 = 52;
    pub const PRINT_EXPR: u8 = 70;
    pub const LOAD_BUILD_CLASS: u8 = 71;
    pub const LOAD_ASSERTION_ERROR: u8 = 74;
    pub const RETURN_GENERATOR: u8 = 75;
    pub const LIST_TO_TUPLE: u8 = 82;
    pub const RETURN_VALUE: u8 = 83;
    pub const IMPORT_STAR: u8 = 84;
    pub const SETUP_ANNOTATIONS: u8 = 85;
    pub const YIELD_VALUE: u8 = 86;
    pub const PREP_RERAISE_STAR: u8 = 88;
    pub const POP_EXCEPT: u8 = 89;
    pub const STORE_NAME: u8 = 90;
    pub const DELETE_NAME: u8 = 91;
    pub const UNPACK_SEQUENCE: u8 = 92;
    pub const FOR_ITER: u8 = 93;
    pub const UNPACK_EX: u8 = 94;
    pub const STORE_ATTR: u8 = 95;
    pub const DELETE_ATTR: u8 = 96;
    pub const STORE_GLOBAL: u8 = 97;
    pub const DELETE_GLOBAL: u8 = 98;
    pub const SWAP: u8 = 99;
    pub const LOAD_CONST: u8 = 100;
    pub const LOAD_NAME: u8 = 101;
    pub const BUILD_TUPLE: u8 = 102;
    pub const BUILD_LIST: u8 = 103;
    pub const BUILD_SET: u8 = 104;
    pub const BUILD_MAP: u8 = 105;
    pub const LOAD_ATTR: u8 = 106;
    pub const COMPARE_OP: u8 = 107;
    pub const IMPORT_NAME: u8 = 108;
    pub const IMPORT_FROM: u8 = 109;
    pub const JUMP_FORWARD: u8 = 110;
    pub const JUMP_IF_FALSE_OR_POP: u8 = 111;
    pub const JUMP_IF_TRUE_OR_POP: u8 = 112;
    pub const POP_JUMP_FORWARD_IF_FALSE: u8 = 114;
    pub const POP_JUMP_FORWARD_IF_TRUE: u8 = 115;
    pub const LOAD_GLOBAL: u8 = 116;
    pub const IS_OP: u8 = 117;
    pub const CONTAINS_OP: u8 = 118;
    pub const RERAISE: u8 = 119;
    pub const COPY: u8 = 120;
    pub const BINARY_OP: u8 = 122;
    pub const SEND: u8 = 123;
    pub const LOAD_FAST: u8 = 124;
    pub const STORE_FAST: u8 = 125;
    pub const DELETE_FAST: u8 = 126;
    pub const RAISE_VARARGS: u8 = 130;
    pub const GET_AWAITABLE: u8 = 131;
    pub const MAKE_FUNCTION: u8 = 132;
    pub const BUILD_SLICE: u8 = 133;
    pub const MAKE_CELL: u8 = 135;
    pub const LOAD_CLOSURE: u8 = 136;
    pub const LOAD_DEREF: u8 = 137;
    pub const STORE_DEREF: u8 = 138;
    pub const DELETE_DEREF: u8 = 139;
    pub const JUMP_BACKWARD: u8 = 140;
    pub const CALL_FUNCTION_EX: u8 = 142;
    pub const EXTENDED_ARG: u8 = 144;
    pub const LIST_APPEND: u8 = 145;
    pub const SET_ADD: u8 = 146;
    pub const MAP_ADD: u8 = 147;
    pub const LOAD_CLASSDEREF: u8 = 148;
    pub const COPY_FREE_VARS: u8 = 149;
    pub const RESUME: u8 = 151;
    pub const FORMAT_VALUE: u8 = 155;
    pub const BUILD_STRING: u8 = 157;
    pub const LOAD_METHOD: u8 = 160;
    pub const LIST_EXTEND: u8 = 162;
    pub const SET_UPDATE: u8 = 163;
    pub const DICT_MERGE: u8 = 164;
    pub const DICT_UPDATE: u8 = 165;
    pub const PRECALL: u8 = 166;
    pub const CALL: u8 = 171;
    pub const KW_NAMES: u8 = 172;
    pub const POP_JUMP_BACKWARD_IF_FALSE: u8 = 175;
    pub const POP_JUMP_BACKWARD_IF_TRUE: u8 = 176;

    /// CPython 3.11's `opcode._inline_cache_entries`: the CACHE code units
    /// after an instruction.
    pub fn caches(op: u8) -> u32 {
        match op {
            BINARY_SUBSCR | STORE_ATTR | LOAD_ATTR | CALL => 4,
            STORE_SUBSCR | UNPACK_SEQUENCE | BINARY_OP | PRECALL => 1,
            COMPARE_OP => 2,
            LOAD_GLOBAL => 5,
            LOAD_METHOD => 10,
            _ => 0,
        }
    }
}

/// An argument: a number, or a gilt jump target turned into a relative
/// CPython jump at layout time.
#[derive(Clone, Copy)]
enum Arg {
    N(u32),
    To(Label),
}

#[derive(Clone, Copy)]
struct Emit {
    op: u8,
    arg: Arg,
    /// Part of a `with` handler's cleanup block: under the instruction's
    /// outer handler, not the cleanup handler itself.
    in_cleanup: bool,
}

fn e(op: u8, n: u32) -> Emit {
    Emit { op, arg: Arg::N(n), in_cleanup: false }
}

fn jump(op: u8, t: Label) -> Emit {
    Emit { op, arg: Arg::To(t), in_cleanup: false }
}

/// Where a code unit's position comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitSrc {
    /// No source position (CPython's prefix instructions).
    NoLine,
    /// The code object's first line, no columns (`RESUME`).
    FirstLine,
    /// The gilt instruction at this index.
    Pc(u32),
}

/// The CPython 3.11 wordcode view of one code object.
#[derive(Clone)]
pub struct WordView {
    /// `co_code`: two bytes per code unit.
    pub code: Vec<u8>,
    /// Per gilt instruction: the code unit of the instruction that does its
    /// work (what `f_lasti` / `tb_lasti` point at, halved).
    pub unit_of_pc: Vec<u32>,
    /// Per code unit: where its position comes from (`co_positions`, `co_lines`).
    pub units: Vec<UnitSrc>,
    /// The code unit each instruction starts at (its EXTENDED_ARGs
    /// included), in order: `co_lines()` gives one range per instruction.
    pub instr_starts: Vec<u32>,
    /// `co_exceptiontable` in CPython's varint encoding.
    pub exception_table: Vec<u8>,
    /// Constants the view refers to that gilt keeps elsewhere (import levels
    /// and from-lists, a None for the implicit returns): appended to `co_consts`.
    pub extra_consts: Vec<Value>,
    /// `co_stacksize`, as the view's stack needs it.
    pub stacksize: u32,
}

impl WordView {
    /// `f_lasti` for the gilt instruction `pc` (-1 stays -1).
    pub fn lasti(&self, pc: i64) -> i64 {
        if pc < 0 {
            return -1;
        }
        2 * self.unit_of_pc.get(pc as usize).or(self.unit_of_pc.last()).copied().unwrap_or(0) as i64
    }
}

/// The instruction a superinstruction was written over (see `peephole.rs`).
fn defuse(i: Instr) -> Instr {
    match i {
        Instr::LoadFastFast(a, _)
        | Instr::LoadFastConst(a, _)
        | Instr::LoadFastAttr(a, _)
        | Instr::StoreFastAttr(a, _) => Instr::LoadFast(a),
        Instr::BinaryFastConst(a, _, _) | Instr::BinaryFastFast(a, _, _) => Instr::LoadFast(a as u32),
        Instr::CompareJumpIfFalse(op, _) => Instr::Compare(op),
        other => other,
    }
}

fn nb_op(op: BinOp) -> u32 {
    match op {
        BinOp::Add => 0,
        BinOp::BitAnd => 1,
        BinOp::FloorDiv => 2,
        BinOp::LShift => 3,
        BinOp::MatMult => 4,
        BinOp::Mult => 5,
        BinOp::Mod => 6,
        BinOp::BitOr => 7,
        BinOp::Pow => 8,
        BinOp::RShift => 9,
        BinOp::Sub => 10,
        BinOp::Div => 11,
        BinOp::BitXor => 12,
    }
}

fn cmp_op(op: CmpOp) -> u32 {
    match op {
        CmpOp::Lt => 0,
        CmpOp::LtE => 1,
        CmpOp::Eq => 2,
        CmpOp::NotEq => 3,
        CmpOp::Gt => 4,
        CmpOp::GtE => 5,
        // Never compiled to Compare (IsOp / ContainsOp), kept total.
        CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn => 2,
    }
}

/// `(pops, pushes)` of a (defused) instruction when it falls through.
fn effect(i: Instr) -> (u32, u32) {
    use Instr::*;
    match i {
        Nop | Jump(_) | DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) | SetupExcept(_)
        | SetupFinally(_) | PopBlock | PopExcept | SetupAnnotations => (0, 0),
        LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(..) | LoadGlobal(_)
        | LoadName(_) | LoadAssertionError | LoadLocals | ImportName(..) => (0, 1),
        StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_) | PopTop | ListAppend(_)
        | SetAdd(_) | ListExtend | SetUpdate | DictUpdate | DictMerge | ImportStar | PrintExpr | WithExitNormal
        | PushExcInfo | PopJumpIfFalse(_) | PopJumpIfTrue(_) | JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_)
        | ReturnValue | Reraise => (1, 0),
        StoreAttr(_) | DeleteSubscr | MapAdd(_) => (2, 0),
        StoreSubscr => (3, 0),
        LoadAttr(_) | UnaryNeg | UnaryPos | UnaryInvert | UnaryNot | GetIter | ListToTuple | YieldValue
        | GetYieldFromIter | GetAwaitable(_) | GetAIter => (1, 1),
        GetANext | BeforeAsyncWith => (1, 2),
        LoadMethod(_) | ImportFrom(_) => (1, 2),
        CallMethod(n) => (n + 2, 1),
        Call(n) => (n + 1, 1),
        CallKw(n) => (n + 2, 1),
        CallEx(f) => (2 + (f & 1), 1),
        BinarySubscr | Binary(_) | Inplace(_) | Compare(_) | IsOp(_) | ContainsOp(_) | CheckExcMatch => (2, 1),
        DupTop => (1, 2),
        DupTop2 => (2, 4),
        RotTwo => (2, 2),
        RotThree => (3, 3),
        RotFour => (4, 4),
        ForIter(_) => (1, 2),
        BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) | BuildSlice(n) => (n, 1),
        BuildMap(n) => (2 * n, 1),
        FormatValue(f) => (1 + ((f >> 2) & 1), 1),
        UnpackSequence(n) => (1, n),
        UnpackEx(a) => (1, (a & 0xFFFF) + (a >> 16) + 1),
        MakeFunction(f) => (2 + (f & 0xF).count_ones(), 1),
        Send(_) => (2, 2),
        SetupWith(_) => (1, 2),
        Raise(n) => (n, 0),
        ExcStarBegin => (1, 3),
        ExcStarMatch(_) => (4, 4),
        ExcStarCollect => (4, 3),
        ExcStarEnd => (3, 0),
        WithExceptStart => (2, 3),
        BuildClass(n) => (n + 2, 1),
        BuildClassKw(n) => (n + 3, 1),
        BuildClassEx(f) => (3 + (f & 2).count_ones(), 1),
        MatchPattern(..) => (1, 0),
        // Superinstructions are defused before this is asked.
        LoadFastFast(..)
        | LoadFastConst(..)
        | BinaryFastConst(..)
        | BinaryFastFast(..)
        | LoadFastAttr(..)
        | StoreFastAttr(..)
        | CompareJumpIfFalse(..) => (0, 1),
    }
}

/// A stack slot whose start is not known (an empty stack underneath).
const UNKNOWN: u32 = u32::MAX;

/// A handler the exception table points at.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Handler {
    /// The gilt instruction the handler starts at, or (`cleanup`) the
    /// `Reraise` of a `with` handler, after which the view places CPython's
    /// cleanup block (`COPY 3; POP_EXCEPT; RERAISE 1`).
    target: Label,
    cleanup: bool,
    depth: u32,
    lasti: bool,
}

/// The state a gilt instruction starts in.
#[derive(Clone)]
struct State {
    /// Per stack slot: the first instruction of the expression that
    /// computed it (CPython pushes a callee's NULL before that one).
    stack: Vec<u32>,
    /// Setup blocks (Some) and entered handlers (None), innermost last.
    blocks: Vec<Option<Handler>>,
}

/// What the stack simulation decided for each gilt instruction.
struct Plan {
    /// LOAD_GLOBAL with the NULL bit (its value is a callee).
    null_bit: Vec<bool>,
    /// PUSH_NULL before it (it starts the callee of a plain call).
    push_null: Vec<bool>,
    /// PUSH_NULL; LOAD_BUILD_CLASS before it (it starts a class body function).
    build_class: Vec<bool>,
    /// Emits nothing (MakeFunction's qualname, which CPython 3.11 does not push).
    elide: Vec<bool>,
    /// A keyword-names tuple: KW_NAMES instead of LOAD_CONST.
    kw_names: Vec<bool>,
    /// The `Reraise` of a `with` handler: `RERAISE 2` and the cleanup block.
    with_reraise: Vec<bool>,
    /// The last `PopTop` of a `with` handler: CPython pops two values there.
    with_last_pop: Vec<bool>,
    /// The `with` handler's own handler (its cleanup block), per instruction.
    cleanup: Vec<Option<Handler>>,
    /// Innermost handler per instruction.
    handler: Vec<Option<Handler>>,
    /// Stack depth before each instruction (None: unreachable).
    depth: Vec<Option<u32>>,
    /// For an instruction the view puts a NULL (or the class builder)
    /// before: the call that consumes it.
    consumer: Vec<u32>,
}

fn slot(stack: &[u32], from_top: u32) -> u32 {
    stack.len().checked_sub(from_top as usize + 1).map_or(UNKNOWN, |i| stack[i])
}

/// Pops `n` slots and returns the earliest start among them (`here` if none).
fn pop_start(stack: &mut Vec<u32>, n: u32, here: u32) -> u32 {
    let n = (n as usize).min(stack.len());
    let at = stack.len() - n;
    let first = stack[at..].iter().copied().min().unwrap_or(here).min(here);
    stack.truncate(at);
    first
}

/// Marks the `with` handler idiom gilt compiles (`WithExceptStart;
/// PopJumpIfTrue s; Reraise` … `s: PopTop; PopExcept; PopTop`) so the view
/// shows CPython's handler for it.
fn mark_with_handler(code: &CodeObject, p: &mut Plan, h: usize, depth: u32) {
    let ins = |i: usize| code.instrs.get(i).copied();
    let (Some(Instr::PopJumpIfTrue(s)), Some(Instr::Reraise)) = (ins(h + 1), ins(h + 2)) else { return };
    let s = s as usize;
    if !(matches!(ins(s), Some(Instr::PopTop))
        && matches!(ins(s + 1), Some(Instr::PopExcept))
        && matches!(ins(s + 2), Some(Instr::PopTop)))
    {
        return;
    }
    let c = Handler { target: (h + 2) as u32, cleanup: true, depth: depth + 1, lasti: true };
    for pc in [h, h + 1, h + 2, s] {
        p.cleanup[pc] = Some(c);
    }
    p.with_reraise[h + 2] = true;
    p.with_last_pop[s + 2] = true;
}

fn plan(code: &CodeObject) -> Plan {
    let n = code.instrs.len();
    let mut p = Plan {
        null_bit: vec![false; n],
        push_null: vec![false; n],
        build_class: vec![false; n],
        elide: vec![false; n],
        kw_names: vec![false; n],
        with_reraise: vec![false; n],
        with_last_pop: vec![false; n],
        cleanup: vec![None; n],
        handler: vec![None; n],
        depth: vec![None; n],
        consumer: vec![0; n],
    };
    let mut seen: Vec<Option<State>> = vec![None; n];
    let mut work: Vec<usize> = Vec::new();
    let flow = |to: usize, st: State, seen: &mut Vec<Option<State>>, work: &mut Vec<usize>| {
        if to < n {
            match &mut seen[to] {
                None => {
                    seen[to] = Some(st);
                    work.push(to);
                }
                Some(old) => {
                    // Paths meeting: the expression started at the earlier one.
                    for (a, b) in old.stack.iter_mut().zip(st.stack.iter()) {
                        *a = (*a).min(*b);
                    }
                }
            }
        }
    };
    if n > 0 {
        seen[0] = Some(State { stack: Vec::new(), blocks: Vec::new() });
        work.push(0);
    }
    // Work in program order where possible, so that the state a join point
    // keeps is the fall-through one.
    while let Some(pc) = work.pop() {
        // Each pc is queued once; taking its state (leaving an empty one that
        // still marks it seen) keeps straight-line code linear: cloning here
        // made a 65,536-element list display quadratic in time and memory.
        let Some(queued) = seen[pc].as_mut() else { continue };
        let st = State { stack: std::mem::take(&mut queued.stack), blocks: std::mem::take(&mut queued.blocks) };
        let raw = code.instrs[pc];
        let i = defuse(raw);
        let here = pc as u32;
        p.depth[pc] = Some(st.stack.len() as u32);
        p.handler[pc] = st.blocks.iter().rev().find_map(|b| *b);
        let mut s = st;
        let mark_callee = |p: &mut Plan, start: u32| {
            if let Some(&ins) = code.instrs.get(start as usize) {
                p.consumer[start as usize] = here;
                if matches!(defuse(ins), Instr::LoadGlobal(_)) {
                    p.null_bit[start as usize] = true;
                } else if !p.elide[start as usize] {
                    p.push_null[start as usize] = true;
                }
            }
        };
        let mark_kw = |p: &mut Plan, start: u32| {
            if let Some(Instr::LoadConst(_)) = code.instrs.get(start as usize).map(|i| defuse(*i)) {
                p.kw_names[start as usize] = true;
            }
        };
        match i {
            Instr::Call(k) => mark_callee(&mut p, slot(&s.stack, k)),
            Instr::CallKw(k) => {
                mark_callee(&mut p, slot(&s.stack, k + 1));
                mark_kw(&mut p, slot(&s.stack, 0));
            }
            Instr::CallEx(f) => mark_callee(&mut p, slot(&s.stack, 1 + (f & 1))),
            Instr::MakeFunction(_) => {
                let q = slot(&s.stack, 0);
                if let Some(Instr::LoadConst(_)) = code.instrs.get(q as usize).map(|i| defuse(*i)) {
                    p.elide[q as usize] = true;
                }
            }
            Instr::BuildClass(k) | Instr::BuildClassKw(k) => {
                let kw = u32::from(matches!(i, Instr::BuildClassKw(_)));
                let body = slot(&s.stack, k + 1 + kw);
                if (body as usize) < n {
                    p.build_class[body as usize] = true;
                    p.consumer[body as usize] = here;
                }
                if kw == 1 {
                    mark_kw(&mut p, slot(&s.stack, 0));
                }
            }
            Instr::BuildClassEx(f) => {
                let body = slot(&s.stack, 2 + (f & 2).count_ones());
                if (body as usize) < n {
                    p.build_class[body as usize] = true;
                    p.consumer[body as usize] = here;
                }
            }
            Instr::WithExceptStart => mark_with_handler(code, &mut p, pc, s.stack.len() as u32),
            _ => {}
        }
        // Blocks and the handler edges they make.
        match i {
            Instr::SetupExcept(t) | Instr::SetupFinally(t) | Instr::SetupWith(t) => {
                let with = matches!(i, Instr::SetupWith(_));
                if with {
                    s.stack.pop();
                    s.stack.push(here);
                }
                let h = Handler { target: t, cleanup: false, depth: s.stack.len() as u32, lasti: with };
                let mut hs = State { stack: s.stack.clone(), blocks: s.blocks.clone() };
                hs.blocks.push(None);
                hs.stack.push(here);
                flow(t as usize, hs, &mut seen, &mut work);
                s.blocks.push(Some(h));
                if with {
                    s.stack.push(here);
                }
                flow(pc + 1, s, &mut seen, &mut work);
                continue;
            }
            Instr::PopBlock => {
                s.blocks.pop();
            }
            Instr::PushExcInfo => s.blocks.push(None),
            Instr::PopExcept => {
                if let Some(None) = s.blocks.last() {
                    s.blocks.pop();
                }
            }
            _ => {}
        }
        let jump = match raw {
            Instr::CompareJumpIfFalse(_, _) => None,
            _ => match i {
                Instr::Jump(t) => Some((t, 0u32, 0u32)),
                Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => Some((t, 1, 0)),
                Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => Some((t, 0, 0)),
                Instr::ForIter(t) => Some((t, 1, 0)),
                Instr::Send(t) => Some((t, 2, 1)),
                Instr::ExcStarMatch(t) => Some((t, 1, 0)),
                Instr::MatchPattern(idx, t) => {
                    Some((t, 1 + code.patterns.get(idx as usize).map_or(0, |m| m.nvalues), 0))
                }
                _ => None,
            },
        };
        if let Some((t, pops, pushes)) = jump {
            let mut js = s.clone();
            let start = pop_start(&mut js.stack, pops, here);
            for _ in 0..pushes {
                js.stack.push(start);
            }
            flow(t as usize, js, &mut seen, &mut work);
        }
        if matches!(i, Instr::Jump(_) | Instr::ReturnValue | Instr::Reraise | Instr::Raise(_)) {
            continue;
        }
        let (pops, pushes) = effect(i);
        match i {
            Instr::DupTop => {
                let t = slot(&s.stack, 0);
                s.stack.push(t);
            }
            Instr::DupTop2 => {
                let (a, b) = (slot(&s.stack, 1), slot(&s.stack, 0));
                s.stack.extend([a, b]);
            }
            Instr::RotTwo | Instr::RotThree | Instr::RotFour => {
                let k = pops as usize;
                if s.stack.len() >= k {
                    let at = s.stack.len() - k;
                    s.stack[at..].rotate_right(1);
                }
            }
            // The operand stays; what is pushed is a new value.
            Instr::ForIter(_) | Instr::ImportFrom(_) => s.stack.push(here),
            Instr::UnpackSequence(_) | Instr::UnpackEx(_) | Instr::MatchPattern(..) => {
                pop_start(&mut s.stack, pops, here);
                let binds = match i {
                    Instr::MatchPattern(idx, _) => {
                        let m = code.patterns.get(idx as usize);
                        pop_start(&mut s.stack, m.map_or(0, |m| m.nvalues), here);
                        m.map_or(0, |m| m.nbindings)
                    }
                    _ => pushes,
                };
                for _ in 0..binds {
                    s.stack.push(here);
                }
            }
            _ => {
                let start = pop_start(&mut s.stack, pops, here);
                for _ in 0..pushes {
                    s.stack.push(start);
                }
            }
        }
        flow(pc + 1, s, &mut seen, &mut work);
    }
    p
}

/// Constant lookup for the view: gilt's constants shifted past the
/// docstring slot, plus the extras the view adds.
struct Consts<'a> {
    code: &'a CodeObject,
    shift: u32,
    extra: Vec<Value>,
}

fn same_const(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.items.len() == y.items.len() && x.items.iter().zip(y.items.iter()).all(|(a, b)| same_const(a, b))
        }
        _ => false,
    }
}

impl Consts<'_> {
    fn base_len(&self) -> usize {
        self.shift as usize + self.code.consts.len()
    }
    /// The index `co_consts` shows for gilt's `consts[i]`: a None goes to
    /// the docstring slot when that holds None, as CPython's does.
    fn gilt(&self, i: u32) -> u32 {
        if self.shift == 1
            && self.code.docstring.is_none()
            && matches!(self.code.consts.get(i as usize), Some(Value::None))
        {
            return 0;
        }
        i + self.shift
    }
    fn find(&mut self, v: Value) -> u32 {
        if self.shift == 1 && same_const(&self.code.docstring, &v) {
            return 0;
        }
        if let Some(i) = self.code.consts.iter().position(|c| same_const(c, &v)) {
            return i as u32 + self.shift;
        }
        if let Some(i) = self.extra.iter().position(|c| same_const(c, &v)) {
            return (self.base_len() + i) as u32;
        }
        self.extra.push(v);
        (self.base_len() + self.extra.len() - 1) as u32
    }
}

/// Index of cell `i` (cellvars then freevars) among CPython's "fast locals
/// plus" (`co_varnames`, then cells that are not parameters, then free
/// variables), which `LOAD_DEREF` and friends take in 3.11.
pub fn localsplus_of_cell(code: &CodeObject, i: u32) -> u32 {
    let i = i as usize;
    let nlocals = code.varnames.len() as u32;
    if i < code.cellvars.len() {
        if let Some(Some(slot)) = code.cell2arg.get(i) {
            return *slot;
        }
        let before = (0..i).filter(|j| !matches!(code.cell2arg.get(*j), Some(Some(_)))).count() as u32;
        return nlocals + before;
    }
    let cells = (0..code.cellvars.len()).filter(|j| !matches!(code.cell2arg.get(*j), Some(Some(_)))).count() as u32;
    nlocals + cells + (i - code.cellvars.len()) as u32
}

/// CPython's names of the "fast locals plus", indexed by a deref argument.
pub fn localsplus_names(code: &CodeObject) -> Vec<Arc<crate::object::str::PyStr>> {
    let mut v = code.varnames.clone();
    for (j, c) in code.cellvars.iter().enumerate() {
        if !matches!(code.cell2arg.get(j), Some(Some(_))) {
            v.push(c.clone());
        }
    }
    v.extend(code.freevars.iter().cloned());
    v
}

/// The from-list of an `ImportName` at `pc`: the names of the
/// `ImportFrom`s (or `*`) after it.
fn fromlist(code: &CodeObject, pc: usize) -> Value {
    let mut names = Vec::new();
    let mut j = pc + 1;
    while let Some(i) = code.instrs.get(j) {
        match i {
            Instr::ImportFrom(n) => {
                names.push(code.names.get(*n as usize).map_or(Value::None, |s| Value::Str(s.clone())));
                j += 2;
            }
            Instr::ImportStar => {
                names.push(Value::str("*"));
                break;
            }
            _ => break,
        }
    }
    Value::tuple(names)
}

/// The one table: gilt instruction → CPython 3.11 instructions.
fn lower(code: &CodeObject, pc: usize, p: &Plan, k: &mut Consts, out: &mut Vec<Emit>) {
    use Instr::*;
    let raw = code.instrs[pc];
    if p.elide[pc] {
        return;
    }
    if p.build_class[pc] {
        out.push(e(op::PUSH_NULL, 0));
        out.push(e(op::LOAD_BUILD_CLASS, 0));
    }
    if p.push_null[pc] {
        out.push(e(op::PUSH_NULL, 0));
    }
    let cell = |i: u32| localsplus_of_cell(code, i);
    let fwd = |t: Label, f: u8, b: u8| jump(if t as usize > pc { f } else { b }, t);
    let call = |out: &mut Vec<Emit>, n: u32| {
        out.push(e(op::PRECALL, n));
        out.push(e(op::CALL, n));
    };
    match defuse(raw) {
        Nop => out.push(e(op::NOP, 0)),
        LoadConst(i) if p.kw_names[pc] => out.push(e(op::KW_NAMES, k.gilt(i))),
        LoadConst(i) => out.push(e(op::LOAD_CONST, k.gilt(i))),
        LoadFast(i) => out.push(e(op::LOAD_FAST, i)),
        StoreFast(i) => out.push(e(op::STORE_FAST, i)),
        DeleteFast(i) => out.push(e(op::DELETE_FAST, i)),
        LoadDeref(i) => out.push(e(op::LOAD_DEREF, cell(i))),
        StoreDeref(i) => out.push(e(op::STORE_DEREF, cell(i))),
        DeleteDeref(i) => out.push(e(op::DELETE_DEREF, cell(i))),
        LoadClosure(i) => out.push(e(op::LOAD_CLOSURE, cell(i))),
        LoadClassDeref(_, i) => out.push(e(op::LOAD_CLASSDEREF, cell(i))),
        LoadGlobal(i) => out.push(e(op::LOAD_GLOBAL, (i << 1) | u32::from(p.null_bit[pc]))),
        StoreGlobal(i) => out.push(e(op::STORE_GLOBAL, i)),
        DeleteGlobal(i) => out.push(e(op::DELETE_GLOBAL, i)),
        LoadName(i) => out.push(e(op::LOAD_NAME, i)),
        StoreName(i) => out.push(e(op::STORE_NAME, i)),
        DeleteName(i) => out.push(e(op::DELETE_NAME, i)),
        LoadAttr(i) => out.push(e(op::LOAD_ATTR, i)),
        StoreAttr(i) => out.push(e(op::STORE_ATTR, i)),
        DeleteAttr(i) => out.push(e(op::DELETE_ATTR, i)),
        LoadMethod(i) => out.push(e(op::LOAD_METHOD, i)),
        CallMethod(n) | Call(n) | CallKw(n) => call(out, n),
        CallEx(f) => out.push(e(op::CALL_FUNCTION_EX, f & 1)),
        BinarySubscr => out.push(e(op::BINARY_SUBSCR, 0)),
        StoreSubscr => out.push(e(op::STORE_SUBSCR, 0)),
        DeleteSubscr => out.push(e(op::DELETE_SUBSCR, 0)),
        Binary(o) => out.push(e(op::BINARY_OP, nb_op(o))),
        Inplace(o) => out.push(e(op::BINARY_OP, nb_op(o) + 13)),
        Compare(o) => out.push(e(op::COMPARE_OP, cmp_op(o))),
        IsOp(a) => out.push(e(op::IS_OP, a)),
        ContainsOp(a) => out.push(e(op::CONTAINS_OP, a)),
        UnaryNeg => out.push(e(op::UNARY_NEGATIVE, 0)),
        UnaryPos => out.push(e(op::UNARY_POSITIVE, 0)),
        UnaryInvert => out.push(e(op::UNARY_INVERT, 0)),
        UnaryNot => out.push(e(op::UNARY_NOT, 0)),
        PopTop if p.with_last_pop[pc] => out.extend([e(op::POP_TOP, 0), e(op::POP_TOP, 0)]),
        PopTop => out.push(e(op::POP_TOP, 0)),
        DupTop => out.push(e(op::COPY, 1)),
        DupTop2 => out.extend([e(op::COPY, 2), e(op::COPY, 2)]),
        RotTwo => out.push(e(op::SWAP, 2)),
        RotThree => out.extend([e(op::SWAP, 3), e(op::SWAP, 2)]),
        RotFour => out.extend([e(op::SWAP, 4), e(op::SWAP, 3), e(op::SWAP, 2)]),
        Jump(t) => out.push(fwd(t, op::JUMP_FORWARD, op::JUMP_BACKWARD)),
        PopJumpIfFalse(t) => out.push(fwd(t, op::POP_JUMP_FORWARD_IF_FALSE, op::POP_JUMP_BACKWARD_IF_FALSE)),
        PopJumpIfTrue(t) => out.push(fwd(t, op::POP_JUMP_FORWARD_IF_TRUE, op::POP_JUMP_BACKWARD_IF_TRUE)),
        JumpIfFalseOrPop(t) => out.push(jump(op::JUMP_IF_FALSE_OR_POP, t)),
        JumpIfTrueOrPop(t) => out.push(jump(op::JUMP_IF_TRUE_OR_POP, t)),
        GetIter => out.push(e(op::GET_ITER, 0)),
        ForIter(t) => out.push(jump(op::FOR_ITER, t)),
        BuildTuple(n) => out.push(e(op::BUILD_TUPLE, n)),
        BuildList(n) => out.push(e(op::BUILD_LIST, n)),
        BuildSet(n) => out.push(e(op::BUILD_SET, n)),
        BuildMap(n) => out.push(e(op::BUILD_MAP, n)),
        BuildString(n) => out.push(e(op::BUILD_STRING, n)),
        BuildSlice(n) => out.push(e(op::BUILD_SLICE, n)),
        ListAppend(n) => out.push(e(op::LIST_APPEND, n)),
        SetAdd(n) => out.push(e(op::SET_ADD, n)),
        MapAdd(n) => out.push(e(op::MAP_ADD, n)),
        ListExtend => out.push(e(op::LIST_EXTEND, 1)),
        SetUpdate => out.push(e(op::SET_UPDATE, 1)),
        DictUpdate => out.push(e(op::DICT_UPDATE, 1)),
        DictMerge => out.push(e(op::DICT_MERGE, 1)),
        ListToTuple => out.push(e(op::LIST_TO_TUPLE, 0)),
        FormatValue(f) => out.push(e(op::FORMAT_VALUE, f)),
        UnpackSequence(n) => out.push(e(op::UNPACK_SEQUENCE, n)),
        UnpackEx(a) => out.push(e(op::UNPACK_EX, (a & 0xFF) | ((a >> 16) << 8))),
        MakeFunction(f) => out.push(e(op::MAKE_FUNCTION, f)),
        ReturnValue => out.push(e(op::RETURN_VALUE, 0)),
        YieldValue => out.extend([e(op::YIELD_VALUE, 0), e(op::RESUME, 1)]),
        GetYieldFromIter => out.push(e(op::GET_YIELD_FROM_ITER, 0)),
        Send(t) => out.push(jump(op::SEND, t)),
        GetAwaitable(w) => out.push(e(op::GET_AWAITABLE, w)),
        GetAIter => out.push(e(op::GET_AITER, 0)),
        GetANext => out.push(e(op::GET_ANEXT, 0)),
        BeforeAsyncWith => out.push(e(op::BEFORE_ASYNC_WITH, 0)),
        // Blocks are the exception table.
        SetupExcept(_) | SetupFinally(_) | PopBlock => {}
        SetupWith(_) => out.push(e(op::BEFORE_WITH, 0)),
        PopExcept => out.push(e(op::POP_EXCEPT, 0)),
        Reraise if p.with_reraise[pc] => {
            out.push(e(op::RERAISE, 2));
            for (o, a) in [(op::COPY, 3), (op::POP_EXCEPT, 0), (op::RERAISE, 1)] {
                out.push(Emit { in_cleanup: true, ..e(o, a) });
            }
        }
        Reraise => out.push(e(op::RERAISE, 0)),
        Raise(n) => out.push(e(op::RAISE_VARARGS, n)),
        CheckExcMatch => out.push(e(op::CHECK_EXC_MATCH, 0)),
        ExcStarBegin => out.push(e(op::PUSH_EXC_INFO, 0)),
        ExcStarMatch(t) => out.extend([e(op::CHECK_EG_MATCH, 0), jump(op::POP_JUMP_FORWARD_IF_FALSE, t)]),
        PushExcInfo => out.push(e(op::PUSH_EXC_INFO, 0)),
        ExcStarCollect => out.push(e(op::LIST_APPEND, 3)),
        ExcStarEnd => out.push(e(op::PREP_RERAISE_STAR, 0)),
        WithExitNormal => {
            let none = k.find(Value::None);
            out.extend([e(op::LOAD_CONST, none), e(op::LOAD_CONST, none), e(op::LOAD_CONST, none)]);
            call(out, 2);
            out.push(e(op::POP_TOP, 0));
        }
        WithExceptStart => out.extend([e(op::PUSH_EXC_INFO, 0), e(op::WITH_EXCEPT_START, 0)]),
        ImportName(n, fl) => {
            let level = k.find(Value::Int((fl & 0xFFFF) as i64));
            let from = if fl & (1 << 16) != 0 { fromlist(code, pc) } else { Value::None };
            let from = if matches!(&from, Value::Tuple(t) if t.items.is_empty()) { Value::None } else { from };
            let from = k.find(from);
            out.extend([e(op::LOAD_CONST, level), e(op::LOAD_CONST, from), e(op::IMPORT_NAME, n)]);
        }
        ImportFrom(n) => out.push(e(op::IMPORT_FROM, n)),
        ImportStar => out.push(e(op::IMPORT_STAR, 0)),
        LoadAssertionError => out.push(e(op::LOAD_ASSERTION_ERROR, 0)),
        PrintExpr => out.push(e(op::PRINT_EXPR, 0)),
        BuildClass(n) | BuildClassKw(n) => call(out, n + 2),
        BuildClassEx(f) => out.push(e(op::CALL_FUNCTION_EX, u32::from(f & 2 != 0))),
        // A class body gives its namespace back; CPython's returns None and
        // `__build_class__` keeps the namespace.
        LoadLocals => {
            let none = k.find(Value::None);
            out.push(e(op::LOAD_CONST, none));
        }
        SetupAnnotations => out.push(e(op::SETUP_ANNOTATIONS, 0)),
        MatchPattern(_, t) => out.extend([e(op::NOP, 0), jump(op::POP_JUMP_FORWARD_IF_FALSE, t)]),
        LoadFastFast(..)
        | LoadFastConst(..)
        | BinaryFastConst(..)
        | BinaryFastFast(..)
        | LoadFastAttr(..)
        | StoreFastAttr(..)
        | CompareJumpIfFalse(..) => out.push(e(op::NOP, 0)),
    }
}

/// Code units an argument needs (EXTENDED_ARG prefixes plus the op).
fn arg_units(arg: u32) -> u32 {
    match arg {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    }
}

/// Builds the view (called once per code object, when first needed).
pub fn build(code: &CodeObject) -> WordView {
    let p = plan(code);
    let shift = u32::from(code.kind == CodeKind::Function);
    let mut k = Consts { code, shift, extra: Vec::new() };
    // Prefix, as CPython's compiler inserts it.
    let mut prefix: Vec<(Emit, UnitSrc)> = Vec::new();
    if !code.freevars.is_empty() {
        prefix.push((e(op::COPY_FREE_VARS, code.freevars.len() as u32), UnitSrc::NoLine));
    }
    for i in 0..code.cellvars.len() {
        prefix.push((e(op::MAKE_CELL, localsplus_of_cell(code, i as u32)), UnitSrc::NoLine));
    }
    if code.is_generator_like() {
        prefix.push((e(op::RETURN_GENERATOR, 0), UnitSrc::FirstLine));
        prefix.push((e(op::POP_TOP, 0), UnitSrc::FirstLine));
    }
    prefix.push((e(op::RESUME, 0), UnitSrc::FirstLine));
    let mut per_pc: Vec<Vec<Emit>> = Vec::with_capacity(code.instrs.len());
    for pc in 0..code.instrs.len() {
        let mut v = Vec::new();
        lower(code, pc, &p, &mut k, &mut v);
        per_pc.push(v);
    }
    // Layout: sizes grow only (EXTENDED_ARG), so a few rounds settle.
    let mut ext: Vec<Vec<u32>> = per_pc.iter().map(|v| vec![1; v.len()]).collect();
    let prefix_units: u32 = prefix.iter().map(|(e, _)| 1 + op::caches(e.op)).sum();
    let mut start = vec![0u32; code.instrs.len() + 1];
    for _round in 0..8 {
        let mut off = prefix_units;
        for (pc, v) in per_pc.iter().enumerate() {
            start[pc] = off;
            for (j, em) in v.iter().enumerate() {
                off += ext[pc][j] + op::caches(em.op);
            }
        }
        start[code.instrs.len()] = off;
        let mut changed = false;
        for (pc, v) in per_pc.iter().enumerate() {
            let mut at = start[pc];
            for (j, em) in v.iter().enumerate() {
                let a = resolve(em, at + ext[pc][j] - 1, &start);
                let need = arg_units(a).max(ext[pc][j]);
                if need != ext[pc][j] {
                    ext[pc][j] = need;
                    changed = true;
                }
                at += ext[pc][j] + op::caches(em.op);
            }
        }
        if !changed {
            break;
        }
    }
    let mut out = WordView {
        code: Vec::new(),
        unit_of_pc: vec![0; code.instrs.len()],
        units: Vec::new(),
        instr_starts: Vec::new(),
        exception_table: Vec::new(),
        extra_consts: Vec::new(),
        stacksize: 0,
    };
    let put = |out: &mut WordView, o: u8, a: u8, src: UnitSrc| {
        out.code.push(o);
        out.code.push(a);
        out.units.push(src);
    };
    for (em, src) in &prefix {
        let Arg::N(a) = em.arg else { continue };
        out.instr_starts.push(out.units.len() as u32);
        put(&mut out, em.op, a as u8, *src);
    }
    let mut unit_handler: Vec<Option<Handler>> = vec![None; out.units.len()];
    for (pc, v) in per_pc.iter().enumerate() {
        // A loop's jump back shows the line before it, as CPython's has no
        // line of its own.
        let src = match code.instrs[pc] {
            Instr::Jump(t) if (t as usize) <= pc && pc > 0 => UnitSrc::Pc(pc as u32 - 1),
            _ => UnitSrc::Pc(pc as u32),
        };
        out.unit_of_pc[pc] = out.units.len() as u32;
        let mut ats = Vec::with_capacity(v.len());
        for (j, em) in v.iter().enumerate() {
            let at = out.units.len() as u32 + ext[pc][j] - 1;
            let a = resolve(em, at, &start);
            // CPython's cleanup block has no line.
            let src = if em.in_cleanup { UnitSrc::NoLine } else { src };
            out.instr_starts.push(out.units.len() as u32);
            for x in (1..ext[pc][j]).rev() {
                put(&mut out, op::EXTENDED_ARG, (a >> (8 * x)) as u8, src);
            }
            ats.push((em.op, at));
            put(&mut out, em.op, a as u8, src);
            for _ in 0..op::caches(em.op) {
                put(&mut out, 0, 0, src);
            }
            let h = if em.in_cleanup { p.handler[pc] } else { p.cleanup[pc].or(p.handler[pc]) };
            unit_handler.resize(out.units.len(), h);
        }
        // f_lasti points at the instruction doing the work: the last of an
        // expansion, but not a trailing RESUME (after YIELD_VALUE) or the
        // POP_TOP after a with-exit CALL.
        let main = ats.iter().rev().find(|(o, _)| !matches!(*o, op::RESUME | op::POP_TOP)).or(ats.last());
        if let Some((_, at)) = main {
            out.unit_of_pc[pc] = *at;
        }
    }
    // Exception table: runs of units under the same handler.
    let mut entries: Vec<(u32, u32, Handler)> = Vec::new();
    unit_handler.resize(out.units.len(), None);
    for (u, h) in unit_handler.iter().enumerate() {
        let Some(h) = *h else { continue };
        match entries.last_mut() {
            Some((_, end, last)) if *end == u as u32 && *last == h => *end += 1,
            _ => entries.push((u as u32, u as u32 + 1, h)),
        }
    }
    for (s, end, h) in entries {
        let target = start.get(h.target as usize).copied().unwrap_or(0) + u32::from(h.cleanup);
        varint(&mut out.exception_table, s, true);
        varint(&mut out.exception_table, end - s, false);
        varint(&mut out.exception_table, target, false);
        varint(&mut out.exception_table, (h.depth << 1) | u32::from(h.lasti), false);
    }
    // Stack size: gilt's depth plus the NULLs the view pushes under callees.
    let mut nulls = vec![0i64; code.instrs.len() + 1];
    for pc in 0..code.instrs.len() {
        let extra = i64::from(p.push_null[pc] || p.null_bit[pc]) + i64::from(p.build_class[pc]);
        if extra > 0 {
            // Live until the call that consumes it, that call included.
            let end = (p.consumer[pc] as usize + 1).clamp(pc + 1, code.instrs.len());
            nulls[pc] += extra;
            nulls[end] -= extra;
        }
    }
    let mut live = 0i64;
    let mut max = 0i64;
    for (pc, n) in nulls.iter().enumerate().take(code.instrs.len()) {
        live += n;
        if let Some(d) = p.depth[pc] {
            let (pops, pushes) = effect(defuse(code.instrs[pc]));
            let after = d as i64 - pops.min(d) as i64 + pushes as i64;
            max = max.max(d as i64 + live).max(after + live);
        }
    }
    out.stacksize = max.max(1) as u32;
    out.extra_consts = k.extra;
    out
}

/// The argument of `em` placed at code unit `at`: relative jumps count
/// from the unit after it.
fn resolve(em: &Emit, at: u32, start: &[u32]) -> u32 {
    match em.arg {
        Arg::N(n) => n,
        Arg::To(t) => {
            let target = start.get(t as usize).copied().unwrap_or(*start.last().unwrap_or(&0));
            let next = at + 1 + op::caches(em.op);
            if matches!(em.op, op::JUMP_BACKWARD | op::POP_JUMP_BACKWARD_IF_FALSE | op::POP_JUMP_BACKWARD_IF_TRUE) {
                next.saturating_sub(target)
            } else {
                target.saturating_sub(next)
            }
        }
    }
}

/// CPython's exception-table varint: 6-bit groups, most significant first,
/// 0x40 on all but the last, 0x80 on the first byte of an entry.
fn varint(out: &mut Vec<u8>, v: u32, entry_start: bool) {
    let mut groups = vec![(v & 63) as u8];
    let mut rest = v >> 6;
    while rest > 0 {
        groups.push((rest & 63) as u8 | 64);
        rest >>= 6;
    }
    groups.reverse();
    if entry_start {
        groups[0] |= 0x80;
    }
    out.extend(groups);
}

impl CodeObject {
    /// The CPython 3.11 wordcode view, built on first use.
    pub fn word_view(&self) -> &WordView {
        self.word_view.get_or_init(|| Box::new(build(self)))
    }
}
