//! gzip files (RFC 1952), decompressed in memory.
//!
//! A gzip file is one or more *members* one after the other, each a header,
//! a deflate stream (RFC 1951) and a trailer. The header is 10 bytes
//! (`1f 8b`, method 8 = deflate, flags, modification time, extra flags,
//! operating system) followed by the optional fields its flags announce, in
//! this order: `FEXTRA` (bit 2: a 2-byte little-endian length and that many
//! bytes), `FNAME` (bit 3: the original file name, zero-terminated),
//! `FCOMMENT` (bit 4: a zero-terminated comment) and `FHCRC` (bit 1: the
//! low 16 bits of the CRC-32 of the header so far); bits 5 to 7 are
//! reserved and must be zero. The trailer is the CRC-32 of the
//! uncompressed data and its size modulo 2³² (`ISIZE`), both little-endian.
//! Members are concatenated when decompressed (RFC 1952 §2.2), which is
//! what `gzip -d` does with `cat a.gz b.gz`.
//!
//! Source: RFC 1952, *GZIP file format specification version 4.3*, §2.2
//! and §2.3.1; the CRC-32 is the one of ISO 3309 / ITU-T V.42 (reflected
//! polynomial `0xEDB88320`), RFC 1952 §8. Inflating is miniz_oxide's.

use std::borrow::Cow;

use miniz_oxide::inflate::core::{decompress as inflate_core, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use crate::error::{Error, Result};
use crate::message::Message;
use crate::{msg, noun};

/// The largest decompressed size [`decompress_if_gzip`] accepts: 1 GiB.
/// A département's hourly file for two years is a few hundred MB
/// uncompressed; beyond 1 GiB a browser tab runs out of memory anyway, so a
/// clear error is better than a crash.
pub const DEFAULT_LIMIT: usize = 1 << 30;

/// Whether `bytes` start with the gzip magic number (1f 8b).
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The bytes themselves when they are not gzip, else their decompressed
/// content (every member, concatenated), at most [`DEFAULT_LIMIT`] bytes.
///
/// # Errors
/// As [`decompress`].
///
/// # Example
/// ```
/// use ecodefi::files::gzip::decompress_if_gzip;
/// assert_eq!(&*decompress_if_gzip(b"plain text").unwrap(), b"plain text");
/// ```
pub fn decompress_if_gzip(bytes: &[u8]) -> Result<Cow<'_, [u8]>> {
    if is_gzip(bytes) {
        decompress(bytes, DEFAULT_LIMIT).map(Cow::Owned)
    } else {
        Ok(Cow::Borrowed(bytes))
    }
}

/// The decompressed content of a gzip file, every member concatenated.
///
/// # Errors
/// [`Error::InvalidValue`] (what: `gzip data`) for a bad magic number or
/// method, reserved flags set, a header, deflate stream or trailer cut
/// short or corrupt, a header CRC, data CRC-32 or `ISIZE` that does not
/// match, or more than `limit` decompressed bytes. Trailing zero bytes
/// after the last member (padding some tools add) are accepted; any other
/// trailing bytes are an error.
pub fn decompress(bytes: &[u8], limit: usize) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = bytes;
    let mut member = 0usize;
    loop {
        let start = bytes.len() - rest.len();
        let at = |why: Message| {
            Error::invalid(
                noun!("gzip data"),
                format!("member {} at byte {start}", member + 1),
                why,
            )
        };
        let body = header(rest).map_err(at)?;
        let before = out.len();
        let (consumed, complete) = inflate(body, &mut out, limit).map_err(at)?;
        if !complete {
            return Err(at(msg!(
                "decompressed data larger than the limit of {limit} bytes",
                limit = limit
            )));
        }
        let tail = body.get(consumed..).unwrap_or_default();
        let (Some(crc), Some(size), after) = (le32(tail, 0), le32(tail, 4), tail.get(8..)) else {
            return Err(at(msg!("trailer (CRC-32 and size) cut short")));
        };
        let data = out.get(before..).unwrap_or_default();
        let actual = crc32(data);
        if actual != crc {
            return Err(at(msg!(
                "CRC-32 of the data is {actual}, the trailer says {crc}: the file is corrupt",
                actual = format!("{actual:08x}"),
                crc = format!("{crc:08x}")
            )));
        }
        // ISIZE is the size modulo 2^32: truncating is the definition.
        #[allow(clippy::cast_possible_truncation)]
        let isize = data.len() as u32;
        if isize != size {
            return Err(at(msg!(
                "decompressed size is {isize} bytes (mod 2^32), the trailer says {size}",
                isize = isize,
                size = size
            )));
        }
        rest = after.unwrap_or_default();
        member += 1;
        if rest.iter().all(|&b| b == 0) {
            return Ok(out);
        }
    }
}

/// The first `max` decompressed bytes (or fewer) of a gzip file's first
/// member, without checking its trailer: enough to look at a header line.
pub(crate) fn peek(bytes: &[u8], max: usize) -> Option<Vec<u8>> {
    let body = header(bytes).ok()?;
    let mut out = Vec::new();
    inflate(body, &mut out, max).ok()?;
    Some(out)
}

