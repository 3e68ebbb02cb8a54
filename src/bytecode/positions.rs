//! Where each instruction of a code object came from: its source line and
//! its columns (CPython's `co_positions()`), kept compactly.
//!
//! Why compact: every instruction of every imported module has a position,
//! and as a `u32` line plus a six-byte [`ColSpan`] they were ten bytes per
//! instruction, about as much as the instructions themselves. Nearly all
//! code has lines within 65,535 of each other and columns below 255, so
//! the common case takes two bytes for the line and three for the columns;
//! code that does not fit keeps the wide form. Reading a position is an
//! index either way (tracing asks for the line at every instruction).

use super::code::ColSpan;

/// Lines: an offset from the smallest line of the code object, or whole.
enum Lines {
    Narrow { base: u32, offsets: Box<[u16]> },
    Wide(Box<[u32]>),
}

/// Columns: `[col, end_col, end_line_delta]` as bytes, or whole spans.
enum Cols {
    Narrow(Box<[[u8; 3]]>),
    Wide(Box<[ColSpan]>),
}

/// In a narrow column, the byte that stands for `u16::MAX` (unknown).
const UNKNOWN: u8 = u8::MAX;

/// The positions of a code object's instructions (index = instruction).
pub struct Positions {
    lines: Lines,
    cols: Cols,
}

impl Positions {
    /// The positions of instructions whose lines and columns are `lines` and `cols`.
    pub fn new(lines: &[u32], cols: &[ColSpan]) -> Positions {
        Positions { lines: narrow_lines(lines), cols: narrow_cols(cols) }
    }

    /// The source line of instruction `pc`.
    #[inline]
    pub fn line(&self, pc: usize) -> Option<u32> {
        match &self.lines {
            Lines::Narrow { base, offsets } => offsets.get(pc).map(|&o| base + o as u32),
            Lines::Wide(l) => l.get(pc).copied(),
        }
    }

    /// The columns of instruction `pc`.
    pub fn cols(&self, pc: usize) -> Option<ColSpan> {
        match &self.cols {
            Cols::Narrow(c) => c.get(pc).map(|&[col, end_col, d]| ColSpan {
                col: widen(col),
                end_col: widen(end_col),
                end_line_delta: d as u16,
            }),
            Cols::Wide(c) => c.get(pc).copied(),
        }
    }

    /// How many instructions have a line.
    pub fn len(&self) -> usize {
        match &self.lines {
            Lines::Narrow { offsets, .. } => offsets.len(),
            Lines::Wide(l) => l.len(),
        }
    }

    /// Whether no instruction has a position.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many instructions have columns.
    pub fn cols_len(&self) -> usize {
        match &self.cols {
            Cols::Narrow(c) => c.len(),
            Cols::Wide(c) => c.len(),
        }
    }
}

impl Clone for Positions {
    fn clone(&self) -> Positions {
        let lines: Vec<u32> = (0..self.len()).filter_map(|pc| self.line(pc)).collect();
        let cols: Vec<ColSpan> = (0..self.cols_len()).filter_map(|pc| self.cols(pc)).collect();
        Positions::new(&lines, &cols)
    }
}

fn narrow_lines(lines: &[u32]) -> Lines {
    let base = lines.iter().copied().min().unwrap_or(0);
    let offsets: Option<Box<[u16]>> = lines.iter().map(|&l| u16::try_from(l - base).ok()).collect();
    match offsets {
        Some(offsets) => Lines::Narrow { base, offsets },
        None => Lines::Wide(lines.into()),
    }
}

/// A column as a narrow byte, if it has one (`u16::MAX` is [`UNKNOWN`]).
fn narrow(c: u16) -> Option<u8> {
    match c {
        u16::MAX => Some(UNKNOWN),
        c => u8::try_from(c).ok().filter(|&b| b != UNKNOWN),
    }
}

fn widen(b: u8) -> u16 {
    if b == UNKNOWN { u16::MAX } else { b as u16 }
}

fn narrow_cols(cols: &[ColSpan]) -> Cols {
    let narrowed: Option<Box<[[u8; 3]]>> =
        cols.iter().map(|c| Some([narrow(c.col)?, narrow(c.end_col)?, u8::try_from(c.end_line_delta).ok()?])).collect();
    match narrowed {
        Some(c) => Cols::Narrow(c),
        None => Cols::Wide(cols.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(col: u16, end_col: u16, end_line_delta: u16) -> ColSpan {
        ColSpan { col, end_col, end_line_delta }
    }

    #[test]
    fn narrow_and_wide_give_back_what_was_stored() {
        let cases: Vec<(Vec<u32>, Vec<ColSpan>)> = vec![
            (vec![], vec![]),
            (vec![3, 3, 4, 1], vec![span(0, 5, 0), ColSpan::NONE, span(254, 254, 255), span(1, 2, 3)]),
            (vec![1, 70_000], vec![span(255, 300, 0), span(0, 1, 256)]),
            (vec![u32::MAX, 0], vec![span(u16::MAX, 3, 0), span(2, u16::MAX, 0)]),
        ];
        for (lines, cols) in cases {
            let p = Positions::new(&lines, &cols);
            assert_eq!(p.len(), lines.len());
            let back: Vec<u32> = (0..p.len()).filter_map(|pc| p.line(pc)).collect();
            assert_eq!(back, lines);
            let back: Vec<ColSpan> = (0..p.cols_len()).filter_map(|pc| p.cols(pc)).collect();
            assert_eq!(back, cols);
            assert_eq!(p.line(lines.len()), None);
            let c = p.clone();
            assert_eq!((0..c.len()).filter_map(|pc| c.line(pc)).collect::<Vec<_>>(), lines);
        }
    }

    #[test]
    fn ordinary_positions_are_narrow() {
        let p = Positions::new(&[10, 11, 12], &[span(4, 9, 0), ColSpan::NONE, span(0, 80, 2)]);
        assert!(matches!(p.lines, Lines::Narrow { base: 10, .. }));
        assert!(matches!(p.cols, Cols::Narrow(_)));
    }
}
