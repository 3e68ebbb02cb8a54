//! Module objects: a name and a globals dict.

use std::sync::Arc;

use super::dict::Dict;

/// A module (`import x` binds one). Its attributes are its globals.
pub struct Module {
    pub name: Arc<str>,
    pub dict: Arc<Dict>,
}
