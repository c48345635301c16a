// Entry point `ecodefi/sheets-themes` for Node (>= 20): instantiates the
// module synchronously from the file beside this one, so everything is
// usable on import; `init()` returns at once.
import { readFileSync } from 'node:fs';
import { initSync } from './ecodefi_sheets_themes.js';

initSync({ module: readFileSync(new URL('./ecodefi_sheets_themes_bg.wasm', import.meta.url)) });

export * from './ecodefi_sheets_themes.js';
export { default } from './ecodefi_sheets_themes.js';
