// Entry point `ecodefi/sheets-themes` for browsers and bundlers: challenges
// of every theme from spreadsheet files, whose default export `init()`
// fetches and instantiates the .wasm beside it. Call `await init()` once
// before anything else.
export * from './ecodefi_sheets_themes.js';
export { default } from './ecodefi_sheets_themes.js';