fn le32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The deflate stream after a member's header, the header checked.
fn header(bytes: &[u8]) -> Result<&[u8], Message> {
    let short = || msg!("header cut short");
    let fixed = bytes.get(..10).ok_or_else(short)?;
    if fixed[0] != 0x1f || fixed[1] != 0x8b {
        return Err(msg!(
            "not a gzip member: starts with {first} {second}, not 1f 8b",
            first = format!("{:02x}", fixed[0]),
            second = format!("{:02x}", fixed[1])
        ));
    }
    if fixed[2] != 8 {
        return Err(msg!(
            "compression method {method} (only 8, deflate, exists)",
            method = fixed[2]
        ));
    }
    let flags = fixed[3];
    if flags & 0xe0 != 0 {
        return Err(msg!(
            "reserved header flags set ({flags})",
            flags = format!("{flags:#04x}")
        ));
    }
    let mut pos = 10usize;
    if flags & 0x04 != 0 {
        // FEXTRA: XLEN then XLEN bytes.
        let len = bytes.get(pos..pos + 2).ok_or_else(short)?;
        pos += 2 + usize::from(u16::from_le_bytes([len[0], len[1]]));
    }
    for flag in [0x08, 0x10] {
        // FNAME, FCOMMENT: zero-terminated.
        if flags & flag != 0 {
            let text = bytes.get(pos..).ok_or_else(short)?;
            let end = text.iter().position(|&b| b == 0).ok_or_else(short)?;
            pos += end + 1;
        }
    }
    if flags & 0x02 != 0 {
        // FHCRC: the low 16 bits of the CRC-32 of the header before it.
        let head = bytes.get(..pos).ok_or_else(short)?;
        let given = bytes.get(pos..pos + 2).ok_or_else(short)?;
        let given = u16::from_le_bytes([given[0], given[1]]);
        // The low 16 bits, by the definition of FHCRC.
        #[allow(clippy::cast_possible_truncation)]
        let actual = crc32(head) as u16;
        if given != actual {
            return Err(msg!(
                "header CRC is {actual}, the header says {given}: the file is corrupt",
                actual = format!("{actual:04x}"),
                given = format!("{given:04x}")
            ));
        }
        pos += 2;
    }
    bytes.get(pos..).ok_or_else(short)
}

/// Inflates one raw deflate stream onto `out`, up to `limit` bytes in all:
/// the input bytes it used and whether the stream ended within the limit.
fn inflate(input: &[u8], out: &mut Vec<u8>, limit: usize) -> Result<(usize, bool), Message> {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut state = Box::<DecompressorOxide>::default();
    let mut pos = out.len();
    let mut used = 0usize;
    if out.len() >= limit {
        return Ok((0, false));
    }
    let grow = |out: &mut Vec<u8>| {
        let want = out
            .len()
            .saturating_mul(2)
            .max(input.len().saturating_mul(4))
            .max(1 << 16)
            .min(limit);
        out.resize(want, 0);
    };
    grow(out);
    loop {
        let rest = input.get(used..).unwrap_or_default();
        let (status, read, written) = inflate_core(&mut state, rest, out, pos, flags);
        used += read;
        pos += written;
        match status {
            TINFLStatus::Done => {
                out.truncate(pos);
                return Ok((used, true));
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() >= limit {
                    out.truncate(pos);
                    return Ok((used, false));
                }
                grow(out);
            }
            TINFLStatus::NeedsMoreInput | TINFLStatus::FailedCannotMakeProgress => {
                out.truncate(pos);
                return Err(msg!("compressed data cut short"));
            }
            _ => {
                out.truncate(pos);
                return Err(msg!("compressed data is corrupt (invalid deflate stream)"));
            }
        }
    }
}

/// CRC-32 table (reflected polynomial 0xEDB88320), built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        #[allow(clippy::cast_possible_truncation)]
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// The CRC-32 of `bytes` as gzip, zip and PNG compute it (RFC 1952 §8).
///
/// # Example
/// ```
/// // The check value of CRC-32/ISO-HDLC.
/// assert_eq!(ecodefi::files::gzip::crc32(b"123456789"), 0xcbf4_3926);
/// ```
#[allow(clippy::cast_possible_truncation)] // the low byte, by design
pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[usize::from((c as u8) ^ b)] ^ (c >> 8)
    })
}

