//! A fuzz driver for the lexer, parser and compiler, without libFuzzer
//! (`cargo fuzz` needs a nightly toolchain and its own build; this runs in
//! the ordinary test suite).
//!
//! Every `.py` under tests/cases (and /usr/lib/python3.11 when present) is a
//! seed. Each case takes one seed and applies one to four mutations: byte
//! changes, insertion/deletion/duplication of tokens, truncation, deep
//! nesting, random Unicode, indentation changes, splices of another seed.
//! The mutant goes through lex → parse → compile in-process under
//! `catch_unwind`. Rejecting it with a SyntaxError is fine; a panic, the
//! parser's "internal parser error" (a panic on its helper thread) or the
//! compiler's "internal compiler error" fails the test, which prints the
//! input and saves it under the target's tmp dir. One kind of mutation keeps
//! valid code valid: it wraps statements in a compound statement (try/finally,
//! else branches, match cases, def, class), repeating them in each branch.
//!
//! CI runs a fixed seed for about 20 s. Long runs:
//! `GILT_FUZZ_CASES=1000000 GILT_FUZZ_SECS=36000 GILT_FUZZ_SEED=7 cargo test --release --test fuzz_compile -- --nocapture`

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gilt::compile::unit::Interner;
use gilt::object::str::PyStr;

/// What the pipeline made of one source text.
enum Outcome {
    Compiled,
    Rejected,
    Panicked(String),
}

/// Panic messages caught by the hook (from this thread or the parser's helper thread).
static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        if let Ok(mut p) = PANICS.lock() {
            p.push(format!("{msg} at {at}"));
        }
    }));
}

fn compile(src: &str) -> Outcome {
    let before = PANICS.lock().map(|p| p.len()).unwrap_or(0);
    let result = catch_unwind(AssertUnwindSafe(|| {
        let prog = match gilt::parse::parse_program(src) {
            Ok(p) => p,
            Err(e) if e.msg.contains("internal") => return Err(e.msg),
            Err(_) => return Ok(false),
        };
        let intern: Interner = Arc::new(|s: &str| Arc::new(PyStr::new(s)));
        match gilt::compile::compile_module(&prog, "<fuzz>", false, intern) {
            Ok(_) => Ok(true),
            // "internal compiler error": a bug reported as a SyntaxError instead of a panic.
            Err(e) if e.msg.contains("internal") => Err(e.msg),
            Err(_) => Ok(false),
        }
    }));
    let caught: Vec<String> = PANICS.lock().map(|p| p[before..].to_vec()).unwrap_or_default();
    match result {
        Ok(Ok(true)) if caught.is_empty() => Outcome::Compiled,
        Ok(Ok(false)) if caught.is_empty() => Outcome::Rejected,
        Ok(Err(msg)) => Outcome::Panicked(format!("{msg}: {}", caught.join("; "))),
        _ => Outcome::Panicked(if caught.is_empty() { "panic".into() } else { caught.join("; ") }),
    }
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "<<",
    ">>",
    "&",
    "|",
    "^",
    "~",
    "<",
    ">",
    "<=",
    ">=",
    "!=",
    "->",
    ":=",
    "...",
    "+=",
    "**=",
    "lambda",
    "lambda x:",
    "def",
    "def f():",
    "class",
    "class C:",
    "if",
    "else",
    "elif",
    "while",
    "for",
    "in",
    "not",
    "and",
    "or",
    "is",
    "try:",
    "except",
    "except*",
    "finally:",
    "with",
    "as",
    "return",
    "yield",
    "yield from",
    "await",
    "async",
    "async def",
    "global x",
    "nonlocal x",
    "del",
    "pass",
    "break",
    "continue",
    "import",
    "from",
    "raise",
    "assert",
    "match",
    "case",
    "_",
    "None",
    "True",
    "False",
    "x",
    "0",
    "1.5",
    "0x1f",
    "1e5",
    "1j",
    "0o17",
    "0b1",
    "1_000",
    "09",
    "'s'",
    "b'b'",
    "rb'\\x'",
    "u'x'",
    "f'{x}'",
    "f'{x!r:>{w}}'",
    "f'{'",
    "f'{x=}'",
    "f\"{x:{y:{z}}}\"",
    "\"\"\"",
    "'''",
    "\\",
    "\n",
    "\n    ",
    "\n\t",
    "\t",
    "#",
    " # c\n",
    "*x",
    "**k",
    "@dec\n",
    "(yield)",
    "[i for i in x]",
    "{**d}",
    "{*s}",
    "*a, b =",
    "x[1:2:3]",
    "print",
    "super()",
    "__class__",
    "\u{3b1}",
    "é",
    "\x0c",
    "\r",
    "\r\n",
    "\\\n",
    "'\\N{DASH}'",
    "'\\N{",
    "'\\u12'",
    "b'\\xff'",
    "b'é'",
    "if x:\n",
    "    ",
    "\n\n",
    ";;",
    "not not",
    "lambda *, a: 0",
    "def f(a, /, b, *, c): pass",
    "def f(**k, a): pass",
    "x: int = 1",
    "(a := 1)",
    "[*x]",
    "case [a, *b] if a:",
    "case {'k': v, **r}:",
    "case C(x=1) | D():",
    "async with a as b:",
    "async for x in y:",
];

