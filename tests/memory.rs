//! MemoryError instead of an abort (issue 10): under an address-space limit
//! (`ulimit -v`), allocations a script sizes — repetition, `bytes(n)`,
//! `list(range(n))`, huge shifts — raise MemoryError, which the script can
//! catch and go on, exactly as CPython does.

use std::process::Command;

const GILT: &str = env!("CARGO_BIN_EXE_gilt");

const SCRIPT: &str = r#"
cases = [
    ("'ab' * 10**10", lambda: "ab" * 10**10),
    ("bytes(10**10)", lambda: bytes(10**10)),
    ("list(range(10**10))", lambda: list(range(10**10))),
    ("[0] * 10**10", lambda: [0] * 10**10),
    ("b'x' * 10**10", lambda: b"x" * 10**10),
    ("(0,) * 10**10", lambda: (0,) * 10**10),
    ("1 << 2**62", lambda: 1 << 2**62),
    ("1 << (1 << 40)", lambda: 1 << (1 << 40)),
    ("1 << (1 << 36)", lambda: 1 << (1 << 36)),
]
for text, f in cases:
    try:
        f()
        print(text, "no error")
    except MemoryError:
        print(text, "MemoryError")
print("still alive:", sum(range(10)))
"#;

#[test]
fn large_allocations_raise_memory_error_under_a_limit() {
    let dir = env!("CARGO_TARGET_TMPDIR");
    let path = format!("{dir}/memory_limit_case.py");
    std::fs::write(&path, SCRIPT).expect("write script");
    // 4 GB of address space: what CPython's own test of these cases used.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v 4000000 && exec '{GILT}' '{path}'"))
        .output()
        .expect("run sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stdout:\n{stdout}\nstderr:\n{stderr}");
    for line in SCRIPT.lines().filter_map(|l| l.trim().strip_prefix("(\"")) {
        let text = line.split("\", ").next().unwrap_or_default();
        assert!(stdout.contains(&format!("{text} MemoryError")), "{text}: no MemoryError in\n{stdout}\n{stderr}");
    }
    assert!(stdout.contains("still alive: 45"), "{stdout}");
}
