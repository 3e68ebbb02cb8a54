//! Bounded differential fuzzing in CI: scripts/fuzz/difffuzz.py runs a fixed
//! seed's programs (generated ones and mutants of tests/cases) on gilt and on
//! python3 (CPython 3.11, the oracle).
//!
//! Fails on any panic, abort or hang, and on an output difference whose
//! feature tag is not listed in tests/fuzz_known_differences.txt (each line:
//! a tag glob and the reason gilt differs there). Known differences are
//! printed, not hidden. Skips loudly when python3 is not CPython 3.11.
//!
//! Long runs: see "Differential fuzzing" in tests/README.md.

use std::path::Path;
use std::process::Command;

const GILT: &str = env!("CARGO_BIN_EXE_gilt");
/// The CI seed and size: a few hundred cases, well under two minutes on two cores.
const SEED: &str = "ci-4";
const CASES: &str = "200";

#[test]
fn differential_fuzz_against_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let version = Command::new("python3").args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"]).output();
    match version {
        Ok(out) if String::from_utf8_lossy(&out.stdout).trim() == "True" => {}
        _ => {
            eprintln!(
                "\n*** SKIPPED: differential fuzzing needs python3 = CPython 3.11 as the oracle, and there is none ***\n"
            );
            return;
        }
    }
    let findings = Path::new(env!("CARGO_TARGET_TMPDIR")).join("difffuzz");
    let _ = std::fs::remove_dir_all(&findings);
    let out = Command::new("python3")
        .arg(root.join("scripts/fuzz/difffuzz.py"))
        // --batch: the generated programs go through scripts/fuzz/driver.py, many per process
        // (the path the long runs take); mutants still run one process each.
        .args(["--gilt", GILT, "--seed", SEED, "--cases", CASES, "--jobs", "2", "--batch", "25"])
        .args(["--no-minimize", "--keep-per-sig", "1"])
        .arg("--known")
        .arg(root.join("tests/fuzz_known_differences.txt"))
        .arg("--findings")
        .arg(&findings)
        .output()
        .expect("run python3 scripts/fuzz/difffuzz.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.status.success(),
        "differential fuzzing found panics, aborts, hangs or new output differences (see above; each \
         failing program is in {}; `python3 scripts/fuzz/difffuzz.py --seed {SEED} --print-program N` prints case N)",
        findings.display()
    );
}
