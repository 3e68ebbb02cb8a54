//! The interactive prompt (`gilt` with no script, or `-i` after one):
//! `>>> ` / `... `, line editing and history (kept in a file under the
//! user's data directory) through rustyline on a terminal; prompts on
//! stderr otherwise, as CPython's `-i` with piped input.

use std::io::Write;
use std::sync::Arc;

use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::Vm;

use super::repl_complete::ReplHelper;

/// How the REPL starts.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// Print the banner (to stderr) first.
    pub banner: bool,
    /// PYTHONSTARTUP: a file run in the REPL's namespace before the first prompt.
    pub startup: Option<String>,
}

/// Runs the REPL in a fresh `__main__` until EOF or `exit()`; returns the exit status.
pub fn run(vm: &mut Vm) -> i32 {
    run_with(vm, None, &Options { banner: std::io::IsTerminal::is_terminal(&std::io::stdin()), startup: None })
}

/// Where the history is kept: `$XDG_DATA_HOME/gilt/history`, else `~/.local/share/gilt/history`.
fn history_file() -> Option<std::path::PathBuf> {
    let base = match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(d) => std::path::PathBuf::from(d),
        None => std::path::PathBuf::from(std::env::var_os("HOME")?).join(".local/share"),
    };
    Some(base.join("gilt").join("history"))
}

/// Whether `line` opens a compound statement, whose body may follow on
/// later lines even when this one has a body (`while True: pass`).
pub(crate) fn opens_compound(line: &str) -> bool {
    let t = line.trim_start();
    let word: String = t.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    t.starts_with('@')
        || (["if", "while", "for", "def", "class", "with", "try", "async", "match"].contains(&word.as_str())
            && t.contains(':'))
}

/// `exit` / `quit` typed alone, still meaning the built-ins: CPython's hint.
fn quit_hint(vm: &Vm, globals: &Dict, src: &str) -> Option<&'static str> {
    let name = src.trim();
    if !["exit", "quit"].contains(&name) || globals.get_item_str(name).is_some() {
        return None;
    }
    match vm.rt.builtins.get_item_str(name) {
        Some(Value::Native(_)) => Some(if name == "exit" {
            "Use exit() or Ctrl-D (i.e. EOF) to exit"
        } else {
            "Use quit() or Ctrl-D (i.e. EOF) to exit"
        }),
        _ => None,
    }
}

/// Runs the REPL in `globals` (a script's `__main__` after `-i`, or a fresh one).
pub fn run_with(vm: &mut Vm, globals: Option<Arc<Dict>>, opts: &Options) -> i32 {
    let globals = globals.unwrap_or_else(|| {
        let g = Arc::new(Dict::new());
        g.set_item_str("__name__", Value::str("__main__"));
        g.set_item_str("__builtins__", crate::cli::main_builtins(vm));
        g.set_item_str("__doc__", Value::None);
        g.set_item_str("__package__", Value::None);
        g
    });
    let module = crate::object::module::Module::new(Arc::from("__main__"), globals.clone());
    vm.rt.modules.set_item_str("__main__", Value::Module(Arc::new(module)));
    let interactive = std::io::IsTerminal::is_terminal(&std::io::stdin());
    let mut editor = if interactive {
        let config = rustyline::Config::builder().completion_type(rustyline::CompletionType::List).build();
        rustyline::Editor::<ReplHelper, rustyline::history::DefaultHistory>::with_config(config).ok().map(|mut ed| {
            ed.set_helper(Some(ReplHelper::new(vm, globals.clone())));
            ed
        })
    } else {
        None
    };
    let history = history_file();
    if let (Some(ed), Some(h)) = (editor.as_mut(), history.as_ref()) {
        let _ = ed.load_history(h);
    }
    if opts.banner {
        eprintln!(
            "Python {} on {} (GIL {})",
            crate::cli_args::sys_version(),
            std::env::consts::OS,
            if vm.rt.gil.enabled() { "on" } else { "off" }
        );
        eprintln!("Type \"help(object)\" for its documentation, \"exit()\" or Ctrl-D to leave.");
    }
    if let Some(path) = &opts.startup {
        run_startup(vm, &globals, path);
    }
    let mut buffer = String::new();
    let mut status = 0;
    loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        let line = match editor.as_mut() {
            Some(ed) => match read_line_without_gil(vm, ed, prompt) {
                Ok(l) => {
                    let _ = ed.add_history_entry(l.as_str());
                    l
                }
                Err(rustyline::error::ReadlineError::Interrupted) => {
                    // The editor has already moved to a new line (python3 shows no blank line).
                    eprintln!("KeyboardInterrupt");
                    buffer.clear();
                    continue;
                }
                Err(_) => break,
            },
            None => {
                eprint!("{prompt}");
                let _ = std::io::stderr().flush();
                let mut l = String::new();
                match std::io::stdin().read_line(&mut l) {
                    Ok(0) | Err(_) => {
                        eprintln!();
                        break;
                    }
                    Ok(_) => l.trim_end_matches('\n').to_string(),
                }
            }
        };
        // A pasted block arrives as one "line" holding newlines: each is a line of the block.
        let mut done = None;
        for part in line.split('\n') {
            if let Some(code) = feed(vm, &globals, &mut buffer, part) {
                done = Some(code);
                break;
            }
        }
        if let Some(code) = done {
            status = code;
            break;
        }
    }
    if let (Some(ed), Some(h)) = (editor.as_mut(), history.as_ref()) {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = ed.save_history(h);
    }
    status
}

