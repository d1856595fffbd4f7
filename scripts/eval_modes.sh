#!/usr/bin/env bash
# Evaluate dehusk on the dev split in all three modes and print one markdown table.
# Usage: scripts/eval_modes.sh [path/to/dehusk]   (default: target/release/dehusk)
set -euo pipefail
bin="${1:-target/release/dehusk}"
here="$(cd "$(dirname "$0")/.." && pwd)"
eval_dir="${DEHUSK_EVAL:-$here/../shared/eval}"
echo "| set | mode | F1 | P | R |"
echo "|---|---|---:|---:|---:|"
for mode in precision balanced recall; do
    python3 "$eval_dir/run.py" --bin "$bin" --no-seeds --json -- --mode "$mode" \
        | python3 -c '
import json, sys
mode = sys.argv[1]
for name, r in json.load(sys.stdin).items():
    f1, p, r = r["f1"], r["precision"], r["recall"]
    print(f"| {name} | {mode} | {f1:.3f} | {p:.3f} | {r:.3f} |")
' "$mode"
done | sort -t'|' -k2,2 -s
