"""extract_many against `byline extract` on the same bodies, in one run.

    python python/bench/throughput.py [--repeat 30] [--rounds 5] [--cli target/release/byline]

The polnear-dev bodies (../shared) are repeated to a few MB, so each timing
is long enough to read; the CLI reads the same bodies as JSON Lines
(`{"body": …}` a line, what a str becomes in extract_many). The two are
alternated, round by round (the order flipping each round), with 1 and 2 threads (RAYON_NUM_THREADS for
the CLI), and the medians and their ratio printed. The CLI's time
includes starting the process and parsing the JSON; extract_many's
includes making every result a dict. CPU time (all threads, from the
kernel) is printed too: it swings less than the clock on a shared machine.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import byline

REPO = Path(__file__).resolve().parents[2]


def bodies(repeat: int) -> list:
    path = REPO.parent / "shared" / "corpus" / "polnear-dev" / "articles.jsonl"
    once = [json.loads(line)["body"] for line in path.read_text(encoding="utf-8").splitlines()]
    return once * repeat


def time_python(texts: list, threads: int, cpu: list) -> float:
    start, used = time.perf_counter(), time.process_time()
    count = sum(1 for _ in byline.extract_many(texts, threads=threads))
    assert count == len(texts)
    cpu.append(time.process_time() - used)
    return time.perf_counter() - start


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_cli(cli: str, path: str, threads: int, cpu: list) -> float:
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    start, used = time.perf_counter(), children_cpu()
    subprocess.run([cli, "extract", path], stdout=subprocess.DEVNULL, env=env, check=True)
    cpu.append(children_cpu() - used)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cli", default=str(REPO / "target" / "release" / "byline"))
    args = parser.parse_args()
    texts = bodies(args.repeat)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.writelines(json.dumps({"body": t}) + "\n" for t in texts)
    print(f"{len(texts)} bodies, {mb:.1f} MB; median of {args.rounds} rounds")
    for threads in (1, 2):
        py, cli, py_cpu, cli_cpu = [], [], [], []
        for round_ in range(args.rounds):
            if round_ % 2:
                py.append(time_python(texts, threads, py_cpu))
                cli.append(time_cli(args.cli, f.name, threads, cli_cpu))
            else:
                cli.append(time_cli(args.cli, f.name, threads, cli_cpu))
                py.append(time_python(texts, threads, py_cpu))
        p, c = statistics.median(py), statistics.median(cli)
        # Each round's pair ran within a second of each other: their ratio
        # swings less with the neighbours than the times do.
        pairs = sorted(a / b for a, b in zip(py, cli))
        print(f"{threads} thread(s): extract_many {p:.3f} s ({mb / p:.1f} MB/s), "
              f"byline extract {c:.3f} s ({mb / c:.1f} MB/s); ratio of medians {p / c:.2f}x, "
              f"of fastest {min(py) / min(cli):.2f}x, median pair {statistics.median(pairs):.2f}x "
              f"(pairs {pairs[0]:.2f}-{pairs[-1]:.2f}; extract_many {min(py):.3f}-{max(py):.3f} s, "
              f"CLI {min(cli):.3f}-{max(cli):.3f} s)")
        pc, cc = statistics.median(py_cpu), statistics.median(cli_cpu)
        print(f"    CPU time (all threads): extract_many {pc:.3f} s, byline extract {cc:.3f} s, "
              f"ratio {pc / cc:.2f}x")
    os.unlink(f.name)


if __name__ == "__main__":
    main()
