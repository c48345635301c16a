//! From typed columns to the core's households, teams and temperatures:
//! the assembly shared by the CSV and the columnar entry points.
//!
//! Every reference is checked (a meter's household, a reading's meter, a
//! household's team, a team's captain) and every row lands somewhere: a row
//! that refers to nothing is an error, never dropped.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::challenge::Team;
use crate::date::day_number;
use crate::error::{Error, Location, Result};
use crate::household::{Household, Occupancy, Occupants, PresenceChange};
use crate::id::{HouseholdId, MeterId, TeamId};
use crate::message::{Arg, Message};
use crate::meter::{Bill, Conversion, Delivery, Meter, MeterEvent, Reading, StockEstimate};
use crate::period::Period;
use crate::quantity::Ratio;
use crate::water::WaterMeter;
use crate::weather::{DailyTemperature, Temperatures};
#[cfg(feature = "themes")]
use crate::{
    food::Purchase,
    mobility::Trip,
    quantity::{Euros, Kg, Km},
    waste::Weighing,
};
use crate::{msg, noun};

use super::columns::{Header, Table};
use super::value::{self, EventKind};
use super::{Columns, Inputs, MeterColumns};

/// Where the rows of a table come from: a CSV file (its name, the line of
/// each data row, its header) for the CSV path.
#[derive(Debug, Clone)]
pub(super) struct Origin {
    pub file: String,
    pub lines: Vec<usize>,
    pub header: Header,
}

/// The origins of the tables read from CSV; a table without one is
/// columnar input, located by table name and row index.
#[derive(Debug, Clone, Default)]
pub(super) struct Origins([Option<Origin>; 13]);

impl Origins {
    /// Records where `table`'s rows come from.
    pub fn insert(&mut self, table: Table, origin: Origin) {
        if let Some(slot) = self.0.get_mut(position(table)) {
            *slot = Some(origin);
        }
    }

    fn get(&self, table: Table) -> Option<&Origin> {
        self.0.get(position(table)).and_then(Option::as_ref)
    }

    /// The location of `row` (from 0) of `table`, at its `column`-th column.
    pub fn at(&self, table: Table, row: usize, column: Option<usize>) -> Location {
        match self.get(table) {
            Some(o) => Location {
                file: Some(o.file.clone()),
                line: o.lines.get(row).copied(),
                column: column.map(|c| o.header.written(c).to_owned()),
                ..Location::NONE
            },
            None => Location {
                file: Some(table.as_str().to_owned()),
                index: Some(row),
                column: column
                    .and_then(|c| table.columns().get(c))
                    .map(|c| c.name.to_owned()),
                ..Location::NONE
            },
        }
    }

    /// The location of a whole table.
    fn table(&self, table: Table) -> Location {
        Location {
            file: Some(
                self.get(table)
                    .map_or_else(|| table.as_str().to_owned(), |o| o.file.clone()),
            ),
            ..Location::NONE
        }
    }
}

/// The position of a table in [`Table::ALL`].
fn position(table: Table) -> usize {
    Table::ALL.iter().position(|t| *t == table).unwrap_or(0)
}

/// Checks that each column has `n` entries (or none, if optional).
fn check_lengths(
    origins: &Origins,
    table: Table,
    n: usize,
    lengths: &[(usize, usize, bool)],
) -> Result<()> {
    for &(c, len, optional) in lengths {
        if len != n && !(optional && len == 0) {
            let name = table.columns().get(c).map_or("", |c| c.name);
            return Err(Error::InvalidValue {
                what: noun!("column length"),
                got: len.to_string(),
                why: msg!(
                    "the column `{name}` has {len} values, the table `{table}` has {n} rows{optional}",
                    name = name,
                    len = len,
                    table = Arg::text(table),
                    n = n,
                    optional = if optional {
                        msg!(" (an optional column may also be empty: absent)")
                    } else {
                        Message::new("")
                    }
                ),
                at: Location {
                    column: Some(name.to_owned()),
                    ..origins.table(table)
                },
            });
        }
    }
    Ok(())
}

/// A cell of an optional column: `None` when the column is absent.
fn opt<T: Clone>(column: &[T], row: usize) -> Option<T> {
    column.get(row).cloned()
}

/// A meter of the meters table: energy, or water (carrier `water`, `eau`).
enum AnyMeter<'m> {
    Energy(&'m mut Meter),
    Water(&'m mut WaterMeter),
}

impl<'m> AnyMeter<'m> {
    fn readings(self) -> &'m mut Vec<Reading> {
        match self {
            AnyMeter::Energy(m) => &mut m.readings,
            AnyMeter::Water(m) => &mut m.readings,
        }
    }

    fn events(self) -> &'m mut Vec<MeterEvent> {
        match self {
            AnyMeter::Energy(m) => &mut m.events,
            AnyMeter::Water(m) => &mut m.events,
        }
    }

    fn bills(self) -> &'m mut Vec<Bill> {
        match self {
            AnyMeter::Energy(m) => &mut m.bills,
            AnyMeter::Water(m) => &mut m.bills,
        }
    }
}

struct Assembler<'a> {
    origins: &'a Origins,
    households: Vec<Household>,
    by_id: HashMap<String, usize>,
    /// For each household, each meter's row in the meters table.
    meter_rows: Vec<Vec<usize>>,
    /// For each household, its presence changes with their rows.
    presence: Vec<Vec<(usize, PresenceChange)>>,
}

