//! Byte offset → (line, column-in-characters) conversion.

use crate::parse::ast::Loc;

/// Maps byte offsets of one source text to [`Loc`]s.
///
/// Tokens are asked for in increasing order, so the last answer is cached and
/// the next column is counted from there: a 1 MB single-line data literal
/// stays linear instead of quadratic.
pub struct LineIndex<'s> {
    src: &'s str,
    starts: Vec<usize>,
    /// Added to every line number and, on the first line only, to columns:
    /// lets an f-string field be lexed on its own yet report positions in the
    /// enclosing file.
    base: Loc,
    cache: (usize, usize, u32),
}

impl<'s> LineIndex<'s> {
    /// Indexes `src`, whose first character sits at `base` (line ≥ 1).
    pub fn new(src: &'s str, base: Loc) -> LineIndex<'s> {
        let mut starts = vec![0];
        let b = src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if b.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { src, starts, base, cache: (0, 0, 0) }
    }

    /// 0-based physical line index of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte offset where 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// Text of 0-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'s str {
        let start = self.starts[line];
        let end = self.starts.get(line + 1).copied().unwrap_or(self.src.len());
        self.src[start..end].trim_end_matches(['\r', '\n'])
    }

    /// The 1-based line number reported for 0-based physical line `line`.
    pub fn report_line(&self, line: usize) -> u32 {
        (line as u32).saturating_add(self.base.line)
    }

    /// Position of a byte offset (must be a char boundary).
    pub fn loc(&mut self, offset: usize) -> Loc {
        let offset = offset.min(self.src.len());
        let (cline, coff, ccol) = self.cache;
        let line_start = self.starts[cline];
        let next_start = self.starts.get(cline + 1).copied().unwrap_or(usize::MAX);
        let (line, col) = if offset >= coff && offset < next_start && coff >= line_start {
            (cline, ccol + self.count_chars(coff, offset))
        } else {
            let line = self.line_of(offset);
            (line, self.count_chars(self.starts[line], offset))
        };
        self.cache = (line, offset, col);
        let col = if line == 0 { col + self.base.col } else { col };
        Loc { line: self.report_line(line), col }
    }

    fn count_chars(&self, from: usize, to: usize) -> u32 {
        let s = self.src.get(from..to).unwrap_or("");
        if s.is_ascii() { s.len() as u32 } else { s.chars().count() as u32 }
    }
}
