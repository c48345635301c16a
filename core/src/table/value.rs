//! Cell values as spreadsheets write them: decimals with a point or a comma,
//! dates in ISO or French form, counts, lists of ages, and names (carriers,
//! units, usages…) with their French aliases.
//!
//! Every function here takes one cell's text, trims white space (including
//! no-break spaces) at both ends, and returns the value or an error with no
//! location: the table reader adds the file, the line and the column.
//!
//! The rules, which the README documents too:
//! - **Decimals**: an optional sign (`-`, `+` or `−`), digits, and at most
//!   one decimal mark, `.` or `,`, with digits on both sides. `.` and `,`
//!   are always decimal marks, never thousands separators: thousands may be
//!   separated by a space, a no-break space or a narrow no-break space, in
//!   groups of exactly three digits (`1 234,5`). Anything else is refused
//!   rather than guessed: two marks (`1.234,5`, `12,3,4`), a group of two
//!   digits (`12 34`), an exponent (`1e3`), more than 28 significant digits.
//! - **Ratios** (a share): a decimal fraction (`0,66`) or a percentage with
//!   `%` (`66 %`).
//! - **Dates**: `2025-12-01` (ISO 8601) or `01/12/2025` (day/month/year, as
//!   French spreadsheets write it; one-digit day and month accepted). A
//!   two-digit year, a time of day, or the month/day order are refused.
//! - **Names**: compared after folding case and accents and reading spaces
//!   and hyphens as `_`, so `Électricité`, `electricite` and `ÉLECTRICITÉ`
//!   are the same; each enumeration accepts its one English spelling (as
//!   everywhere in ecodefi) and the French aliases listed in its parser.

use std::str::FromStr;

use crate::date::Date;
use rust_decimal::Decimal;

use crate::challenge::{OrganiserKind, Theme};
use crate::climate::Correction;
use crate::error::{Error, Location, Result};
use crate::food::Channel;
use crate::message::Message;
use crate::meter::{Basis, Carrier, Unit, Usage};
use crate::mobility::Mode;
use crate::waste::Stream;
use crate::water::WaterUnit;
use crate::weather::Method;
use crate::{msg, named_enum, noun};

/// Characters trimmed at both ends of a cell: ASCII white space, no-break
/// space (U+00A0) and narrow no-break space (U+202F).
pub fn trim(cell: &str) -> &str {
    // Most cells start and end with a visible ASCII character, and none of
    // the trimmed characters is one (the two spaces are not ASCII): nothing
    // to trim, and no character decoded.
    match (cell.as_bytes().first(), cell.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => cell,
        _ => {
            cell.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        }
    }
}

fn is_group_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}'
}

const DECIMAL_RULE: Message = msg!(
    "a number is written with digits and at most one decimal mark \
                            (`.` or `,`), thousands optionally separated by spaces in groups \
                            of three, e.g. `1 234,5`"
);

/// A decimal number (see the module's rules).
///
/// # Errors
/// [`Error::InvalidValue`] naming `what` and the cell as given.
///
/// # Example
/// ```
/// use ecodefi::table::value::decimal;
/// use rust_decimal::dec;
/// assert_eq!(decimal("1 234,5", "reading value")?, dec!(1234.5));
/// assert_eq!(decimal("-0.25", "temperature")?, dec!(-0.25));
/// assert!(decimal("12,3,4", "reading value").is_err());
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn decimal(cell: &str, what: &'static str) -> Result<Decimal> {
    if let Some(d) = plain_decimal(cell) {
        return Ok(d);
    }
    let refuse = |why: Message| Error::invalid(what, crate::error::quoted(cell), why);
    let s = trim(cell);
    if s.is_empty() {
        return Err(refuse(msg!("the cell is empty")));
    }
    // Prefixes and splits rather than byte slices: a slice can panic, and
    // its message's formatting costs the page's module a few KB.
    let (negative, body) = if let Some(b) = s.strip_prefix(['-', '\u{2212}']) {
        (true, b)
    } else if let Some(b) = s.strip_prefix('+') {
        (false, b)
    } else {
        (false, s)
    };
    let (int_part, frac_part) = body
        .split_once(['.', ','])
        .map_or((body, None), |(i, f)| (i, Some(f)));
    // The integer part: digits, optionally in space-separated groups of 3.
    let groups: Vec<&str> = int_part.split(is_group_space).collect();
    let mut digits = String::with_capacity(body.len() + 2);
    if negative {
        digits.push('-');
    }
    for (i, g) in groups.iter().enumerate() {
        let ok_len = if i == 0 {
            (1..=3).contains(&g.len()) || groups.len() == 1
        } else {
            g.len() == 3
        };
        if g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()) || !ok_len {
            return Err(refuse(DECIMAL_RULE));
        }
        digits.push_str(g);
    }
    if let Some(frac) = frac_part {
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refuse(DECIMAL_RULE));
        }
        digits.push('.');
        digits.push_str(frac);
    }
    Decimal::from_str_exact(&digits).map_err(|_| {
        refuse(msg!(
            "too many digits: a number has at most 28 significant digits and is below 7.9e28"
        ))
    })
}

