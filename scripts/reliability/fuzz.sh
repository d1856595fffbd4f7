#!/usr/bin/env bash
# Fuzz a target with cargo-fuzz (libFuzzer; needs the nightly toolchain): clean_document (one
# document through the pipeline, the default) or jsonl_record (a JSON Lines shard).
# The grown corpus goes to fuzz/corpus/TARGET and crashes to fuzz/artifacts/ (both git-ignored);
# the hand-written seeds in fuzz/seeds/TARGET are read, never written.
# Usage: scripts/reliability/fuzz.sh [SECONDS] [TARGET]   (defaults: 720 clean_document)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-720}
target=${2:-clean_document}
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p "fuzz/corpus/$target"
cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 2>&1 | tail -n 5
