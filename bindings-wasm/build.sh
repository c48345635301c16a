#!/usr/bin/env bash
# Builds the npm package `ecodefi` into bindings-wasm/pkg/ (its three
# modules, `ecodefi`, `ecodefi/sheets` and `ecodefi/sheets-themes`) and the
# static page into bindings-wasm/www/ (its pkg/ and sample/ folders), and
# checks the modules' sizes.
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
# Three modules from the one crate (see src/lib.rs):
# - pkg/ (npm `ecodefi`): every export, the core with all its features;
# - pkg/sheets/ (npm `ecodefi/sheets`): energy challenges from spreadsheet
#   files, the core without `themes` and `regression`, no JSON reader: the
#   page's first module, under its budget (below);
# - pkg/sheets-themes/ (npm `ecodefi/sheets-themes`): the same functions for
#   challenges of every theme, and the files read directly (Météo-France,
#   Linky, Gazpar: `fileKind`, `readWeatherFile`, `weatherTemperatures`,
#   `readMeterFile`, `computeFiles`), the core with `themes` and `files` but
#   not `regression`, no JSON reader: what the page loads for another theme
#   or for such files.
# Size first; speed stays well within the page's needs.
build() { # $1: cargo feature flags, $2: out dir, $3: out name
    CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=true \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort \
        cargo build --quiet --release --target wasm32-unknown-unknown -p ecodefi-wasm $1
    rm -rf "$2"
    "$WASM_BINDGEN" --target web --out-dir "$2" --out-name "$3" \
        "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/ecodefi_wasm.wasm"
    # The features rustc enables by default for wasm32-unknown-unknown.
    # --low-memory-unused: rustc places the 1 MB stack first (it grows down
    # towards 0) and data after it, so the first 1 KB is never used; it lets
    # wasm-opt fold address arithmetic (about 2 KB).
    # --strip-producers --strip-target-features: the toolchain's names and
    # the features list, custom sections no runtime reads (265 bytes).
    "$WASM_OPT" -Oz --low-memory-unused --enable-bulk-memory \
        --enable-nontrapping-float-to-int \
        --enable-sign-ext --enable-mutable-globals --enable-reference-types \
        --enable-multivalue --strip-producers --strip-target-features \
        "$2/$3_bg.wasm" -o "$2/$3_bg.wasm.opt"
    mv "$2/$3_bg.wasm.opt" "$2/$3_bg.wasm"
}

out="$here/pkg"
build "" "$out" ecodefi_wasm
cp "$here/js/index.js" "$here/js/node.js" "$out/"
# Built second, into the first's folder (which `build` just replaced).
build --no-default-features "$out/sheets" ecodefi_sheets
cp "$here/js/sheets/index.js" "$here/js/sheets/node.js" "$out/sheets/"
build "--no-default-features --features themes,files" "$out/sheets-themes" ecodefi_sheets_themes
cp "$here/js/sheets-themes/index.js" "$here/js/sheets-themes/node.js" "$out/sheets-themes/"

# The page: the package and the sample data, beside the static files.
rm -rf "$here/www/pkg" "$here/www/sample"
mkdir -p "$here/www/pkg/sheets" "$here/www/pkg/sheets-themes" "$here/www/sample"
cp "$out"/ecodefi_wasm.js "$out"/ecodefi_wasm_bg.wasm "$out"/index.js "$here/www/pkg/"
cp "$out"/sheets/ecodefi_sheets.js "$out"/sheets/ecodefi_sheets_bg.wasm "$out"/sheets/index.js \
    "$here/www/pkg/sheets/"
cp "$out"/sheets-themes/ecodefi_sheets_themes.js "$out"/sheets-themes/ecodefi_sheets_themes_bg.wasm \
    "$out"/sheets-themes/index.js "$here/www/pkg/sheets-themes/"
