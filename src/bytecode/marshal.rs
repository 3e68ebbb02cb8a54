//! A byte encoding of code objects, so that a parent process can hand the
//! embedded modules it has compiled to its worker children (issue 5: a
//! spawned worker otherwise parses and compiles `multiprocessing` and
//! friends again, which is most of its start-up time). CPython's `marshal`
//! plays the same role for `.pyc` files.
//!
//! The format is private to one build of gilt: both sides check
//! [`schema_hash`] (derived from the instruction table below, which must
//! list every [`Instr`] variant — the `match` fails to compile otherwise)
//! and refuse anything else. Decoding never panics on bad input; it returns
//! `None` and the caller compiles from source instead.
//!
//! Constants: None, Ellipsis, NotImplemented, bool, int, float, str, bytes,
//! tuples of constants and nested code objects (all the compiler emits).

use std::sync::Arc;

use num_bigint::BigInt;

use super::code::{CodeKind, CodeObject, ColSpan};
use super::instr::Instr;
use super::positions::Positions;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::parse::ast::{BinOp, CmpOp};

/// How names are turned into shared strings (the runtime's interner).
pub type Intern<'a> = &'a dyn Fn(&str) -> Arc<PyStr>;

/// Appends encoded values to a byte vector.
struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    /// LEB128: most operands and lengths fit in one byte.
    fn u32(&mut self, mut v: u32) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) -> Option<()> {
        self.u32(u32::try_from(n).ok()?);
        Some(())
    }
    fn bytes(&mut self, b: &[u8]) -> Option<()> {
        self.len(b.len())?;
        self.0.extend_from_slice(b);
        Some(())
    }
    fn str(&mut self, s: &str) -> Option<()> {
        self.bytes(s.as_bytes())
    }
    fn binop(&mut self, op: BinOp) {
        self.u8(match op {
            BinOp::Add => 0,
            BinOp::Sub => 1,
            BinOp::Mult => 2,
            BinOp::MatMult => 3,
            BinOp::Div => 4,
            BinOp::FloorDiv => 5,
            BinOp::Mod => 6,
            BinOp::Pow => 7,
            BinOp::LShift => 8,
            BinOp::RShift => 9,
            BinOp::BitOr => 10,
            BinOp::BitXor => 11,
            BinOp::BitAnd => 12,
        })
    }
    fn cmpop(&mut self, op: CmpOp) {
        self.u8(match op {
            CmpOp::Eq => 0,
            CmpOp::NotEq => 1,
            CmpOp::Lt => 2,
            CmpOp::LtE => 3,
            CmpOp::Gt => 4,
            CmpOp::GtE => 5,
            CmpOp::Is => 6,
            CmpOp::IsNot => 7,
            CmpOp::In => 8,
            CmpOp::NotIn => 9,
        })
    }
}

/// Reads what [`Writer`] wrote; every getter is `None` past the end.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn u8(&mut self) -> Option<u8> {
        let b = *self.buf.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
    fn u32(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.buf.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn len(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        // Every encoded item takes at least one byte: a longer count is corrupt.
        (n <= self.buf.len() - self.pos).then_some(n)
    }
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }
    fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }
    fn binop(&mut self) -> Option<BinOp> {
        Some(match self.u8()? {
            0 => BinOp::Add,
            1 => BinOp::Sub,
            2 => BinOp::Mult,
            3 => BinOp::MatMult,
            4 => BinOp::Div,
            5 => BinOp::FloorDiv,
            6 => BinOp::Mod,
            7 => BinOp::Pow,
            8 => BinOp::LShift,
            9 => BinOp::RShift,
            10 => BinOp::BitOr,
            11 => BinOp::BitXor,
            12 => BinOp::BitAnd,
            _ => return None,
        })
    }
    fn cmpop(&mut self) -> Option<CmpOp> {
        Some(match self.u8()? {
            0 => CmpOp::Eq,
            1 => CmpOp::NotEq,
            2 => CmpOp::Lt,
            3 => CmpOp::LtE,
            4 => CmpOp::Gt,
            5 => CmpOp::GtE,
            6 => CmpOp::Is,
            7 => CmpOp::IsNot,
            8 => CmpOp::In,
            9 => CmpOp::NotIn,
            _ => return None,
        })
    }
}

