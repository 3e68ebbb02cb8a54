//! The instruction set. Each opcode's comment states its stack effect
//! (`before → after`, top of stack on the right).

use crate::parse::ast::{BinOp, CmpOp};

/// An index into a code object's instruction vector.
pub type Label = u32;

/// One bytecode instruction. Arguments are indexes into the code object's
/// tables (`consts`, `names`, `varnames`, `cellvars ++ freevars`) or counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    /// Does nothing (a jump target placeholder).
    Nop,
    /// `→ consts[i]`
    LoadConst(u32),
    /// `→ local i` (UnboundLocalError if unbound)
    LoadFast(u32),
    /// `v →` store into local i
    StoreFast(u32),
    /// unbind local i
    DeleteFast(u32),
    /// `→ cell i's content` (cellvars then freevars)
    LoadDeref(u32),
    /// `v →` store into cell i
    StoreDeref(u32),
    /// empty cell i
    DeleteDeref(u32),
    /// `→ cell i itself` (to build a closure)
    LoadClosure(u32),
    /// In a class body: `→ locals[names[n]]` if present, else cell i's content.
    LoadClassDeref(u32, u32),
    /// `→ globals[names[i]]` or builtins
    LoadGlobal(u32),
    /// `v →` globals[names[i]] = v
    StoreGlobal(u32),
    /// del globals[names[i]]
    DeleteGlobal(u32),
    /// `→ locals/globals/builtins[names[i]]` (class bodies)
    LoadName(u32),
    /// `v →` locals[names[i]] = v (class bodies)
    StoreName(u32),
    /// del locals[names[i]]
    DeleteName(u32),
    /// `obj → obj.names[i]`
    LoadAttr(u32),
    /// `v obj →` obj.names[i] = v
    StoreAttr(u32),
    /// `obj →` del obj.names[i]
    DeleteAttr(u32),
    /// `obj → method obj` or `→ NULL-marker attr` so CallMethod can skip binding
    LoadMethod(u32),
    /// `method self a1..an → result` (pairs with LoadMethod)
    CallMethod(u32),
    /// `f a1..an → f(a1..an)`
    Call(u32),
    /// `f a1..an kwnames → result`: the last len(kwnames) args are keywords
    CallKw(u32),
    /// `f args_tuple [kwargs_dict] → result` (flag 1: kwargs present)
    CallEx(u32),
    /// `obj key → obj[key]`
    BinarySubscr,
    /// `v obj key →` obj[key] = v
    StoreSubscr,
    /// `obj key →` del obj[key]
    DeleteSubscr,
    /// `a b → a op b`
    Binary(BinOp),
    /// `a b → a op= b` (tries the in-place method first)
    Inplace(BinOp),
    /// `a b → a op b` for < <= == != > >=
    Compare(CmpOp),
    /// `a b → a is b` (arg 1: `is not`)
    IsOp(u32),
    /// `a b → a in b` (arg 1: `not in`)
    ContainsOp(u32),
    /// `a → -a`
    UnaryNeg,
    /// `a → +a`
    UnaryPos,
    /// `a → ~a`
    UnaryInvert,
    /// `a → not a`
    UnaryNot,
    /// `a →`
    PopTop,
    /// `a → a a`
    DupTop,
    /// `a b → a b a b`
    DupTop2,
    /// `a b → b a`
    RotTwo,
    /// `a b c → c a b`
    RotThree,
    /// `a b c d → d a b c`
    RotFour,
    /// jump to target
    Jump(Label),

    // Superinstructions: written by the peephole pass (`compile/peephole.rs`)
    // over the first instruction of a sequence they stand for. The rest of
    // the sequence stays in place, so a jump into its middle still works;
    // the superinstruction skips it. They exist because each dispatch,
    // push and pop costs as much as the work of these small steps.
    /// `LoadFast(a); LoadFast(b)`: `→ local a, local b`
    LoadFastFast(u32, u32),
    /// `LoadFast(a); LoadConst(c)`: `→ local a, consts[c]`
    LoadFastConst(u32, u32),
    /// `LoadFast(a); LoadConst(c); Binary(op)`: `→ local a op consts[c]`
    /// (indexes below 65536; wider ones keep the plain sequence)
    BinaryFastConst(u16, u16, BinOp),
    /// `LoadFast(a); LoadFast(b); Binary(op)`: `→ local a op local b`
    BinaryFastFast(u16, u16, BinOp),
    /// `LoadFast(a); LoadAttr(name)`: `→ local a.names[name]`, reading the
    /// local in place (no reference-count traffic on the object)
    LoadFastAttr(u32, u32),
    /// `LoadFast(a); StoreAttr(name)`: `v →` and `local a.names[name] = v`,
    /// the object used where it lies in its local slot
    StoreFastAttr(u32, u32),
    /// `Compare(op); PopJumpIfFalse(t)`: `a b →` and jump to t unless `a op b`
    CompareJumpIfFalse(CmpOp, Label),
    /// `v →` jump if v is false
    PopJumpIfFalse(Label),
    /// `v →` jump if v is true
    PopJumpIfTrue(Label),
    /// `v → v` and jump if false, else `v →`
    JumpIfFalseOrPop(Label),
    /// `v → v` and jump if true, else `v →`
    JumpIfTrueOrPop(Label),
    /// `obj → iter(obj)`
    GetIter,
    /// `it → it next` or, when exhausted, `it →` and jump to target
    ForIter(Label),
    /// `a1..an → (a1..an)`
    BuildTuple(u32),
    /// `a1..an → [a1..an]`
    BuildList(u32),
    /// `a1..an → {a1..an}`
    BuildSet(u32),
    /// `k1 v1..kn vn → {k1: v1, ..}`
    BuildMap(u32),
    /// `a1..an → "a1..an"` (all are str)
    BuildString(u32),
    /// `lo hi [step] → slice` (arg = 2 or 3)
    BuildSlice(u32),
    /// `list ... v → list ...` list.append(v), list is i deep under v
    ListAppend(u32),
    /// `set ... v → set ...` set.add(v)
    SetAdd(u32),
    /// `dict ... k v → dict ...` dict[k] = v
    MapAdd(u32),
    /// `list it → list` list.extend(it)
    ListExtend,
    /// `set it → set` set.update(it)
    SetUpdate,
    /// `dict m → dict` dict.update(m)
    DictUpdate,
    /// `dict m → dict` like DictUpdate but duplicate keys are a TypeError (calls)
    DictMerge,
    /// `list → tuple(list)`
    ListToTuple,
    /// `v [spec] → format(v, spec)`: arg bits 0-1 conversion (0 none,1 str,2 repr,3 ascii), bit 2 spec present
    FormatValue(u32),
    /// `seq → vn..v1` (exactly n items)
    UnpackSequence(u32),
    /// `seq → …` starred unpacking: arg = before | after << 16
    UnpackEx(u32),
    /// `[defaults] [kwdefaults] [closure] code qualname → function` (flags 1,2,8)
    MakeFunction(u32),
    /// `v →` return v from the frame
    ReturnValue,
    /// `v → sent` suspend the generator, yielding v
    YieldValue,
    /// `iterable → iterator` for `yield from` (coroutines pass through)
    GetYieldFromIter,
    /// `iter v → iter result` delegate one step (send v) or jump to target with the return value
    Send(Label),
    /// `obj → awaitable iterator` for `await`; the operand says which await it
    /// is (0 plain, 1 of `__aenter__`'s result, 2 of `__aexit__`'s), for the error
    GetAwaitable(u32),
    /// `obj → type(obj).__aiter__(obj)` (`async for`), checked to have `__anext__`
    GetAIter,
    /// `aiter → aiter awaitable` the awaitable iterator of `aiter.__anext__()`
    GetANext,
    /// `mgr → mgr type(mgr).__aenter__(mgr)` after checking `__aexit__` exists
    BeforeAsyncWith,
    /// push an exception handler block that jumps to target
    SetupExcept(Label),
    /// push a finally block that jumps to target
    SetupFinally(Label),
    /// `cm → exit enter_result`, push a with-block whose handler is target
    SetupWith(Label),
    /// pop the innermost block
    PopBlock,
    /// leave an except/finally handler: pop its block (restores the handled exception)
    PopExcept,
    /// `exc →` re-raise exc keeping its traceback
    Reraise,
    /// raise: arg 0 = bare raise, 1 = `raise exc`, 2 = `raise exc from cause`
    Raise(u32),
    /// `exc type → bool` does exc match type (a class or tuple)? (the compiler DupTops exc first)
    CheckExcMatch,
    /// `exc → orig rest raised` start the `except*` clauses: the exception
    /// twice and an empty list for what their bodies raise
    ExcStarBegin,
    /// `orig rest raised type → orig rest' raised match` split `rest` by
    /// an `except*` type; jump (`type` popped, rest kept) when none matches
    ExcStarMatch(Label),
    /// `exc →` enter a handler of `exc` (it becomes `sys.exception()`)
    PushExcInfo,
    /// `orig rest raised exc → orig rest raised` record what an `except*`
    /// body raised
    ExcStarCollect,
    /// `orig rest raised →` after the `except*` clauses: raise what is
    /// left (CPython's `_PyExc_PrepReraiseStar`), if anything
    ExcStarEnd,
    /// `exit → ` call exit(None, None, None) and discard the result
    WithExitNormal,
    /// `exit exc → exit exc suppress` call exit(type, exc, tb)
    WithExceptStart,
    /// `→ module` import names[i] (arg2 = level, fromlist const index follows in consts)
    ImportName(u32, u32),
    /// `module → module attr` from-import names[i]
    ImportFrom(u32),
    /// `module →` copy public names into globals
    ImportStar,
    /// `→ AssertionError`
    LoadAssertionError,
    /// `v →` REPL: print repr(v) unless None
    PrintExpr,
    /// `body_fn name bases… → class` build a class (arg = number of bases; kwargs via CallKw shape)
    BuildClass(u32),
    /// `body_fn name bases… kwnames → class` with keyword arguments (metaclass=…)
    BuildClassKw(u32),
    /// `body_fn name bases_tuple [kwargs_dict] → class` for `*bases` /
    /// `**kwargs` in the header (arg bit 1 = a kwargs dict is on the stack)
    BuildClassEx(u32),
    /// `→ locals dict` for a class body's return
    LoadLocals,
    /// set up `__annotations__` in a class body
    SetupAnnotations,
    /// `subject v1..vn → b1..bk` match the subject against `patterns[i]`
    /// (n values it compares with, k names it binds, in slot order), or
    /// `subject v1..vn →` and jump to target when it does not match
    MatchPattern(u32, Label),
}

/// Where a `GetAwaitable` stands (CPython's `GET_AWAITABLE` oparg): a plain
/// `await`, or the await of what `__aenter__` / `__aexit__` returned.
pub mod await_site {
    /// `await x`.
    pub const PLAIN: u32 = 0;
    /// `async with`: the result of `__aenter__`.
    pub const AENTER: u32 = 1;
    /// `async with`: the result of `__aexit__`.
    pub const AEXIT: u32 = 2;
}
