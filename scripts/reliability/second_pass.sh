#!/usr/bin/env bash
# Second-pass share: clean the dev inputs, clean the cleaned copies again, and report which
# share of the first pass's output lines the second pass still removes (ideal: near 0).
# Usage: scripts/reliability/second_pass.sh [EVAL_DIR] (default ../shared/eval). Read-only on EVAL_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
eval_dir=${1:-../shared/eval}
[ -d "$eval_dir" ] || { echo "no $eval_dir: skipped"; exit 0; }
cargo build --release --quiet
bin=target/release/dehusk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
total_out=0 total_removed=0
for set in "$eval_dir"/*/dev/input; do
    name=$(basename "$(dirname "$(dirname "$set")")")
    "$bin" clean -q "$set" --out "$work/$name/1" || true
    "$bin" clean -q "$work/$name/1" --out "$work/$name/2" || true
    read -r out1 removed2 < <(python3 - "$work/$name" <<'PY'
import json, sys
first = json.load(open(sys.argv[1] + "/1/dehusk-summary.json"))
second = json.load(open(sys.argv[1] + "/2/dehusk-summary.json"))
print(first["lines_out"], second["lines_removed"])
PY
)
    total_out=$((total_out + out1)) total_removed=$((total_removed + removed2))
    python3 -c "print(f'$name: second pass removes $removed2 of $out1 lines ({100*$removed2/max($out1,1):.2f}%)')"
done
python3 -c "print(f'all: second pass removes $total_removed of $total_out lines ({100*$total_removed/max($total_out,1):.2f}%)')"