impl Assembler<'_> {
    fn at(&self, table: Table, row: usize, column: usize) -> Location {
        self.origins.at(table, row, Some(column))
    }

    fn household(&self, table: Table, row: usize, id: &str) -> Result<usize> {
        self.by_id
            .get(id)
            .copied()
            .ok_or_else(|| Error::UnknownReference {
                what: noun!("household"),
                id: id.to_owned(),
                at: self.at(table, row, 0),
            })
    }

    /// A row's meter (columns 0 and 1): an energy meter or a water meter
    /// of its household.
    fn meter(
        &mut self,
        table: Table,
        row: usize,
        household: &str,
        meter: &str,
    ) -> Result<AnyMeter<'_>> {
        let h = self.household(table, row, household)?;
        let origins = self.origins;
        let unknown = || Error::UnknownReference {
            what: noun!("meter"),
            id: meter.to_owned(),
            at: Location {
                household: Some(household.to_owned()),
                ..origins.at(table, row, Some(1))
            },
        };
        let h = self.households.get_mut(h).ok_or_else(unknown)?;
        if let Some(m) = h.meters.iter_mut().find(|m| m.id.as_str() == meter) {
            return Ok(AnyMeter::Energy(m));
        }
        h.water_meters
            .iter_mut()
            .find(|m| m.id.as_str() == meter)
            .map(AnyMeter::Water)
            .ok_or_else(unknown)
    }

    /// A row's energy meter: deliveries and stock are for stored fuels.
    fn energy_meter(
        &mut self,
        table: Table,
        row: usize,
        household: &str,
        meter: &str,
    ) -> Result<&mut Meter> {
        let at = self.at(table, row, 1);
        match self.meter(table, row, household, meter)? {
            AnyMeter::Energy(m) => Ok(m),
            AnyMeter::Water(_) => Err(Error::invalid(
                noun!("meter"),
                meter,
                if table == Table::Stock {
                    msg!("a water meter has no stock: they are for stored fuels")
                } else {
                    msg!("a water meter has no deliveries: they are for stored fuels")
                },
            )
            .within(&Location {
                household: Some(household.to_owned()),
                ..at
            })),
        }
    }

    fn not_negative(
        &self,
        table: Table,
        row: usize,
        column: usize,
        what: &'static str,
        v: Decimal,
    ) -> Result<()> {
        if v < Decimal::ZERO {
            return Err(Error::InvalidValue {
                what,
                got: v.to_string(),
                why: msg!("cannot be negative"),
                at: self.at(table, row, column),
            });
        }
        Ok(())
    }

    fn households(&mut self, cols: &Columns) -> Result<()> {
        let t = Table::Households;
        let h = &cols.households;
        let n = h.household.len();
        check_lengths(
            self.origins,
            t,
            n,
            &[
                (1, h.team.len(), false),
                (2, h.adults.len(), false),
                (3, h.children_ages.len(), true),
                (4, h.surface.len(), true),
                (5, h.prm.len(), true),
                (6, h.pce.len(), true),
            ],
        )?;
        for row in 0..n {
            let at = |c| self.at(t, row, c);
            let id = HouseholdId::new(h.household[row].as_str()).map_err(|e| e.within(&at(0)))?;
            if self.by_id.contains_key(id.as_str()) {
                return Err(Error::Duplicate {
                    what: noun!("household"),
                    id: id.to_string(),
                    at: at(0),
                });
            }
            let team = TeamId::new(h.team[row].as_str()).map_err(|e| e.within(&at(1)))?;
            let occupants = occupants(
                h.adults[row],
                h.children_ages.get(row),
                noun!("children ages"),
            )
            .map_err(|(e, c)| e.within(&at(if c { 3 } else { 2 })))?;
            let surface = opt(&h.surface, row).flatten();
            if let Some(s) = surface {
                if s <= Decimal::ZERO {
                    return Err(Error::invalid(
                        noun!("surface"),
                        s,
                        msg!("a surface is above zero"),
                    )
                    .within(&at(4)));
                }
            }
            let mut household = Household::new(id, team, occupants);
            household.surface_m2 = surface;
            self.by_id
                .insert(household.id.to_string(), self.households.len());
            self.households.push(household);
            self.meter_rows.push(Vec::new());
            self.presence.push(Vec::new());
        }
        Ok(())
    }

    fn teams(&self, cols: &Columns) -> Result<Vec<Team>> {
        let t = Table::Teams;
        let Some(tc) = &cols.teams else {
            // The distinct teams of the households, in order of appearance.
            let mut teams: Vec<Team> = Vec::new();
            for h in &self.households {
                if !teams.iter().any(|t| t.id == h.team) {
                    teams.push(Team {
                        id: h.team.clone(),
                        name: h.team.to_string(),
                        captain: None,
                    });
                }
            }
            return Ok(teams);
        };
        let n = tc.team.len();
        check_lengths(
            self.origins,
            t,
            n,
            &[(1, tc.name.len(), true), (2, tc.captain.len(), true)],
        )?;
        let mut teams: Vec<Team> = Vec::with_capacity(n);
        for row in 0..n {
            let at = |c| self.at(t, row, c);
            let id = TeamId::new(tc.team[row].as_str()).map_err(|e| e.within(&at(0)))?;
            if teams.iter().any(|u| u.id == id) {
                return Err(Error::Duplicate {
                    what: noun!("team"),
                    id: id.to_string(),
                    at: at(0),
                });
            }
            let name = opt(&tc.name, row)
                .flatten()
                .filter(|s| !value::trim(s).is_empty())
                .unwrap_or_else(|| id.to_string());
            let captain = match opt(&tc.captain, row).flatten() {
                Some(c) if !value::trim(&c).is_empty() => {
                    let c = HouseholdId::new(c).map_err(|e| e.within(&at(2)))?;
                    if !self.by_id.contains_key(c.as_str()) {
                        return Err(Error::UnknownReference {
                            what: noun!("household"),
                            id: c.to_string(),
                            at: at(2),
                        });
                    }
                    Some(c)
                }
                _ => None,
            };
            teams.push(Team { id, name, captain });
        }
        for (row, h) in self.households.iter().enumerate() {
            if !teams.iter().any(|t| t.id == h.team) {
                return Err(Error::UnknownReference {
                    what: noun!("team"),
                    id: h.team.to_string(),
                    at: self.at(Table::Households, row, 1),
                });
            }
        }
        Ok(teams)
    }

    fn meters(&mut self, cols: &Columns) -> Result<()> {
        let table = Table::Meters;
        let Some(mc) = &cols.meters else {
            return Ok(());
        };
        let n = mc.household.len();
        check_lengths(
            self.origins,
            table,
            n,
            &[
                (1, mc.meter.len(), false),
                (2, mc.carrier.len(), false),
                (3, mc.unit.len(), false),
                (4, mc.usage.len(), true),
                (5, mc.kwh_per_unit.len(), true),
                (6, mc.basis.len(), true),
                (7, mc.heating_share.len(), true),
                (8, mc.identifier.len(), true),
            ],
        )?;
        for row in 0..n {
            if value::is_water(&mc.carrier[row]) {
                self.water_meter(mc, row)?;
                continue;
            }
            let at = |c| self.at(table, row, c);
            let h = self.household(table, row, &mc.household[row])?;
            let id = MeterId::new(mc.meter[row].as_str()).map_err(|e| e.within(&at(1)))?;
            let carrier = value::carrier(&mc.carrier[row]).map_err(|e| e.within(&at(2)))?;
            let unit = value::unit(&mc.unit[row]).map_err(|e| e.within(&at(3)))?;
            let usage = mc.usage.get(row).map_or("", String::as_str);
            if value::trim(usage).is_empty() {
                return Err(Error::invalid(
                    noun!("cell"),
                    "\"\"",
                    msg!(
                        "an energy meter needs its usage: {names}",
                        names = value::USAGE_NAMES
                    ),
                )
                .within(&at(4)));
            }
            let usage = value::usage(usage).map_err(|e| e.within(&at(4)))?;
            Conversion::official(carrier, unit, crate::meter::Basis::Pci)
                .map_err(|e| e.within(&at(3)))?;
            let mut meter = Meter::new(id, carrier, unit, usage);
            meter.conversion = conversion(mc, row, &at)?;
            if let Some(p) = opt(&mc.heating_share, row).flatten() {
                if p < Decimal::ZERO || p > Decimal::ONE {
                    return Err(Error::invalid(
                        noun!("heating share"),
                        p,
                        msg!("a share is between 0 and 1 (0 % and 100 %)"),
                    )
                    .within(&at(7)));
                }
                meter.heating_share = Some(Ratio::new(p));
            }
            let meter_at = at(1);
            let Some(household) = self.households.get_mut(h) else {
                continue;
            };
            if household.meters.iter().any(|o| o.id == meter.id)
                || household.water_meters.iter().any(|o| o.id == meter.id)
            {
                return Err(Error::Duplicate {
                    what: noun!("meter"),
                    id: meter.id.to_string(),
                    at: Location {
                        household: Some(household.id.to_string()),
                        ..meter_at
                    },
                });
            }
            household.meters.push(meter);
            if let Some(rows) = self.meter_rows.get_mut(h) {
                rows.push(row);
            }
        }
        Ok(())
    }

    /// Without the `themes` feature, a water meter is refused, never
    /// skipped.
    #[cfg(not(feature = "themes"))]
    #[allow(clippy::unused_self)]
    fn water_meter(&mut self, _: &MeterColumns, _: usize) -> Result<()> {
        Err(Error::Unsupported {
            what: noun!("a water meter"),
            feature: "themes",
        })
    }

    /// A water meter's row of the meters table: its unit is `m3` or `l`,
    /// and the energy columns (usage, conversion, basis, heating share)
    /// are blank.
    #[cfg(feature = "themes")]
    fn water_meter(&mut self, mc: &MeterColumns, row: usize) -> Result<()> {
        let table = Table::Meters;
        let at = |c| self.at(table, row, c);
        let h = self.household(table, row, &mc.household[row])?;
        let id = MeterId::new(mc.meter[row].as_str()).map_err(|e| e.within(&at(1)))?;
        let unit = value::water_unit(&mc.unit[row]).map_err(|e| e.within(&at(3)))?;
        let energy_only = [
            (
                4,
                mc.usage
                    .get(row)
                    .is_some_and(|u| !value::trim(u).is_empty()),
            ),
            (5, opt(&mc.kwh_per_unit, row).flatten().is_some()),
            (6, opt(&mc.basis, row).flatten().is_some()),
            (7, opt(&mc.heating_share, row).flatten().is_some()),
        ];
        if let Some(&(c, _)) = energy_only.iter().find(|(_, given)| *given) {
            let name = table.columns().get(c).map_or("", |c| c.name);
            return Err(Error::invalid(
                noun!("water meter"),
                id.as_str(),
                msg!(
                    "a water meter has no `{name}`: leave the cell blank",
                    name = name
                ),
            )
            .within(&at(c)));
        }
        let meter_at = at(1);
        let Some(household) = self.households.get_mut(h) else {
            return Ok(());
        };
        if household.meters.iter().any(|o| o.id == id)
            || household.water_meters.iter().any(|o| o.id == id)
        {
            return Err(Error::Duplicate {
                what: noun!("meter"),
                id: id.to_string(),
                at: Location {
                    household: Some(household.id.to_string()),
                    ..meter_at
                },
            });
        }
        household.water_meters.push(WaterMeter::new(id, unit));
        Ok(())
    }

    fn readings(&mut self, cols: &Columns) -> Result<()> {
        let t = Table::Readings;
        let Some(r) = &cols.readings else {
            return Ok(());
        };
        let n = r.household.len();
        check_lengths(
            self.origins,
            t,
            n,
            &[
                (1, r.meter.len(), false),
                (2, r.date.len(), false),
                (3, r.value.len(), false),
            ],
        )?;
        for row in 0..n {
            self.not_negative(t, row, 3, noun!("reading value"), r.value[row])?;
            let reading = Reading {
                date: r.date[row],
                value: r.value[row],
            };
            self.meter(t, row, &r.household[row], &r.meter[row])?
                .readings()
                .push(reading);
        }
        Ok(())
    }

    fn events(&mut self, cols: &Columns) -> Result<()> {
        let t = Table::Events;
        let Some(ev) = &cols.events else {
            return Ok(());
        };
        let n = ev.household.len();
        check_lengths(
            self.origins,
            t,
            n,
            &[
                (1, ev.meter.len(), false),
                (2, ev.date.len(), false),
                (3, ev.kind.len(), false),
                (4, ev.old_final.len(), true),
                (5, ev.new_initial.len(), true),
                (6, ev.modulus.len(), true),
            ],
        )?;
        for row in 0..n {
            let at = |c| self.at(t, row, c);
            let kind = value::event_kind(&ev.kind[row]).map_err(|e| e.within(&at(3)))?;
            let cell = |c: usize| match c {
                4 => opt(&ev.old_final, row).flatten(),
                5 => opt(&ev.new_initial, row).flatten(),
                _ => opt(&ev.modulus, row).flatten(),
            };
            let (needed, forbidden): (&[usize], &[usize]) = match kind {
                EventKind::Replacement => (&[4, 5], &[6]),
                EventKind::Rollover => (&[6], &[4, 5]),
            };
            for &c in needed {
                if cell(c).is_none() {
                    let name = t.columns().get(c).map_or("", |c| c.name);
                    return Err(Error::invalid(
                        noun!("meter event"),
                        "\"\"",
                        msg!(
                            "a {kind} needs `{name}`",
                            kind = event_noun(kind),
                            name = name
                        ),
                    )
                    .within(&at(c)));
                }
            }
            for &c in forbidden {
                if let Some(v) = cell(c) {
                    let name = t.columns().get(c).map_or("", |c| c.name);
                    return Err(Error::invalid(
                        noun!("meter event"),
                        v,
                        msg!(
                            "a {kind} has no `{name}`: is the kind right?",
                            kind = event_noun(kind),
                            name = name
                        ),
                    )
                    .within(&at(c)));
                }
            }
            let date = ev.date[row];
            let event = match kind {
                EventKind::Replacement => {
                    let (old_final, new_initial) =
                        (cell(4).unwrap_or_default(), cell(5).unwrap_or_default());
                    self.not_negative(t, row, 4, noun!("old meter's last index"), old_final)?;
                    self.not_negative(t, row, 5, noun!("new meter's first index"), new_initial)?;
                    MeterEvent::Replacement {
                        date,
                        old_final,
                        new_initial,
                    }
                }
                EventKind::Rollover => {
                    let modulus = cell(6).unwrap_or_default();
                    if modulus <= Decimal::ZERO {
                        return Err(Error::invalid(
                            noun!("rollover modulus"),
                            modulus,
                            msg!("is above zero"),
                        )
                        .within(&at(6)));
                    }
                    MeterEvent::Rollover { date, modulus }
                }
            };
            self.meter(t, row, &ev.household[row], &ev.meter[row])?
                .events()
                .push(event);
        }
        Ok(())
    }

    fn bills(&mut self, cols: &Columns) -> Result<()> {
        let t = Table::Bills;
        let Some(b) = &cols.bills else { return Ok(()) };
        let n = b.household.len();
        check_lengths(
            self.origins,
            t,
            n,
            &[
                (1, b.meter.len(), false),
                (2, b.first.len(), false),
                (3, b.last.len(), false),
                (4, b.quantity.len(), false),
            ],
        )?;
        for row in 0..n {
            let period = Period::new(b.first[row], b.last[row])
                .map_err(|e| e.within(&self.at(t, row, 3)))?;
            self.not_negative(t, row, 4, noun!("bill quantity"), b.quantity[row])?;
            let bill = Bill {
                period,
                quantity: b.quantity[row],
            };
            self.meter(t, row, &b.household[row], &b.meter[row])?
                .bills()
                .push(bill);
        }
        Ok(())
    }

    fn quantities(&mut self, cols: &Columns, t: Table) -> Result<()> {
        let q = match t {
            Table::Deliveries => &cols.deliveries,
            _ => &cols.stock,
        };
        let Some(q) = q else { return Ok(()) };
        let n = q.household.len();
        check_lengths(
            self.origins,
            t,
            n,
            &[
                (1, q.meter.len(), false),
                (2, q.date.len(), false),
                (3, q.quantity.len(), false),
            ],
        )?;
        for row in 0..n {
            let (date, quantity) = (q.date[row], q.quantity[row]);
            if t == Table::Deliveries {
                self.not_negative(t, row, 3, noun!("delivery quantity"), quantity)?;
                let m = self.energy_meter(t, row, &q.household[row], &q.meter[row])?;
                m.deliveries.push(Delivery { date, quantity });
            } else {
                self.not_negative(t, row, 3, noun!("stock estimate"), quantity)?;
                let m = self.energy_meter(t, row, &q.household[row], &q.meter[row])?;
                m.stock.push(StockEstimate { date, quantity });
            }
        }
        Ok(())
    }

    fn presence(&mut self, cols: &Columns) -> Result<()> {
        let t = Table::Presence;
        let Some(p) = &cols.presence else {
            return Ok(());
        };
        let n = p.household.len();
        check_lengths(
            self.origins,
            t,
            n,
            &[
                (1, p.from.len(), false),
                (2, p.adults.len(), false),
                (3, p.children_ages.len(), true),
            ],
        )?;
        for row in 0..n {
            let at = |c| self.at(t, row, c);
            let h = self.household(t, row, &p.household[row])?;
            let occupants = occupants(
                p.adults[row],
                p.children_ages.get(row),
                noun!("children ages"),
            )
            .map_err(|(e, c)| e.within(&at(if c { 3 } else { 2 })))?;
            let change = PresenceChange {
                from: p.from[row],
                occupants,
            };
            if let Some(list) = self.presence.get_mut(h) {
                list.push((row, change));
            }
        }
        for (h, list) in self.households.iter_mut().zip(&mut self.presence) {
            if list.is_empty() {
                continue;
            }
            let from = |i: usize| list.get(i).map(|(_, c)| c.from);
            let order = crate::sort::stable_order(list.len(), &|a, b| from(a).cmp(&from(b)));
            *list = crate::sort::reorder(std::mem::take(list), &order);
            for w in list.windows(2) {
                if let [(_, a), (row, b)] = w {
                    if a.from == b.from {
                        return Err(Error::Duplicate {
                            what: noun!("presence change"),
                            id: b.from.to_string(),
                            at: Location {
                                household: Some(h.id.to_string()),
                                ..self.origins.at(t, *row, Some(1))
                            },
                        });
                    }
                }
            }
            let changes = list.iter().map(|(_, c)| c.clone()).collect();
            h.occupancy = Occupancy::new(h.occupancy.initial().clone(), changes)?;
        }
        Ok(())
    }

    #[cfg(feature = "themes")]
    /// Each weighing to its household, in the table's order; the stream is
    /// read by name or French alias and the mass must not be negative.
    fn weighings(&mut self, cols: &Columns) -> Result<()> {
        let t = Table::Weighings;
        let Some(w) = &cols.weighings else {
            return Ok(());
        };
        let n = w.household.len();
        check_lengths(
            self.origins,
            t,
            n,
            &[
                (1, w.date.len(), false),
                (2, w.stream.len(), false),
                (3, w.kg.len(), false),
            ],
        )?;
        for row in 0..n {
            let h = self.household(t, row, &w.household[row])?;
            let stream =
                value::stream(&w.stream[row]).map_err(|e| e.within(&self.at(t, row, 2)))?;
            self.not_negative(t, row, 3, noun!("weighed mass"), w.kg[row])?;
            if let Some(h) = self.households.get_mut(h) {
                h.weighings.push(Weighing {
                    date: w.date[row],
                    stream,
                    kg: Kg::new(w.kg[row]),
                });
            }
        }
        Ok(())
    }

    #[cfg(feature = "themes")]
    /// Each purchase to its household, in the table's order.
    fn purchases(&mut self, cols: &Columns) -> Result<()> {
        let t = Table::Purchases;
        let Some(p) = &cols.purchases else {
            return Ok(());
        };
        let n = p.household.len();
        check_lengths(
            self.origins,
            t,
            n,
            &[
                (1, p.date.len(), false),
                (2, p.amount.len(), false),
                (3, p.organic.len(), false),
                (4, p.local.len(), false),
                (5, p.channel.len(), false),
                (6, p.meals.len(), false),
                (7, p.persons.len(), false),
            ],
        )?;
        for row in 0..n {
            let h = self.household(t, row, &p.household[row])?;
            self.not_negative(t, row, 2, noun!("amount paid"), p.amount[row])?;
            let channel =
                value::channel(&p.channel[row]).map_err(|e| e.within(&self.at(t, row, 5)))?;
            if let Some(h) = self.households.get_mut(h) {
                h.food_purchases.push(Purchase {
                    date: p.date[row],
                    amount: Euros::new(p.amount[row]),
                    organic: p.organic[row],
                    local: p.local[row],
                    channel,
                    meals: p.meals[row],
                    persons: p.persons[row],
                });
            }
        }
        Ok(())
    }

    #[cfg(feature = "themes")]
    /// Each trip or diary line to its household, in the table's order.
    fn trips(&mut self, cols: &Columns) -> Result<()> {
        let t = Table::Trips;
        let Some(tr) = &cols.trips else {
            return Ok(());
        };
        let n = tr.household.len();
        check_lengths(
            self.origins,
            t,
            n,
            &[
                (1, tr.date.len(), false),
                (2, tr.mode.len(), false),
                (3, tr.km.len(), false),
                (4, tr.trips.len(), true),
            ],
        )?;
        for row in 0..n {
            let h = self.household(t, row, &tr.household[row])?;
            let mode = value::mode(&tr.mode[row]).map_err(|e| e.within(&self.at(t, row, 2)))?;
            self.not_negative(t, row, 3, noun!("person-km"), tr.km[row])?;
            let trips = opt(&tr.trips, row).flatten().unwrap_or(1);
            if trips == 0 {
                return Err(
                    Error::invalid(noun!("number of trips"), 0, msg!("at least one trip"))
                        .within(&self.at(t, row, 4)),
                );
            }
            if let Some(h) = self.households.get_mut(h) {
                h.trips.push(Trip {
                    date: tr.date[row],
                    mode,
                    km: Km::new(tr.km[row]),
                    trips,
                });
            }
        }
        Ok(())
    }

    /// The core's own checks, as a backstop, located at the meter's or the
    /// household's row.
    fn validate(&self) -> Result<()> {
        for (i, h) in self.households.iter().enumerate() {
            h.validate().map_err(|e| {
                let meter = e.location().and_then(|l| l.meter.clone());
                let row = meter.and_then(|m| {
                    let pos = h.meters.iter().position(|x| x.id.as_str() == m)?;
                    self.meter_rows.get(i)?.get(pos).copied()
                });
                match row {
                    Some(r) => e.within(&self.origins.at(Table::Meters, r, None)),
                    None => e.within(&self.origins.at(Table::Households, i, None)),
                }
            })?;
        }
        Ok(())
    }
}