/// The common cell, read without allocating: ASCII digits, at most one
/// decimal mark (`.` or `,`) between two of them, at most 28 digits, and
/// nothing else. The value and scale are those [`decimal`]'s general
/// reading gives (`Decimal::from_str_exact` on the digits: `1,50` is 150
/// at scale 2); `None` for every other cell (a sign, spaces, groups, an
/// error), which the general reading takes.
fn plain_decimal(cell: &str) -> Option<Decimal> {
    let bytes = cell.as_bytes();
    // 28 digits and a mark: below 10^28, within a decimal's 96 bits.
    if bytes.is_empty() || bytes.len() > 29 {
        return None;
    }
    let mut mantissa = 0i128;
    let mut scale: Option<u32> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + i128::from(b - b'0');
                if let Some(s) = scale.as_mut() {
                    *s += 1;
                }
            }
            b'.' | b',' if scale.is_none() && i > 0 && i + 1 < bytes.len() => scale = Some(0),
            _ => return None,
        }
    }
    Decimal::try_from_i128_with_scale(mantissa, scale.unwrap_or(0)).ok()
}

/// A share as a fraction: a decimal (`0,66`) or a percentage (`66 %`,
/// `66%`).
///
/// # Errors
/// [`Error::InvalidValue`] as for [`decimal`].
pub fn ratio(cell: &str, what: &'static str) -> Result<Decimal> {
    let s = trim(cell);
    match s.strip_suffix('%') {
        Some(p) => {
            let v = decimal(p, what).map_err(|_| {
                Error::invalid(
                    what,
                    crate::error::quoted(cell),
                    msg!(
                        "a percentage is a number followed by `%`; {rule}",
                        rule = DECIMAL_RULE
                    ),
                )
            })?;
            v.checked_div(Decimal::ONE_HUNDRED).ok_or_else(|| {
                Error::invalid(what, crate::error::quoted(cell), msg!("out of range"))
            })
        }
        None => decimal(s, what),
    }
}

const DATE_RULE: Message =
    msg!("a date is written `2025-12-01` (year-month-day) or `01/12/2025` (day/month/year)");

/// A calendar date, ISO `2025-12-01` or French `01/12/2025`.
///
/// # Errors
/// [`Error::InvalidValue`] naming `what` for any other form or an
/// impossible day (`31/02/2026`).
///
/// # Example
/// ```
/// use ecodefi::table::value::date;
/// assert_eq!(date("01/12/2025", "date")?, ecodefi::date::date(2025, 12, 1));
/// assert_eq!(date("2025-12-01", "date")?, ecodefi::date::date(2025, 12, 1));
/// assert!(date("12/01/25", "date").is_err());
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn date(cell: &str, what: &'static str) -> Result<Date> {
    let s = trim(cell);
    let refuse = |why: Message| Error::invalid(what, crate::error::quoted(cell), why);
    let number = |p: &str, min: usize, max: usize| -> Option<i16> {
        if (min..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    let parts: Vec<&str>;
    let (y, m, d) = if s.contains('-') {
        parts = s.split('-').collect();
        match parts.as_slice() {
            [y, m, d] => (number(y, 4, 4), number(m, 2, 2), number(d, 2, 2)),
            _ => return Err(refuse(DATE_RULE)),
        }
    } else if s.contains('/') {
        parts = s.split('/').collect();
        match parts.as_slice() {
            [d, m, y] => (number(y, 4, 4), number(m, 1, 2), number(d, 1, 2)),
            _ => return Err(refuse(DATE_RULE)),
        }
    } else {
        return Err(refuse(DATE_RULE));
    };
    let (Some(y), Some(m), Some(d)) = (y, m, d) else {
        return Err(refuse(DATE_RULE));
    };
    let (Ok(m), Ok(d)) = (i8::try_from(m), i8::try_from(d)) else {
        return Err(refuse(DATE_RULE));
    };
    Date::new(y, m, d).map_err(|_| refuse(msg!("no such day in the calendar")))
}

/// A whole number of persons (adults), from 0 to 65 535, digits only.
///
/// # Errors
/// [`Error::InvalidValue`] naming `what`.
pub fn count(cell: &str, what: &'static str) -> Result<u16> {
    whole(cell, what, msg!("a count is at most {max}", max = u16::MAX))
}

/// A whole number written with digits, within its type's range (`beyond`
/// says which).
fn whole<T: FromStr>(cell: &str, what: &'static str, beyond: Message) -> Result<T> {
    let s = trim(cell);
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(
            what,
            crate::error::quoted(cell),
            msg!("a count is a whole number written with digits"),
        ));
    }
    s.parse()
        .map_err(|_| Error::invalid(what, crate::error::quoted(cell), beyond))
}