const UNICODE: &[char] = &[
    '\u{0}',
    '\u{7f}',
    '\u{85}',
    '\u{a0}',
    '\u{ad}',
    '\u{300}',
    '\u{200b}',
    '\u{200c}',
    '\u{200d}',
    '\u{2028}',
    '\u{2029}',
    '\u{202e}',
    '\u{feff}',
    '\u{fffd}',
    '\u{ff21}',
    '\u{1d400}',
    '\u{1f600}',
    '\u{10ffff}',
    'ß',
    'İ',
    'ǅ',
    '日',
    '\u{3000}',
    '\u{1680}',
    '\u{2160}',
    '\u{309b}',
    '\u{e000}',
    '€',
    '\u{b7}',
    '\u{387}',
];

/// Splits source into rough tokens (identifier runs, space runs, single other chars), by byte offset.
fn token_bounds(src: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut prev: Option<u8> = None;
    for (i, c) in src.char_indices() {
        let class = if c.is_alphanumeric() || c == '_' {
            1
        } else if c == ' ' {
            2
        } else {
            3
        };
        if prev != Some(class) || class == 3 {
            out.push(i);
        }
        prev = Some(class);
    }
    out.push(src.len());
    out.dedup();
    out
}

fn mutate(rng: &mut Rng, src: &str, corpus: &[(PathBuf, String)]) -> String {
    let mut s = src.to_string();
    if rng.below(5) < 2 {
        // Valid code in, valid code out: only wraps, so the compiler (not just
        // the parser's error paths) sees most of these.
        for _ in 0..1 + rng.below(3) {
            s = wrap(rng, &s);
        }
        return s;
    }
    for _ in 0..1 + rng.below(4) {
        s = mutate_once(rng, &s, corpus);
        if s.len() > 400_000 {
            s.truncate(s.char_indices().map(|(i, _)| i).take_while(|&i| i < 400_000).last().unwrap_or(0));
        }
    }
    s
}

