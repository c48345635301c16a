//! What a Linky (Enedis) or Gazpar (GRDF) export becomes: one meter's
//! daily consumption and index readings, exact decimals in kWh (and m³ for
//! gas), ready to be a meter's readings or bills.
//!
//! [`MeterFile::read`] recognises the layout by its first bytes: the ZIP
//! magic of an `.xlsx` (GRDF), a JSON document (GRDF API), the Enedis
//! metadata header `Identifiant PRM;Type de donnees;…`, or the GRDF table
//! saved as CSV. Each layout, and the sources that confirm it, is
//! described in [`crate::files::enedis`] and [`crate::files::grdf`].

use rust_decimal::Decimal;

use crate::date::Date;
use crate::error::{quoted, Location};
use crate::error::{Error, Result};
use crate::message::Arg;
use crate::meter::{Bill, Carrier, Meter, MeterEvent, Reading, Unit};
use crate::period::Period;
use crate::table::encoding::decode;
use crate::{msg, noun};

use super::{enedis, grdf, xlsx};

/// Who published the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    /// Enedis, the electricity distribution network (Linky meters).
    Enedis,
    /// GRDF, the gas distribution network (Gazpar meters).
    Grdf,
}

/// What the file measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Content {
    /// Energy consumed per day (Enedis: Wh).
    DailyConsumption,
    /// The index at the start of each day (Enedis *index*, `EAS` registers,
    /// Wh).
    Index,
    /// Mean power over steps of `step_minutes` (Enedis *courbe de charge*,
    /// W).
    LoadCurve {
        /// 10, 30 or 60.
        step_minutes: u32,
    },
    /// One row per gas day: start and end index (m³), volume (m³), energy
    /// (kWh) and the conversion coefficient (GRDF).
    GasDays,
}

/// One day's consumption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Day {
    /// The day (for gas, the gas day that starts at 06:00 that day).
    pub date: Date,
    /// Energy, kWh.
    pub kwh: Decimal,
    /// Gas volume, m³ (GRDF only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m3: Option<Decimal>,
    /// The day's conversion coefficient, kWh per m³ (GRDF only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kwh_per_m3: Option<Decimal>,
}

/// A meter export, read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MeterFile {
    /// The name given to [`MeterFile::read`], cited in errors.
    pub name: String,
    /// Who published it.
    pub provider: Provider,
    /// What it measures.
    pub content: Content,
    /// The delivery point in the file (PRM, 14 digits, for Enedis; PCE for
    /// GRDF), when the file names it.
    pub identifier: Option<String>,
    /// Electricity or natural gas.
    pub carrier: Carrier,
    /// Every complete day's consumption, in date order.
    pub days: Vec<Day>,
    /// Index readings at the start of a day, in date order, in kWh (Enedis)
    /// or m³ (GRDF); empty when the file has no index.
    pub index: Vec<Reading>,
    /// Days inside the file's span that are not in `days` (nor in `index`
    /// for an Enedis index file): a missing or empty value, or a load-curve
    /// day without all its points. They are gaps, never zeros.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incomplete_days: Vec<Date>,
    /// Index discontinuities found in a GRDF file: a gas day whose start
    /// index is not the previous row's end index (a meter replacement or a
    /// correction), kept as replacements so that no consumption is hidden
    /// or invented: the old meter's last index and the new first one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<MeterEvent>,
}

/// The layouts [`MeterFile::read`] accepts, as its errors name them.
pub const LAYOUTS: &str = "an Enedis CSV export (header `Identifiant PRM;Type de donnees;…`, \
then `Horodate;Valeur` or `Horodate;Type de releve;EAS F1;…`), an Enedis SGE curve \
(one row per point: `Identifiant PRM;Date de debut;…;Horodate;Valeur;Nature;Pas`), a GRDF spreadsheet (.xlsx, \
or saved as CSV) with the columns date, index de début, index de fin, volume, énergie, \
coefficient de conversion, or a GRDF JSON document with `releves`";

/// Whether these bytes look like a Linky or Gazpar export (by their first
/// bytes and header line), without reading them all.
pub fn recognises(bytes: &[u8]) -> bool {
    if xlsx::is_zip(bytes) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = decode(head);
    let text = text.trim_start_matches('\u{feff}');
    enedis::is_header(text.lines().next().unwrap_or(""))
        || grdf::looks_like_json(text)
        || grdf::looks_like_csv(text)
}

