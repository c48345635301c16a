//! gzip (RFC 1952) members, decompressed (in progress).

/// Whether `bytes` start with the gzip magic number (1f 8b).
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}
