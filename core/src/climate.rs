//! Climate correction: bringing a consumption measured under one winter's
//! degree-days to another's, correcting only its climate-sensitive share.

use rust_decimal::Decimal;

use crate::error::Result;
use crate::named_enum;
use crate::noun;
use crate::quantity::{add, div, mul, sub};

named_enum! {
    /// The formula used to correct for climate.
    pub enum Correction ("climate correction") {
        /// EEA/ODYSSEE: E′ = E·(1 − p) + E·p·(DJ_to / DJ_from).
        Eea = "eea",
        /// SDES: E′ = E / (1 + p·(r − 1)) with r = DJ_from / DJ_to.
        Sdes = "sdes",
        /// Energy-performance contracts: E′ = E·DJ_to / DJ_from, the whole
        /// consumption (p = 1) whatever the meter's usage.
        Contract = "contract",
        /// No correction: E′ = E.
        None = "none",
    }
}

/// `energy`, measured under `dj_from` degree-days with climate-sensitive
/// share `p`, brought to a climate of `dj_to` degree-days.
///
/// - EEA/ODYSSEE form: E′ = E·(1 − p) + E·p·(DJ_to / DJ_from) — source:
///   European Environment Agency / ODYSSEE-MURE, *Climatic correction
///   method*.
/// - SDES form: E′ = E / (1 + p·(r − 1)), r = DJ_from / DJ_to — source:
///   SDES (French Ministry for the ecological transition), *Bilan
///   énergétique de la France*, méthodologie de la correction climatique.
/// - Contract form: E′ = E·DJ_to / DJ_from (p = 1) — source: the
///   degree-day adjustment of energy-performance contracts, as in DOMAIN.md
///   §2 ("saving = C_ref − C_actual × DJ_ref / DJ_actual").
///
/// When `dj_from` is zero (no heating need in the measured period) nothing
/// can be scaled and the energy is returned unchanged; the same for the
/// SDES form when `dj_to` is zero.
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range.
///
/// # Example
/// DOMAIN.md's worked example: a reference of 12 000 kWh with p = 0.7,
/// measured under 2 600 DJU, brought to a 2 400 DJU challenge winter.
/// ```
/// use ecodefi::climate::{correct, Correction};
/// use rust_decimal::dec;
/// let e = correct(Correction::Eea, dec!(12000), dec!(0.7), dec!(2600), dec!(2400))?;
/// assert_eq!(e.round_dp(2), dec!(11353.85));
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn correct(
    method: Correction,
    energy: Decimal,
    p: Decimal,
    dj_from: Decimal,
    dj_to: Decimal,
) -> Result<Decimal> {
    const W: &str = noun!("climate correction");
    if dj_from.is_zero() {
        return Ok(energy);
    }
    match method {
        Correction::None => Ok(energy),
        Correction::Contract => div(mul(energy, dj_to, W)?, dj_from, W),
        Correction::Eea => {
            // E·((1 − p)·DJ_from + p·DJ_to) / DJ_from: one division.
            let weight = add(
                mul(sub(Decimal::ONE, p, W)?, dj_from, W)?,
                mul(p, dj_to, W)?,
                W,
            )?;
            div(mul(energy, weight, W)?, dj_from, W)
        }
        Correction::Sdes => {
            if dj_to.is_zero() {
                return Ok(energy);
            }
            let r = div(dj_from, dj_to, W)?;
            let denominator = add(Decimal::ONE, mul(p, sub(r, Decimal::ONE, W)?, W)?, W)?;
            div(energy, denominator, W)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::dec;

    #[test]
    fn worked_example() {
        // 12 000 × (0.3 + 0.7 × 2400/2600) = 11 353.846153… (DOMAIN.md §2).
        let e = correct(
            Correction::Eea,
            dec!(12000),
            dec!(0.7),
            dec!(2600),
            dec!(2400),
        )
        .unwrap();
        assert_eq!(e.round_dp(6), dec!(11353.846154));
        // SDES: 12 000 / (1 + 0.7 × (2600/2400 − 1)) = 12 000 / 1.058333… = 11 338.582677…
        let s = correct(
            Correction::Sdes,
            dec!(12000),
            dec!(0.7),
            dec!(2600),
            dec!(2400),
        )
        .unwrap();
        assert_eq!(s.round_dp(6), dec!(11338.582677));
        // Contract: 12 000 × 2400/2600 = 11 076.923077…
        let c = correct(
            Correction::Contract,
            dec!(12000),
            dec!(0.7),
            dec!(2600),
            dec!(2400),
        )
        .unwrap();
        assert_eq!(c.round_dp(6), dec!(11076.923077));
        assert_eq!(
            correct(Correction::None, dec!(5), dec!(1), dec!(1), dec!(2)).unwrap(),
            dec!(5)
        );
        // No heating need in the measured period: nothing to scale.
        assert_eq!(
            correct(Correction::Eea, dec!(5), dec!(1), dec!(0), dec!(2)).unwrap(),
            dec!(5)
        );
    }

    fn positive() -> impl Strategy<Value = Decimal> {
        (1i64..1_000_000).prop_map(|v| Decimal::new(v, 2))
    }

    proptest! {
        /// DJ_from = DJ_to makes every correction the identity.
        #[test]
        fn same_climate_is_identity(e in positive(), p in 0i64..=100, dj in positive(), m in 0usize..4) {
            let p = Decimal::new(p, 2);
            let method = Correction::ALL[m];
            prop_assert_eq!(correct(method, e, p, dj, dj).unwrap().round_dp(20), e.round_dp(20));
        }

        /// p = 0 leaves the energy unchanged, except for the contract form.
        #[test]
        fn insensitive_share_is_untouched(e in positive(), a in positive(), b in positive()) {
            prop_assert_eq!(correct(Correction::Eea, e, Decimal::ZERO, a, b).unwrap(), e);
            prop_assert_eq!(correct(Correction::Sdes, e, Decimal::ZERO, a, b).unwrap(), e);
        }

        /// Correction is linear in the energy: scaling E by k scales E′ by k.
        #[test]
        fn correction_is_linear(e in positive(), k in 1i64..1000, p in 0i64..=100, a in positive(), b in positive(), m in 0usize..4) {
            let (p, k) = (Decimal::new(p, 2), Decimal::from(k));
            let method = Correction::ALL[m];
            let one = correct(method, e, p, a, b).unwrap();
            let scaled = correct(method, e * k, p, a, b).unwrap();
            prop_assert!((scaled - one * k).abs() <= dec!(0.000001) * k);
        }
    }
}
