//! From typed columns to the core's households, teams and temperatures:
//! the assembly shared by the CSV and the columnar entry points.
//!
//! Every reference is checked (a meter's household, a reading's meter, a
//! household's team, a team's captain) and every row lands somewhere: a row
//! that refers to nothing is an error, never dropped.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use crate::challenge::Team;
use crate::error::{Error, Location, Result};
use crate::household::{Household, Occupancy, Occupants, PresenceChange};
use crate::id::{HouseholdId, MeterId, TeamId};
use crate::meter::{Bill, Conversion, Delivery, Meter, MeterEvent, Reading, StockEstimate};
use crate::period::{day_number, Period};
use crate::quantity::Ratio;
use crate::weather::{DailyTemperature, Temperatures};

use super::columns::{Header, Table};
use super::value::{self, EventKind};
use super::{Columns, Inputs};

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
pub(super) struct Origins(pub BTreeMap<Table, Origin>);

impl Origins {
    /// The location of `row` (from 0) of `table`, at its `column`-th column.
    pub fn at(&self, table: Table, row: usize, column: Option<usize>) -> Location {
        match self.0.get(&table) {
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
                self.0
                    .get(&table)
                    .map_or_else(|| table.as_str().to_owned(), |o| o.file.clone()),
            ),
            ..Location::NONE
        }
    }
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
                what: "column length",
                got: len.to_string(),
                why: format!(
                    "the column `{name}` has {len} values, the table `{table}` has {n} rows{}",
                    if optional {
                        " (an optional column may also be empty: absent)"
                    } else {
                        ""
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
                what: "household",
                id: id.to_owned(),
                at: self.at(table, row, 0),
            })
    }

    /// The (household, meter) positions of a row's meter (columns 0 and 1).
    fn meter(
        &mut self,
        table: Table,
        row: usize,
        household: &str,
        meter: &str,
    ) -> Result<&mut Meter> {
        let h = self.household(table, row, household)?;
        let at = self.at(table, row, 1);
        self.households
            .get_mut(h)
            .and_then(|h| h.meters.iter_mut().find(|m| m.id.as_str() == meter))
            .ok_or_else(|| Error::UnknownReference {
                what: "meter",
                id: meter.to_owned(),
                at: Location {
                    household: Some(household.to_owned()),
                    ..at
                },
            })
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
                why: "cannot be negative".into(),
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
            ],
        )?;
        for row in 0..n {
            let at = |c| self.at(t, row, c);
            let id = HouseholdId::new(h.household[row].as_str()).map_err(|e| e.within(&at(0)))?;
            if self.by_id.contains_key(id.as_str()) {
                return Err(Error::Duplicate {
                    what: "household",
                    id: id.to_string(),
                    at: at(0),
                });
            }
            let team = TeamId::new(h.team[row].as_str()).map_err(|e| e.within(&at(1)))?;
            let occupants = occupants(h.adults[row], h.children_ages.get(row), "children ages")
                .map_err(|(e, c)| e.within(&at(if c { 3 } else { 2 })))?;
            let surface = opt(&h.surface, row).flatten();
            if let Some(s) = surface {
                if s <= Decimal::ZERO {
                    return Err(
                        Error::invalid("surface", s, "a surface is above zero").within(&at(4))
                    );
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
                    what: "team",
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
                            what: "household",
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
                    what: "team",
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
                (4, mc.usage.len(), false),
                (5, mc.kwh_per_unit.len(), true),
                (6, mc.basis.len(), true),
                (7, mc.heating_share.len(), true),
            ],
        )?;
        for row in 0..n {
            let at = |c| self.at(table, row, c);
            let h = self.household(table, row, &mc.household[row])?;
            let id = MeterId::new(mc.meter[row].as_str()).map_err(|e| e.within(&at(1)))?;
            let carrier = value::carrier(&mc.carrier[row]).map_err(|e| e.within(&at(2)))?;
            let unit = value::unit(&mc.unit[row]).map_err(|e| e.within(&at(3)))?;
            let usage = value::usage(&mc.usage[row]).map_err(|e| e.within(&at(4)))?;
            Conversion::official(carrier, unit, crate::meter::Basis::Pci)
                .map_err(|e| e.within(&at(3)))?;
            let mut meter = Meter::new(id, carrier, unit, usage);
            let basis = opt(&mc.basis, row).flatten();
            meter.conversion = match (opt(&mc.kwh_per_unit, row).flatten(), basis) {
                (None, None) => None,
                (Some(k), Some(b)) => {
                    if k <= Decimal::ZERO {
                        return Err(
                            Error::invalid("conversion", k, "kWh per unit is above zero")
                                .within(&at(5)),
                        );
                    }
                    let basis = value::basis(&b).map_err(|e| e.within(&at(6)))?;
                    Some(Conversion {
                        kwh_per_unit: k,
                        basis,
                    })
                }
                (Some(k), None) => {
                    return Err(Error::invalid(
                        "basis",
                        "\"\"",
                        format!("the conversion coefficient {k} needs its basis, `pci` or `pcs`"),
                    )
                    .within(&at(6)))
                }
                (None, Some(b)) => {
                    return Err(Error::invalid(
                        "conversion",
                        "\"\"",
                        format!("the basis `{b}` is given without a conversion coefficient"),
                    )
                    .within(&at(5)))
                }
            };
            if let Some(p) = opt(&mc.heating_share, row).flatten() {
                if p < Decimal::ZERO || p > Decimal::ONE {
                    return Err(Error::invalid(
                        "heating share",
                        p,
                        "a share is between 0 and 1 (0 % and 100 %)",
                    )
                    .within(&at(7)));
                }
                meter.heating_share = Some(Ratio::new(p));
            }
            let meter_at = at(1);
            let Some(household) = self.households.get_mut(h) else {
                continue;
            };
            if household.meters.iter().any(|o| o.id == meter.id) {
                return Err(Error::Duplicate {
                    what: "meter",
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
            self.not_negative(t, row, 3, "reading value", r.value[row])?;
            let reading = Reading {
                date: r.date[row],
                value: r.value[row],
            };
            self.meter(t, row, &r.household[row], &r.meter[row])?
                .readings
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
                        "meter event",
                        "\"\"",
                        format!("a {kind} needs `{name}`"),
                    )
                    .within(&at(c)));
                }
            }
            for &c in forbidden {
                if let Some(v) = cell(c) {
                    let name = t.columns().get(c).map_or("", |c| c.name);
                    return Err(Error::invalid(
                        "meter event",
                        v,
                        format!("a {kind} has no `{name}`: is the kind right?"),
                    )
                    .within(&at(c)));
                }
            }
            let date = ev.date[row];
            let event = match kind {
                EventKind::Replacement => {
                    let (old_final, new_initial) =
                        (cell(4).unwrap_or_default(), cell(5).unwrap_or_default());
                    self.not_negative(t, row, 4, "old meter's last index", old_final)?;
                    self.not_negative(t, row, 5, "new meter's first index", new_initial)?;
                    MeterEvent::Replacement {
                        date,
                        old_final,
                        new_initial,
                    }
                }
                EventKind::Rollover => {
                    let modulus = cell(6).unwrap_or_default();
                    if modulus <= Decimal::ZERO {
                        return Err(Error::invalid("rollover modulus", modulus, "is above zero")
                            .within(&at(6)));
                    }
                    MeterEvent::Rollover { date, modulus }
                }
            };
            self.meter(t, row, &ev.household[row], &ev.meter[row])?
                .events
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
            self.not_negative(t, row, 4, "bill quantity", b.quantity[row])?;
            let bill = Bill {
                period,
                quantity: b.quantity[row],
            };
            self.meter(t, row, &b.household[row], &b.meter[row])?
                .bills
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
                self.not_negative(t, row, 3, "delivery quantity", quantity)?;
                let m = self.meter(t, row, &q.household[row], &q.meter[row])?;
                m.deliveries.push(Delivery { date, quantity });
            } else {
                self.not_negative(t, row, 3, "stock estimate", quantity)?;
                let m = self.meter(t, row, &q.household[row], &q.meter[row])?;
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
            let occupants = occupants(p.adults[row], p.children_ages.get(row), "children ages")
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
            list.sort_by_key(|(_, c)| c.from);
            for w in list.windows(2) {
                if let [(_, a), (row, b)] = w {
                    if a.from == b.from {
                        return Err(Error::Duplicate {
                            what: "presence change",
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
                "temperature date",
                date,
                format!(
                    "days are consecutive and in order: expected the day after {}",
                    tc.date[row - 1]
                ),
            )
            .within(&at(0)));
        }
        for (c, v) in [(1, tn), (2, tx)] {
            if v.abs() > plausible {
                return Err(Error::invalid("temperature", v, "beyond ±100 °C").within(&at(c)));
            }
        }
        if tn > tx {
            return Err(
                Error::invalid("temperature", format!("Tn {tn} > Tx {tx}"), "Tn ≤ Tx")
                    .within(&at(2)),
            );
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
    a.validate()?;
    let temperatures = temperatures(cols, origins)?;
    Ok(Inputs {
        households: a.households,
        teams,
        temperatures,
    })
}
