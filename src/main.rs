//! The `gilt` command: argument parsing only; everything else is in lib.

/// mimalloc instead of the system allocator: an interpreter allocates and
/// frees small objects constantly (strings, frames' temporaries, boxed
/// values), which is exactly what mimalloc is built for.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(gilt::cli::main());
}
