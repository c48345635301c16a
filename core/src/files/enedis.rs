//! Linky exports of the Enedis customer portal (in progress; see
//! [`super::meter_file`]).
