#!/usr/bin/env python3
"""Whole-process benchmark of `dehusk clean DIR --out OUT`: throughput, peak memory, start-up.

Builds the release binary and the seeded corpus generator, generates (once) a corpus of
--mb megabytes, warms the page cache, then runs `clean` with each thread count under
`/usr/bin/time -v`, --runs times, and prints one Markdown table (best and median rate,
peak RSS, CPU seconds, load average at the start of the run). A last row, "copy floor", runs
`examples/copy_floor.rs` the same way: the same files read and written atomically on one
thread with no cleaning, the fastest any `-j1` run could be on this filesystem. Also times
`clean` of one small file (start-up). Stdlib only; needs cargo and GNU time (/usr/bin/time).

    python3 scripts/bench/whole.py                    # 256 MB, -j1 and -j2, 3 runs each
    python3 scripts/bench/whole.py --mb 1024 --runs 1 # the memory check on 1 GB
    python3 scripts/bench/whole.py --bin /tmp/old-dehusk --no-build   # compare a binary
    python3 scripts/bench/whole.py --eval ../shared/eval --mb 256   # replicated eval inputs
    python3 scripts/bench/whole.py --jsonl            # the same documents as JSON Lines shards

With --jsonl the documents of the text corpus are packed, in order, into shards of about 32 MB
(`{"id": "<relative path>", "text": "<document>"}` per line), so a run writes a few big files
instead of one per document; rates count the shards' bytes.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def load():
    return os.getloadavg()[0]


def make_corpus(args, corpus: Path):
    if (corpus / ".done").exists():
        return
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    if args.eval:
        inputs = sorted(Path(args.eval).glob("*/dev/input/*.txt"))
        if not inputs:
            sys.exit(f"no */dev/input/*.txt under {args.eval}")
        total, copy = 0, 0
        while total < args.mb << 20:
            folder = corpus / f"c{copy:03d}"
            folder.mkdir()
            for i, src in enumerate(inputs):
                shutil.copyfile(src, folder / f"{i:04d}-{src.name}")
                total += src.stat().st_size
            copy += 1
    else:
        gen = ROOT / "target/release/examples/gen_bench_corpus"
        sh([str(gen), str(corpus), str(args.mb), str(args.seed)])
    (corpus / ".done").touch()


def pack_jsonl(texts: Path, corpus: Path, shard_mb=32):
    """The documents under `texts`, in path order, as JSON Lines shards of about `shard_mb` MB."""
    if (corpus / ".done").exists():
        return
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    shard, out = 0, None
    for path in sorted(texts.rglob("*.txt")):
        if out is None or out.tell() >= shard_mb << 20:
            if out:
                out.close()
            out = open(corpus / f"part-{shard:04d}.jsonl", "w", encoding="utf-8")
            shard += 1
        text = path.read_bytes().decode("utf-8", errors="replace")
        record = {"id": str(path.relative_to(texts)), "text": text}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out:
        out.close()
    (corpus / ".done").touch()


def documents(corpus: Path):
    return [p for p in corpus.rglob("*") if p.suffix in (".txt", ".jsonl")]


def corpus_stats(corpus: Path):
    sizes = [p.stat().st_size for p in documents(corpus)]
    return len(sizes), sum(sizes), max(sizes)


def warm(corpus: Path):
    for path in documents(corpus):
        with open(path, "rb") as f:
            while f.read(1 << 20):
                pass


SETTLE = 420


def clear_outputs(out: Path):
    """Remove earlier outputs, then wait out ext4's window for recently freed inodes.

    On an ext4 without a journal (this VM's root), the inode allocator skips every inode freed in
    the last 60 s (300 s more while its table block is dirty) and checks each one on the way: a
    kernel profile of a -j2 run started right after deleting the previous run's 29k outputs spent
    a quarter of its samples in `recently_deleted`, 18 s of system time instead of 3. A sync
    does not close the window for long: the run's own new inodes dirty the same table blocks
    again. Measured here (2026-11-24), runs started 1-4 minutes after a synced deletion of
    175k-262k outputs still took 8-9 s of system time instead of 1.7-2.1 s; runs started 5 or
    more minutes after were normal. So: delete, sync, and start timing only SETTLE seconds
    after the last deletion (this script's own, noted in `last-clear`, included); each run
    writes a fresh folder, and everything is removed at the end."""
    if out.exists():
        shutil.rmtree(out, ignore_errors=True)
        sh(["sync"])
        (out.parent / "last-clear").write_text(f"{time.time():.0f}\n")
    since = time.time() - last_clear(out)
    if since < SETTLE:
        print(f"(waiting {SETTLE - since:.0f} s for the filesystem to settle after the last deletion)",
              flush=True)
        time.sleep(SETTLE - since)


def last_clear(out: Path) -> float:
    """When this script last removed a run's outputs beside `out` (0 if never)."""
    try:
        return float((out.parent / "last-clear").read_text())
    except (OSError, ValueError):
        return 0.0


def remove_outputs(out: Path):
    """Remove the outputs, sync (or the window stays open while the inode table is dirty)
    and note when, for the next run's `clear_outputs`."""
    shutil.rmtree(out, ignore_errors=True)
    sh(["sync"])
    (out.parent / "last-clear").write_text(f"{time.time():.0f}\n")


def timed_run(binary, corpus: Path, out: Path, threads: int):
    cmd = [binary, "clean", str(corpus), "--out", str(out), f"-j{threads}", "-q"]
    return timed(cmd)


def timed(cmd):
    sh(["sync"])
    before = load()
    cmd = ["/usr/bin/time", "-v"] + cmd
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"{cmd[2]} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    def field(name):
        m = re.search(rf"{re.escape(name)}: (.+)", result.stderr)
        return m.group(1).strip() if m else "0"
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    return {
        "wall": seconds,
        "rss_mb": int(field("Maximum resident set size (kbytes)")) / 1024,
        "cpu": float(field("User time (seconds)")) + float(field("System time (seconds)")),
        "sys": float(field("System time (seconds)")),
        "load": before,
    }


def row(label, runs, mb):
    walls = [r["wall"] for r in runs]
    best = min(walls)
    loads = ", ".join(f"{r['load']:.1f}" for r in runs)
    return (f"| {label} | {len(runs)} | {best:.2f} | {mb / best:.1f} | {mb / statistics.median(walls):.1f} "
            f"| {max(r['rss_mb'] for r in runs):.1f} | {min(r['cpu'] for r in runs):.2f} "
            f"| {min(r['sys'] for r in runs):.2f} | {loads} |")


def startup(binary, runs=30):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        (src / "a.txt").write_text("Home | News\nThe council voted on Monday to close the old bridge.\n")
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            sh([binary, "clean", str(src), "--out", str(Path(tmp) / "out"), "-q"])
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000, min(times) * 1000


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=256, help="corpus size in MB (default 256)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, default=3, help="runs per thread count (default 3)")
    ap.add_argument("--threads", default="1,2", help="thread counts (default 1,2)")
    ap.add_argument("--bin", default=str(ROOT / "target/release/dehusk"))
    ap.add_argument("--no-build", action="store_true", help="use --bin as it is")
    ap.add_argument("--no-floor", action="store_true", help="skip the copy-floor row")
    ap.add_argument("--jsonl", action="store_true", help="pack the corpus into JSON Lines shards")
    ap.add_argument("--eval", help="replicate this eval root's */dev/input instead of generating")
    ap.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "dehusk-bench"))
    args = ap.parse_args()

    if not args.no_build:
        sh(["cargo", "build", "--release", "--quiet", "--bin", "dehusk", "--example", "gen_bench_corpus",
            "--example", "copy_floor"], cwd=ROOT)
    kind = "eval" if args.eval else f"gen-seed{args.seed}"
    corpus = Path(args.dir) / f"corpus-{kind}-{args.mb}mb"
    out = Path(args.dir) / "out"
    make_corpus(args, corpus)
    if args.jsonl:
        texts, corpus = corpus, corpus.with_name(corpus.name + "-jsonl")
        pack_jsonl(texts, corpus)
    files, total, largest = corpus_stats(corpus)
    warm(corpus)
    mb = total / 1e6
    print(f"corpus: {corpus} ({files} files, {mb:.1f} MB, largest {largest / 1024:.0f} KiB); binary: {args.bin}")
    print(f"cores: {os.cpu_count()}; 'MB' is 10^6 bytes of input\n")
    clear_outputs(out)
    print("| threads | runs | best s | best MB/s | median MB/s | peak RSS MB | CPU s | of it sys | load at start |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    rates = {}
    for threads in [int(t) for t in args.threads.split(",")]:
        runs = [timed_run(args.bin, corpus, out / f"j{threads}-run{i}", threads) for i in range(args.runs)]
        rates[threads] = mb / min(r["wall"] for r in runs)
        print(row(f"-j{threads}", runs, mb))
    floor = ROOT / "target/release/examples/copy_floor"
    if not args.no_floor and floor.exists():
        runs = [timed([str(floor), str(corpus), str(out / f"floor-run{i}")]) for i in range(args.runs)]
        print(row("copy floor", runs, mb))
    elif not args.no_floor:
        print(f"\n(no copy-floor row: {floor} is not built; run without --no-build once)")
    if 1 in rates and 2 in rates:
        print(f"\n-j2 / -j1 (best runs): {rates[2] / rates[1]:.2f}x")
    median_ms, best_ms = startup(args.bin)
    print(f"start-up, one small file: median {median_ms:.1f} ms, best {best_ms:.1f} ms (load {load():.1f})")
    remove_outputs(out)


if __name__ == "__main__":
    main()
