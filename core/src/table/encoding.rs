//! From the bytes of an exported file to text. Spreadsheets do not all
//! write UTF-8: Excel's plain "CSV (séparateur : point-virgule)" export on
//! a French Windows writes Windows-1252, and its "Unicode text" export
//! UTF-16 with a byte-order mark. Bindings read files as bytes and call
//! [`decode`], so that every language reads a file the same way.

use std::borrow::Cow;

/// Windows-1252 bytes 0x80 to 0x9F, the ones that differ from Latin-1.
///
/// Source: WHATWG *Encoding Standard*, `index-windows-1252` (the five
/// bytes Windows leaves undefined map to the C1 control of the same
/// value, as browsers decode them).
const CP1252_80_9F: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// The text of a file's bytes: UTF-16 (little or big endian) when the
/// bytes start with its byte-order mark; else UTF-8 when they are valid
/// UTF-8 (with or without a byte-order mark, which the CSV reader skips);
/// else Windows-1252, the encoding of spreadsheets' plain CSV exports on
/// French Windows. Never fails: every byte sequence is some Windows-1252
/// text (an odd trailing byte or an unpaired surrogate in UTF-16 becomes
/// U+FFFD).
///
/// # Example
/// ```
/// use ecodefi::table::encoding::decode;
/// // "équipe;énergie" as Excel writes it on French Windows.
/// let bytes = b"\xe9quipe;\xe9nergie";
/// assert_eq!(decode(bytes), "équipe;énergie");
/// assert_eq!(decode("équipe".as_bytes()), "équipe");
/// ```
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    let utf16 = |big_endian: bool, body: &[u8]| -> Cow<'_, str> {
        let units = body.chunks(2).map(|c| match c {
            [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
            [a, b] => u16::from_le_bytes([*a, *b]),
            _ => 0xfffd,
        });
        Cow::Owned(
            char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{fffd}'))
                .collect(),
        )
    };
    match bytes {
        [0xff, 0xfe, body @ ..] => utf16(false, body),
        [0xfe, 0xff, body @ ..] => utf16(true, body),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => Cow::Owned(
                bytes
                    .iter()
                    .map(|&b| match b {
                        0x80..=0x9f => CP1252_80_9F
                            .get(usize::from(b - 0x80))
                            .copied()
                            .unwrap_or('\u{fffd}'),
                        _ => char::from(b),
                    })
                    .collect(),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn windows_1252() {
        assert_eq!(
            decode(b"\x80 \x8cuvre \x9c \x96 \xe0 \xe7 \xfb \x81"),
            "€ Œuvre œ – à ç û \u{81}"
        );
        assert_eq!(decode(b"F01;Gaz;\xc9lectricit\xe9"), "F01;Gaz;Électricité");
    }

    #[test]
    fn utf8_and_utf16() {
        let text = "\u{feff}foyer;équipe\r\nF1;Les Lucioles 🐞\r\n";
        assert!(matches!(decode(text.as_bytes()), Cow::Borrowed(t) if t == text));
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        // The UTF-16 byte-order mark is the first unit: decoding skips it.
        assert_eq!(decode(&le), &text['\u{feff}'.len_utf8()..]);
        assert_eq!(decode(&be), &text['\u{feff}'.len_utf8()..]);
        assert_eq!(decode(&[0xff, 0xfe, b'a', 0, b'b']), "a\u{fffd}");
    }

    proptest! {
        /// Any bytes decode without panic; valid UTF-8 is kept as is.
        #[test]
        fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..64), s in "\\PC{0,20}") {
            let _ = decode(&bytes);
            // UTF-8 never starts with the bytes FF FE or FE FF.
            prop_assert_eq!(decode(s.as_bytes()), s.as_str());
        }
    }
}