/// One table gives the opcode of every instruction and the kinds of its
/// operands, and generates the encoder, the decoder and the schema string
/// from it. A new `Instr` variant is a compile error in `put_instr` until
/// it is listed here (append it with the next free opcode).
macro_rules! instr_table {
    ($($op:literal => $name:ident $(($($f:ident: $t:ident),+))?;)*) => {
        fn put_instr(w: &mut Writer, i: Instr) {
            match i {
                $(Instr::$name $(($($f),+))? => {
                    w.u8($op);
                    $($(w.$t($f);)+)?
                })*
            }
        }
        fn get_instr(r: &mut Reader) -> Option<Instr> {
            Some(match r.u8()? {
                $($op => Instr::$name $(($(r.$t()?),+))?,)*
                _ => return None,
            })
        }
        const INSTR_SCHEMA: &str = concat!($(stringify!($op), stringify!($name), $("(", $(stringify!($t), ",",)+ ")",)? ";",)*);
    };
}

instr_table! {
    0 => Nop;
    1 => LoadConst(a: u32);
    2 => LoadFast(a: u32);
    3 => StoreFast(a: u32);
    4 => DeleteFast(a: u32);
    5 => LoadDeref(a: u32);
    6 => StoreDeref(a: u32);
    7 => DeleteDeref(a: u32);
    8 => LoadClosure(a: u32);
    9 => LoadClassDeref(a: u32, b: u32);
    10 => LoadGlobal(a: u32);
    11 => StoreGlobal(a: u32);
    12 => DeleteGlobal(a: u32);
    13 => LoadName(a: u32);
    14 => StoreName(a: u32);
    15 => DeleteName(a: u32);
    16 => LoadAttr(a: u32);
    17 => StoreAttr(a: u32);
    18 => DeleteAttr(a: u32);
    19 => LoadMethod(a: u32);
    20 => CallMethod(a: u32);
    21 => Call(a: u32);
    22 => CallKw(a: u32);
    23 => CallEx(a: u32);
    24 => BinarySubscr;
    25 => StoreSubscr;
    26 => DeleteSubscr;
    27 => Binary(op: binop);
    28 => Inplace(op: binop);
    29 => Compare(op: cmpop);
    30 => IsOp(a: u32);
    31 => ContainsOp(a: u32);
    32 => UnaryNeg;
    33 => UnaryPos;
    34 => UnaryInvert;
    35 => UnaryNot;
    36 => PopTop;
    37 => DupTop;
    38 => DupTop2;
    39 => RotTwo;
    40 => RotThree;
    41 => RotFour;
    42 => Jump(a: u32);
    43 => LoadFastFast(a: u32, b: u32);
    44 => LoadFastConst(a: u32, b: u32);
    45 => BinaryFastConst(a: u16, b: u16, op: binop);
    46 => BinaryFastFast(a: u16, b: u16, op: binop);
    47 => LoadFastAttr(a: u32, b: u32);
    48 => CompareJumpIfFalse(op: cmpop, a: u32);
    49 => PopJumpIfFalse(a: u32);
    50 => PopJumpIfTrue(a: u32);
    51 => JumpIfFalseOrPop(a: u32);
    52 => JumpIfTrueOrPop(a: u32);
    53 => GetIter;
    54 => ForIter(a: u32);
    55 => BuildTuple(a: u32);
    56 => BuildList(a: u32);
    57 => BuildSet(a: u32);
    58 => BuildMap(a: u32);
    59 => BuildString(a: u32);
    60 => BuildSlice(a: u32);
    61 => ListAppend(a: u32);
    62 => SetAdd(a: u32);
    63 => MapAdd(a: u32);
    64 => ListExtend;
    65 => SetUpdate;
    66 => DictUpdate;
    67 => DictMerge;
    68 => ListToTuple;
    69 => FormatValue(a: u32);
    70 => UnpackSequence(a: u32);
    71 => UnpackEx(a: u32);
    72 => MakeFunction(a: u32);
    73 => ReturnValue;
    74 => YieldValue;
    75 => GetYieldFromIter;
    76 => Send(a: u32);
    77 => GetAwaitable(a: u32);
    78 => SetupExcept(a: u32);
    79 => SetupFinally(a: u32);
    80 => SetupWith(a: u32);
    81 => PopBlock;
    82 => PopExcept;
    83 => Reraise;
    84 => Raise(a: u32);
    85 => CheckExcMatch;
    86 => WithExitNormal;
    87 => WithExceptStart;
    88 => ImportName(a: u32, b: u32);
    89 => ImportFrom(a: u32);
    90 => ImportStar;
    91 => LoadAssertionError;
    92 => PrintExpr;
    93 => BuildClass(a: u32);
    94 => BuildClassKw(a: u32);
    95 => LoadLocals;
    96 => SetupAnnotations;
    97 => MatchPattern(a: u32, b: u32);
    98 => BuildClassEx(a: u32);
    99 => ExcStarBegin;
    100 => ExcStarMatch(a: u32);
    101 => PushExcInfo;
    102 => ExcStarCollect;
    103 => ExcStarEnd;
    104 => StoreFastAttr(a: u32, b: u32);
    105 => GetAIter;
    106 => GetANext;
    107 => BeforeAsyncWith;
}

