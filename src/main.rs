//! The `gilt` command: argument parsing only; everything else is in lib.

/// mimalloc instead of the system allocator: an interpreter allocates and
/// frees small objects constantly (strings, frames' temporaries, boxed
/// values), which is exactly what mimalloc is built for. The `sysalloc`
/// feature keeps the system allocator instead, so that heap profilers that
/// hook malloc (heaptrack, valgrind's massif and dhat) see every allocation.
#[cfg(not(feature = "sysalloc"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(gilt::cli::main());
}