/// A larger count (meals, persons, trips): a whole number up to
/// 4 294 967 295.
///
/// # Errors
/// [`Error::InvalidValue`].
pub fn count32(cell: &str, what: &'static str) -> Result<u32> {
    whole(cell, what, msg!("a count is at most {max}", max = u32::MAX))
}

/// The ages of a household's children: whole numbers separated by spaces,
/// commas or semicolons (`8 12`, `8, 12`); an empty cell means no child.
///
/// # Errors
/// [`Error::InvalidValue`] naming `what` when an age is not a whole number
/// from 0 to 255 (the household then checks it is under 18).
pub fn ages(cell: &str, what: &'static str) -> Result<Vec<u8>> {
    trim(cell)
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace() || c == '\u{a0}')
        .filter(|a| !a.is_empty())
        .map(|a| {
            if a.bytes().all(|b| b.is_ascii_digit()) {
                a.parse::<u8>().ok()
            } else {
                None
            }
            .ok_or_else(|| {
                Error::invalid(
                    what,
                    crate::error::quoted(cell),
                    msg!("ages are whole numbers separated by spaces, e.g. `8 12`"),
                )
            })
        })
        .collect()
}

/// A name folded for comparison: ASCII and French letters in lower case,
/// French accents removed, spaces, hyphens and apostrophes read as `_`, `³` as `3`.
pub fn fold(name: &str) -> String {
    // French letters by hand rather than `char::to_lowercase`, whose
    // Unicode table would weigh on the small WebAssembly module: names
    // only ever match in ASCII once folded.
    trim(name)
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'Î' | 'Ï' => 'i',
            'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            '³' => '3',
            ' ' | '-' | '\'' | '’' | '\u{a0}' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Finds `cell` (folded) among `(alias, canonical)` pairs, else parses the
/// folded cell with the enumeration's own `FromStr`; an unknown name is
/// [`Error::UnknownName`] listing `expected`.
fn named<T: FromStr<Err = Error> + Copy>(
    cell: &str,
    aliases: &[(&str, T)],
    what: &'static str,
    expected: &'static str,
) -> Result<T> {
    let folded = fold(cell);
    if let Some(&(_, v)) = aliases.iter().find(|(a, _)| *a == folded) {
        return Ok(v);
    }
    folded.parse().map_err(|_| Error::UnknownName {
        what,
        got: trim(cell).to_owned(),
        expected,
        at: Location::NONE,
    })
}

/// The accepted spellings of a carrier, English first.
pub const CARRIER_NAMES: &str = "electricity (electricite, électricité, elec), natural_gas (gaz, \
     gaz_naturel), fuel_oil (fioul, fuel), propane, butane, logs (bois, buches, bûches), pellets \
     (granules, granulés), district_heating (reseau_de_chaleur, réseau de chaleur, chauffage_urbain), \
     or water (eau) for a water meter";

/// A carrier: its English spelling or a French alias (see
/// [`CARRIER_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn carrier(cell: &str) -> Result<Carrier> {
    named(
        cell,
        &[
            ("electricite", Carrier::Electricity),
            ("elec", Carrier::Electricity),
            ("gaz", Carrier::NaturalGas),
            ("gaz_naturel", Carrier::NaturalGas),
            ("fioul", Carrier::FuelOil),
            ("fuel", Carrier::FuelOil),
            ("bois", Carrier::Logs),
            ("buches", Carrier::Logs),
            ("granules", Carrier::Pellets),
            ("reseau_de_chaleur", Carrier::DistrictHeating),
            ("chauffage_urbain", Carrier::DistrictHeating),
        ],
        noun!("carrier"),
        CARRIER_NAMES,
    )
}