/// A meter row's own conversion coefficient (columns 5 and 6, both or
/// neither), above zero.
fn conversion(
    mc: &MeterColumns,
    row: usize,
    at: &dyn Fn(usize) -> Location,
) -> Result<Option<Conversion>> {
    let basis = opt(&mc.basis, row).flatten();
    Ok(match (opt(&mc.kwh_per_unit, row).flatten(), basis) {
        (None, None) => None,
        (Some(k), Some(b)) => {
            if k <= Decimal::ZERO {
                return Err(Error::invalid(
                    noun!("conversion"),
                    k,
                    msg!("kWh per unit is above zero"),
                )
                .within(&at(5)));
            }
            let basis = value::basis(&b).map_err(|e| e.within(&at(6)))?;
            Some(Conversion {
                kwh_per_unit: k,
                basis,
            })
        }
        (Some(k), None) => {
            return Err(Error::invalid(
                noun!("basis"),
                "\"\"",
                msg!(
                    "the conversion coefficient {k} needs its basis, `pci` or `pcs`",
                    k = k
                ),
            )
            .within(&at(6)))
        }
        (None, Some(b)) => {
            return Err(Error::invalid(
                noun!("conversion"),
                "\"\"",
                msg!(
                    "the basis `{b}` is given without a conversion coefficient",
                    b = Arg::text(b)
                ),
            )
            .within(&at(5)))
        }
    })
}

