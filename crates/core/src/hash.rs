//! A stable 64-bit hash (FNV-1a): the same for the same bytes in every build and on every
//! system, so a journal names the file it extends, and two kirokus name a session's lock
//! alike.

/// FNV-1a over `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
