//! The interactive prompt (`gilt` with no script): `>>> ` / `... `,
//! line editing and history through rustyline.

use std::sync::Arc;

use crate::object::value::Value;
use crate::vm::Vm;

/// Runs the REPL until EOF or `exit()`; returns the exit status.
pub fn run(vm: &mut Vm) -> i32 {
    let globals = Arc::new(crate::object::dict::Dict::new());
    globals.set_item_str("__name__", Value::str("__main__"));
    globals.set_item_str("__builtins__", Value::Dict(vm.rt.builtins.clone()));
    let interactive = std::io::IsTerminal::is_terminal(&std::io::stdin());
    let mut editor = rustyline::DefaultEditor::new().ok();
    if interactive {
        println!(
            "gilt {} (Python 3.11 compatible; GIL {})",
            env!("CARGO_PKG_VERSION"),
            if vm.rt.gil.enabled() { "on" } else { "off" }
        );
        println!("Type \"exit()\" or Ctrl-D to leave.");
    }
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        let line = match editor.as_mut() {
            Some(ed) if interactive => match ed.readline(prompt) {
                Ok(l) => {
                    let _ = ed.add_history_entry(l.as_str());
                    l
                }
                Err(rustyline::error::ReadlineError::Interrupted) => {
                    println!("KeyboardInterrupt");
                    buffer.clear();
                    continue;
                }
                Err(_) => break,
            },
            _ => {
                let mut l = String::new();
                match std::io::stdin().read_line(&mut l) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => l.trim_end_matches('\n').to_string(),
                }
            }
        };
        buffer.push_str(&line);
        buffer.push('\n');
        // A compound statement continues until a blank line.
        let more = !buffer.trim().is_empty()
            && (line.trim_end().ends_with(':') || (buffer.lines().count() > 1 && !line.trim().is_empty()));
        if more {
            continue;
        }
        let src = std::mem::take(&mut buffer);
        if src.trim().is_empty() {
            continue;
        }
        match crate::parse::parse_program(&src) {
            Err(e) if e.incomplete => {
                buffer = src;
                continue;
            }
            _ => {}
        }
        let code = match crate::compile_source_mode(vm, &src, "<stdin>", true) {
            Ok(c) => c,
            Err(e) => {
                let status = crate::cli::report_uncaught(vm, &e);
                let _ = status;
                continue;
            }
        };
        if let Err(e) = vm.run_code(code, globals.clone()) {
            if vm.is_exc(&e, "SystemExit") {
                return crate::cli::report_uncaught(vm, &e);
            }
            crate::cli::report_uncaught(vm, &e);
        }
    }
    0
}