/// A meter event's kind as a noun of the catalogue.
fn event_noun(kind: EventKind) -> Arg {
    Arg::noun(match kind {
        EventKind::Replacement => noun!("replacement"),
        EventKind::Rollover => noun!("rollover"),
    })
}

/// Occupants from a count and a cell of ages; on error, whether the ages
/// column is to blame.
fn occupants(
    adults: u16,
    ages: Option<&String>,
    what: &'static str,
) -> std::result::Result<Occupants, (Error, bool)> {
    let children = match ages {
        Some(a) => value::ages(a, what).map_err(|e| (e, true))?,
        None => Vec::new(),
    };
    Occupants::new(adults, children).map_err(|e| (e, adults != 0))
}

fn temperatures(cols: &Columns, origins: &Origins) -> Result<Option<Temperatures>> {
    let t = Table::Temperatures;
    let Some(tc) = &cols.temperatures else {
        return Ok(None);
    };
    let n = tc.date.len();
    check_lengths(
        origins,
        t,
        n,
        &[(1, tc.tn.len(), false), (2, tc.tx.len(), false)],
    )?;
    let plausible = Decimal::ONE_HUNDRED;
    let mut days = Vec::with_capacity(n);
    for row in 0..n {
        let at = |c| origins.at(t, row, Some(c));
        let (date, tn, tx) = (tc.date[row], tc.tn[row], tc.tx[row]);
        if row > 0 && day_number(date) != day_number(tc.date[row - 1]) + 1 {
            return Err(Error::invalid(
                noun!("temperature date"),
                date,
                msg!(
                    "days are consecutive and in order: expected the day after {day}",
                    day = tc.date[row - 1]
                ),
            )
            .within(&at(0)));
        }
        for (c, v) in [(1, tn), (2, tx)] {
            if v.abs() > plausible {
                return Err(
                    Error::invalid(noun!("temperature"), v, msg!("beyond ±100 °C")).within(&at(c)),
                );
            }
        }
        if tn > tx {
            return Err(Error::invalid(
                noun!("temperature"),
                format!("Tn {tn} > Tx {tx}"),
                msg!("Tn ≤ Tx"),
            )
            .within(&at(2)));
        }
        days.push(DailyTemperature { date, tn, tx });
    }
    Temperatures::new(&days)
        .map(Some)
        .map_err(|e| e.within(&origins.table(t)))
}

