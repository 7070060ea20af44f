//! Errors of construction: building a guard, parsing a policy, opening a sealed vault.
//!
//! Only construction fails; scanning, checking and streaming never return errors and never panic.

use core::fmt;

/// A policy could not be used. The message names the field and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyError {
    field: String,
    reason: String,
}

impl PolicyError {
    pub(crate) fn new(field: impl AsRef<str>, reason: impl AsRef<str>) -> PolicyError {
        Self::from_strs(field.as_ref(), reason.as_ref())
    }

    /// [`PolicyError::new`]'s one compiled body: the generic `new` is a thin wrapper, so its
    /// many call sites (`&str` and `String` arguments in every combination) share this code.
    #[inline(never)]
    fn from_strs(field: &str, reason: &str) -> PolicyError {
        PolicyError {
            field: field.to_owned(),
            reason: reason.to_owned(),
        }
    }

    /// The JSON path of the offending field, e.g. `kinds.email.operator`.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Why the field was rejected.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "invalid policy: {}", self.reason)
        } else {
            write!(f, "invalid policy: `{}`: {}", self.field, self.reason)
        }
    }
}

impl core::error::Error for PolicyError {}

/// A vault could not be read back: wrong key, tampered or truncated data, or an unknown format
/// (from [`crate::Vault::open`] or [`crate::Vault::import_unsealed`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VaultError(pub(crate) VaultErrorKind);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VaultErrorKind {
    Format,
    #[cfg(feature = "seal")]
    Decrypt,
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            VaultErrorKind::Format => f.write_str("sealed vault: unknown format or truncated data"),
            #[cfg(feature = "seal")]
            VaultErrorKind::Decrypt => f.write_str("sealed vault: wrong key or tampered data"),
        }
    }
}

impl core::error::Error for VaultError {}