impl MeterFile {
    /// A file of `provider` and `content` with no day, index or event yet
    /// (each reader then fills it): electricity for Enedis, natural gas for
    /// GRDF.
    pub(crate) fn empty(
        name: &str,
        provider: Provider,
        content: Content,
        identifier: Option<String>,
    ) -> MeterFile {
        MeterFile {
            name: name.to_owned(),
            provider,
            content,
            identifier,
            carrier: match provider {
                Provider::Enedis => Carrier::Electricity,
                Provider::Grdf => Carrier::NaturalGas,
            },
            days: Vec::new(),
            index: Vec::new(),
            incomplete_days: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Reads a Linky or Gazpar export, recognised by its header.
    ///
    /// # Example
    /// ```
    /// use ecodefi::files::meter_file::{Content, MeterFile};
    /// use ecodefi::meter::{Carrier, Meter, Unit, Usage};
    /// use ecodefi::{Date, Decimal, MeterId};
    ///
    /// let csv = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite\n\
    ///     12345678901234;Consommation quotidienne;01/01/2024;03/01/2024;Energie active;Consommation;Comptage Brut;Wh\n\
    ///     \n\
    ///     Horodate;Valeur\n\
    ///     2024-01-01T00:00:00+01:00;12345\n\
    ///     2024-01-02T00:00:00+01:00;\n";
    /// let file = MeterFile::read("linky.csv", csv.as_bytes())?;
    /// assert_eq!(file.content, Content::DailyConsumption);
    /// assert_eq!(file.days[0].kwh, Decimal::new(12345, 3)); // 12.345 kWh
    /// assert_eq!(file.incomplete_days, ["2024-01-02".parse::<Date>()?]);
    ///
    /// let mut meter = Meter::new(MeterId::new("elec")?, Carrier::Electricity, Unit::Kwh, Usage::Mixed);
    /// file.apply_to(&mut meter)?;
    /// assert_eq!(meter.bills.len(), 1); // 01-02 is a gap, not a zero
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownName`] for a file of another shape (naming the
    /// layouts expected); otherwise located at the file, line and column.
    pub fn read(name: &str, bytes: &[u8]) -> Result<MeterFile> {
        // Every error names the file, even one from arithmetic (an
        // overflowing sum of a load curve).
        MeterFile::read_layout(name, bytes).map_err(|e| e.within(&Location::in_file(name)))
    }

    fn read_layout(name: &str, bytes: &[u8]) -> Result<MeterFile> {
        if xlsx::is_zip(bytes) {
            return grdf::read_xlsx(name, bytes);
        }
        let text = decode(bytes);
        let text = text.trim_start_matches('\u{feff}');
        let first = text.lines().next().unwrap_or("");
        if enedis::is_header(first) {
            enedis::read(name, text)
        } else if grdf::looks_like_json(text) {
            grdf::read_json(name, text)
        } else if grdf::looks_like_csv(text) {
            grdf::read_csv(name, text)
        } else {
            let got: String = first.chars().take(80).collect();
            Err(Error::UnknownName {
                what: noun!("meter export layout"),
                got: quoted(&got),
                expected: LAYOUTS,
                at: Location::in_file(name).with_file(name, 1, None),
            })
        }
    }

    /// The first and last day the file covers.
    pub fn span(&self) -> Option<(Date, Date)> {
        let first = self
            .days
            .first()
            .map(|d| d.date)
            .or(self.index.first().map(|r| r.date));
        let last = self
            .days
            .last()
            .map(|d| d.date)
            .or(self.index.last().map(|r| r.date));
        first.zip(last)
    }

    /// Gives `meter` this file's measurements in the meter's unit, added to
    /// those it already has:
    ///
    /// - a kWh meter gets the index readings of an Enedis index file (Wh
    ///   became kWh when read), and otherwise one one-day bill per complete
    ///   day (a missing day is a gap, never a zero); for GRDF files that is
    ///   the day's energy, converted by GRDF with its own coefficient of
    ///   that day;
    /// - an m³ meter (gas only) gets the GRDF index readings: the start index
    ///   of each gas day, and the last day's end index on the day after,
    ///   with a [`MeterEvent::Replacement`] where a start index is not the
    ///   previous end index ([`MeterFile::events`]).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the meter's carrier or unit does not fit
    /// the file (a Linky file on a gas meter, m³ of electricity).
    pub fn apply_to(&self, meter: &mut Meter) -> Result<()> {
        let at = || Location::in_file(&self.name).with_meter(&meter.id);
        if meter.carrier != self.carrier {
            return Err(Error::InvalidValue {
                what: noun!("meter carrier"),
                got: meter.carrier.to_string(),
                why: msg!(
                    "the file {file} measures {carrier}",
                    file = Arg::quoted(self.name.as_str()),
                    carrier = Arg::text(self.carrier)
                ),
                at: at(),
            });
        }
        match meter.unit {
            Unit::Kwh if self.content == Content::Index => {
                meter.readings.extend_from_slice(&self.index);
            }
            Unit::Kwh => {
                for day in &self.days {
                    let period = Period::new(day.date, day.date)?;
                    meter.bills.push(Bill {
                        period,
                        quantity: day.kwh,
                    });
                }
            }
            Unit::M3 if self.provider == Provider::Grdf => {
                meter.readings.extend_from_slice(&self.index);
                meter.events.extend_from_slice(&self.events);
            }
            unit => {
                return Err(Error::InvalidValue {
                    what: noun!("meter unit"),
                    got: unit.to_string(),
                    why: match self.provider {
                        Provider::Enedis => msg!(
                            "the file {file} gives kWh only",
                            file = Arg::quoted(self.name.as_str())
                        ),
                        Provider::Grdf => msg!(
                            "the file {file} gives kWh or m³ only",
                            file = Arg::quoted(self.name.as_str())
                        ),
                    },
                    at: at(),
                })
            }
        }
        Ok(())
    }

    /// The file's complete days as daily usage for a weather-regression
    /// baseline: each day's kWh with the day's mean temperature (Tn + Tx) / 2
    /// from `temperatures`; days without a temperature are left out.
    #[cfg(feature = "regression")]
    pub fn usage_data(
        &self,
        temperatures: &crate::weather::Temperatures,
    ) -> crate::regression::UsageData {
        use rust_decimal::prelude::ToPrimitive;
        let values = temperatures.values();
        let days = self
            .days
            .iter()
            .filter_map(|day| {
                let i = crate::date::day_number(day.date).checked_sub(temperatures.first_day())?;
                let &(tn, tx) = values.get(usize::try_from(i).ok()?)?;
                let mean = tn.checked_add(tx)?.checked_div(Decimal::TWO)?.to_f64()?;
                Some(crate::regression::DailyUsage {
                    date: day.date,
                    usage: crate::quantity::Kwh::new(day.kwh),
                    temperature_c: mean,
                })
            })
            .collect();
        crate::regression::UsageData::Daily { days }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;
    use crate::date::date;
    use crate::id::MeterId;
    use crate::meter::Usage;

    const DAILY: &str = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite\n\
        12345678901234;Consommation quotidienne;01/01/2024;03/01/2024;Energie active;Consommation;Comptage Brut;Wh\n\n\
        Horodate;Valeur\n2024-01-01T00:00:00+01:00;12345\n2024-01-03T00:00:00+01:00;6000\n";

    const GAS: &str = r#"[
        {"journeeGaziere": "2025-01-01", "indexDebut": 100, "indexFin": 101, "volumeBrutConsomme": 1.1, "energieConsomme": 12.4, "coeffConversion": 11.27},
        {"journeeGaziere": "2025-01-02", "indexDebut": 101, "indexFin": 103, "volumeBrutConsomme": 2.2, "energieConsomme": 24.79, "coeffConversion": 11.27}]"#;

    fn meter(carrier: Carrier, unit: Unit) -> Meter {
        Meter::new(MeterId::new("m").unwrap(), carrier, unit, Usage::Mixed)
    }

    #[test]
    fn a_daily_file_gives_a_kwh_meter_one_bill_per_complete_day() {
        let file = MeterFile::read("linky.csv", DAILY.as_bytes()).unwrap();
        assert!(recognises(DAILY.as_bytes()));
        let mut m = meter(Carrier::Electricity, Unit::Kwh);
        file.apply_to(&mut m).unwrap();
        // 01-02 is missing: no bill (a gap), not a zero bill.
        let bills: Vec<(Period, Decimal)> =
            m.bills.iter().map(|b| (b.period, b.quantity)).collect();
        let day = |d| Period::new(d, d).unwrap();
        assert_eq!(
            bills,
            vec![
                (day(date(2024, 1, 1)), dec!(12.345)),
                (day(date(2024, 1, 3)), dec!(6))
            ]
        );
        assert!(m.readings.is_empty());
        m.validate().unwrap();
    }

    #[test]
    fn a_gas_file_gives_readings_in_m3_or_bills_in_kwh() {
        let file = MeterFile::read("gaz.json", GAS.as_bytes()).unwrap();
        let mut m3 = meter(Carrier::NaturalGas, Unit::M3);
        file.apply_to(&mut m3).unwrap();
        let readings: Vec<(Date, Decimal)> =
            m3.readings.iter().map(|r| (r.date, r.value)).collect();
        assert_eq!(
            readings,
            vec![
                (date(2025, 1, 1), dec!(100)),
                (date(2025, 1, 2), dec!(101)),
                (date(2025, 1, 3), dec!(103))
            ]
        );
        let mut kwh = meter(Carrier::NaturalGas, Unit::Kwh);
        file.apply_to(&mut kwh).unwrap();
        // GRDF's own energy, day by day: 12.4 and 24.79 kWh.
        assert_eq!(
            kwh.bills.iter().map(|b| b.quantity).collect::<Vec<_>>(),
            vec![dec!(12.4), dec!(24.79)]
        );
    }

    #[test]
    fn an_index_file_gives_a_kwh_meter_its_readings() {
        let text = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite\n\
            00000000000000;Index;01/09/2019;03/09/2019;Energie active;Consommation;Comptage Brut;Wh\n\n\
            Horodate;Type de releve;EAS D1;EAS D2;EAS T\n2019-09-02T00:00:00+02:00;Arrêté quotidien;1;2;1834405\n";
        let file = MeterFile::read("index.csv", text.as_bytes()).unwrap();
        let mut m = meter(Carrier::Electricity, Unit::Kwh);
        file.apply_to(&mut m).unwrap();
        assert_eq!(
            m.readings,
            vec![Reading {
                date: date(2019, 9, 2),
                value: dec!(1834.405)
            }]
        );
    }

    #[test]
    fn a_carrier_or_unit_mismatch_is_refused_naming_file_and_meter() {
        let linky = MeterFile::read("linky.csv", DAILY.as_bytes()).unwrap();
        let err = linky
            .apply_to(&mut meter(Carrier::NaturalGas, Unit::Kwh))
            .unwrap_err();
        let message = err.to_string();
        assert!(matches!(
            err,
            Error::InvalidValue {
                what: noun!("meter carrier"),
                ..
            }
        ));
        assert!(
            message.contains("linky.csv") && message.contains('m'),
            "{message}"
        );
        // No such thing as m³ of electricity, nor litres of gas.
        assert!(linky
            .apply_to(&mut meter(Carrier::Electricity, Unit::M3))
            .is_err());
        let gas = MeterFile::read("gaz.json", GAS.as_bytes()).unwrap();
        let err = gas
            .apply_to(&mut meter(Carrier::NaturalGas, Unit::L))
            .unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidValue {
                what: noun!("meter unit"),
                ..
            }
        ));
    }

    #[test]
    fn other_files_are_not_recognised() {
        assert!(!recognises(
            b"NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJ;RR\n"
        ));
        assert!(!recognises(b""));
        assert!(recognises(b"PK\x03\x04"));
        assert!(matches!(
            MeterFile::read("x.csv", b""),
            Err(Error::UnknownName { .. })
        ));
    }

    #[cfg(feature = "regression")]
    #[test]
    fn usage_data_pairs_each_day_with_its_mean_temperature() {
        use crate::weather::{DailyTemperature, Temperatures};
        let file = MeterFile::read("linky.csv", DAILY.as_bytes()).unwrap();
        // Temperatures for 01-01 only: (2 + 9) / 2 = 5.5 °C; 01-03 has none.
        let t = Temperatures::new(&[DailyTemperature {
            date: date(2024, 1, 1),
            tn: dec!(2),
            tx: dec!(9),
        }])
        .unwrap();
        let crate::regression::UsageData::Daily { days } = file.usage_data(&t) else {
            panic!()
        };
        assert_eq!(days.len(), 1);
        assert_eq!(
            (days[0].date, days[0].usage, days[0].temperature_c),
            (date(2024, 1, 1), crate::Kwh::new(dec!(12.345)), 5.5)
        );
    }
}

#[cfg(test)]
mod fuzz {
    use proptest::prelude::*;

    use super::MeterFile;

    const SAMPLES: [&[u8]; 4] = [
        include_bytes!("../../examples/data/grdf/gazpar-quotidien.xlsx"),
        include_bytes!("../../examples/data/grdf/gazpar-api.json"),
        include_bytes!("../../examples/data/enedis/linky-index.csv"),
        include_bytes!("../../examples/data/enedis/linky-courbe-de-charge-automne.csv"),
    ];

    proptest! {
        // Any bytes, and any sample with bytes changed or cut: a result or
        // an error, never a panic.
        #[test]
        fn any_bytes_read_or_fail_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = MeterFile::read("x", &bytes);
            let mut prefixed = b"PK\x03\x04".to_vec();
            prefixed.extend_from_slice(&bytes);
            let _ = MeterFile::read("x", &prefixed);
        }

        #[test]
        fn damaged_samples_read_or_fail_without_panic(
            which in 0_usize..4,
            changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            cut in any::<prop::sample::Index>(),
        ) {
            let mut bytes = SAMPLES[which].to_vec();
            for (at, b) in changes {
                let i = at.index(bytes.len());
                bytes[i] = b;
            }
            let _ = MeterFile::read("x", &bytes);
            let _ = MeterFile::read("x", &bytes[..cut.index(bytes.len())]);
        }
    }
}