/// Builds the core's inputs from columns whose rows come from `origins`.
pub(super) fn assemble(cols: &Columns, origins: &Origins) -> Result<Inputs> {
    let mut a = Assembler {
        origins,
        households: Vec::with_capacity(cols.households.household.len()),
        by_id: HashMap::new(),
        meter_rows: Vec::new(),
        presence: Vec::new(),
    };
    a.households(cols)?;
    let teams = a.teams(cols)?;
    a.meters(cols)?;
    a.readings(cols)?;
    a.events(cols)?;
    a.bills(cols)?;
    a.quantities(cols, Table::Deliveries)?;
    a.quantities(cols, Table::Stock)?;
    a.presence(cols)?;
    #[cfg(feature = "themes")]
    {
        a.weighings(cols)?;
        a.purchases(cols)?;
        a.trips(cols)?;
    }
    #[cfg(not(feature = "themes"))]
    if cols.weighings.is_some() || cols.purchases.is_some() || cols.trips.is_some() {
        return Err(Error::Unsupported {
            what: noun!("a weighings, purchases or trips table"),
            feature: "themes",
        });
    }
    a.validate()?;
    let temperatures = temperatures(cols, origins)?;
    Ok(Inputs {
        households: a.households,
        teams,
        temperatures,
    })
}

#[cfg(test)]
// Tables of short test cases read best as they are.
#[allow(
    clippy::many_single_char_names,
    clippy::too_many_lines,
    clippy::format_push_string
)]
mod tests {
    use crate::date::date;
    use proptest::prelude::*;
    use rust_decimal::dec;

    use super::super::{Columns, ReadingColumns, Source, Tables};
    use super::day_number;
    use crate::error::Error;
    use crate::meter::{Basis, Carrier, Unit, Usage};

    macro_rules! demo {
        ($dir:literal, $file:literal) => {
            include_str!(concat!("../../examples/data/", $dir, "/", $file))
        };
    }