/// The accepted spellings of a unit.
pub const UNIT_NAMES: &str =
    "kwh, m3 (m³), l (litre, litres), kg, t (tonne, tonnes), stere (stère, stères)";

/// A unit: its spelling or an alias (see [`UNIT_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn unit(cell: &str) -> Result<Unit> {
    named(
        cell,
        &[
            ("litre", Unit::L),
            ("litres", Unit::L),
            ("tonne", Unit::T),
            ("tonnes", Unit::T),
            ("steres", Unit::Stere),
        ],
        noun!("unit"),
        UNIT_NAMES,
    )
}

/// The carrier cell of a water meter in the meters table: `water`, `eau`
/// (compared folded).
pub const WATER_NAMES: &[&str] = &["water", "eau", "eau_potable"];

/// Whether a carrier cell names water rather than an energy carrier: the
/// meters table lists water meters beside energy meters.
pub fn is_water(cell: &str) -> bool {
    let folded = fold(cell);
    WATER_NAMES.iter().any(|w| *w == folded)
}

/// The unit of a water meter: `m3` (`m³`) or `l` (`litre`, `litres`).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn water_unit(cell: &str) -> Result<WaterUnit> {
    named(
        cell,
        &[("litre", WaterUnit::L), ("litres", WaterUnit::L)],
        noun!("water unit"),
        "m3 (m³), l (litre, litres)",
    )
}

/// The accepted spellings of a meter's usage.
pub const USAGE_NAMES: &str = "heating_only (chauffage, chauffage_seul), mixed (mixte), \
                               no_heating (hors_chauffage, sans_chauffage)";

/// A meter's usage: its spelling or a French alias (see [`USAGE_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn usage(cell: &str) -> Result<Usage> {
    named(
        cell,
        &[
            ("chauffage", Usage::HeatingOnly),
            ("chauffage_seul", Usage::HeatingOnly),
            ("mixte", Usage::Mixed),
            ("hors_chauffage", Usage::NoHeating),
            ("sans_chauffage", Usage::NoHeating),
        ],
        noun!("meter usage"),
        USAGE_NAMES,
    )
}

/// The accepted spellings of an energy basis.
pub const BASIS_NAMES: &str = "pci, pcs";

/// An energy basis, `pci` or `pcs` (any case).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn basis(cell: &str) -> Result<Basis> {
    named(cell, &[], noun!("energy basis"), BASIS_NAMES)
}

named_enum! {
    /// What happened to a meter, in the events table.
    pub enum EventKind ("meter event") {
        /// The meter was replaced.
        Replacement = "replacement",
        /// The index went past its maximum and restarted from zero.
        Rollover = "rollover",
    }
}

/// The accepted spellings of a meter event's kind.
pub const EVENT_NAMES: &str = "replacement (remplacement, changement), rollover (passage_a_zero, \
                               remise_a_zero, tour_de_compteur)";

/// A meter event's kind: its spelling or a French alias (see
/// [`EVENT_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn event_kind(cell: &str) -> Result<EventKind> {
    named(
        cell,
        &[
            ("remplacement", EventKind::Replacement),
            ("changement", EventKind::Replacement),
            ("passage_a_zero", EventKind::Rollover),
            ("remise_a_zero", EventKind::Rollover),
            ("tour_de_compteur", EventKind::Rollover),
        ],
        noun!("meter event"),
        EVENT_NAMES,
    )
}

/// The accepted spellings of a waste stream, English first: the names of
/// the bins and streams used by French local authorities and zero-waste
/// challenges (ADEME, *La collecte des déchets du service public*: OMR,
/// emballages, verre, biodéchets, déchets verts, textiles, encombrants,
/// DEEE, déchets dangereux).
pub const STREAM_NAMES: &str = "residual (omr, ordures ménagères, ordures ménagères résiduelles, \
     non recyclables, déchets résiduels, bac gris), packaging (emballages, recyclables, \
     emballages et papiers, bac jaune), glass (verre), biowaste (biodéchets, bio-déchets, \
     compost, déchets alimentaires), garden (déchets verts, végétaux), textiles (textile, tlc), \
     bulky (encombrants), electronic (deee, d3e), hazardous (dangereux, déchets dangereux, dds), \
     other (autre, autres)";

