//! How many arguments each method of the built-in types takes, and CPython's
//! wording of a wrong count. [`super::method`] checks every call against this
//! table before the method's body runs, so no body has to repeat the count
//! check or can silently ignore extra arguments. The table itself
//! (`method_sigs_table.rs`) is generated from CPython's behaviour by
//! `scripts/gen_method_sigs.py`.

use super::method_sigs_table::TABLE;

/// A method's accepted positional count (after `self`) and the style of
/// CPython's TypeError when a call is outside it. Each style is how one kind
/// of CPython built-in (argument-clinic, tuple parsing, slot wrapper) words it.
#[derive(Clone, Copy, Debug)]
pub enum Sig {
    /// No argument: `str.upper() takes no arguments (2 given)`.
    NoArgs,
    /// Exactly one: `str.join() takes exactly one argument (0 given)`.
    One,
    /// Positional-only, `prefix` then `expected at least 1 argument, got 0`
    /// (`center expected …`; slot wrappers have an empty or one-space prefix).
    Expected { prefix: &'static str, min: u8, max: u8 },
    /// `count() takes at least 1 argument (0 given)` / `takes at most 3
    /// arguments (9 given)`; `positional` adds that word to the first.
    Takes { min: u8, max: u8, positional: bool },
}

impl Sig {
    /// The signature of `cls_name.name`, if the table knows it.
    pub fn of(cls_name: &str, name: &str) -> Option<Sig> {
        TABLE.binary_search_by(|(c, m, _)| (*c, *m).cmp(&(cls_name, name))).ok().map(|i| TABLE[i].2)
    }

    /// CPython's TypeError message when `n` positional arguments (after
    /// `self`) are passed, or `None` when `n` is accepted.
    pub fn check(&self, cls_name: &str, name: &str, n: usize) -> Option<String> {
        let s = |k: usize| if k == 1 { "" } else { "s" };
        match *self {
            Sig::NoArgs if n != 0 => Some(format!("{cls_name}.{name}() takes no arguments ({n} given)")),
            Sig::One if n != 1 => Some(format!("{cls_name}.{name}() takes exactly one argument ({n} given)")),
            Sig::Expected { prefix, min, max } => {
                let (min, max) = (min as usize, max as usize);
                if min == max && n != min {
                    Some(format!("{prefix}expected {min} argument{}, got {n}", s(min)))
                } else if n < min {
                    Some(format!("{prefix}expected at least {min} argument{}, got {n}", s(min)))
                } else if n > max {
                    Some(format!("{prefix}expected at most {max} argument{}, got {n}", s(max)))
                } else {
                    None
                }
            }
            Sig::Takes { min, max, positional } => {
                let (min, max) = (min as usize, max as usize);
                if n < min {
                    let p = if positional { "positional " } else { "" };
                    Some(format!("{name}() takes at least {min} {p}argument{} ({n} given)", s(min)))
                } else if n > max {
                    Some(format!("{name}() takes at most {max} argument{} ({n} given)", s(max)))
                } else {
                    None
                }
            }
            _ => None,
        }
    }
}

/// Whether `cls_name.name` is one of CPython's slot wrappers (`str.__add__`)
/// rather than a method descriptor (`list.__getitem__`): slot wrappers are
/// the ones whose count errors name no function. A dunder the table does not
/// know is taken for a slot wrapper.
pub fn is_slot_wrapper(cls_name: &str, name: &str) -> bool {
    match Sig::of(cls_name, name) {
        Some(Sig::Expected { prefix, .. }) => prefix.trim().is_empty(),
        Some(_) => false,
        None => name.starts_with("__") && name.ends_with("__"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(TABLE.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
    }

    #[test]
    fn messages() {
        let idx = Sig::of("str", "index").unwrap();
        assert_eq!(idx.check("str", "index", 0).unwrap(), "index() takes at least 1 argument (0 given)");
        assert_eq!(idx.check("str", "index", 2), None);
        let up = Sig::of("str", "upper").unwrap();
        assert_eq!(up.check("str", "upper", 2).unwrap(), "str.upper() takes no arguments (2 given)");
    }
}
