#!/usr/bin/env python3
"""A datatrove-style pipeline step that streams documents through one long-lived dehusk process.

Pipelines such as datatrove pass a generator of documents from step to step on each worker
(`run(data, rank, world_size)`). `DehuskStep` starts `dehusk clean --format jsonl -` once and,
for every document, writes one JSON line and reads back one cleaned line before the next: that
works only because dehusk writes and flushes one output line per input line as it goes (a binary
that buffered its output would stall here; the step then fails after --timeout seconds instead
of hanging). Standard library only; needs a dehusk binary (`pip install .` puts it on PATH).

  python3 examples/datatrove_style.py [--dehusk PATH] [--docs N]

The demo cleans N made-up documents, checks that ids and order come back unchanged and that
the streamed result equals one batch run over the same documents, and prints what was removed.
"""

import argparse
import json
import os
import select
import shutil
import subprocess
import sys


class DehuskStep:
    """Clean `{"id", "text", "metadata"}` documents; other keys pass through untouched."""

    def __init__(self, dehusk="dehusk", text_field="text", mode="balanced", timeout=60.0):
        self.command = [dehusk, "clean", "--format", "jsonl", "-q",
                        "--text-field", text_field, "--mode", mode, "-"]
        self.timeout = timeout
        self.stats = {"documents": 0, "changed": 0, "chars_removed": 0}

    def run(self, data, rank=0, world_size=1):
        """Yield each document of `data` cleaned, in order (rank/world_size as in datatrove)."""
        with subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE) as proc:
            try:
                for doc in data:
                    proc.stdin.write(json.dumps(doc, ensure_ascii=False).encode() + b"\n")
                    proc.stdin.flush()
                    ready, _, _ = select.select([proc.stdout], [], [], self.timeout)
                    line = proc.stdout.readline() if ready else b""
                    if not line:
                        raise RuntimeError(f"dehusk sent nothing back for document {doc.get('id')}"
                                           f" within {self.timeout}s (exit code {proc.poll()})")
                    cleaned = json.loads(line)
                    self.stats["documents"] += 1
                    removed = len(doc["text"]) - len(cleaned["text"])
                    if removed:
                        self.stats["changed"] += 1
                        self.stats["chars_removed"] += removed
                    yield cleaned
            finally:
                proc.stdin.close()
                proc.wait()


def made_up_documents(n):
    """Articles with a menu, a share line and a photo credit around two body sentences."""
    for i in range(n):
        text = ("Home\nWorld\nBusiness\nShare on Facebook\n"
                f"The council voted on Monday to close bridge number {i} for repairs, which are "
                "expected to take most of the summer.\n"
                "Residents who rely on the bridge said they had not been told how long the detour "
                "would add to their commute.\nREUTERS/Jane Roe\n")
        yield {"id": f"doc-{i}", "text": text, "metadata": {"url": f"https://news.example/{i}"}}


def batch_run(dehusk, docs):
    """The same documents through one `dehusk clean --format jsonl -` call, all at once."""
    data = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode()
    out = subprocess.run([dehusk, "clean", "--format", "jsonl", "-q", "-"], input=data,
                         stdout=subprocess.PIPE, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dehusk", default=os.environ.get("DEHUSK") or shutil.which("dehusk"))
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args()
    if not args.dehusk:
        sys.exit("datatrove_style.py: no dehusk on PATH: pip install . (or pass --dehusk PATH)")

    step = DehuskStep(args.dehusk)
    streamed = list(step.run(made_up_documents(args.docs)))
    ids = [d["id"] for d in streamed]
    if ids != [d["id"] for d in made_up_documents(args.docs)]:
        print("FAIL: ids or order changed")
        return 1
    if streamed != batch_run(args.dehusk, list(made_up_documents(args.docs))):
        print("FAIL: streaming and batch runs differ")
        return 1
    s = step.stats
    print(f"{s['documents']} documents streamed through one dehusk process, {s['changed']} "
          f"changed, {s['chars_removed']} characters removed")
    print("first document after cleaning:")
    print(streamed[0]["text"], end="")
    print("OK: same ids, order and text as a batch run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
