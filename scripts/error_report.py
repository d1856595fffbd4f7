#!/usr/bin/env python3
"""Error analysis on the evaluation sets: which lines dehusk gets wrong, and why.

For AEB sets (per-line labels) it weighs every mistake by its word tokens and groups
them: content dropped, by the rule that dropped it; boilerplate kept, by where it sat
(inside or outside the detected body) and by the findings that fired but did not settle
it. For TEB sets it maps each missed "with" snippet to the rule that dropped its line
and each leaked "without" snippet to the line that kept it.

    python3 scripts/error_report.py --bin target/release/dehusk --set aeb-full
    python3 scripts/error_report.py --bin target/release/dehusk --set teb-para --examples 40
    python3 scripts/error_report.py --bin target/release/dehusk --set aeb-para -- --mode precision

The eval data stays in ../shared/eval; nothing is copied.
"""
import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

TOKEN = re.compile(r"\w+")
SPACE = re.compile(r"\s+")


def explain(binary, path, extra):
    out = subprocess.run([binary, "explain", "--json", str(path), *extra],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def aeb_report(binary, split, extra, examples):
    dropped_by_rule, kept_by_place, kept_by_finding = Counter(), Counter(), Counter()
    samples = defaultdict(list)
    content_total = boiler_total = 0
    for labels in sorted((split / "labels").glob("*.tsv")):
        rows = [r.split("\t", 2) for r in labels.read_text(encoding="utf-8").splitlines()[1:]]
        label_of = {int(r[0]): r[1] for r in rows}
        for line in explain(binary, split / "input" / f"{labels.stem}.txt", extra):
            label = label_of.get(line["line"], "blank")
            tokens = len(TOKEN.findall(line["text"]))
            if label == "content":
                content_total += tokens
                if not line["keep"]:
                    key = line["rule"] or "?"
                    dropped_by_rule[key] += tokens
                    samples["dropped " + key].append((tokens, labels.stem[:8], line))
            elif label == "boilerplate":
                boiler_total += tokens
                if line["keep"]:
                    place = "inside body" if line["in_body"] else "outside body"
                    kept_by_place[place] += tokens
                    for f in line["findings"]:
                        kept_by_finding[f["rule"]] += tokens
                    samples["kept " + place].append((tokens, labels.stem[:8], line))
    print(f"content tokens {content_total}, dropped {sum(dropped_by_rule.values())} "
          f"({100 * sum(dropped_by_rule.values()) / max(content_total, 1):.1f}%)")
    for rule, n in dropped_by_rule.most_common():
        print(f"  dropped by {rule:<30} {n:7d} tokens")
    print(f"boilerplate tokens {boiler_total}, kept {sum(kept_by_place.values())} "
          f"({100 * sum(kept_by_place.values()) / max(boiler_total, 1):.1f}%)")
    for place, n in kept_by_place.most_common():
        print(f"  kept {place:<33} {n:7d} tokens")
    for rule, n in kept_by_finding.most_common(10):
        print(f"  kept despite {rule:<28} {n:7d} tokens")
    print_samples(samples, examples)


def teb_report(binary, split, extra, examples):
    missed_by_rule, leaked_by_place = Counter(), Counter()
    samples = defaultdict(list)
    for gold_path in sorted((split / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        lines = [l for l in explain(binary, split / "input" / f"{gold_path.stem}.txt", extra) if not l["blank"]]
        # Locate each snippet in the whitespace-collapsed document and map it back to lines.
        spans, text = [], ""
        for line in lines:
            piece = SPACE.sub(" ", line["text"]).strip()
            start = len(text) + (1 if text else 0)
            text = f"{text} {piece}" if text else piece
            spans.append((start, len(text), line))
        kept_text = " " + " ".join(SPACE.sub(" ", l["text"]).strip() for l in lines if l["keep"]) + " "

        def lines_of(snippet):
            s = SPACE.sub(" ", snippet).strip()
            at = text.find(s)
            if at < 0 or not s:
                return None
            return [l for (a, b, l) in spans if a < at + len(s) and b > at]

        for snippet in gold["with"]:
            if SPACE.sub(" ", snippet) in kept_text:
                continue
            hit = lines_of(snippet)
            key = "not in input" if hit is None else next((l["rule"] for l in hit if not l["keep"]), "split across kept lines")
            missed_by_rule[key] += 1
            if hit:
                samples["missed " + key].append((1, gold_path.stem[:20], hit[0]))
        for snippet in gold["without"]:
            if SPACE.sub(" ", snippet) not in kept_text:
                continue
            hit = lines_of(snippet) or []
            place = "inside body" if any(l["in_body"] for l in hit) else "outside body"
            leaked_by_place[place] += 1
            if hit:
                samples["leaked " + place].append((1, gold_path.stem[:20], hit[0]))
    print("missed 'with' snippets by the rule that dropped their line:")
    for rule, n in missed_by_rule.most_common():
        print(f"  {rule:<32} {n:5d}")
    print("leaked 'without' snippets by place of the line that kept them:")
    for place, n in leaked_by_place.most_common():
        print(f"  {place:<32} {n:5d}")
    print_samples(samples, examples)


def print_samples(samples, examples):
    for key in sorted(samples):
        rows = sorted(samples[key], key=lambda r: -r[0])[:examples]
        print(f"\n== {key} ({len(samples[key])} lines; largest first)")
        for tokens, doc, line in rows:
            fired = ",".join(f["rule"] for f in line["findings"])
            print(f"  {doc} l{line['line']:<4} p={line['prose']:5.1f} s={line['score']:.2f} {fired[:40]:<40} "
                  f"| {line['text'][:110]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--set", required=True, help="aeb-full, aeb-para, teb-full or teb-para")
    parser.add_argument("--eval", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "eval")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--examples", type=int, default=15)
    parser.add_argument("extra", nargs="*", help="extra flags for `explain` (after --)")
    args = parser.parse_args()
    split = args.eval / args.set / args.split
    if not split.is_dir():
        sys.exit(f"error: {split} not found")
    binary = str(Path(args.bin).resolve())
    (aeb_report if args.set.startswith("aeb") else teb_report)(binary, split, args.extra, args.examples)


if __name__ == "__main__":
    main()