/// A waste stream: its English spelling or a French alias (see
/// [`STREAM_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn stream(cell: &str) -> Result<Stream> {
    named(
        cell,
        &[
            ("omr", Stream::Residual),
            ("om", Stream::Residual),
            ("ordures_menageres", Stream::Residual),
            ("ordures_menageres_residuelles", Stream::Residual),
            ("non_recyclables", Stream::Residual),
            ("dechets_non_recyclables", Stream::Residual),
            ("dechets_residuels", Stream::Residual),
            ("residuel", Stream::Residual),
            ("residuels", Stream::Residual),
            ("bac_gris", Stream::Residual),
            ("emballages", Stream::Packaging),
            ("recyclables", Stream::Packaging),
            ("emballages_et_papiers", Stream::Packaging),
            ("bac_jaune", Stream::Packaging),
            ("verre", Stream::Glass),
            ("biodechets", Stream::Biowaste),
            ("bio_dechets", Stream::Biowaste),
            ("compost", Stream::Biowaste),
            ("dechets_alimentaires", Stream::Biowaste),
            ("dechets_verts", Stream::Garden),
            ("vegetaux", Stream::Garden),
            ("textile", Stream::Textiles),
            ("tlc", Stream::Textiles),
            ("encombrants", Stream::Bulky),
            ("deee", Stream::Electronic),
            ("d3e", Stream::Electronic),
            ("dangereux", Stream::Hazardous),
            ("dechets_dangereux", Stream::Hazardous),
            ("dds", Stream::Hazardous),
            ("autre", Stream::Other),
            ("autres", Stream::Other),
        ],
        noun!("waste stream"),
        STREAM_NAMES,
    )
}

/// The accepted spellings of a food purchase's channel, English first.
pub const CHANNEL_NAMES: &str = "supermarket (grande surface, supermarché, hypermarché, gms), \
     market (marché), producer (producteur, vente directe, amap), shop (commerce, magasin, \
     épicerie, boulangerie, boucherie, magasin bio), online (internet, en ligne, drive), other \
     (autre)";

/// A food purchase's channel: its English spelling or a French alias (see
/// [`CHANNEL_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn channel(cell: &str) -> Result<Channel> {
    named(
        cell,
        &[
            ("grande_surface", Channel::Supermarket),
            ("supermarche", Channel::Supermarket),
            ("hypermarche", Channel::Supermarket),
            ("gms", Channel::Supermarket),
            ("marche", Channel::Market),
            ("producteur", Channel::Producer),
            ("vente_directe", Channel::Producer),
            ("amap", Channel::Producer),
            ("commerce", Channel::Shop),
            ("magasin", Channel::Shop),
            ("epicerie", Channel::Shop),
            ("boulangerie", Channel::Shop),
            ("boucherie", Channel::Shop),
            ("magasin_bio", Channel::Shop),
            ("internet", Channel::Online),
            ("en_ligne", Channel::Online),
            ("drive", Channel::Online),
            ("autre", Channel::Other),
        ],
        noun!("channel"),
        CHANNEL_NAMES,
    )
}

/// The accepted spellings of a travel mode, English first.
pub const MODE_NAMES: &str = "car_alone (voiture, voiture seul, autosolisme), carpool \
     (covoiturage), motorbike (moto, scooter, deux-roues motorisé), bus, tram (tramway), metro \
     (métro), coach (autocar), regional_train (ter, train régional), intercity_train \
     (intercités), high_speed_train (tgv), bike (vélo), e_bike (vae, vélo électrique, \
     trottinette électrique), walking (marche, à pied), plane (avion), other (autre)";

/// A travel mode: its English spelling or a French alias (see
/// [`MODE_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn mode(cell: &str) -> Result<Mode> {
    named(
        cell,
        &[
            ("voiture", Mode::CarAlone),
            ("voiture_seul", Mode::CarAlone),
            ("autosolisme", Mode::CarAlone),
            ("covoiturage", Mode::Carpool),
            ("moto", Mode::Motorbike),
            ("scooter", Mode::Motorbike),
            ("deux_roues_motorise", Mode::Motorbike),
            ("tramway", Mode::Tram),
            ("autocar", Mode::Coach),
            ("ter", Mode::RegionalTrain),
            ("train_regional", Mode::RegionalTrain),
            ("intercites", Mode::IntercityTrain),
            ("tgv", Mode::HighSpeedTrain),
            ("velo", Mode::Bike),
            ("vae", Mode::EBike),
            ("velo_electrique", Mode::EBike),
            ("trottinette_electrique", Mode::EBike),
            ("marche", Mode::Walking),
            ("a_pied", Mode::Walking),
            ("avion", Mode::Plane),
            ("autre", Mode::Other),
        ],
        noun!("travel mode"),
        MODE_NAMES,
    )
}

/// The accepted spellings of a theme, English first.
pub const THEME_NAMES: &str = "energy (energie, énergie), water (eau), waste (dechets, déchets), \
                               food (alimentation), mobility (mobilite, mobilité)";

