//! Switch policies: when the GIL holder lets other threads in (`--switch`).
//!
//! See the essay at the top of `gil.rs` for the history behind each policy.

use std::fmt;
use std::str::FromStr;

/// When the holder gives the GIL to others (`--switch`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SwitchPolicy {
    /// Python ≥ 3.2: waiters set a drop request after one switch interval.
    #[default]
    Interval,
    /// Python 2: release and immediately re-request every N instructions,
    /// no drop requests, no forced hand-off.
    Ticks(u32),
    /// Teaching: hand the GIL to a waiting thread every N instructions.
    Instr(u32),
}

impl SwitchPolicy {
    /// Whether the VM must call [`GilThread::count_instruction`](super::gil::GilThread::count_instruction) per instruction.
    pub fn needs_per_instruction(self) -> bool {
        !matches!(self, SwitchPolicy::Interval)
    }
}

impl fmt::Display for SwitchPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SwitchPolicy::Interval => f.write_str("interval"),
            SwitchPolicy::Ticks(n) => write!(f, "ticks={n}"),
            SwitchPolicy::Instr(n) => write!(f, "instr={n}"),
        }
    }
}

/// Why a `--switch` value was rejected; its message is meant for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsePolicyError(String);

impl fmt::Display for ParsePolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParsePolicyError {}

impl FromStr for SwitchPolicy {
    type Err = ParsePolicyError;

    /// Parses `interval`, `ticks=N` or `instr=N` (N a whole number ≥ 1).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s == "interval" {
            return Ok(SwitchPolicy::Interval);
        }
        let Some((kind, n)) = s.split_once('=') else {
            return Err(ParsePolicyError(match s {
                "ticks" | "instr" => format!("'{s}' needs a count, e.g. '{s}=100'"),
                _ => format!("unknown switch policy '{s}': expected 'interval', 'ticks=N' or 'instr=N'"),
            }));
        };
        let count = match n.trim().parse::<u32>() {
            Ok(0) | Err(_) => {
                return Err(ParsePolicyError(format!(
                    "'{s}': N must be a whole number of instructions from 1 to {}",
                    u32::MAX
                )));
            }
            Ok(count) => count,
        };
        match kind.trim() {
            "ticks" => Ok(SwitchPolicy::Ticks(count)),
            "instr" => Ok(SwitchPolicy::Instr(count)),
            other => Err(ParsePolicyError(format!(
                "unknown switch policy '{other}': expected 'interval', 'ticks=N' or 'instr=N'"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_parse_and_print() {
        for (text, policy) in [
            ("interval", SwitchPolicy::Interval),
            ("ticks=100", SwitchPolicy::Ticks(100)),
            ("instr=1", SwitchPolicy::Instr(1)),
            (" instr = 7 ", SwitchPolicy::Instr(7)),
        ] {
            assert_eq!(text.parse::<SwitchPolicy>(), Ok(policy));
        }
        assert_eq!(SwitchPolicy::Ticks(100).to_string(), "ticks=100");
        let err = |s: &str| s.parse::<SwitchPolicy>().unwrap_err().to_string();
        assert!(err("ticks").contains("needs a count"));
        assert!(err("instr=0").contains("whole number"));
        assert!(err("instr=-3").contains("whole number"));
        assert!(err("ticks=lots").contains("whole number"));
        assert!(err("fast").contains("expected 'interval', 'ticks=N' or 'instr=N'"));
        assert!(err("slices=3").contains("unknown switch policy 'slices'"));
    }
}
