//! Builders shared by the catalogue's unit tests.

use rust_decimal::Decimal;

use super::*;
use crate::challenge::{OrganiserKind, Theme};
use crate::quantity::Ratio;

pub(crate) fn text(s: &str) -> Text {
    Text::new(s).unwrap()
}

/// A sound record: commune `territory`, `years`, waste theme, no results.
pub(crate) fn record(name: &str, territory: &str, years: (u16, u16)) -> CatalogueRecord {
    CatalogueRecord {
        name: text(name),
        edition: text(&format!("{}-{}", years.0, years.1)),
        territory: Territory::new(text(territory), TerritoryKind::Commune, None).unwrap(),
        organisers: Fact::Known(vec![Organiser {
            name: text(territory),
            kind: OrganiserKind::LocalAuthority,
        }]),
        partners: vec![],
        years: YearSpan::new(years.0, years.1).unwrap(),
        period: None,
        themes: Fact::Known(vec![Theme::Waste]),
        teams: Fact::Unknown,
        households: Fact::Unknown,
        results: Results::Published(vec![]),
        status: Status::Finished,
        provenance: Provenance {
            source: text("test"),
            url: None,
        },
        notes: None,
    }
}

/// A published residual-waste result.
pub(crate) fn waste(households: Option<u32>, change: Decimal) -> ThemeResult {
    ThemeResult::published(
        Indicator::ResidualWaste,
        households,
        Ratio::new(change),
        text("test"),
        None,
    )
}
