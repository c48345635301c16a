// Entry point for browsers and bundlers: the wasm-bindgen module, whose
// default export `init()` fetches and instantiates the .wasm beside it
// (`new URL('ecodefi_wasm_bg.wasm', import.meta.url)`, which bundlers follow).
// Call `await init()` once before anything else.
export * from './ecodefi_wasm.js';
export { default } from './ecodefi_wasm.js';
