#!/usr/bin/env bash
# The measurement behind docs/SCALING.md: the same ~200 MB JSONL corpus cleaned four ways
# (one streaming process, one process with -j2, a 2-task shard array, Spark local[2]),
# printed as a Markdown table with each output's sha256, which must all be the same.
#
#   bash scripts/measure_scaling.sh [WORK_DIR] [DOCS_PER_SITE]
#
# Needs what examples/spark/clean_corpus.py needs (Java 17+, pyspark) for the Spark row;
# the other rows need only the release build, which this script makes.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/dehusk-scaling}
docs=${2:-14600}
mkdir -p "$work"
cargo build --release --locked --quiet --example gen_corpus
cargo build --release --locked --quiet
bin=$PWD/target/release/dehusk
corpus=$work/corpus.jsonl
[ -f "$corpus" ] || target/release/examples/gen_corpus --out "$corpus" --sites 6 \
    --docs-per-site "$docs" --seed 1 --jsonl
mb=$(du -m "$corpus" | cut -f1)
records=$(wc -l < "$corpus")

seconds() { local start=$1; python3 -c "import time,sys; print(f'{time.time()-float(sys.argv[1]):.1f}')" "$start"; }
now() { python3 -c "import time; print(time.time())"; }
sha() { cat "$@" | sha256sum | cut -c1-16; }

echo "corpus: $corpus ($mb MB, $records records); load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| run | processes x threads | time (s) | output sha256 |"
echo "| --- | --- | --- | --- |"

t=$(now); "$bin" clean --format jsonl -q - < "$corpus" > "$work/direct.jsonl"
echo "| \`dehusk clean --format jsonl -\` (stdin to stdout) | 1 x 1 | $(seconds "$t") | $(sha "$work/direct.jsonl") |"

rm -rf "$work/j2"; t=$(now); "$bin" clean "$corpus" --out "$work/j2" -q -j2
echo "| \`dehusk clean corpus.jsonl --out DIR -j2\` | 1 x 2 | $(seconds "$t") | $(sha "$work/j2/corpus.jsonl") |"

rm -rf "$work/parts" "$work/array"; mkdir -p "$work/parts"
split -n l/2 -d --additional-suffix=.jsonl "$corpus" "$work/parts/part-"
t=$(now)
"$bin" clean "$work/parts" --out "$work/array" -q -j1 --shard 0/2 &
"$bin" clean "$work/parts" --out "$work/array" -q -j1 --shard 1/2 &
wait
echo "| 2-task shard array (\`--shard 0/2\`, \`1/2\`, 2 files) | 2 x 1 | $(seconds "$t") | $(sha "$work"/array/part-0*.jsonl) |"

if python3 examples/spark/clean_corpus.py "$corpus" --dehusk "$bin" --work "$work/spark-run" \
    > "$work/spark.txt" 2> "$work/spark.err"; then
    job=$(awk '/^spark /{print $2}' "$work/spark.txt")
    total=$(sed -n 's/.*(\([0-9.]*\) s with JVM.*/\1/p' "$work/spark.txt")
    echo "| Spark \`local[2]\`, \`RDD.pipe\` per partition (job; with JVM start $total) | 2 x 1 | $job | $(sha "$work"/spark-run/spark/part-*) |"
else
    echo "(Spark row skipped or failed: $(tail -1 "$work/spark.err"))" >&2
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