/// A challenge's theme: its English spelling or a French alias (see
/// [`THEME_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn theme(cell: &str) -> Result<Theme> {
    named(
        cell,
        &[
            ("energie", Theme::Energy),
            ("eau", Theme::Water),
            ("dechets", Theme::Waste),
            ("alimentation", Theme::Food),
            ("mobilite", Theme::Mobility),
        ],
        noun!("theme"),
        THEME_NAMES,
    )
}

/// The accepted spellings of an organiser kind, English first.
pub const ORGANISER_NAMES: &str = "local_authority (collectivite, collectivité, \
     collectivite_territoriale), association, company (entreprise), citizen_group (collectif, \
     collectif_citoyen, groupe_citoyen)";

/// Who organises a challenge: the English spelling or a French alias (see
/// [`ORGANISER_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn organiser_kind(cell: &str) -> Result<OrganiserKind> {
    named(
        cell,
        &[
            ("collectivite", OrganiserKind::LocalAuthority),
            ("collectivite_territoriale", OrganiserKind::LocalAuthority),
            ("entreprise", OrganiserKind::Company),
            ("collectif", OrganiserKind::CitizenGroup),
            ("collectif_citoyen", OrganiserKind::CitizenGroup),
            ("groupe_citoyen", OrganiserKind::CitizenGroup),
        ],
        noun!("organiser kind"),
        ORGANISER_NAMES,
    )
}

/// The accepted spellings of a climate-correction formula.
pub const CORRECTION_NAMES: &str = "eea, sdes, contract (contrat), none (aucune, sans)";

/// A climate-correction formula: its spelling or a French alias (see
/// [`CORRECTION_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn correction(cell: &str) -> Result<Correction> {
    named(
        cell,
        &[
            ("contrat", Correction::Contract),
            ("aucune", Correction::None),
            ("sans", Correction::None),
        ],
        noun!("climate correction"),
        CORRECTION_NAMES,
    )
}

/// The accepted spellings of a degree-day method.
pub const DEGREE_DAY_METHOD_NAMES: &str = "meteo_france (météo-france), costic";

/// A degree-day method: `meteo_france` or `costic`, case, accents and
/// hyphens ignored (see [`DEGREE_DAY_METHOD_NAMES`]).
///
/// # Errors
/// [`Error::UnknownName`].
pub fn degree_day_method(cell: &str) -> Result<Method> {
    named(
        cell,
        &[],
        noun!("degree-day method"),
        DEGREE_DAY_METHOD_NAMES,
    )
}

