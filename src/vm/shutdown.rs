//! The exit sequence of the main thread, in CPython's order (normal end,
//! `sys.exit`, an uncaught exception — not `os._exit`, which skips it all).

use super::Vm;
use crate::object::value::Value;

impl Vm {
    /// Runs the exit sequence after the main module finished with `status`
    /// (its traceback, if any, already printed); returns the exit status.
    ///
    /// 1. finalizers already queued run;
    /// 2. non-daemon threads are joined (`threading._shutdown`, which also
    ///    runs `threading._register_atexit` callbacks);
    /// 3. `atexit` callbacks run, last registered first;
    /// 4. objects still reachable from `__main__`'s globals are finalized
    ///    (`__del__`, generators closed) with every global still in place —
    ///    nothing is torn down, so daemon threads keep working;
    /// 5. every file still open is flushed (the caller flushes stdout).
    pub fn shutdown(&mut self, status: i32) -> i32 {
        let mut status = status;
        self.run_finalizers();
        if let Some(Value::Module(m)) = self.rt.modules.get_item_str("threading")
            && let Some(f) = m.dict.get_item_str("_shutdown")
            && let Err(e) = self.catch_panics(|vm| vm.call(&f, vec![]))
        {
            status = crate::cli::report_uncaught(self, &e);
        }
        self.run_finalizers();
        crate::stdlib::mod_atexit::run_exitfuncs(self);
        self.run_finalizers();
        self.run_finalizers_of(true);
        self.finalize_module_globals("__main__");
        self.run_finalizers_of(true);
        self.rt.open_files.flush_all();
        use std::io::Write;
        let _ = std::io::stdout().flush();
        status
    }
}
