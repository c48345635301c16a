#!/usr/bin/env bash
# Builds the npm package `ecodefi` into bindings-wasm/pkg/ and the static page
# into bindings-wasm/www/ (its pkg/ and sample/ folders).
#
# Needs: the wasm32-unknown-unknown target, a wasm-bindgen CLI of the same
# version as the crate (WASM_BINDGEN, default: on PATH) and node_modules (npm
# ci) for wasm-opt. scripts/test-wasm provides all three on a fresh machine.
# Usage: bindings-wasm/build.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
WASM_BINDGEN="${WASM_BINDGEN:-wasm-bindgen}"
# npm's binaryen only: Debian's (v108) silently breaks current wasm-bindgen
# output (TOOLCHAIN.md).
WASM_OPT="$here/node_modules/.bin/wasm-opt"

cd "$root"
# Size first (the 300 KB budget); speed stays well within the page's needs.
CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=true \
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort \
    cargo build --quiet --release --target wasm32-unknown-unknown -p ecodefi-wasm
raw="target/wasm32-unknown-unknown/release/ecodefi_wasm.wasm"

out="$here/pkg"
rm -rf "$out"
"$WASM_BINDGEN" --target web --out-dir "$out" "$raw"
# The features rustc enables by default for wasm32-unknown-unknown.
"$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types \
    --enable-multivalue \
    "$out/ecodefi_wasm_bg.wasm" -o "$out/ecodefi_wasm_bg.wasm.opt"
mv "$out/ecodefi_wasm_bg.wasm.opt" "$out/ecodefi_wasm_bg.wasm"
cp "$here/js/index.js" "$here/js/node.js" "$out/"

# The page: the package and the sample data, beside the static files.
rm -rf "$here/www/pkg" "$here/www/sample"
mkdir -p "$here/www/pkg" "$here/www/sample"
cp "$out"/ecodefi_wasm.js "$out"/ecodefi_wasm_bg.wasm "$out"/index.js "$here/www/pkg/"
# The bundled samples: the energy challenge document of the Rust example,
# the spreadsheet demo (CSV tables and settings) and the regional catalogue.
for sample in energy table-demo catalogue; do
    cp -r "core/examples/data/$sample" "$here/www/sample/$sample"
done
(cd "$here/www/sample" && python3 -c '
import json, os
print(json.dumps({d: sorted(os.listdir(d)) for d in sorted(os.listdir(".")) if os.path.isdir(d)}))
' > index.json)

wasm="$out/ecodefi_wasm_bg.wasm"
size=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "ecodefi_wasm_bg.wasm after wasm-opt -Oz: $size bytes ($((size / 1024)) KiB), gzipped: $gz bytes ($((gz / 1024)) KiB)"
# Issue 5's budget is 300 KB. The module is over it (see the README section
# "JavaScript and the browser page": core's JSON, date and table code), so
# the budget is reported, and a ceiling guards against further growth.
budget=$((300 * 1000))
ceiling="${ECODEFI_WASM_MAX_BYTES:-1270000}"
if [ "$size" -gt "$budget" ]; then
    echo "warning: the .wasm is over its budget of 300 KB ($size > $budget bytes)" >&2
fi
if [ "$size" -gt "$ceiling" ]; then
    echo "error: the .wasm has grown past its ceiling ($size > $ceiling bytes)" >&2
    exit 1
fi
