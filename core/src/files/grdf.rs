//! Gazpar exports of the GRDF customer portal (in progress; see
//! [`super::meter_file`]).