/// A yes/no value: `oui`, `vrai`, `true`, `yes`, `1` or `non`, `faux`,
/// `false`, `no`, `0` (any case).
///
/// # Errors
/// [`Error::InvalidValue`] naming `what` for anything else.
///
/// # Example
/// ```
/// use ecodefi::table::value::yes_no;
/// assert!(yes_no("Oui", "option")?);
/// assert!(!yes_no("0", "option")?);
/// assert!(yes_no("peut-être", "option").is_err());
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn yes_no(cell: &str, what: &'static str) -> Result<bool> {
    match fold(cell).as_str() {
        "oui" | "vrai" | "true" | "yes" | "1" => Ok(true),
        "non" | "faux" | "false" | "no" | "0" => Ok(false),
        _ => Err(Error::invalid(
            what,
            crate::error::quoted(cell),
            msg!(
                "a yes/no value is `oui` or `non` (also `vrai`/`faux`, `true`/`false`, \
                 `yes`/`no`, `1`/`0`)"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date as d;
    use proptest::prelude::*;
    use rust_decimal::dec;

    #[test]
    fn decimals_with_point_comma_and_spaces() {
        let ok = |s| decimal(s, "x").unwrap();
        assert_eq!(ok("12"), dec!(12));
        assert_eq!(ok(" 12,5 "), dec!(12.5));
        assert_eq!(ok("12.5"), dec!(12.5));
        assert_eq!(ok("1 234,5"), dec!(1234.5));
        assert_eq!(ok("1\u{a0}234\u{a0}567.25"), dec!(1234567.25));
        assert_eq!(ok("1\u{202f}234"), dec!(1234));
        assert_eq!(ok("-3,2"), dec!(-3.2));
        assert_eq!(ok("\u{2212}3,2"), dec!(-3.2));
        assert_eq!(ok("+7"), dec!(7));
        assert_eq!(ok("1234567"), dec!(1234567));
        assert_eq!(ok("0,000"), dec!(0));
        assert_eq!(ok("11.628"), dec!(11.628));
        for bad in [
            "",
            " ",
            "12,3,4",
            "1.234,5",
            "1,234.5",
            "12 34",
            "1 2345",
            "1234 567",
            ",5",
            "5,",
            "1e3",
            "abc",
            "--1",
            "1 234,5 6",
            "١٢",
            "12 ,5",
            "+-1",
            "0x10",
            "NaN",
            "inf",
            "99999999999999999999999999999",
            "1.00000000000000000000000000001",
        ] {
            let e = decimal(bad, "reading value").unwrap_err();
            assert_eq!(e.code(), "invalid_value", "{bad:?}");
        }
        assert_eq!(
            decimal("12,3,4", "reading value").unwrap_err().to_string(),
            format!("invalid reading value (got \"12,3,4\"): {DECIMAL_RULE}")
        );
    }

    #[test]
    fn ratios_and_percentages() {
        assert_eq!(ratio("66 %", "s").unwrap(), dec!(0.66));
        assert_eq!(ratio("12,5%", "s").unwrap(), dec!(0.125));
        assert_eq!(ratio("0,7", "s").unwrap(), dec!(0.7));
        assert!(ratio("%", "s").is_err());
        assert!(ratio("a%", "s").is_err());
    }

    #[test]
    fn dates_iso_and_french() {
        assert_eq!(date("2025-12-01", "date").unwrap(), d(2025, 12, 1));
        assert_eq!(date("01/12/2025", "date").unwrap(), d(2025, 12, 1));
        assert_eq!(date("1/2/2026", "date").unwrap(), d(2026, 2, 1));
        assert_eq!(date(" 29/02/2024 ", "date").unwrap(), d(2024, 2, 29));
        for bad in [
            "",
            "2025-12-1",
            "01/12/25",
            "2025/12/01",
            "31/02/2026",
            "29/02/2025",
            "01-12-2025",
            "2025-12-01T00:00",
            "01/12/2025 00:00",
            "1.12.2025",
            "0/12/2025",
            "01/13/2025",
            "+202-12-01",
        ] {
            assert_eq!(
                date(bad, "date").unwrap_err().code(),
                "invalid_value",
                "{bad:?}"
            );
        }
    }

    #[test]
    fn counts_and_ages() {
        assert_eq!(count(" 2 ", "adults").unwrap(), 2);
        assert!(count("2,0", "adults").is_err());
        assert!(count("-1", "adults").is_err());
        assert!(count("70000", "adults").is_err());
        assert_eq!(ages("8 12", "a").unwrap(), vec![8, 12]);
        assert_eq!(ages("8, 12;3", "a").unwrap(), vec![8, 12, 3]);
        assert_eq!(ages("  ", "a").unwrap(), Vec::<u8>::new());
        assert!(ages("8 ans", "a").is_err());
        assert!(ages("300", "a").is_err());
    }

    #[test]
    fn names_with_french_aliases() {
        assert_eq!(carrier("Électricité").unwrap(), Carrier::Electricity);
        assert_eq!(carrier("gaz naturel").unwrap(), Carrier::NaturalGas);
        assert_eq!(carrier("GAZ").unwrap(), Carrier::NaturalGas);
        assert_eq!(carrier("natural_gas").unwrap(), Carrier::NaturalGas);
        assert_eq!(carrier("Granulés").unwrap(), Carrier::Pellets);
        assert_eq!(carrier("bûches").unwrap(), Carrier::Logs);
        assert_eq!(
            carrier("réseau de chaleur").unwrap(),
            Carrier::DistrictHeating
        );
        for c in Carrier::ALL {
            assert_eq!(carrier(c.as_str()).unwrap(), *c);
        }
        let e = carrier("charbon").unwrap_err();
        assert_eq!(e.code(), "unknown_name");
        assert!(e.to_string().contains("fioul"), "{e}");
        assert_eq!(unit("m³").unwrap(), Unit::M3);
        assert_eq!(unit("Stère").unwrap(), Unit::Stere);
        assert_eq!(unit("kWh").unwrap(), Unit::Kwh);
        assert_eq!(usage("Mixte").unwrap(), Usage::Mixed);
        assert_eq!(usage("hors chauffage").unwrap(), Usage::NoHeating);
        assert_eq!(basis("PCS").unwrap(), Basis::Pcs);
        assert_eq!(event_kind("Remise à zéro").unwrap(), EventKind::Rollover);
        assert_eq!(event_kind("replacement").unwrap(), EventKind::Replacement);
        assert_eq!(theme("Énergie").unwrap(), Theme::Energy);
        assert_eq!(theme("déchets").unwrap(), Theme::Waste);
        assert_eq!(theme("MOBILITÉ").unwrap(), Theme::Mobility);
        for t in Theme::ALL {
            assert_eq!(theme(t.as_str()).unwrap(), *t);
            assert!(THEME_NAMES.contains(t.as_str()), "{t}");
        }
        assert_eq!(
            organiser_kind("Collectivité").unwrap(),
            OrganiserKind::LocalAuthority
        );
        assert_eq!(
            organiser_kind("collectif citoyen").unwrap(),
            OrganiserKind::CitizenGroup
        );
        for k in OrganiserKind::ALL {
            assert_eq!(organiser_kind(k.as_str()).unwrap(), *k);
            assert!(ORGANISER_NAMES.contains(k.as_str()), "{k}");
        }
        assert_eq!(correction("Aucune").unwrap(), Correction::None);
        assert_eq!(correction("SDES").unwrap(), Correction::Sdes);
        for c in Correction::ALL {
            assert_eq!(correction(c.as_str()).unwrap(), *c);
            assert!(CORRECTION_NAMES.contains(c.as_str()), "{c}");
        }
        assert_eq!(
            degree_day_method("Météo-France").unwrap(),
            Method::MeteoFrance
        );
        assert_eq!(degree_day_method("COSTIC").unwrap(), Method::Costic);
        let e = theme("climat").unwrap_err();
        assert_eq!(e.code(), "unknown_name");
        assert!(e.to_string().contains("alimentation"), "{e}");
        assert!(!yes_no(" Non ", "x").unwrap());
        assert!(yes_no("VRAI", "x").unwrap());
        assert_eq!(yes_no("2", "x").unwrap_err().code(), "invalid_value");
    }

    proptest! {
        /// A decimal written with a comma mark and grouped thousands reads
        /// back as the same number.
        #[test]
        fn french_form_round_trips(v in any::<i64>(), scale in 0u32..6) {
            let x = Decimal::new(v, scale);
            let plain = x.abs().to_string();
            let (int, frac) = plain.split_once('.').map_or((plain.as_str(), None), |(a, b)| (a, Some(b)));
            let mut grouped = String::new();
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    grouped.push('\u{a0}');
                }
                grouped.push(c);
            }
            let text = format!("{}{}{}", if x.is_sign_negative() { "-" } else { "" }, grouped,
                frac.map(|f| format!(",{f}")).unwrap_or_default());
            prop_assert_eq!(decimal(&text, "x").unwrap(), x);
            prop_assert_eq!(decimal(&x.to_string(), "x").unwrap(), x);
        }

        /// The allocation-free reading of plain cells gives the value and
        /// the scale of the general reading (`Decimal::from_str_exact`, an
        /// independent parser, on the cell with a point for a comma), and
        /// the same errors for what it leaves to the general reading.
        #[test]
        fn plain_cells_read_as_the_general_reading(s in "[0-9]{0,30}([.,][0-9]{0,30})?|[0-9.,]{0,8}") {
            let exact = Decimal::from_str_exact(&s.replace(',', "."));
            let int_ok = s.split(['.', ',']).next().is_some_and(|i| !i.is_empty());
            let frac_ok = s.split_once(['.', ',']).is_none_or(|(_, f)| !f.is_empty() && !f.contains(['.', ',']));
            match decimal(&s, "x") {
                Ok(d) => {
                    let e = exact.unwrap();
                    prop_assert_eq!((d.mantissa(), d.scale(), d.is_sign_negative()), (e.mantissa(), e.scale(), e.is_sign_negative()));
                }
                Err(_) => prop_assert!(exact.is_err() || !int_ok || !frac_ok, "{s}"),
            }
            if let Some(p) = plain_decimal(&s) {
                prop_assert_eq!(p.mantissa(), decimal(&s, "x").unwrap().mantissa());
            }
        }

        /// Any cell gives a value or a typed error, never a panic.
        #[test]
        fn cells_never_panic(s in "\\PC*|[0-9 ,.\u{a0}+/-]*") {
            let _ = decimal(&s, "x");
            let _ = ratio(&s, "x");
            let _ = date(&s, "x");
            let _ = count(&s, "x");
            let _ = ages(&s, "x");
            let _ = carrier(&s);
            let _ = event_kind(&s);
            let _ = theme(&s);
            let _ = organiser_kind(&s);
            let _ = yes_no(&s, "x");
        }
    }
}
