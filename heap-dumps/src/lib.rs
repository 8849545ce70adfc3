//! Reader and analyzer for upy heap dumps. The format is specified in `FORMAT.md`.
//!
//! The reader (`reader`) turns a file into a `model::Dump` plus a list of
//! problems and never panics; every analysis works on what could be read.

#![forbid(unsafe_code)]

pub mod blockmap;
pub mod diff;
pub mod explain;
pub mod export;
pub mod fuzzing;
pub mod index;
pub mod inspect;
pub mod mark;
pub mod model;
pub mod reader;
pub mod render;
pub mod scenarios;
pub mod summary;
pub mod symbols;
pub mod synth;
pub mod verify;

pub use model::{Dump, Heap, Kind};
pub use reader::{read_bytes, read_file, ReadError, ReadResult};
