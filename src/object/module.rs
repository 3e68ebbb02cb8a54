//! Module objects: a name and a globals dict.

use std::sync::Arc;

use super::class::Class;
use super::dict::Dict;
use super::swap::SwapCell;

/// A module (`import x` binds one). Its attributes are its globals.
pub struct Module {
    pub name: Arc<str>,
    pub dict: Arc<Dict>,
    /// A `ModuleType` subclass given by `module.__class__ = M` (None: the
    /// module type itself); replaceable while other threads read it.
    pub class: SwapCell<Option<Arc<Class>>>,
}

impl Module {
    pub fn new(name: Arc<str>, dict: Arc<Dict>) -> Module {
        Module { name, dict, class: SwapCell::new(None) }
    }

    /// The `ModuleType` subclass this module was given, if any.
    #[inline]
    pub fn subclass(&self) -> Option<&Arc<Class>> {
        self.class.as_ref()
    }
}
