//! The library half of the `chatguard` command: everything the binary does, testable in-process.

pub mod eval;
