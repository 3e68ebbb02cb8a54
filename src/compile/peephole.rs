//! The peephole pass: rewrites common instruction sequences into the
//! superinstructions of `bytecode/instr.rs`, once a code object's jumps are
//! final.
//!
//! A superinstruction replaces only the first instruction of its sequence;
//! the others stay where they were, so jump targets, line numbers and
//! exception handlers need no fixing, and a jump landing inside a sequence
//! runs the original instructions. At run time the superinstruction does
//! the whole sequence and moves the pc past it.

use crate::bytecode::Instr;

/// Rewrites `instrs` in place.
pub fn fuse(instrs: &mut [Instr]) {
    let mut i = 0;
    while i < instrs.len() {
        let rest = &instrs[i..];
        let fused = match *rest {
            [Instr::LoadFast(a), Instr::LoadConst(c), Instr::Binary(op), ..] if a <= 0xFFFF && c <= 0xFFFF => {
                Some((Instr::BinaryFastConst(a as u16, c as u16, op), 3))
            }
            [Instr::LoadFast(a), Instr::LoadFast(b), Instr::Binary(op), ..] if a <= 0xFFFF && b <= 0xFFFF => {
                Some((Instr::BinaryFastFast(a as u16, b as u16, op), 3))
            }
            [Instr::LoadFast(a), Instr::LoadAttr(n), ..] => Some((Instr::LoadFastAttr(a, n), 2)),
            [Instr::LoadFast(a), Instr::StoreAttr(n), ..] => Some((Instr::StoreFastAttr(a, n), 2)),
            [Instr::LoadFast(a), Instr::LoadFast(b), ..] => Some((Instr::LoadFastFast(a, b), 2)),
            [Instr::LoadFast(a), Instr::LoadConst(c), ..] => Some((Instr::LoadFastConst(a, c), 2)),
            [Instr::Compare(op), Instr::PopJumpIfFalse(t), ..] => Some((Instr::CompareJumpIfFalse(op, t), 2)),
            _ => None,
        };
        // `LoadFast a; LoadFast b; LoadConst c; Binary`: pairing a with b
        // would hide the better `b op c`, so leave a alone.
        let fused = match fused {
            Some((Instr::LoadFastFast(..) | Instr::LoadFastConst(..), _)) if starts_binary(&instrs[i + 1..]) => None,
            // `LoadFast v; LoadFast obj; StoreAttr` (`self.x = x`): the store
            // saves more than the pair.
            Some((Instr::LoadFastFast(..), _))
                if matches!(instrs[i + 1..], [Instr::LoadFast(_), Instr::StoreAttr(_), ..]) =>
            {
                None
            }
            other => other,
        };
        match fused {
            Some((instr, len)) => {
                instrs[i] = instr;
                i += len;
            }
            None => i += 1,
        }
    }
}

/// True when `instrs` starts with a sequence `fuse` turns into a
/// BinaryFastConst or BinaryFastFast.
fn starts_binary(instrs: &[Instr]) -> bool {
    matches!(
        instrs,
        [Instr::LoadFast(a), Instr::LoadConst(b) | Instr::LoadFast(b), Instr::Binary(_), ..] if *a <= 0xFFFF && *b <= 0xFFFF
    )
}
