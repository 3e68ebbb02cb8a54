//! What a native file object says when a method cannot run: the file is closed, or it was not
//! opened for that. CPython's `_io` layers each have their own words (the buffered classes name
//! the operation, `FileIO` underneath says "I/O operation on closed file" without a full stop,
//! `IOBase` and `TextIOWrapper` with one), and scripts and CPython's tests compare them.

/// The capability a method needs: reading, writing, or neither.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Read,
    Write,
    Nothing,
}

/// What `meth` needs of the file.
pub fn need_of(meth: &str) -> Need {
    match meth {
        "read" | "read1" | "readline" | "readlines" | "readinto" | "__next__" | "peek" => Need::Read,
        "write" | "truncate" => Need::Write,
        _ => Need::Nothing,
    }
}

/// Whether a closed file is reported before a missing capability: the buffered classes look
/// for the method first (a closed `BufferedWriter`'s `read` is UnsupportedOperation), text
/// files, `truncate` and `IOBase`'s own loops (`readlines`, `writelines`) check `closed` first.
pub fn closed_first(binary: bool, meth: &str) -> bool {
    !binary || matches!(meth, "readlines" | "writelines" | "truncate")
}

/// The ValueError message of `meth` on a closed file.
pub fn closed_message(binary: bool, writable: bool, meth: &str) -> &'static str {
    // IOBase._checkClosed and TextIOWrapper.
    const BASE: &str = "I/O operation on closed file.";
    // FileIO, which the buffered and text layers ask for these.
    const RAW: &str = "I/O operation on closed file";
    match meth {
        "fileno" | "isatty" | "readable" | "writable" | "seekable" => RAW,
        _ if !binary => BASE,
        "tell" => RAW,
        "read" | "read1" => "read of closed file",
        "readline" | "__next__" => "readline of closed file",
        "readinto" => "readinto of closed file",
        "peek" => "peek of closed file",
        "seek" => "seek of closed file",
        "truncate" => "truncate of closed file",
        "write" => "write to closed file",
        "flush" if writable => "flush of closed file",
        _ => BASE,
    }
}

/// The `io.UnsupportedOperation` message of `meth` on a file not opened for it.
pub fn unsupported_message(binary: bool, meth: &str) -> &'static str {
    match (binary, need_of(meth), meth) {
        (_, _, "truncate") => "truncate",
        (true, _, "read1") => "read1",
        (true, Need::Read, _) => "read",
        (true, _, _) => "write",
        (false, Need::Read, _) => "not readable",
        (false, _, _) => "not writable",
    }
}