/// A gzip member of `data` (deflated at level 6), with the optional header
/// fields given, for tests.
#[cfg(test)]
pub(crate) fn member(
    data: &[u8],
    name: Option<&[u8]>,
    comment: Option<&[u8]>,
    extra: Option<&[u8]>,
    hcrc: bool,
) -> Vec<u8> {
    let mut flags = 0u8;
    if hcrc {
        flags |= 0x02;
    }
    if extra.is_some() {
        flags |= 0x04;
    }
    if name.is_some() {
        flags |= 0x08;
    }
    if comment.is_some() {
        flags |= 0x10;
    }
    let mut out = vec![0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 255];
    if let Some(x) = extra {
        out.extend_from_slice(&u16::try_from(x.len()).unwrap().to_le_bytes());
        out.extend_from_slice(x);
    }
    for text in [name, comment].into_iter().flatten() {
        out.extend_from_slice(text);
        out.push(0);
    }
    if hcrc {
        let c = u16::try_from(crc32(&out) & 0xffff).unwrap();
        out.extend_from_slice(&c.to_le_bytes());
    }
    out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(data, 6));
    out.extend_from_slice(&crc32(data).to_le_bytes());
    out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn crc32_check_values() {
        // Standard check values of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b"a"), 0xe8b7_be43);
    }

    #[test]
    fn a_hand_made_stored_member() {
        // "hi" in a stored deflate block: BFINAL=1, BTYPE=00 (byte 01),
        // LEN=2, NLEN=!2, the bytes; then CRC-32("hi") = d8932aac, size 2.
        let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
        gz.extend_from_slice(&[0x01, 0x02, 0x00, 0xfd, 0xff, b'h', b'i']);
        gz.extend_from_slice(&0xd893_2aacu32.to_le_bytes());
        gz.extend_from_slice(&2u32.to_le_bytes());
        assert_eq!(crc32(b"hi"), 0xd893_2aac);
        assert_eq!(decompress(&gz, 100).unwrap(), b"hi");
    }

    #[test]
    fn every_header_field_is_skipped_and_the_header_crc_checked() {
        let text = b"NUM_POSTE;NOM_USUEL\n62160001;BOULOGNE\n";
        let gz = member(
            text,
            Some(b"Q_62.csv"),
            Some(b"a comment"),
            Some(b"AB\x02\x00xy"),
            true,
        );
        assert_eq!(decompress(&gz, 1000).unwrap(), text);
        // The header CRC covers the name: change one letter of it.
        let mut bad = gz.clone();
        bad[10 + 2 + 6] = b'R';
        let e = decompress(&bad, 1000).unwrap_err();
        assert!(e.to_string().contains("header CRC"), "{e}");
    }

    #[test]
    fn members_are_concatenated_and_zero_padding_accepted() {
        let mut gz = member(b"abc", None, None, None, false);
        gz.extend(member(b"def", Some(b"x"), None, None, false));
        gz.extend([0, 0, 0]);
        assert_eq!(decompress(&gz, 100).unwrap(), b"abcdef");
        assert_eq!(&*decompress_if_gzip(&gz).unwrap(), b"abcdef");
    }

    #[test]
    fn corruption_is_named() {
        let gz = member(b"some text some text some text", None, None, None, false);
        // The CRC-32 in the trailer.
        let mut bad = gz.clone();
        let n = bad.len();
        bad[n - 8] ^= 1;
        let e = decompress(&bad, 1000).unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert!(e.to_string().contains("CRC-32 of the data"), "{e}");
        // ISIZE.
        let mut bad = gz.clone();
        bad[n - 4] ^= 1;
        assert!(decompress(&bad, 1000)
            .unwrap_err()
            .to_string()
            .contains("decompressed size"));
        // Cut short.
        let e = decompress(&gz[..n - 3], 1000).unwrap_err();
        assert!(e.to_string().contains("cut short"), "{e}");
        let e = decompress(&gz[..14], 1000).unwrap_err();
        assert!(e.to_string().contains("cut short"), "{e}");
        // Reserved flags, wrong method, garbage after the member.
        let mut bad = gz.clone();
        bad[3] = 0x20;
        assert!(decompress(&bad, 1000)
            .unwrap_err()
            .to_string()
            .contains("reserved"));
        let mut bad = gz.clone();
        bad[2] = 7;
        assert!(decompress(&bad, 1000)
            .unwrap_err()
            .to_string()
            .contains("method 7"));
        let mut bad = gz.clone();
        bad.extend(b"junk");
        let e = decompress(&bad, 1000).unwrap_err();
        assert!(e.to_string().contains("member 2"), "{e}");
    }

    #[test]
    fn the_size_limit_is_an_error() {
        let gz = member(&[b'x'; 10_000], None, None, None, false);
        let e = decompress(&gz, 9_999).unwrap_err();
        assert!(e.to_string().contains("limit of 9999 bytes"), "{e}");
        assert_eq!(decompress(&gz, 10_000).unwrap().len(), 10_000);
        assert_eq!(peek(&gz, 10).unwrap(), vec![b'x'; 10]);
    }

    proptest! {
        #[test]
        fn round_trip_through_miniz_deflate(data in proptest::collection::vec(any::<u8>(), 0..4000), parts in 1usize..4) {
            let mut gz = Vec::new();
            let chunk = data.len() / parts + 1;
            for c in data.chunks(chunk) {
                gz.extend(member(c, Some(b"f.csv"), None, None, true));
            }
            if data.is_empty() {
                gz = member(&data, None, None, None, false);
            }
            prop_assert_eq!(decompress(&gz, usize::MAX).unwrap(), data);
        }
    }
}
