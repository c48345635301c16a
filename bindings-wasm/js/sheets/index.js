// Entry point `ecodefi/sheets` for browsers and bundlers: the small module
// (energy challenges from spreadsheet files), whose default export `init()`
// fetches and instantiates the .wasm beside it. Call `await init()` once
// before anything else.
export * from './ecodefi_sheets.js';
export { default } from './ecodefi_sheets.js';
