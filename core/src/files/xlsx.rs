//! The first worksheet of an Office Open XML spreadsheet (.xlsx), as rows
//! of cells (in progress).