/// `readline` with the GIL released, as CPython's prompt: other threads run
/// while the user types (the completer takes the GIL back while it works).
fn read_line_without_gil(
    vm: &mut Vm,
    ed: &mut rustyline::Editor<ReplHelper, rustyline::history::DefaultHistory>,
    prompt: &str,
) -> rustyline::Result<String> {
    use crate::runtime::events::{BlockKind, ReleaseReason};
    if let Some(g) = vm.gil.as_mut() {
        g.release(ReleaseReason::BlockingCall(BlockKind::Input));
    }
    let line = ed.readline(prompt);
    if let Some(g) = vm.gil.as_mut() {
        g.acquire();
    }
    line
}

/// Adds one line to the pending block and runs the block when it is
/// complete. `Some(status)` when the code raised SystemExit.
fn feed(vm: &mut Vm, globals: &Arc<Dict>, buffer: &mut String, line: &str) -> Option<i32> {
    buffer.push_str(line);
    buffer.push('\n');
    // A compound statement continues until a blank line.
    let first = buffer.lines().next().unwrap_or("");
    let more = !buffer.trim().is_empty()
        && !line.trim().is_empty()
        && (line.trim_end().ends_with(':') || opens_compound(first) || buffer.lines().count() > 1);
    if more {
        return None;
    }
    let src = std::mem::take(buffer);
    if src.trim().is_empty() {
        return None;
    }
    if let Err(e) = crate::parse::parse_program(&src)
        && e.incomplete
    {
        *buffer = src;
        return None;
    }
    if let Some(hint) = quit_hint(vm, globals, &src) {
        println!("{hint}");
        return None;
    }
    let code = crate::compile_source_mode(vm, &src, "<stdin>", true);
    // Like CPython 3.11's REPL, tracebacks show no source lines for `<stdin>`.
    vm.rt.sources.remove("<stdin>");
    let result = code.and_then(|c| vm.run_code(c, globals.clone()));
    match result {
        Ok(_) => None,
        Err(e) if vm.is_exc(&e, "SystemExit") => Some(crate::cli::report_uncaught(vm, &e)),
        Err(e) => {
            let _ = crate::cli::report_uncaught(vm, &e);
            None
        }
    }
}

/// PYTHONSTARTUP: runs the file in the REPL's namespace; errors are printed, not fatal.
fn run_startup(vm: &mut Vm, globals: &Arc<Dict>, path: &str) {
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            let kind = if e.kind() == std::io::ErrorKind::NotFound { "FileNotFoundError" } else { "OSError" };
            eprintln!("Could not open PYTHONSTARTUP\n{kind}: {}: '{path}'", crate::cli_main::os_error_text(&e));
            return;
        }
    };
    let result = crate::compile_source(vm, &src, path).and_then(|c| vm.run_code(c, globals.clone()));
    if let Err(e) = result {
        let _ = crate::cli::report_uncaught(vm, &e);
    }
}
