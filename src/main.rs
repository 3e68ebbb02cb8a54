//! The `gilt` command: argument parsing only; everything else is in lib.

/// mimalloc instead of the system allocator: an interpreter allocates and
/// frees small objects constantly (strings, frames' temporaries, boxed
/// values), which is exactly what mimalloc is built for. The `sysalloc`
/// feature keeps the system allocator instead, so that heap profilers that
/// hook malloc (heaptrack, valgrind's massif and dhat) see every allocation.
#[cfg(not(feature = "sysalloc"))]
#[global_allocator]
static GLOBAL: word_alloc::WordAlloc = word_alloc::WordAlloc;

#[cfg(not(feature = "sysalloc"))]
mod word_alloc {
    //! The `mimalloc` crate's allocator asks for every block through
    //! `mi_malloc_aligned`. Its fast path takes a block only while the size
    //! class's page has a free one; when the page runs dry it falls back to
    //! over-allocating `size + align - 1` from the *next* size class, and
    //! since nothing then refills the dry page, every later block of that
    //! size comes from the larger class too (an 80-byte instance took 96, a
    //! 40-byte entry 48; issue 14, item 6). Every mimalloc block is aligned
    //! to a machine word (its own `mi_realloc_aligned` relies on it), so
    //! blocks that need no more than that take the plain `mi_malloc`, which
    //! refills its pages; only larger alignments take the aligned path.

    use std::alloc::{GlobalAlloc, Layout};
    use std::ffi::c_void;

    // Provided by the mimalloc library that the `mimalloc` crate links.
    unsafe extern "C" {
        fn mi_malloc(size: usize) -> *mut c_void;
        fn mi_zalloc(size: usize) -> *mut c_void;
        fn mi_realloc(p: *mut c_void, newsize: usize) -> *mut c_void;
    }

    /// The alignment every mimalloc block has.
    const WORD: usize = std::mem::size_of::<usize>();

    /// mimalloc with word-aligned requests on its plain (size-class) path.
    pub struct WordAlloc;

    // SAFETY: every method returns mimalloc blocks (word-aligned, at least
    // `size` bytes) or defers to `MiMalloc` for larger alignments; `mi_free`
    // (in `MiMalloc::dealloc`) frees blocks of either path.
    unsafe impl GlobalAlloc for WordAlloc {
        #[inline]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if layout.align() <= WORD {
                // SAFETY: a plain allocation of `size` bytes.
                unsafe { mi_malloc(layout.size()).cast() }
            } else {
                // SAFETY: the caller's contract, passed on.
                unsafe { mimalloc::MiMalloc.alloc(layout) }
            }
        }

        #[inline]
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            if layout.align() <= WORD {
                // SAFETY: as in `alloc`.
                unsafe { mi_zalloc(layout.size()).cast() }
            } else {
                // SAFETY: the caller's contract, passed on.
                unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
            }
        }

        #[inline]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: `ptr` is a mimalloc block (`mi_free` takes both kinds).
            unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
        }

        #[inline]
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if layout.align() <= WORD {
                // SAFETY: `ptr` is a mimalloc block; word alignment is kept.
                unsafe { mi_realloc(ptr.cast(), new_size).cast() }
            } else {
                // SAFETY: the caller's contract, passed on.
                unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
            }
        }
    }
}

fn main() {
    std::process::exit(gilt::cli::main());
}
