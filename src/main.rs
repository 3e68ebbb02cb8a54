//! The `gilt` command: argument parsing only; everything else is in lib.

fn main() {
    std::process::exit(gilt::cli::main());
}
