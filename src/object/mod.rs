//! The object model: `Value` and one file per kind of object.

pub mod class;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod eq;
pub mod finalize;
pub mod function;
pub mod gc;
pub mod generator;
pub mod iter;
pub mod list;
pub mod module;
pub mod native;
pub mod numfmt;
pub mod range;
pub mod set;
pub mod spinlock;
pub mod str;
pub mod str_case;
mod str_case_tables;
pub mod str_surr;
pub mod strhash;
pub mod swap;
pub mod thread_local;
pub mod trashcan;
pub mod tuple;
pub mod value;
pub mod weak_slot;
pub mod weakref;

pub use value::Value;
