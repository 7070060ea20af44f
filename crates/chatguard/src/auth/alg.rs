//! The four JWS algorithms chatguard verifies, and the verifying keys they are pinned to.
//!
//! A [`VerifyingKey`] knows its one algorithm: an RSA key only verifies `RS256`, a P-256 key only
//! `ES256`, an Ed25519 key only `EdDSA`, the configured shared secret only `HS256`. The token's
//! `alg` header never chooses how a key is used, it only has to agree with the key — so an RSA
//! public key can never be fed to HMAC (the "RS→HS confusion" attack) and `none` is not an
//! algorithm at all. All cryptography is RustCrypto's (`rsa`, `p256`, `ed25519-dalek`, `hmac`);
//! this module only selects and calls it.

use core::fmt;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// A JWS algorithm chatguard accepts (RFC 7518 §3.1, RFC 8037 §3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Alg {
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    Rs256,
    /// ECDSA on P-256 with SHA-256 (signature is the 64-byte `r || s`).
    Es256,
    /// Ed25519 (RFC 8037 `EdDSA`; the fully-specified name `Ed25519` is accepted too).
    EdDsa,
    /// HMAC with SHA-256, only with the configured shared secret.
    Hs256,
}

/// What a header's `alg` names, before any key is involved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AlgName {
    /// One of ours.
    Known(Alg),
    /// `none` in any casing: an unsecured JWS, always refused.
    None,
    /// Anything else (`RS512`, `PS256`, `HS384`, `rs256`, ...): refused.
    Unsupported,
}

impl Alg {
    /// Every algorithm, in the order the docs list them.
    pub const ALL: [Alg; 4] = [Alg::Rs256, Alg::Es256, Alg::EdDsa, Alg::Hs256];

    /// The registered JOSE name (`RS256`, `ES256`, `EdDSA`, `HS256`).
    pub const fn name(self) -> &'static str {
        match self {
            Alg::Rs256 => "RS256",
            Alg::Es256 => "ES256",
            Alg::EdDsa => "EdDSA",
            Alg::Hs256 => "HS256",
        }
    }

    /// Reads a header's `alg`. Names are case-sensitive (RFC 7515 §4.1.1), except that `none`
    /// is recognised in every casing so it gets its own error.
    pub(crate) fn parse(name: &str) -> AlgName {
        match name {
            "RS256" => AlgName::Known(Alg::Rs256),
            "ES256" => AlgName::Known(Alg::Es256),
            "EdDSA" | "Ed25519" => AlgName::Known(Alg::EdDsa),
            "HS256" => AlgName::Known(Alg::Hs256),
            _ if name.eq_ignore_ascii_case("none") => AlgName::None,
            _ => AlgName::Unsupported,
        }
    }
}

impl fmt::Display for Alg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The smallest RSA modulus accepted, in bits (RFC 7518 §3.3 requires 2048).
pub(crate) const RSA_MIN_BITS: usize = 2048;

/// The shortest `HS256` secret accepted, in bytes: RFC 7518 §3.2 requires a key at least as
/// long as the hash output.
pub const HS256_MIN_SECRET_LEN: usize = 32;

/// A key that verifies signatures of exactly one algorithm.
#[derive(Clone)]
pub(crate) enum VerifyingKey {
    Rs256(rsa::RsaPublicKey),
    Es256(p256::ecdsa::VerifyingKey),
    EdDsa(ed25519_dalek::VerifyingKey),
    Hs256(Zeroizing<Vec<u8>>),
}

impl VerifyingKey {
    /// The one algorithm this key verifies.
    pub(crate) fn alg(&self) -> Alg {
        match self {
            VerifyingKey::Rs256(_) => Alg::Rs256,
            VerifyingKey::Es256(_) => Alg::Es256,
            VerifyingKey::EdDsa(_) => Alg::EdDsa,
            VerifyingKey::Hs256(_) => Alg::Hs256,
        }
    }

    /// Checks `signature` over `signing_input` (the ASCII `header.payload`). Returns `false`
    /// for any failure, including a signature of the wrong length.
    pub(crate) fn verify(&self, signing_input: &[u8], signature: &[u8]) -> bool {
        match self {
            VerifyingKey::Rs256(key) => {
                let digest = Sha256::digest(signing_input);
                key.verify(rsa::Pkcs1v15Sign::new::<Sha256>(), &digest, signature)
                    .is_ok()
            }
            VerifyingKey::Es256(key) => {
                use p256::ecdsa::signature::Verifier;
                // JWS carries the fixed-size `r || s` form (RFC 7518 §3.4), never DER.
                if signature.len() != 64 {
                    return false;
                }
                match p256::ecdsa::Signature::from_slice(signature) {
                    Ok(sig) => key.verify(signing_input, &sig).is_ok(),
                    Err(_) => false,
                }
            }
            VerifyingKey::EdDsa(key) => match ed25519_dalek::Signature::from_slice(signature) {
                // `verify_strict` also rejects small-order keys and non-canonical signatures.
                Ok(sig) => key.verify_strict(signing_input, &sig).is_ok(),
                Err(_) => false,
            },
            VerifyingKey::Hs256(secret) => match Hmac::<Sha256>::new_from_slice(secret) {
                Ok(mut mac) => {
                    mac.update(signing_input);
                    // Constant-time comparison inside `hmac` (via `subtle`).
                    mac.verify_slice(signature).is_ok()
                }
                Err(_) => false,
            },
        }
    }
}

impl fmt::Debug for VerifyingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VerifyingKey")
            .field("alg", &self.alg())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_is_recognised_in_every_casing_and_names_are_case_sensitive() {
        for name in ["none", "None", "NONE", "nOnE"] {
            assert_eq!(Alg::parse(name), AlgName::None, "{name}");
        }
        for name in ["rs256", "Rs256", "HS512", "PS256", "ES384", "", "EDDSA"] {
            assert_eq!(Alg::parse(name), AlgName::Unsupported, "{name}");
        }
        for alg in Alg::ALL {
            assert_eq!(Alg::parse(alg.name()), AlgName::Known(alg));
        }
        assert_eq!(Alg::parse("Ed25519"), AlgName::Known(Alg::EdDsa));
    }

    // HMAC-SHA256 known answer from RFC 4231 §4.3 (test case 2: key "Jefe").
    #[test]
    fn hs256_verifies_rfc4231_vector_and_rejects_a_flipped_bit() {
        let key = VerifyingKey::Hs256(Zeroizing::new(b"Jefe".to_vec()));
        let mac = [
            0x5b, 0xdc, 0xc1, 0x46, 0xbf, 0x60, 0x75, 0x4e, 0x6a, 0x04, 0x24, 0x26, 0x08, 0x95,
            0x75, 0xc7, 0x5a, 0x00, 0x3f, 0x08, 0x9d, 0x27, 0x39, 0x83, 0x9d, 0xec, 0x58, 0xb9,
            0x64, 0xec, 0x38, 0x43,
        ];
        let msg = b"what do ya want for nothing?";
        assert!(key.verify(msg, &mac));
        let mut bad = mac;
        bad[31] ^= 1;
        assert!(!key.verify(msg, &bad));
        assert!(!key.verify(msg, &mac[..31]));
        assert!(!key.verify(msg, &[]));
    }

    #[test]
    fn debug_never_prints_key_material() {
        let key = VerifyingKey::Hs256(Zeroizing::new(b"super-secret-value".to_vec()));
        let shown = format!("{key:?}");
        assert!(!shown.contains("super"), "{shown}");
        assert!(shown.contains("Hs256"), "{shown}");
    }
}
