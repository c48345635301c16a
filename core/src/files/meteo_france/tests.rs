//! Tests of the Météo-France reader.
