//! The OS side of a native file object: the handle with a read-ahead and a
//! write-behind buffer, and universal-newline line reading for text. Plain
//! Rust, no Python: the callers release the GIL around these calls.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};

/// A `\n` line ending was read (bits of [`FileState::seen_nl`], as CPython's decoder counts them).
pub(super) const LF: u8 = 1;
/// A lone `\r` line ending was read.
pub(super) const CR: u8 = 2;
/// A `\r\n` line ending was read.
pub(super) const CRLF: u8 = 4;

/// The OS-level state of an open file: the handle plus a read-ahead and a
/// write-behind buffer (only one of them is non-empty at a time).
pub(super) struct FileState {
    pub(super) file: Option<File>,
    pub(super) rbuf: Vec<u8>,
    pub(super) rpos: usize,
    pub(super) wbuf: Vec<u8>,
    pub(super) eof: bool,
    /// False for `open(fd, closefd=False)`: the descriptor outlives the file.
    pub(super) closefd: bool,
    /// The kinds of line ending text reads met (for `newlines`): [`LF`], [`CR`], [`CRLF`].
    pub(super) seen_nl: u8,
}

impl Drop for FileState {
    /// The last reference to the file went: write what is buffered, then
    /// let the handle close. Plain Rust, no Python: safe in any `Drop`.
    fn drop(&mut self) {
        let _ = self.flush_w();
        self.release();
    }
}

impl FileState {
    /// Lets go of the handle, closing it unless `closefd` was false.
    pub(super) fn release(&mut self) {
        if let Some(f) = self.file.take()
            && !self.closefd
        {
            std::mem::forget(f);
        }
    }

    pub(super) fn flush_w(&mut self) -> std::io::Result<()> {
        if !self.wbuf.is_empty()
            && let Some(f) = self.file.as_mut()
        {
            f.write_all(&self.wbuf)?;
            self.wbuf.clear();
        }
        Ok(())
    }

    /// Drops read-ahead, moving the OS position back to the logical one.
    pub(super) fn drop_r(&mut self) -> std::io::Result<()> {
        let ahead = self.rbuf.len() - self.rpos;
        if ahead > 0
            && let Some(f) = self.file.as_mut()
        {
            f.seek(SeekFrom::Current(-(ahead as i64)))?;
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.eof = false;
        Ok(())
    }

    pub(super) fn fill(&mut self) -> std::io::Result<bool> {
        if self.rpos < self.rbuf.len() {
            return Ok(true);
        }
        self.flush_w()?;
        self.rbuf.clear();
        self.rpos = 0;
        if self.eof {
            return Ok(false);
        }
        let Some(f) = self.file.as_mut() else { return Ok(false) };
        self.rbuf.resize(65536, 0);
        let n = f.read(&mut self.rbuf)?;
        self.rbuf.truncate(n);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    pub(super) fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        self.flush_w()?;
        let mut out = self.rbuf[self.rpos..].to_vec();
        self.rbuf.clear();
        self.rpos = 0;
        if let Some(f) = self.file.as_mut() {
            f.read_to_end(&mut out)?;
        }
        Ok(out)
    }

    /// Up to `n` bytes (binary) or `n` UTF-8 characters (text).
    pub(super) fn read_n(&mut self, n: usize, text: bool) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut chars = 0;
        let mut pending = 0;
        while chars < n || pending > 0 {
            if !self.fill()? {
                break;
            }
            let b = self.rbuf[self.rpos];
            self.rpos += 1;
            out.push(b);
            if pending > 0 {
                pending -= 1;
                continue;
            }
            chars += 1;
            if text {
                pending = match b {
                    0xC0..=0xDF => 1,
                    0xE0..=0xEF => 2,
                    0xF0..=0xF7 => 3,
                    _ => 0,
                };
            }
        }
        Ok(out)
    }

    pub(super) fn read_line(&mut self, limit: usize) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        while out.len() < limit {
            if !self.fill()? {
                break;
            }
            let avail = &self.rbuf[self.rpos..];
            let take = avail.len().min(limit - out.len());
            match avail[..take].iter().position(|&c| c == b'\n') {
                Some(i) => {
                    out.extend_from_slice(&avail[..=i]);
                    self.rpos += i + 1;
                    break;
                }
                None => {
                    out.extend_from_slice(&avail[..take]);
                    self.rpos += take;
                }
            }
        }
        Ok(out)
    }

    pub(super) fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.drop_r()?;
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= 65536 {
            self.flush_w()?;
        }
        Ok(())
    }

    /// One line of text with universal newlines: `\n`, `\r\n` and a lone
    /// `\r` end a line and come back as `\n`.
    pub(super) fn read_line_text(&mut self, limit: usize) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        while out.len() < limit {
            if !self.fill()? {
                break;
            }
            let avail = &self.rbuf[self.rpos..];
            let take = avail.len().min(limit - out.len());
            match avail[..take].iter().position(|&c| c == b'\n' || c == b'\r') {
                Some(i) => {
                    let cr = avail[i] == b'\r';
                    out.extend_from_slice(&avail[..i]);
                    out.push(b'\n');
                    self.rpos += i + 1;
                    self.seen_nl |= if cr && self.fill()? && self.rbuf[self.rpos] == b'\n' {
                        self.rpos += 1;
                        CRLF
                    } else if cr {
                        CR
                    } else {
                        LF
                    };
                    break;
                }
                None => {
                    out.extend_from_slice(&avail[..take]);
                    self.rpos += take;
                }
            }
        }
        Ok(out)
    }

    /// Text read whole or by count: a trailing `\r` takes its `\n` along
    /// (so the pair is not split between two reads), then line endings are
    /// noted and translated to `\n`.
    pub(super) fn translate_text(&mut self, mut data: Vec<u8>) -> std::io::Result<Vec<u8>> {
        if data.last() == Some(&b'\r') && self.fill()? && self.rbuf[self.rpos] == b'\n' {
            self.rpos += 1;
            data.push(b'\n');
        }
        if !data.contains(&b'\r') {
            if data.contains(&b'\n') {
                self.seen_nl |= LF;
            }
            return Ok(data);
        }
        let mut out = Vec::with_capacity(data.len());
        let mut i = 0;
        while i < data.len() {
            match data[i] {
                b'\r' if data.get(i + 1) == Some(&b'\n') => {
                    self.seen_nl |= CRLF;
                    out.push(b'\n');
                    i += 2;
                    continue;
                }
                b'\r' => {
                    self.seen_nl |= CR;
                    out.push(b'\n');
                }
                b'\n' => {
                    self.seen_nl |= LF;
                    out.push(b'\n');
                }
                c => out.push(c),
            }
            i += 1;
        }
        Ok(out)
    }
}
