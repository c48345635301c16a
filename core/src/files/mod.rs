//! The files organisers and households actually have, read directly: no
//! table needs to be rebuilt by hand.
//!
//! - [`meteo_france`]: Météo-France's open climatological files (daily and
//!   hourly, one per département, gzipped or not): the stations they hold,
//!   and one station's daily Tn/Tx as a challenge's [`Temperatures`].
//! - [`enedis`]: the Linky exports of the Enedis customer portal (daily
//!   consumption, daily index, load curve).
//! - [`grdf`]: the Gazpar exports of the GRDF customer portal (daily index,
//!   volume, energy and conversion coefficient).
//! - [`meter_file`]: what both meter exports become: daily consumption and
//!   index readings of one meter.
//! - [`gzip`] and [`xlsx`]: the containers these files come in.
//! - [`set`]: a whole challenge from all these files and the spreadsheet
//!   tables together.
//!
//! Everything here parses bytes already in memory: no file system, no
//! network, so that the WebAssembly page and Python do the same.
//!
//! [`Temperatures`]: crate::weather::Temperatures

pub mod enedis;
pub mod grdf;
pub mod gzip;
pub mod meteo_france;
pub mod meter_file;
pub mod set;
pub mod xlsx;
