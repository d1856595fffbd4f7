#!/usr/bin/env bash
# Soak: generate a ~1 GB corpus of realistic scraped documents, clean it three times in a row
# with -j2, and check that the three outputs (copies, report, summary) are byte-identical and
# that peak memory stays flat from run to run. Needs ~4 GB free in $TMPDIR and GNU time.
# Usage: scripts/reliability/soak.sh [SIZE_MB]   (default 1024)
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb=${1:-1024}
cargo build --release --quiet
bin=$PWD/target/release/dehusk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== generating ${size_mb} MB corpus"
python3 - "$work/corpus" "$size_mb" <<'PY'
import os, random, sys
root, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
rng = random.Random(6)
chaff = ["Home", "News | Sport | Business | Culture | Travel", "Share on Facebook", "Share on X",
         "REUTERS/Jane Roe", "FILE PHOTO: A view of the harbour, July 4, 2024. REUTERS/John Doe/File Photo",
         "Subscribe to our newsletter for daily updates!", "Advertisement", "More from Reuters",
         "We use cookies to improve your experience. Accept all", "Sign in | Register", "Read more"]
words = ("council bridge repairs summer residents detour commute mayor budget river school market "
         "traffic workers union vote plan city hall week month year said would could report").split()
def sentence():
    ws = [rng.choice(words) for _ in range(rng.randint(12, 30))]
    return ("The " + " ".join(ws) + ".").capitalize()
written, n = 0, 0
while written < size:
    lines = rng.sample(chaff, 4) + [" ".join(sentence() for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(5, 25))]
    lines += rng.sample(chaff, 3)
    if rng.random() < 0.1:
        lines.insert(rng.randint(0, len(lines)), "Caf\udce9 cr\udce8me")  # invalid UTF-8 via surrogateescape
    ending = rng.choice(["\n", "\n", "\n", "\r\n"])
    doc = ending.join(lines) + ending
    path = f"{root}/s{n % 100:02}/doc{n:07}.txt"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = doc.encode("utf-8", "surrogateescape")
    open(path, "wb").write(data)
    written += len(data); n += 1
print(f"{n} documents, {written / 1e6:.0f} MB")
PY

for run in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" clean -q -j2 "$work/corpus" --out "$work/out$run"
    read -r secs kb < <(tail -n 1 "$work/time")
    echo "run $run: ${secs} s, peak RSS $((kb / 1024)) MB, $(python3 -c "import json;s=json.load(open('$work/out$run/dehusk-summary.json'));print(s['documents'],'documents,',s['lines_removed'],'lines removed')")"
done
diff -rq "$work/out1" "$work/out2" && diff -rq "$work/out1" "$work/out3" && echo "three runs: identical outputs, report and summary"
