#!/usr/bin/env bash
# Fuzz the per-document pipeline with cargo-fuzz (libFuzzer; needs the nightly toolchain).
# The grown corpus goes to fuzz/corpus/ and crashes to fuzz/artifacts/ (both git-ignored);
# the hand-written seeds in fuzz/seeds/ are read, never written.
# Usage: scripts/reliability/fuzz.sh [SECONDS]   (default 720)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-720}
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p fuzz/corpus/clean_document
cargo +nightly fuzz run clean_document fuzz/corpus/clean_document fuzz/seeds/clean_document -- \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 2>&1 | tail -n 5