fn mutate_once(rng: &mut Rng, s: &str, corpus: &[(PathBuf, String)]) -> String {
    let bounds = token_bounds(s);
    let at = *rng.pick(&bounds);
    match rng.below(15) {
        12..=14 => wrap(rng, s),
        0 => {
            // Byte change, then back to (lossy) UTF-8.
            let mut b = s.as_bytes().to_vec();
            if !b.is_empty() {
                let i = rng.below(b.len());
                b[i] = if rng.below(4) == 0 { rng.next() as u8 } else { 32 + rng.below(95) as u8 };
            }
            String::from_utf8_lossy(&b).into_owned()
        }
        1 | 2 => format!("{}{}{}", &s[..at], rng.pick(TOKENS), &s[at..]),
        3 => {
            let end = *rng.pick(&bounds);
            let (a, b) = if at <= end { (at, end) } else { (end, at) };
            let b = b.min(a + 40);
            let b = (b..=s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len());
            format!("{}{}", &s[..a], &s[b..])
        }
        4 => {
            let end = *rng.pick(&bounds);
            let (a, b) = if at <= end { (at, end) } else { (end, at) };
            let b = (b.min(a + 200)..=s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len());
            format!("{}{}{}", &s[..b], &s[a..b], &s[b..])
        }
        5 => s[..at].to_string(),
        6 => nest(rng, s, at),
        7 => {
            let c = *rng.pick(UNICODE);
            format!("{}{}{}", &s[..at], c, &s[at..])
        }
        8 => {
            // Indentation of one line changed.
            let mut lines: Vec<String> = s.split('\n').map(str::to_string).collect();
            let i = rng.below(lines.len());
            let l = lines[i].clone();
            lines[i] = match rng.below(4) {
                0 => format!("    {l}"),
                1 => format!("\t{l}"),
                2 => l.trim_start().to_string(),
                _ => format!(" {l}"),
            };
            lines.join("\n")
        }
        9 => {
            // Two lines swapped.
            let mut lines: Vec<&str> = s.split('\n').collect();
            let (i, j) = (rng.below(lines.len()), rng.below(lines.len()));
            lines.swap(i, j);
            lines.join("\n")
        }
        10 if !corpus.is_empty() => {
            // A splice of another seed's lines.
            let other = &rng.pick(corpus).1;
            let lines: Vec<&str> = other.split('\n').collect();
            let a = rng.below(lines.len());
            let b = (a + 1 + rng.below(20)).min(lines.len());
            format!("{}{}\n{}", &s[..at], lines[a..b].join("\n"), &s[at..])
        }
        _ => {
            // A random slice of the source repeated in place.
            let end = (at + 1 + rng.below(12)).min(s.len());
            let end = (end..=s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len());
            let piece = &s[at..end];
            let n = 1 + rng.below(50);
            format!("{}{}{}", &s[..at], piece.repeat(n), &s[at..])
        }
    }
}

/// Wraps a run of statements in a compound statement, repeating it in each
/// branch: valid code stays valid, and nested scopes land in places (finally
/// bodies, else branches, match cases) where the compiler may emit them twice.
fn wrap(rng: &mut Rng, s: &str) -> String {
    let lines: Vec<&str> = s.split('\n').collect();
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let t = lines[i].trim_start();
            !t.is_empty()
                && !t.starts_with('#')
                && !["elif", "else", "except", "finally", "case", ")", "]", "}"].iter().any(|k| t.starts_with(k))
        })
        .collect();
    if starts.is_empty() {
        return s.to_string();
    }
    let i = *rng.pick(&starts);
    let ind = indent_of(lines[i]);
    let mut j = i + 1;
    let want = 1 + rng.below(30);
    while j < lines.len() && j - i < want {
        let l = lines[j];
        if !l.trim().is_empty() && indent_of(l) < ind {
            break;
        }
        j += 1;
    }
    // Do not stop in front of a clause that continues the statement before.
    while j < lines.len() && indent_of(lines[j]) == ind && {
        let t = lines[j].trim_start();
        ["elif", "else", "except", "finally", "case"].iter().any(|k| t.starts_with(k))
    } {
        j += 1;
        while j < lines.len() && (lines[j].trim().is_empty() || indent_of(lines[j]) > ind) {
            j += 1;
        }
    }
    let pad = " ".repeat(ind);
    let block: Vec<String> =
        lines[i..j].iter().map(|l| if l.trim().is_empty() { l.to_string() } else { format!("    {l}") }).collect();
    let body = block.join("\n");
    let clauses: &[&[&str]] = &[
        &["try:", "finally:"],
        &["try:", "except Exception as _e:", "else:"],
        &["try:", "except (ValueError, TypeError):", "finally:"],
        &["with _cm() as _v:"],
        &["async with _cm():"],
        &["for _i in range(2):", "else:"],
        &["async for _i in _ait():"],
        &["while _cond():", "else:"],
        &["if _cond():", "elif _other():", "else:"],
        &["def _f(_a, *_r, _k=lambda: 0, **_kw):"],
        &["async def _af():"],
        &["class _C(object):"],
        &["match _subject:\n    case [1, *_rest] if _rest:", "    case {'k': _v, **_m}:", "    case _:"],
    ];
    let chosen = *rng.pick(clauses);
    let mut out: Vec<String> = lines[..i].iter().map(|l| l.to_string()).collect();
    for (n, header) in chosen.iter().enumerate() {
        let header = header.replace('\n', &format!("\n{pad}"));
        out.push(format!("{pad}{header}"));
        // Every branch gets the statements (the first always; later ones usually).
        if n == 0 || rng.below(3) != 0 {
            if header.contains("case") {
                out.push(block.iter().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n"));
            } else {
                out.push(body.clone());
            }
        } else {
            out.push(format!("{pad}    pass"));
        }
    }
    out.extend(lines[j..].iter().map(|l| l.to_string()));
    out.join("\n")
}