    fn demo_tables(readings: &'static str) -> Tables<'static> {
        let mut t = Tables::new(Source::new("foyers.csv", demo!("table-demo", "foyers.csv")));
        t.teams = Some(Source::new(
            "equipes.csv",
            demo!("table-demo", "equipes.csv"),
        ));
        t.meters = Some(Source::new(
            "compteurs.csv",
            // Windows-1252, as Excel exports it on French Windows.
            Box::leak(
                crate::table::encoding::decode(include_bytes!(
                    "../../examples/data/table-demo/compteurs.csv"
                ))
                .into_owned()
                .into_boxed_str(),
            ),
        ));
        t.readings = Some(Source::new("releves.csv", readings));
        t.events = Some(Source::new(
            "evenements.csv",
            demo!("table-demo", "evenements.csv"),
        ));
        t.deliveries = Some(Source::new(
            "livraisons.csv",
            demo!("table-demo", "livraisons.csv"),
        ));
        t.stock = Some(Source::new("stocks.csv", demo!("table-demo", "stocks.csv")));
        t.temperatures = Some(Source::new(
            "temperatures.csv",
            demo!("table-demo", "temperatures.csv"),
        ));
        t
    }

    #[test]
    fn reads_the_demo_set() {
        let inputs = demo_tables(demo!("table-demo", "releves.csv"))
            .read()
            .unwrap();
        let ids: Vec<&str> = inputs.households.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["F01", "F02", "F03"]);
        let [f1, f2, f3] = &inputs.households[..] else {
            panic!()
        };
        assert_eq!(f1.team.as_str(), "lucioles");
        assert_eq!(f1.occupancy.initial().adults(), 2);
        assert_eq!(f1.occupancy.initial().children(), &[8, 12]);
        assert_eq!(f1.surface_m2, Some(dec!(95)));
        assert_eq!(f2.occupancy.initial().children(), &[] as &[u8]);
        assert_eq!(f2.surface_m2, Some(dec!(48.5)));
        assert_eq!(f3.surface_m2, Some(dec!(112.5)));
        assert_eq!(inputs.teams.len(), 2);
        assert_eq!(inputs.teams[0].name, "Les Lucioles; quartier Nord");
        assert_eq!(
            inputs.teams[0]
                .captain
                .as_ref()
                .map(crate::id::HouseholdId::as_str),
            Some("F01")
        );
        assert_eq!(inputs.teams[1].captain, None);

        let gas = &f1.meters[0];
        assert_eq!(
            (gas.id.as_str(), gas.carrier, gas.unit, gas.usage),
            ("gaz", Carrier::NaturalGas, Unit::M3, Usage::Mixed)
        );
        let conv = gas.conversion.unwrap();
        assert_eq!((conv.kwh_per_unit, conv.basis), (dec!(11.2), Basis::Pcs));
        assert_eq!(gas.readings.len(), 12);
        assert_eq!(gas.readings[0].date, date(2024, 12, 1));
        assert_eq!(gas.readings[0].value, dec!(12345.6));
        assert_eq!(gas.readings[11].value, dec!(15743.2));
        assert_eq!(f1.meters[1].usage, Usage::NoHeating);
        assert_eq!(f1.meters[1].readings.len(), 4);
        let elec = &f2.meters[0];
        assert_eq!(
            elec.heating_share.map(crate::quantity::Ratio::fraction),
            Some(dec!(0.7))
        );
        assert_eq!(elec.readings.len(), 5);
        assert_eq!(elec.readings[0].date, date(2024, 12, 1));
        assert_eq!(
            elec.events,
            [crate::meter::MeterEvent::Replacement {
                date: date(2026, 2, 10),
                old_final: dec!(13640),
                new_initial: dec!(0),
            }]
        );
        let oil = &f3.meters[0];
        assert_eq!(
            (oil.carrier, oil.unit, oil.usage),
            (Carrier::FuelOil, Unit::L, Usage::HeatingOnly)
        );
        assert_eq!(oil.deliveries.len(), 2);
        assert_eq!(oil.deliveries[0].quantity, dec!(1500));
        assert_eq!(oil.stock.len(), 4);
        let t = inputs.temperatures.unwrap();
        // 25 Nov 2024 to 5 May 2026, both included.
        assert_eq!(t.len(), 37 + 365 + 125);
        assert_eq!(t.values()[0], (dec!(0.9), dec!(8.9)));
    }

    #[test]
    fn the_broken_demo_names_file_line_and_column() {
        let e = demo_tables(demo!("table-demo-broken", "releves.csv"))
            .read()
            .unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert!(
            e.to_string()
                .starts_with("invalid reading value (got \"12,3,4\"): "),
            "{e}"
        );
        assert!(
            e.to_string()
                .ends_with(" at file `releves.csv`, line 17, column `valeur`"),
            "{e}"
        );
    }

    /// The error of reading `households`, `meters` and `readings` texts
    /// (with a minimal valid default for each).
    fn error(households: Option<&str>, meters: Option<&str>, readings: Option<&str>) -> Error {
        let h = households.unwrap_or("household,team,adults\nA,t,1\nB,t,2\n");
        let m = meters.unwrap_or("household,meter,carrier,unit,usage\nA,g,gaz,m3,mixte\n");
        let r = readings.unwrap_or("household,meter,date,value\nA,g,2025-12-01,1\n");
        let mut t = Tables::new(Source::new("h.csv", h));
        t.meters = Some(Source::new("m.csv", m));
        t.readings = Some(Source::new("r.csv", r));
        t.read().unwrap_err()
    }

    fn expect(e: &Error, code: &str, file: &str, line: usize, column: &str) {
        let at = e.location().cloned().unwrap_or_default();
        assert_eq!(
            (
                e.code(),
                at.file.as_deref().unwrap_or_default(),
                at.line.unwrap_or(0),
                at.column.as_deref().unwrap_or_default()
            ),
            (code, file, line, column),
            "{e}"
        );
    }

    #[test]
    fn syntax_and_header_errors() {
        let r = |text: &str| error(None, None, Some(text));
        expect(
            &r("household,meter,date,value,note\n"),
            "unknown_name",
            "r.csv",
            1,
            "note",
        );
        expect(
            &r("household,meter,date\n"),
            "invalid_value",
            "r.csv",
            1,
            "value",
        );
        expect(
            &r("foyer,household,meter,date,value\n"),
            "duplicate",
            "r.csv",
            1,
            "household",
        );
        expect(
            &r("household,meter,date,value\nA,g,2025-12-01,\"1\n"),
            "invalid_value",
            "r.csv",
            2,
            "",
        );
        expect(
            &r("household,meter,date,value\nA,g,2025-12-01\n"),
            "invalid_value",
            "r.csv",
            2,
            "",
        );
        expect(
            &r("household,meter,date,value\nA,g,2025-12-01,1,2\n"),
            "invalid_value",
            "r.csv",
            2,
            "",
        );
        expect(
            &r("household,meter,date,value\nA,g,,1\n"),
            "invalid_value",
            "r.csv",
            2,
            "date",
        );
        expect(
            &r("household,meter,date,value\nA,g,2025-02-30,1\n"),
            "invalid_value",
            "r.csv",
            2,
            "date",
        );
        expect(&r(""), "invalid_value", "r.csv", 1, "");
        expect(
            &r("household;meter,date\n"),
            "invalid_value",
            "r.csv",
            1,
            "",
        );
        expect(
            &r("household,meter,date,value,\nA,g,2025-12-01,1,x\n"),
            "invalid_value",
            "r.csv",
            2,
            "",
        );
        // A blank column, blank rows and trailing empty fields are fine.
        let ok = "household,meter,date,value,\n,,,,\nA,g,2025-12-01,1,\n\n";
        let mut t = Tables::new(Source::new("h.csv", "household,team,adults\nA,t,1\n"));
        t.meters = Some(Source::new(
            "m.csv",
            "household,meter,carrier,unit,usage\nA,g,gaz,m3,mixte\n",
        ));
        t.readings = Some(Source::new("r.csv", ok));
        assert_eq!(t.read().unwrap().households[0].meters[0].readings.len(), 1);
    }

