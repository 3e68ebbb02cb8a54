//! `site` at start-up, checked against python3 3.11: the user site under `$HOME` with its `.pth`
//! files (a path line, an `import` line), left out with `-s`, `-I`, `-S` or PYTHONNOUSERSITE;
//! the site-packages of the python3 gilt was built beside.

use super::*;

/// A fresh `$HOME` holding a user site with a module and a `.pth` file.
fn user_site_home() -> PathBuf {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_site_home");
    let site = home.join(".local/lib/python3.11/site-packages");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::create_dir_all(home.join("extra_dir")).unwrap();
    std::fs::write(site.join("usersitepkg.py"), "NAME = 'user site'\n").unwrap();
    std::fs::write(site.join("userpth.pth"), "# a comment\n../../../../extra_dir\nimport sys; sys.pth_ran = True\n")
        .unwrap();
    std::fs::write(home.join("extra_dir/extramod.py"), "X = 1\n").unwrap();
    home
}

const PROGRAM: &str = "import sys\n\
                       try:\n    import usersitepkg\n    print(usersitepkg.NAME)\n\
                       except ImportError as e:\n    print('ImportError', e)\n\
                       print(getattr(sys, 'pth_ran', False), [p.rsplit('/', 1)[-1] for p in sys.path if p.endswith('extra_dir')])\n";

#[test]
fn user_site_and_pth_files() {
    let home = user_site_home();
    let home = home.to_str().unwrap();
    let path = script("cli_site_prog.py", PROGRAM);
    let r = gilt_in(&[&path], None, &[("HOME", home)], None);
    assert_eq!(r.stdout, "user site\nTrue ['extra_dir']\n", "{}", r.stderr);
    let off = "ImportError No module named 'usersitepkg'\nFalse []\n";
    for flag in ["-s", "-I", "-S"] {
        let r = gilt_in(&[flag, &path], None, &[("HOME", home)], None);
        assert_eq!(r.stdout, off, "{flag}: {}", r.stderr);
    }
    let r = gilt_in(&[&path], None, &[("HOME", home), ("PYTHONNOUSERSITE", "1")], None);
    assert_eq!(r.stdout, off, "PYTHONNOUSERSITE: {}", r.stderr);
}

/// A C extension module (a shared library CPython would load) is a clear ImportError, which
/// a package's `try: from ._speedups import … except ImportError` falls back from.
#[test]
fn c_extension_modules_raise_import_error() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_site_cext");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cmod.cpython-311-x86_64-linux-gnu.so"), "").unwrap();
    std::fs::write(dir.join("cmod.py"), "print('the .py beside it')\n").unwrap();
    let code = "try:\n    import cmod\nexcept ImportError as e:\n    print(type(e).__name__, e.name, e.path.rsplit('/', 1)[-1])\n\
                \x20   print(str(e).startswith(\"cannot import C extension module 'cmod' from \"), str(e).endswith(': gilt runs pure-Python modules only'))";
    let r = gilt_in(&["-c", code], None, &[], Some(&dir));
    let want = "ImportError cmod cmod.cpython-311-x86_64-linux-gnu.so\nTrue True\n";
    assert_eq!(r.stdout, want, "{}", r.stderr);
}

/// python3's own site-packages folders are on sys.path (after the library), and `site` knows them.
#[test]
fn python3_site_packages_are_on_the_path() {
    let Ok(py) = Command::new("python3")
        .args(["-c", "import sys, site; print([p for p in sys.path if p in site.getsitepackages()])"])
        .env("HOME", env!("CARGO_TARGET_TMPDIR"))
        .output()
    else {
        return;
    };
    let want = String::from_utf8_lossy(&py.stdout).into_owned();
    let r = gilt_in(
        &["-c", "import sys\nprint([p for p in sys.path if 'packages' in p])"],
        None,
        &[("HOME", env!("CARGO_TARGET_TMPDIR"))],
        None,
    );
    assert_eq!(r.stdout, want, "{}", r.stderr);
}
