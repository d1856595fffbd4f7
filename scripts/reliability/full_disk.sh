#!/usr/bin/env bash
# Full disk for real: the output folder is a 1 MB tmpfs, one document's copy does not fit.
# Expect: a message naming that file, exit 2, the other copies and the report written, no
# .dehusk-*.tmp left on the tmpfs. Needs root (mount); otherwise says so and exits 0.
# (`cargo test` covers the same case with RLIMIT_FSIZE, which needs no privileges.)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" != 0 ]; then echo "skipped: mounting a tmpfs needs root"; exit 0; fi
cargo build --release --quiet
bin=$PWD/target/release/dehusk
work=$(mktemp -d)
mkdir -p "$work/in" "$work/out"
cleanup() { umount "$work/out" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mount -t tmpfs -o size=1m tmpfs "$work/out" || { echo "skipped: cannot mount a tmpfs here"; exit 0; }
prose="The council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer."
printf '%s\n' "$prose" > "$work/in/a.txt"
python3 - "$work/in/big.txt" <<'PY'
import sys
words = "council bridge river summer repair detour budget traffic school market".split()
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        f.write(f"The {words[i % 10]} report on the {words[i // 10 % 10]} and the {words[i // 100 % 10]} was read aloud by the clerk at meeting {i}.\n")
PY
printf '%s\n' "$prose" > "$work/in/z.txt"
rc=0
"$bin" clean -q -j1 "$work/in" --out "$work/out" 2> "$work/err" || rc=$?
cat "$work/err"
left=$(find "$work/out" -name '.dehusk-*.tmp' | wc -l)
echo "exit $rc; files on the tmpfs: $(cd "$work/out" && ls | tr '\n' ' '); temp files left: $left"
[ "$rc" = 2 ] && grep -q "big.txt" "$work/err" && grep -q "No space left on device" "$work/err" \
    && [ -f "$work/out/a.txt" ] && [ -f "$work/out/z.txt" ] && [ ! -e "$work/out/big.txt" ] && [ "$left" = 0 ] \
    && echo "PASS: full disk handled" || { echo "FAIL"; exit 1; }