# The bundled samples: the energy challenge document of the Rust example,
# the spreadsheet demo (CSV tables with their settings table), two
# organisers' challenges in spreadsheet files (zero-dechet: waste only;
# declics: energy, water and waste; file names with accents, such as
# `températures.csv`, kept as they are: index.json lists them and the page
# fetches them percent-encoded), the regional catalogue, and an energy
# challenge from the files organisers and households download (linky-gazpar:
# the tables with a Météo-France file and Linky and Gazpar exports, read as
# bytes by the page).
for sample in energy table-demo zero-dechet declics catalogue linky-gazpar; do
    cp -r "core/examples/data/$sample" "$here/www/sample/$sample"
done
# The spreadsheet demo's settings are its settings table (defi.csv); its
# JSON twin (challenge.json, for `readTables`) stays out of the page's sample.
rm -f "$here/www/sample/table-demo/challenge.json"
(cd "$here/www/sample" && python3 -c '
import json, os
print(json.dumps({d: sorted(os.listdir(d)) for d in sorted(os.listdir(".")) if os.path.isdir(d)}))
' > index.json)

# Issue 5's budget: the page's module at most 300 KB after wasm-opt -Oz;
# issue 13 made it speak French from core's message catalogue (its texts,
# their parameters as data, the provisional results and the national
# references): 298 854 → 369 002 bytes, so 375 KB until issue 15 brings it
# down; issue 15's first cuts (custom sections stripped; no panicking
# Decimal operator, str slice or map removal, each of which linked its
# panic or rebalancing code for one call; the unstable sort in place of the
# only stable one): 369 546 → 351 017 bytes; with its faster reading of
# tables (CSV fields borrowed, plain cells read without allocating):
# 352 627 bytes, so 354 KB (ECODEFI_WASM_MAX_BYTES to change it). The full module is reported, with
# a ceiling against growth (ECODEFI_FULL_WASM_MAX_BYTES).
check() { # $1: label, $2: file, $3: ceiling in bytes
    local size gz
    size=$(stat -c %s "$2")
    gz=$(gzip -9 -c "$2" | wc -c)
    echo "$1 after wasm-opt -Oz: $size bytes ($((size / 1024)) KiB), gzipped: $gz bytes ($((gz / 1024)) KiB), limit $3"
    if [ "$size" -gt "$3" ]; then
        echo "error: $1 is over its limit ($size > $3 bytes)" >&2
        exit 1
    fi
}
check "ecodefi/sheets (the page's module)" "$out/sheets/ecodefi_sheets_bg.wasm" \
    "${ECODEFI_WASM_MAX_BYTES:-354000}"
# Issue 11's budget: every theme from spreadsheets, at most 450 KB after
# wasm-opt -Oz; issue 12 added the files read directly (Météo-France,
# Linky, Gazpar: 443 256 → 670 253 bytes; the full module grew by 145 KB
# only: the other 82 KB is code it already had, chiefly serde_json's
# deserialiser, which the Gazpar JSON export brings here), so 690 KB: what
# is needed and a 3 % margin; issue 13's catalogue (French of every text,
# the file readers' included), provisional results and national
# references: 754 011 bytes, so 760 KB; issue 15's first cuts (those of
# ecodefi/sheets): 755 460 → 744 190 bytes, so 748 KB
# (ECODEFI_THEMES_WASM_MAX_BYTES to change it).
check "ecodefi/sheets-themes (every theme from spreadsheets, and the files read directly)" \
    "$out/sheets-themes/ecodefi_sheets_themes_bg.wasm" "${ECODEFI_THEMES_WASM_MAX_BYTES:-748000}"
# The whole npm module (not what the page starts on): 1 183 357 bytes after
# the catalogue groups of issue 14, 1 328 467 with the files of issue 12,
# 1 432 585 with issue 13's messages in French and English, 1 449 410 with
# issue 15's `regressionFitMany` (many meters; its table read with js_sys
# rather than serde, and `fit` left to sort each meter's days, which took
# it down from 1 459 044), so 1.46 MB; 1 439 744 after issue 15's first
# cuts (those of ecodefi/sheets), so 1.448 MB.
check "ecodefi (every export)" "$out/ecodefi_wasm_bg.wasm" "${ECODEFI_FULL_WASM_MAX_BYTES:-1448000}"
