#!/usr/bin/env python3
"""Clean a JSON Lines corpus with dehusk as a Spark mapper, and check it against a direct run.

Each partition of the corpus is piped through one `dehusk clean --format jsonl -` process
(RDD.pipe), the way Hadoop streaming or any Spark cluster would run it; the result is then
compared with one direct `dehusk clean --format jsonl -` over the whole file: same records, same
order within each partition, same cleaned text, byte for byte.

Needs (installs nothing itself):
  * Java 17 or newer: `java` on PATH or JAVA_HOME (Debian/Ubuntu: apt-get install -y
    openjdk-17-jre-headless);
  * pyspark: pip install pyspark;
  * a dehusk binary: `pip install .` in the repository (puts `dehusk` on PATH), or
    `cargo build --release` and --dehusk target/release/dehusk.
Exits 77 with a message on stderr when Java or pyspark is missing, 1 when the outputs differ.

  python3 examples/spark/clean_corpus.py corpus.jsonl [--dehusk PATH] [--master local[2]]
      [--partitions N] [--work DIR]
"""

import argparse
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def skip(message):
    print(f"clean_corpus.py: skipped: {message}", file=sys.stderr)
    sys.exit(SKIP)


def java_major():
    """The major version of the Java that Spark will start, or None when there is none."""
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.path.exists(java):
        return None
    out = subprocess.run([java, "-version"], capture_output=True, text=True)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 else major


def find_dehusk(given):
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for candidate in [given, os.environ.get("DEHUSK"), shutil.which("dehusk"),
                      os.path.join(repo, "target", "release", "dehusk")]:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    sys.exit("clean_corpus.py: no dehusk binary: pip install . (or cargo build --release), "
             "or pass --dehusk PATH")


def sha256(paths):
    digest, size = hashlib.sha256(), 0
    for path in paths:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
    return digest.hexdigest(), size


def direct_run(dehusk, corpus, out_path):
    """One dehusk process over the whole corpus, stdin to stdout; returns seconds."""
    started = time.perf_counter()
    with open(corpus, "rb") as src, open(out_path, "wb") as dst:
        subprocess.run([dehusk, "clean", "--format", "jsonl", "-q", "-"],
                       stdin=src, stdout=dst, check=True)
    return time.perf_counter() - started


def spark_run(dehusk, corpus, out_dir, master, partitions):
    """Pipe every partition through dehusk; returns (seconds with startup, job seconds, counts)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # Local mode talks to itself only: keep the driver on the loopback interface.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import SparkConf, SparkContext

    started = time.perf_counter()
    conf = (SparkConf().setMaster(master).setAppName("dehusk-clean")
            .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
            .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
            .set("spark.driver.memory", "2g"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        job_started = time.perf_counter()
        lines = sc.textFile(corpus, minPartitions=partitions)
        command = " ".join(shlex.quote(a) for a in [dehusk, "clean", "--format", "jsonl", "-q", "-"])
        cleaned = lines.pipe(command, checkCode=True)
        cleaned.saveAsTextFile(out_dir)
        job = time.perf_counter() - job_started
        counts = lines.glom().map(len).collect()
    finally:
        sc.stop()
    return time.perf_counter() - started, job, counts


def compare_partitions(direct_out, parts, counts):
    """Part i must hold exactly the direct output of input partition i, in order."""
    if len(parts) != len(counts):
        return f"{len(parts)} output parts for {len(counts)} input partitions"
    with open(direct_out, "rb") as direct:
        for i, (part, count) in enumerate(zip(parts, counts)):
            seen = 0
            with open(part, "rb") as f:
                for line in f:
                    seen += 1
                    if seen > count or line != direct.readline():
                        return f"partition {i}, record {seen} differs from the direct run"
            if seen != count:
                return f"partition {i} has {seen} records, its input {count}"
        if direct.readline():
            return "the direct run has records that Spark did not output"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", help="a .jsonl file (one document per line)")
    parser.add_argument("--dehusk", help="the dehusk binary [default: DEHUSK, PATH, target/release]")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=2, help="minimum partitions")
    parser.add_argument("--work", help="folder for both outputs [default: a temp folder]")
    args = parser.parse_args()

    major = java_major()
    if major is None:
        skip("no Java found (need Java 17+: apt-get install -y openjdk-17-jre-headless)")
    if major < 17:
        skip(f"Java {major} found, Spark needs Java 17+")
    try:
        import pyspark
    except ImportError:
        skip("pyspark is not installed (pip install pyspark)")
    dehusk = find_dehusk(args.dehusk)
    corpus = os.path.abspath(args.corpus)
    work = args.work or tempfile.mkdtemp(prefix="dehusk-spark-")
    os.makedirs(work, exist_ok=True)
    direct_out = os.path.join(work, "direct.jsonl")
    spark_out = os.path.join(work, "spark")
    shutil.rmtree(spark_out, ignore_errors=True)

    direct_s = direct_run(dehusk, corpus, direct_out)
    total_s, job_s, counts = spark_run(dehusk, corpus, spark_out, args.master, args.partitions)

    parts = sorted(os.path.join(spark_out, p) for p in os.listdir(spark_out) if p.startswith("part-"))
    want, size = sha256([direct_out])
    got, _ = sha256(parts)
    _, size_in = sha256([corpus])
    print(f"corpus      {corpus} ({size_in / 1e6:.1f} MB, {sum(counts)} records)")
    print(f"dehusk      {dehusk} (pyspark {pyspark.__version__}, Java {major})")
    print(f"direct      {direct_s:7.2f} s  one process, stdin to stdout")
    print(f"spark       {job_s:7.2f} s  {args.master}, {len(counts)} partitions "
          f"({total_s:.2f} s with JVM start and checks)")
    print(f"output      {size / 1e6:.1f} MB, sha256 direct {want[:16]}, spark {got[:16]}")
    problem = compare_partitions(direct_out, parts, counts)
    if problem:
        print(f"FAIL: {problem}")
        return 1
    if got != want:
        print("FAIL: the Spark output differs from the direct run")
        return 1
    print("OK: identical records, order and cleaned text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
