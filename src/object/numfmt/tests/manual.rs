//! Hand-written tests: the brief's headline cases, huge inputs, the
//! int-max-str-digits limit, and a no-panic fuzz over random specs.

use super::percent::{A, Args, V};
use super::*;

#[test]
fn headline_float_repr() {
    let cases: [(f64, &str); 12] = [
        (1e16, "1e+16"),
        (1e-5, "1e-05"),
        (0.0001, "0.0001"),
        (123.0, "123.0"),
        (-0.0, "-0.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (f64::MAX, "1.7976931348623157e+308"),
        (5e-324, "5e-324"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e16 / 7.5, "1333333333333333.2"),
    ];
    for (x, want) in cases {
        assert_eq!(float_repr(x), want);
    }
}

#[test]
fn headline_formats() {
    assert_eq!(float_format(1.0, "").unwrap(), "1.0");
    assert_eq!(float_format(1e16, "").unwrap(), "1e+16");
    assert_eq!(float_format(0.1, ".3").unwrap(), "0.1");
    assert_eq!(float_format(1234.5, ",.2f").unwrap(), "1,234.50");
    assert_eq!(float_format(2.675, ".2f").unwrap(), "2.67");
    assert_eq!(float_format(0.125, ".2f").unwrap(), "0.12");
    assert_eq!(int_format(&big("1234"), "010,", "int").unwrap(), "00,001,234");
    assert_eq!(int_format(&big("-31"), "#x", "int").unwrap(), "-0x1f");
    let e = int_format(&big("1"), "99999999999999999999", "int").unwrap_err();
    assert_eq!(e.message(), "Too many decimal digits in format string");
    let e = float_format(1.0, "abc").unwrap_err();
    assert_eq!(e.message(), "Invalid format specifier 'abc' for object of type 'float'");
    let e = int_format(&big("1"), "q", "bool").unwrap_err();
    assert_eq!(e.message(), "Unknown format code 'q' for object of type 'bool'");
    assert_eq!(int_to_base(&big("-31"), 16), "-0x1f");
    assert_eq!(i64_to_base(i64::MIN, 2).len(), 67);
}

#[test]
fn huge_precision_pads_exactly() {
    // Rust's formatter rejects precisions above u16::MAX; we pad by hand.
    let s = float_format(0.1, ".70000e").unwrap();
    assert_eq!(s.len(), 70006);
    assert!(s.starts_with("1.0000000000000000555111512312578270211815834045410156250000"));
    assert!(s.ends_with("0000e-01"));
    let t = float_format(0.1, ".70000f").unwrap();
    assert_eq!(t.len(), 70002);
    assert!(t.starts_with("0.1000000000000000055511151231"));
    assert!(t[1100..].bytes().all(|b| b == b'0'));
    let g = float_format(0.1, ".70000g").unwrap();
    assert_eq!(g, "0.1000000000000000055511151231257827021181583404541015625");
    assert_eq!(float_format(0.1, "#.70000g").unwrap().len(), 70002);
    assert_eq!(float_format(5e-324, ".1074f").unwrap().len(), 1076);
    assert!(float_format(5e-324, ".1074f").unwrap().ends_with("65625"));
    let mut args = Args(A::T(&[V::F(0x3ff8000000000000)]));
    assert_eq!(percent_format("%.70000f", &mut args).unwrap().len(), 70002);
    // Beyond the memory cap: MemoryError instead of an abort.
    let e = float_format(1.0, ".2000000000f").unwrap_err();
    assert_eq!(e.type_name(), "MemoryError");
    let e = float_format(1.0, ".3000000000f").unwrap_err();
    assert_eq!(e.message(), "precision too big");
    let e = str_format("x", "999999999999").unwrap_err();
    assert_eq!(e.type_name(), "MemoryError");
}

#[test]
fn int_string_limit() {
    assert_eq!(get_int_max_str_digits(), 4300);
    let ones = "1".repeat(5000);
    let e = parse_int(&ones, 10).unwrap_err();
    assert_eq!(
        e,
        "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 \
         digits; use sys.set_int_max_str_digits() to increase the limit"
    );
    // The digit count is checked before trailing garbage is noticed.
    assert_eq!(parse_int(&format!("{ones}x"), 10).unwrap_err(), e);
    assert_eq!(parse_int(&"1".repeat(4300), 10).unwrap().to_string().len(), 4300);
    assert_eq!(parse_int(&"f".repeat(5000), 16).unwrap().bits(), 20000);
    let e = parse_int(&"x".repeat(300), 10).unwrap_err();
    assert_eq!(e.len(), "invalid literal for int() with base 10: ".len() + 200);

    let limit_msg = "Exceeds the limit (4300 digits) for integer string conversion; \
                     use sys.set_int_max_str_digits() to increase the limit";
    let ten = BigInt::from(10);
    let ok = num_traits::Pow::pow(&ten, 4299u32);
    let too_big = num_traits::Pow::pow(&ten, 4300u32);
    assert_eq!(int_to_decimal(&ok).unwrap().len(), 4300);
    assert_eq!(int_to_decimal(&-ok.clone()).unwrap().len(), 4301);
    assert_eq!(int_to_decimal(&too_big).unwrap_err().message(), limit_msg);
    let huge = num_traits::Pow::pow(&ten, 100000u32);
    assert_eq!(int_to_decimal(&huge).unwrap_err().message(), limit_msg);
    assert_eq!(int_format(&too_big, "d", "int").unwrap_err().message(), limit_msg);
    assert!(int_format(&too_big, "x", "int").is_ok());
    let mut args = Args(A::T(&[V::I("1")]));
    assert_eq!(percent_format("%d", &mut args).unwrap(), "1");

    assert_eq!(set_int_max_str_digits(5).unwrap_err(), "maxdigits must be 0 or larger than 640");
    // Re-setting the default leaves the global unchanged for other tests.
    set_int_max_str_digits(4300).unwrap();
}

#[test]
fn bytes_parsing() {
    assert_eq!(parse_int_bytes(b" 0x1f ", 16).unwrap(), BigInt::from(31));
    assert_eq!(parse_int_bytes(b"1\xff", 10).unwrap_err(), "invalid literal for int() with base 10: b'1\\xff'");
    assert_eq!(parse_num::parse_float_bytes(b" 1.5 ").unwrap(), 1.5);
    assert_eq!(parse_num::parse_float_bytes(b"it's").unwrap_err(), "could not convert string to float: b\"it's\"");
    assert_eq!(py_bytes_repr(b"a'b\"c\\\n\x00"), "b'a\\'b\"c\\\\\\n\\x00'");
}

#[test]
fn hashes_of_specials() {
    assert_eq!(hash_i64(-1), -2);
    assert_eq!(hash_f64(1.0, 0), 1);
    assert_eq!(hash_f64(f64::INFINITY, 0), 314159);
    assert_eq!(hash_f64(f64::NAN, 0x1000), hash_pointer(0x1000));
    assert_eq!(hash_pointer(0x1000), 0x100);
    assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
    assert_eq!(hash::hash_complex(1.0, 0.0, 0), 1);
    assert_eq!(hash::hash_complex(0.0, 1.0, 0), 1000003);
}

/// Deterministic xorshift generator for the fuzz tests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn fuzz_specs_never_panic() {
    let atoms = [
        "<",
        ">",
        "^",
        "=",
        "+",
        "-",
        " ",
        "z",
        "#",
        "0",
        "1",
        "9",
        "99999999999",
        ",",
        "_",
        ".",
        ".0",
        ".5",
        ".99999",
        "e",
        "E",
        "f",
        "F",
        "g",
        "G",
        "n",
        "%",
        "d",
        "x",
        "X",
        "o",
        "b",
        "c",
        "s",
        "r",
        "é",
        "٣",
        "*",
        "\0",
        "2147483648",
    ];
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let ints = [big("0"), big("-7"), big("123456789012345678901234567890"), big("1114112")];
    let floats = [0.0, -0.0, 1.5, -1e300, 5e-324, f64::NAN, f64::NEG_INFINITY, 2.675];
    for _ in 0..20000 {
        let n = (rng.next() % 6) as usize;
        let spec: String = (0..n).map(|_| rng.pick(&atoms)).collect();
        for v in &ints {
            let _ = int_format(v, &spec, "int");
        }
        for &x in &floats {
            let _ = float_format(x, &spec);
        }
        let _ = str_format("héllo", &spec);
    }
}

#[test]
fn fuzz_percent_and_parsers_never_panic() {
    let atoms = [
        "%",
        "(",
        ")",
        "a",
        "*",
        "-",
        "+",
        " ",
        "#",
        "0",
        "5",
        ".",
        "d",
        "x",
        "X",
        "o",
        "s",
        "r",
        "a",
        "c",
        "e",
        "f",
        "g",
        "%%",
        "l",
        "é",
        "99999999999999",
        "\0",
        "y",
    ];
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let args: [A; 4] = [
        A::T(&[V::I("5"), V::F(0x3ff8000000000000), V::S("é"), V::I("-3")]),
        A::One(V::I("-70")),
        A::D(&[("a", V::S("x"))], "{'a': 'x'}"),
        A::T(&[]),
    ];
    for _ in 0..20000 {
        let n = (rng.next() % 7) as usize;
        let fmt: String = (0..n).map(|_| rng.pick(&atoms)).collect();
        for a in &args {
            let _ = percent_format(&fmt, &mut Args(a.clone()));
        }
        let _ = parse_int(&fmt, 0);
        let _ = parse_int(&fmt, 16);
        let _ = parse_float(&fmt);
        let _ = float_fromhex(&fmt);
    }
}
