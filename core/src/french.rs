//! Numbers written the French way, as published results are: decimal comma,
//! narrow no-break space between thousands, a no-break space before `%`,
//! and a true minus sign (`−11,3 %`).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::quantity::Ratio;

/// Narrow no-break space (U+202F), the French thousands separator.
pub const THOUSANDS: char = '\u{202f}';
/// No-break space (U+00A0), before `%` and units.
pub const NBSP: char = '\u{a0}';
/// Minus sign (U+2212).
pub const MINUS: char = '\u{2212}';

/// `value` rounded half away from zero to `places` decimals, French style:
/// `number(dec!(-312450.55), 1)` is `−312 450,6` (with narrow no-break
/// spaces).
pub fn number(value: Decimal, places: u32) -> String {
    let rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.*}", places as usize, rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push(MINUS);
    }
    let digits: Vec<char> = int.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(THOUSANDS);
        }
        out.push(*c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A ratio as a signed French percentage with `places` decimals:
/// `−11,3 %`, `+2,0 %`.
pub fn percent(ratio: Ratio, places: u32) -> String {
    let p = ratio.percent();
    let body = number(p, places);
    let sign = if body.starts_with(MINUS) || p.round_dp(places).is_zero() {
        ""
    } else {
        "+"
    };
    format!("{sign}{body}{NBSP}%")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn french_numbers() {
        assert_eq!(number(dec!(-312450.55), 1), "\u{2212}312\u{202f}450,6");
        assert_eq!(number(dec!(999), 0), "999");
        assert_eq!(number(dec!(1000), 0), "1\u{202f}000");
        assert_eq!(number(dec!(0.04), 1), "0,0");
        assert_eq!(number(dec!(-0.04), 1), "0,0");
        assert_eq!(percent(Ratio::new(dec!(-0.113)), 1), "\u{2212}11,3\u{a0}%");
        assert_eq!(percent(Ratio::new(dec!(0.02)), 1), "+2,0\u{a0}%");
        assert_eq!(percent(Ratio::ZERO, 1), "0,0\u{a0}%");
    }
}
