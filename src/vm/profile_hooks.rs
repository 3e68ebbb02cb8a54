//! The interpreter's side of `--profile` (`runtime/profile.rs`): two hooks
//! the dispatch loop calls where frames are pushed and popped. Each costs one
//! load and a never-taken branch when profiling is off; the work is out of
//! line in [`ThreadProfile`](crate::runtime::profile::ThreadProfile).

use super::Vm;

impl Vm {
    /// A frame just became current by a call or a generator's resumption.
    #[inline(always)]
    pub(crate) fn prof_enter(&mut self) {
        if let Some(p) = &self.profile {
            // A suspended generator resumes with its pc past the start.
            p.enter(&self.frame.code, self.frames.len(), self.frame.pc == 0, self.gil.as_ref());
        }
    }

    /// Frames were just popped (return, exception, yield).
    #[inline(always)]
    pub(crate) fn prof_exit(&mut self) {
        if let Some(p) = &self.profile {
            p.exit(self.frames.len(), self.gil.as_ref());
        }
    }
}