    #[test]
    fn reference_errors() {
        let r = |text: &str| error(None, None, Some(text));
        let e = r("household,meter,date,value\nA,g,2025-12-01,1\nZ,g,2025-12-02,2\n");
        expect(&e, "unknown_reference", "r.csv", 3, "household");
        assert_eq!(
            e.to_string(),
            "unknown household `Z` at file `r.csv`, line 3, column `household`"
        );
        let e = r("foyer;compteur;date;valeur\nA;elec;01/12/2025;1\n");
        expect(&e, "unknown_reference", "r.csv", 2, "compteur");
        let m = |text: &str| error(None, Some(text), None);
        expect(
            &m("household,meter,carrier,unit,usage\nQ,g,gaz,m3,mixte\n"),
            "unknown_reference",
            "m.csv",
            2,
            "household",
        );
        expect(
            &m("household,meter,carrier,unit,usage\nA,g,gaz,m3,mixte\nA,g,gaz,m3,mixte\n"),
            "duplicate",
            "m.csv",
            3,
            "meter",
        );
        let h = |text: &str| error(Some(text), None, None);
        expect(
            &h("household,team,adults\nA,t,1\nA,t,1\n"),
            "duplicate",
            "h.csv",
            3,
            "household",
        );
        let mut t = Tables::new(Source::new(
            "h.csv",
            "household,team,adults\nA,t,1\nB,u,1\n",
        ));
        t.teams = Some(Source::new("t.csv", "team,captain\nt,A\n"));
        expect(
            &t.read().unwrap_err(),
            "unknown_reference",
            "h.csv",
            3,
            "team",
        );
        t.teams = Some(Source::new("t.csv", "team,captain\nt,A\nu,C\n"));
        expect(
            &t.read().unwrap_err(),
            "unknown_reference",
            "t.csv",
            3,
            "captain",
        );
        t.teams = Some(Source::new("t.csv", "team\nt\nu\nt\n"));
        expect(&t.read().unwrap_err(), "duplicate", "t.csv", 4, "team");
    }

    #[test]
    fn value_errors() {
        let h = |text: &str| error(Some(text), None, None);
        expect(
            &h("household,team,adults\nA,t,0\n"),
            "invalid_value",
            "h.csv",
            2,
            "adults",
        );
        expect(
            &h("household,team,adults,children_ages\nA,t,1,4 18\n"),
            "invalid_value",
            "h.csv",
            2,
            "children_ages",
        );
        expect(
            &h("household,team,adults,children_ages\nA,t,1,4 ans\n"),
            "invalid_value",
            "h.csv",
            2,
            "children_ages",
        );
        expect(
            &h("household,team,adults,surface\nA,t,1,0\n"),
            "invalid_value",
            "h.csv",
            2,
            "surface",
        );
        expect(
            &h("household,team,adults\nA,t,deux\n"),
            "invalid_value",
            "h.csv",
            2,
            "adults",
        );
        let m = |text: &str| error(None, Some(text), None);
        let head = "household,meter,carrier,unit,usage,kwh_per_unit,basis,heating_share\n";
        let e = m(&format!("{head}A,g,charbon,t,mixed,,,\n"));
        expect(&e, "unknown_name", "m.csv", 2, "carrier");
        expect(
            &m(&format!("{head}A,g,gaz,stere,mixed,,,\n")),
            "invalid_value",
            "m.csv",
            2,
            "unit",
        );
        expect(
            &m(&format!("{head}A,g,gaz,m3,sometimes,,,\n")),
            "unknown_name",
            "m.csv",
            2,
            "usage",
        );
        expect(
            &m(&format!("{head}A,g,gaz,m3,mixed,\"11,2\",,\n")),
            "invalid_value",
            "m.csv",
            2,
            "basis",
        );
        expect(
            &m(&format!("{head}A,g,gaz,m3,mixed,,pcs,\n")),
            "invalid_value",
            "m.csv",
            2,
            "kwh_per_unit",
        );
        expect(
            &m(&format!("{head}A,g,gaz,m3,mixed,0,pcs,\n")),
            "invalid_value",
            "m.csv",
            2,
            "kwh_per_unit",
        );
        expect(
            &m(&format!("{head}A,g,gaz,m3,mixed,11,pcx,\n")),
            "unknown_name",
            "m.csv",
            2,
            "basis",
        );
        expect(
            &m(&format!("{head}A,g,gaz,m3,mixed,,,120 %\n")),
            "invalid_value",
            "m.csv",
            2,
            "heating_share",
        );
        let r = |text: &str| error(None, None, Some(text));
        expect(
            &r("household,meter,date,value\nA,g,2025-12-01,-1\n"),
            "invalid_value",
            "r.csv",
            2,
            "value",
        );
    }

    fn with(table: &str, text: &str) -> Error {
        let mut t = Tables::new(Source::new("h.csv", "household,team,adults\nA,t,1\n"));
        t.meters = Some(Source::new(
            "m.csv",
            "household,meter,carrier,unit,usage\nA,g,gaz,m3,mixte\n",
        ));
        let src = Some(Source::new("x.csv", text));
        match table {
            "events" => t.events = src,
            "bills" => t.bills = src,
            "deliveries" => t.deliveries = src,
            "stock" => t.stock = src,
            "presence" => t.presence = src,
            _ => t.temperatures = src,
        }
        t.read().unwrap_err()
    }

    #[test]
    fn errors_of_the_other_tables() {
        let ev = "household,meter,date,kind,old_final,new_initial,modulus\n";
        expect(
            &with("events", &format!("{ev}A,g,2026-01-10,replacement,,0,\n")),
            "invalid_value",
            "x.csv",
            2,
            "old_final",
        );
        expect(
            &with(
                "events",
                &format!("{ev}A,g,2026-01-10,rollover,5,,100000\n"),
            ),
            "invalid_value",
            "x.csv",
            2,
            "old_final",
        );
        expect(
            &with("events", &format!("{ev}A,g,2026-01-10,rollover,,,0\n")),
            "invalid_value",
            "x.csv",
            2,
            "modulus",
        );
        expect(
            &with("events", &format!("{ev}A,g,2026-01-10,panne,,,\n")),
            "unknown_name",
            "x.csv",
            2,
            "kind",
        );
        expect(
            &with(
                "bills",
                "household,meter,debut,fin,quantite\nA,g,01/02/2026,31/01/2026,3\n",
            ),
            "invalid_value",
            "x.csv",
            2,
            "fin",
        );
        expect(
            &with(
                "deliveries",
                "household,meter,date,quantity\nA,g,2026-01-01,-3\n",
            ),
            "invalid_value",
            "x.csv",
            2,
            "quantity",
        );
        expect(
            &with("stock", "household,meter,date,quantity\nA,x,2026-01-01,3\n"),
            "unknown_reference",
            "x.csv",
            2,
            "meter",
        );
        expect(
            &with(
                "presence",
                "household,from,adults\nA,2026-01-01,2\nA,2026-01-01,3\n",
            ),
            "duplicate",
            "x.csv",
            3,
            "from",
        );
        expect(
            &with(
                "temperatures",
                "date,tn,tx\n2026-01-01,1,2\n2026-01-03,1,2\n",
            ),
            "invalid_value",
            "x.csv",
            3,
            "date",
        );
        expect(
            &with("temperatures", "date;tn;tx\n2026-01-01;3;2\n"),
            "invalid_value",
            "x.csv",
            2,
            "tx",
        );
        expect(
            &with("temperatures", "date;tn;tx\n2026-01-01;-101;2\n"),
            "invalid_value",
            "x.csv",
            2,
            "tn",
        );
        expect(
            &with("temperatures", "date;tn;tx\n"),
            "insufficient_data",
            "x.csv",
            0,
            "",
        );
        // A meter with both readings and bills: the core's own check,
        // located at the meter's row.
        let mut t = Tables::new(Source::new("h.csv", "household,team,adults\nA,t,1\n"));
        t.meters = Some(Source::new(
            "m.csv",
            "household,meter,carrier,unit,usage\nA,g,gaz,m3,mixte\n",
        ));
        t.readings = Some(Source::new(
            "r.csv",
            "household,meter,date,value\nA,g,2026-01-01,3\n",
        ));
        t.bills = Some(Source::new(
            "b.csv",
            "household,meter,first,last,quantity\nA,g,2026-01-01,2026-01-31,3\n",
        ));
        expect(&t.read().unwrap_err(), "invalid_value", "m.csv", 2, "");
    }