/// A fingerprint of this build's encoding: the instruction table, the
/// operator numbering's sizes and the code object layout. Parent and child
/// compare it before trusting each other's bytes.
pub fn schema_hash() -> u64 {
    let mut h = fnv1a(INSTR_SCHEMA.as_bytes());
    for n in [
        std::mem::size_of::<Instr>(),
        std::mem::size_of::<CodeObject>(),
        std::mem::size_of::<ColSpan>(),
        std::mem::size_of::<BinOp>(),
        std::mem::size_of::<CmpOp>(),
    ] {
        h = fnv1a_continue(h, &(n as u64).to_le_bytes());
    }
    h
}

/// 64-bit FNV-1a of `bytes` (fingerprints, not security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_continue(0xcbf2_9ce4_8422_2325, bytes)
}

fn fnv1a_continue(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Encodes a code object (and its nested ones); `None` if it holds a
/// constant this format does not know.
pub fn encode(code: &CodeObject) -> Option<Vec<u8>> {
    let mut w = Writer(Vec::with_capacity(code.instrs.len() * 8));
    put_code(&mut w, code)?;
    Some(w.0)
}

/// Decodes what [`encode`] produced; `filename` is shared by the module's
/// code objects, names go through `intern` as the compiler's do.
pub fn decode(bytes: &[u8], filename: &Arc<str>, intern: Intern) -> Option<CodeObject> {
    let mut r = Reader { buf: bytes, pos: 0 };
    let code = get_code(&mut r, filename, intern, 0)?;
    (r.pos == bytes.len()).then_some(code)
}

fn put_names(w: &mut Writer, names: &[Arc<PyStr>]) -> Option<()> {
    w.len(names.len())?;
    for n in names {
        w.str(n.as_str())?;
    }
    Some(())
}

fn get_names(r: &mut Reader, intern: Intern) -> Option<Vec<Arc<PyStr>>> {
    let n = r.len()?;
    get_n(r, n, |r| r.str().map(intern))
}

/// `n` items read by `item`, in a vector of exactly `n` (collecting an
/// iterator of `Option`s cannot know its length and grows by doubling, which
/// left up to half of every decoded code object's tables unused). Every
/// item takes at least one byte, so a corrupt count cannot reserve more
/// than the input's size.
fn get_n<T>(r: &mut Reader, n: usize, mut item: impl FnMut(&mut Reader) -> Option<T>) -> Option<Vec<T>> {
    let mut v = Vec::with_capacity(n.min(r.buf.len().saturating_sub(r.pos)));
    for _ in 0..n {
        v.push(item(r)?);
    }
    Some(v)
}

fn put_code(w: &mut Writer, c: &CodeObject) -> Option<()> {
    // Compiled `case` patterns are not encoded: code with a `match`
    // statement is not handed over (the child compiles it itself).
    if !c.patterns.is_empty() {
        return None;
    }
    w.str(c.name.as_str())?;
    w.str(c.qualname.as_str())?;
    w.u32(c.firstlineno);
    w.u8(match c.kind {
        CodeKind::Module => 0,
        CodeKind::Class => 1,
        CodeKind::Function => 2,
    });
    let n = c.instrs.len();
    if c.positions.len() != n || c.positions.cols_len() != n {
        return None;
    }
    w.len(n)?;
    for &i in &c.instrs {
        put_instr(w, i);
    }
    for pc in 0..n {
        w.u32(c.positions.line(pc)?);
    }
    for s in (0..n).filter_map(|pc| c.positions.cols(pc)) {
        w.u16(s.col);
        w.u16(s.end_col);
        w.u16(s.end_line_delta);
    }
    w.len(c.consts.len())?;
    for v in &c.consts {
        put_value(w, v)?;
    }
    put_names(w, &c.names)?;
    put_names(w, &c.varnames)?;
    put_names(w, &c.cellvars)?;
    put_names(w, &c.freevars)?;
    w.len(c.cell2arg.len())?;
    for a in &c.cell2arg {
        w.u32(a.map_or(0, |x| x + 1));
    }
    w.u32(c.argcount);
    w.u32(c.posonlyargcount);
    w.u32(c.kwonlyargcount);
    w.u32(c.flags);
    put_value(w, &c.docstring)?;
    w.u8(u8::from(c.needs_class_cell) | u8::from(c.simple_args) << 1);
    Some(())
}

fn get_code(r: &mut Reader, filename: &Arc<str>, intern: Intern, depth: u32) -> Option<CodeObject> {
    // Nesting follows the source's (functions in functions); bound it so
    // corrupt input cannot recurse without end.
    if depth > 200 {
        return None;
    }
    let name = Arc::new(PyStr::new(r.str()?));
    let qualname = Arc::new(PyStr::new(r.str()?));
    let firstlineno = r.u32()?;
    let kind = match r.u8()? {
        0 => CodeKind::Module,
        1 => CodeKind::Class,
        2 => CodeKind::Function,
        _ => return None,
    };
    let n = r.len()?;
    let instrs = get_n(r, n, get_instr)?;
    let lines = get_n(r, n, |r| r.u32())?;
    let cols = get_n(r, n, |r| Some(ColSpan { col: r.u16()?, end_col: r.u16()?, end_line_delta: r.u16()? }))?;
    let nconsts = r.len()?;
    let consts = get_n(r, nconsts, |r| get_value(r, filename, intern, depth))?;
    let names = get_names(r, intern)?;
    let varnames = get_names(r, intern)?;
    let cellvars = get_names(r, intern)?;
    let freevars = get_names(r, intern)?;
    let ncells = r.len()?;
    let cell2arg = get_n(r, ncells, |r| r.u32().map(|x| x.checked_sub(1)))?;
    let argcount = r.u32()?;
    let posonlyargcount = r.u32()?;
    let kwonlyargcount = r.u32()?;
    let flags = r.u32()?;
    let docstring = get_value(r, filename, intern, depth)?;
    let bits = r.u8()?;
    Some(CodeObject {
        name,
        qualname,
        filename: filename.clone(),
        firstlineno,
        kind,
        instrs,
        positions: Positions::new(&lines, &cols),
        consts,
        names,
        varnames,
        cellvars,
        freevars,
        cell2arg,
        argcount,
        posonlyargcount,
        kwonlyargcount,
        flags,
        docstring,
        needs_class_cell: bits & 1 != 0,
        simple_args: bits & 2 != 0,
        patterns: Vec::new(),
        caches: Default::default(),
        word_view: Default::default(),
    })
}

fn put_value(w: &mut Writer, v: &Value) -> Option<()> {
    match v {
        Value::None => w.u8(0),
        Value::Ellipsis => w.u8(1),
        Value::NotImplemented => w.u8(2),
        Value::Boolean(b) => w.u8(if b.get() { 4 } else { 3 }),
        Value::Int(i) => {
            w.u8(5);
            w.u64(*i as u64);
        }
        Value::BigInt(b) => {
            w.u8(6);
            w.bytes(&b.to_signed_bytes_le())?;
        }
        Value::Flt(f) => {
            w.u8(7);
            w.u64(f.get().to_bits());
        }
        Value::Str(s) if s.has_surrogates() => {
            // Lone surrogates: the exact code points, generalized UTF-8.
            w.u8(13);
            w.bytes(s.wide_utf8())?;
        }
        Value::Str(s) => {
            w.u8(8);
            w.str(s.as_str())?;
        }
        Value::Bytes(b) => {
            w.u8(9);
            w.bytes(b)?;
        }
        Value::Tuple(t) => {
            w.u8(10);
            w.len(t.items.len())?;
            for item in t.items.iter() {
                put_value(w, item)?;
            }
        }
        Value::Code(c) => {
            w.u8(11);
            put_code(w, c)?;
        }
        Value::Cplx(c) => {
            w.u8(12);
            w.u64(c.re.to_bits());
            w.u64(c.im.to_bits());
        }
        _ => return None,
    }
    Some(())
}

fn get_value(r: &mut Reader, filename: &Arc<str>, intern: Intern, depth: u32) -> Option<Value> {
    Some(match r.u8()? {
        0 => Value::None,
        1 => Value::Ellipsis,
        2 => Value::NotImplemented,
        3 => Value::Bool(false),
        4 => Value::Bool(true),
        5 => Value::Int(r.u64()? as i64),
        6 => Value::from_bigint(BigInt::from_signed_bytes_le(r.bytes()?)),
        7 => Value::Float(f64::from_bits(r.u64()?)),
        8 => {
            // Identifier-like constants are interned, as the compiler interns
            // keyword-argument names (and CPython all such constants): calls
            // match keyword names by pointer.
            let s = r.str()?;
            if !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                Value::Str(intern(s))
            } else {
                Value::str(s)
            }
        }
        9 => Value::Bytes(Arc::new(r.bytes()?.to_vec())),
        10 => {
            let n = r.len()?;
            let items = get_n(r, n, |r| get_value(r, filename, intern, depth))?;
            Value::tuple(items)
        }
        11 => Value::Code(Arc::new(get_code(r, filename, intern, depth + 1)?)),
        12 => {
            let re = f64::from_bits(r.u64()?);
            Value::complex(re, f64::from_bits(r.u64()?))
        }
        13 => crate::object::str::wide_value(r.bytes()?.to_vec()),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intern(s: &str) -> Arc<PyStr> {
        Arc::new(PyStr::new(s))
    }

    #[test]
    fn leb128_round_trip() {
        let mut w = Writer(Vec::new());
        for v in [0, 1, 127, 128, 300, 65535, u32::MAX] {
            w.u32(v);
        }
        let mut r = Reader { buf: &w.0, pos: 0 };
        for v in [0, 1, 127, 128, 300, 65535, u32::MAX] {
            assert_eq!(r.u32(), Some(v));
        }
        assert_eq!(r.u8(), None);
    }

    #[test]
    fn truncated_or_garbage_input_is_refused() {
        let f: Arc<str> = Arc::from("<t>");
        assert!(decode(&[], &f, &intern).is_none());
        assert!(decode(&[0xff; 64], &f, &intern).is_none());
        assert!(decode(&[3, b'a', b'b', b'c'], &f, &intern).is_none());
    }

    /// Every embedded module survives encode → decode → encode unchanged
    /// (the second encoding sees every field the decoder rebuilt).
    #[test]
    fn embedded_modules_round_trip() {
        for name in ["multiprocessing", "_mp_core", "asyncio", "_mp_pool", "_sqlite3", "_io"] {
            let src = crate::stdlib::frozen_source(name).expect(name);
            let program = crate::parse::parse_program(src).expect("parses");
            let interner: crate::compile::unit::Interner = Arc::new(intern);
            let code = crate::compile::compile_module(&program, name, false, interner).expect("compiles");
            let first = encode(&code).expect("encodes");
            let f: Arc<str> = Arc::from(name);
            let back = decode(&first, &f, &intern).expect("decodes");
            assert_eq!(encode(&back).expect("encodes again"), first, "{name}");
            assert_eq!(back.instrs, code.instrs, "{name}");
            assert!(decode(&first[..first.len() - 1], &f, &intern).is_none(), "{name}: truncated");
        }
    }

    /// Complex constants keep their bits.
    #[test]
    fn complex_constants_round_trip() {
        let program = crate::parse::parse_program("z = 2.5j\nw = 1e300J\n").expect("parses");
        let interner: crate::compile::unit::Interner = Arc::new(intern);
        let code = crate::compile::compile_module(&program, "m", false, interner).expect("compiles");
        let bytes = encode(&code).expect("encodes");
        let f: Arc<str> = Arc::from("m");
        let back = decode(&bytes, &f, &intern).expect("decodes");
        let cplx: Vec<(u64, u64)> = back
            .consts
            .iter()
            .filter_map(|v| match v {
                Value::Cplx(c) => Some((c.re.to_bits(), c.im.to_bits())),
                _ => None,
            })
            .collect();
        assert_eq!(cplx, vec![(0f64.to_bits(), 2.5f64.to_bits()), (0f64.to_bits(), 1e300f64.to_bits())]);
        assert_eq!(encode(&back).expect("encodes again"), bytes);
    }

    #[test]
    fn schema_is_stable_within_a_build() {
        assert_eq!(schema_hash(), schema_hash());
        assert_ne!(fnv1a(b"a"), fnv1a(b"b"));
    }
}