/// Deep nesting of brackets, blocks, operators or f-strings around a point.
fn nest(rng: &mut Rng, s: &str, at: usize) -> String {
    let limit = if rng.below(4) == 0 { 5000 } else { 300 };
    let n = 1 + rng.below(limit);
    let (open, close) = match rng.below(10) {
        0 => ("(".repeat(n), ")".repeat(n)),
        1 => ("[".repeat(n), "]".repeat(n)),
        2 => ("{".repeat(n), "}".repeat(n)),
        3 => ("-".repeat(n), String::new()),
        4 => ("not ".repeat(n), String::new()),
        5 => ("lambda: ".repeat(n), String::new()),
        6 => {
            let mut o = String::new();
            for i in 0..n.min(150) {
                o.push_str(&" ".repeat(i));
                o.push_str("if x:\n");
            }
            o.push_str(&" ".repeat(n.min(150)));
            (o, String::new())
        }
        7 => ("x.".repeat(n), String::new()),
        8 => ("a + ".repeat(n), String::new()),
        _ => {
            let k = n.min(30);
            ("f'{".repeat(k), "}'".repeat(k))
        }
    };
    format!("{}{open}x{close}{}", &s[..at], &s[at..])
}

fn py_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() && !p.is_symlink() {
            py_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn lex_parse_compile_never_panic() {
    let handle = std::thread::Builder::new()
        .name(gilt::cli::MAIN_THREAD_NAME.into())
        .stack_size(512 << 20)
        .spawn(run)
        .expect("fuzz thread");
    handle.join().expect("fuzz thread panicked outside catch_unwind");
}

fn run() {
    install_hook();
    let mut files = Vec::new();
    py_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases"), &mut files);
    py_files(Path::new("/usr/lib/python3.11"), &mut files);
    let corpus: Vec<(PathBuf, String)> = files
        .into_iter()
        .filter_map(|p| {
            let b = std::fs::read(&p).ok()?;
            (b.len() < 200_000).then(|| (p, String::from_utf8_lossy(&b).into_owned()))
        })
        .collect();
    assert!(!corpus.is_empty(), "no seed files found");
    let cases = env_num("GILT_FUZZ_CASES", 20_000);
    let secs = env_num("GILT_FUZZ_SECS", 20);
    let seed = env_num("GILT_FUZZ_SEED", 1);
    let start = Instant::now();
    let deadline = start + Duration::from_secs(secs);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed.wrapping_mul(0x1000_0000_01B3));
    let (mut ran, mut compiled, mut rejected) = (0u64, 0u64, 0u64);
    let mut failures: Vec<(u64, String, String)> = Vec::new();
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz_compile");
    for case in 0..cases {
        if Instant::now() > deadline {
            break;
        }
        let (path, seed_src) = rng.pick(&corpus).clone();
        let src = mutate(&mut rng, &seed_src, &corpus);
        ran += 1;
        match compile(&src) {
            Outcome::Compiled => compiled += 1,
            Outcome::Rejected => rejected += 1,
            Outcome::Panicked(msg) => {
                let _ = std::fs::create_dir_all(&out_dir);
                let file = out_dir.join(format!("case{case}.py"));
                let _ = std::fs::write(&file, &src);
                eprintln!("PANIC on a mutant of {} (saved as {}): {msg}", path.display(), file.display());
                failures.push((case, msg, file.display().to_string()));
                if failures.len() >= 20 {
                    break;
                }
            }
        }
    }
    println!(
        "fuzz_compile: {ran} cases from {} seed files in {:.1} s (seed {seed}): {compiled} compiled, {rejected} rejected with a SyntaxError, {} panics",
        corpus.len(),
        start.elapsed().as_secs_f64(),
        failures.len()
    );
    assert!(failures.is_empty(), "the compiler pipeline panicked {} times: {failures:#?}", failures.len());
}