    #[test]
    fn presence_changes_are_sorted() {
        let mut t = Tables::new(Source::new("h.csv", "household,team,adults\nA,t,1\n"));
        t.presence = Some(Source::new(
            "p.csv",
            "household,from,adults,children_ages\nA,2026-03-01,2,0\nA,2026-01-01,2,\n",
        ));
        let inputs = t.read().unwrap();
        let changes = inputs.households[0].occupancy.changes();
        assert_eq!(changes.len(), 2);
        assert_eq!(changes[0].from, date(2026, 1, 1));
        assert_eq!(changes[1].occupants.children(), &[0]);
    }

    #[test]
    fn columns_are_located_by_table_and_row() {
        let mut c = Tables::new(Source::new("h.csv", "household,team,adults\nA,t,1\n"))
            .to_columns()
            .unwrap();
        c.readings = Some(ReadingColumns {
            household: vec!["A".into(); 2],
            meter: vec!["g".into(); 2],
            date: vec![date(2026, 1, 1); 2],
            value: vec![dec!(1)],
        });
        let e = c.assemble().unwrap_err();
        let at = e.location().unwrap();
        assert_eq!(
            (at.file.as_deref(), at.column.as_deref()),
            (Some("readings"), Some("value"))
        );
        c.readings.as_mut().unwrap().value.push(dec!(2));
        let e = c.assemble().unwrap_err();
        assert_eq!(e.code(), "unknown_reference");
        let at = e.location().unwrap();
        assert_eq!(
            (at.file.as_deref(), at.index, at.line, at.column.as_deref()),
            (Some("readings"), Some(0), None, Some("meter"))
        );
        assert_eq!(
            e.to_string(),
            "unknown meter `g` at file `readings`, column `meter`, household `A`, item 0"
        );
    }

    #[test]
    fn csv_and_columns_agree_on_the_demo() {
        let t = demo_tables(demo!("table-demo", "releves.csv"));
        let columns: Columns = t.to_columns().unwrap();
        assert_eq!(columns.assemble().unwrap(), t.read().unwrap());
    }

    /// A decimal written as a French spreadsheet does: comma mark, spaces
    /// between thousands.
    fn french(d: rust_decimal::Decimal) -> String {
        let s = d.abs().to_string();
        let (int, frac) = s
            .split_once('.')
            .map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
        let mut out = String::from(if d.is_sign_negative() { "-" } else { "" });
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(' ');
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push(',');
            out.push_str(f);
        }
        out
    }

    proptest! {
        /// Readings written as CSV (either delimiter, decimal mark and date
        /// form, with or without a BOM and quotes) read back as the same
        /// columns, and the CSV and columnar paths assemble alike.
        #[test]
        fn written_rows_read_back(
            rows in prop::collection::vec(
                (0usize..3, 0u8..2, 0i32..800, any::<i64>(), 0u32..5),
                0..20,
            ),
            french_style in any::<bool>(),
            bom in any::<bool>(),
            quote_all in any::<bool>(),
        ) {
            let households = ["A", "B \"b\"", "C;c,"];
            let d = if french_style { crate::table::Delimiter::Semicolon } else { crate::table::Delimiter::Comma };
            let mut expected = ReadingColumns::default();
            let mut out = String::from(if bom { "\u{feff}" } else { "" });
            let header = if french_style { ["foyer", "compteur", "date", "valeur"] } else { ["household", "meter", "date", "value"] };
            crate::table::csv::write_record(&mut out, header, d);
            for &(h, m, day, v, scale) in &rows {
                let day = crate::date::date_of(day_number(date(2025, 1, 1)) + day).unwrap();
                let value = rust_decimal::Decimal::new(v.abs(), scale);
                let household = households[h].to_owned();
                let meter = format!("m{m}");
                let date_text = if french_style { format!("{:02}/{:02}/{:04}", day.day(), day.month(), day.year()) } else { day.to_string() };
                let value_text = if french_style { french(value) } else { value.to_string() };
                let fields = [household.clone(), meter.clone(), date_text, value_text];
                if quote_all {
                    let quoted: Vec<String> = fields.iter().map(|f| format!("\"{}\"", f.replace('"', "\"\""))).collect();
                    out.push_str(&quoted.join(&d.as_char().to_string()));
                    out.push_str("\r\n");
                } else {
                    crate::table::csv::write_record(&mut out, fields.iter().map(String::as_str), d);
                }
                expected.household.push(household);
                expected.meter.push(meter);
                expected.date.push(day);
                expected.value.push(value);
            }
            let mut h = String::from("household;team;adults\n");
            for name in households {
                h.push_str(&format!("\"{}\";t;1\n", name.replace('"', "\"\"")));
            }
            let mut m = String::from("household;meter;carrier;unit;usage\n");
            for name in households {
                for k in 0..2 {
                    m.push_str(&format!("\"{}\";m{k};electricity;kwh;mixed\n", name.replace('"', "\"\"")));
                }
            }
            let mut t = Tables::new(Source::new("h.csv", &h));
            t.meters = Some(Source::new("m.csv", &m));
            t.readings = Some(Source::new("r.csv", &out));
            let columns = t.to_columns().unwrap();
            prop_assert_eq!(columns.readings.as_ref(), Some(&expected));
            prop_assert_eq!(columns.assemble().unwrap(), t.read().unwrap());
        }

        /// Any text in any table gives inputs or a typed error, never a
        /// panic.
        #[test]
        fn any_text_is_ok_or_an_error(
            text in "\\PC{0,80}|[a-z0-9,;\"\r\n\t /.-]{0,80}",
            which in 0usize..10,
            header in any::<bool>(),
        ) {
            let heads = [
                "household,team,adults,children_ages,surface\n",
                "team,name,captain\n",
                "household,meter,carrier,unit,usage,kwh_per_unit,basis,heating_share\n",
                "household,meter,date,value\n",
                "household,meter,date,kind,old_final,new_initial,modulus\n",
                "household,meter,first,last,quantity\n",
                "household,meter,date,quantity\n",
                "household,meter,date,quantity\n",
                "household,from,adults,children_ages\n",
                "date,tn,tx\n",
            ];
            let full = if header { format!("{}{text}", heads[which]) } else { text.clone() };
            let h = "household,team,adults\na,t,1\n";
            let mut t = Tables::new(Source::new("h.csv", if which == 0 { &full } else { h }));
            let src = Some(Source::new("x.csv", full.as_str()));
            t.meters = Some(Source::new("m.csv", "household,meter,carrier,unit,usage\na,m,gaz,m3,mixed\n"));
            match which {
                1 => t.teams = src,
                2 => t.meters = src,
                3 => t.readings = src,
                4 => t.events = src,
                5 => t.bills = src,
                6 => t.deliveries = src,
                7 => t.stock = src,
                8 => t.presence = src,
                9 => t.temperatures = src,
                _ => {}
            }
            let _ = t.read();
        }
    }
}
