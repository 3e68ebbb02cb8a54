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
    /// 4. objects still reachable from the globals of the modules imported
    ///    from files, then of `__main__`, are finalized (`__del__`,
    ///    generators closed) with every global still in place — nothing is
    ///    torn down, so daemon threads keep working;
    /// 5. every file still open is flushed (the caller flushes stdout).
    pub fn shutdown(&mut self, status: i32) -> i32 {
        self.run_finalizers();
        if let Some(Value::Module(m)) = self.rt.modules.get_item_str("threading")
            && let Some(f) = m.dict.get_item_str("_shutdown")
            && let Err(e) = self.catch_panics(|vm| vm.call(&f, vec![]))
        {
            // As CPython: any error inside threading._shutdown — a Ctrl-C
            // while it waits for non-daemon threads, an atexit hook of
            // `_register_atexit` failing — is reported ("Exception ignored
            // in: <module 'threading'…>"), does not change the exit status,
            // and the exit sequence goes on.
            let what = self.repr_of(&Value::Module(m.clone())).unwrap_or_default();
            self.report_unraisable(&what, &e);
        }
        self.run_finalizers();
        crate::stdlib::mod_atexit::run_exitfuncs(self);
        self.run_finalizers();
        self.run_finalizers_of(true);
        // Modules imported from files beside the script first, in import
        // order, then `__main__` (CPython's order in the common cases);
        // embedded library modules have no `__file__` and are left alone.
        let user_modules: Vec<String> = self
            .rt
            .modules
            .lock()
            .items()
            .into_iter()
            .filter_map(|(k, v)| match (k, v) {
                (Value::Str(k), Value::Module(m))
                    if k.as_str() != "__main__" && matches!(m.dict.get_item_str("__file__"), Some(Value::Str(_))) =>
                {
                    Some(k.as_str().to_string())
                }
                _ => None,
            })
            .collect();
        for name in user_modules.iter().map(String::as_str).chain(["__main__"]) {
            self.finalize_module_globals(name);
        }
        self.run_finalizers_of(true);
        self.rt.open_files.flush_all();
        use std::io::Write;
        if let Err(e) = std::io::stdout().flush()
            && !self.rt.stdout_failed.load(std::sync::atomic::Ordering::Relaxed)
        {
            // CPython's flush of the standard streams at exit: reported as
            // ignored, and the process ends with status 120.
            let err = crate::stdlib::file::os_error(self, &e, None);
            let what = self.format_exception(&err);
            eprint!("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n{what}");
            return 120;
        }
        // After the streams are flushed, as CPython's finalize_modules.
        self.verbose_cleanup();
        status
    }
}
