#!/usr/bin/env bash
# Size cases from issue 6, at full size: a single 500 MB line, a 2 GB file, 10 million tiny
# lines, a folder of 1 million empty files, and regex-hostile long lines. Prints wall time,
# peak memory (max RSS) and the exit code of each run. Smaller versions run in `cargo test`
# (tests/robustness/sizes.rs). Needs ~8 GB of free disk in $TMPDIR and GNU time.
# Usage: scripts/reliability/sizes.sh [SCALE]   (SCALE=0.1 for a quick tenth-size run)
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=${1:-1}
cargo build --release --quiet
bin=$PWD/target/release/dehusk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n() { python3 -c "print(int($1 * $scale))"; }

measure() { # name, then the dehusk arguments
    local name=$1; shift
    local rc=0
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" clean -q "$@" 2>"$work/err" || rc=$?
    read -r secs kb < <(tail -n 1 "$work/time")
    printf '%-34s %8.1f s %9.0f MB  exit %s  %s\n' "$name" "$secs" "$((kb / 1024))" "$rc" "$(head -c 120 "$work/err" | tr '\n' ' ')"
}

echo "== generating inputs (scale $scale)"
mkdir -p "$work/line" "$work/big" "$work/tiny" "$work/empty" "$work/regex"
python3 - "$work" "$(n 500000000)" "$(n 2000000000)" "$(n 10000000)" <<'PY'
import sys
work, line_bytes, big_bytes, tiny_lines = sys.argv[1], *map(int, sys.argv[2:])
word = b"lorem ipsum dolor sit amet "
with open(f"{work}/line/one-line.txt", "wb") as f:
    block = word * (1 << 16)
    for _ in range(line_bytes // len(block)):
        f.write(block)
    f.write(b"\n")
sentences = [b"The council voted on Monday to close the old bridge %d for repairs this summer.\n",
             b"Home | News | Sport | Weather %d\n", b"REUTERS/Jane Roe %d\n\n"]
with open(f"{work}/big/two-gb.txt", "wb") as f:
    written, i = 0, 0
    while written < big_bytes:
        chunk = b"".join(s % (i + k) for k, s in enumerate(sentences * 256))
        f.write(chunk); written += len(chunk); i += 1024
with open(f"{work}/tiny/tiny-lines.txt", "wb") as f:
    f.write(b"".join(b"%d\n" % (i % 1000) for i in range(tiny_lines)))
hostile = [b"a" * 1_000_000, b"http://" * 150_000, b"REUTERS/" * 120_000, b"(" * 1_000_000,
           b"More from " * 100_000, b"\xe9" * 1_000_000]
open(f"{work}/regex/hostile.txt", "wb").write(b"\n".join(hostile) + b"\n")
PY
python3 - "$work/empty" "$(n 1000000)" <<'PY'
import os, sys
root, count = sys.argv[1], int(sys.argv[2])
for d in range(1000):
    os.makedirs(f"{root}/d{d:03}", exist_ok=True)
for i in range(count):
    open(f"{root}/d{i % 1000:03}/f{i:07}.txt", "wb").close()
PY
ls -la "$work"/line "$work"/big "$work"/tiny "$work"/regex | grep txt

echo "== runs (name, wall time, peak RSS, exit code, first stderr line)"
measure "500 MB line, default limit" "$work/line" --out "$work/o1"
measure "500 MB line, --max-file-bytes 1G" "$work/line" --out "$work/o2" --max-file-bytes 1000000000
measure "2 GB file, default limit" "$work/big" --out "$work/o3"
measure "2 GB file, --max-file-bytes 3G" "$work/big" --out "$work/o3s" --max-file-bytes 3000000000
measure "10M tiny lines" "$work/tiny" --out "$work/o4"
measure "regex-hostile 1 MB lines" "$work/regex" --out "$work/o5"
measure "1M empty files, -j2" "$work/empty" --out "$work/o6" -j2
if [ "$(stat -c %s "$work/big/two-gb.txt")" -gt $((256 * 1024 * 1024)) ]; then
    cmp "$work/big/two-gb.txt" "$work/o3/two-gb.txt" && echo "2 GB file copied through byte for byte"
fi
echo "2 GB file cleaned: $(stat -c %s "$work/o3s/two-gb.txt") bytes out, $(wc -l < "$work/o3s/dehusk-report.jsonl") report records"
rm -rf "$work/o3s"
echo "empty copies: $(find "$work/o6" -name '*.txt' | wc -l)"
