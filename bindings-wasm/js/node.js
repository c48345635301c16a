// Entry point for Node (>= 20): instantiates the .wasm synchronously from the
// file beside this one, so everything is usable on import. `init()` is kept
// for the same code to run in the browser and in Node: here it returns at
// once.
import { readFileSync } from 'node:fs';
import { initSync } from './ecodefi_wasm.js';

initSync({ module: readFileSync(new URL('./ecodefi_wasm_bg.wasm', import.meta.url)) });

export * from './ecodefi_wasm.js';
export { default } from './ecodefi_wasm.js';
