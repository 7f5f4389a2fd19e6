"""Dask LocalCluster (2 worker processes) against one `byline extract`
process on a large JSON Lines file, and the two outputs compared.

    python python/bench/dask_big.py /tmp/big.jsonl [--cli target/release/byline]

The file is the 100,000-article generated corpus:
`cargo run --release --example gen_corpus -- --articles 100000 --out big.jsonl`.
The cluster starts once (timed apart); then, round by round, the CLI
(2 threads, its output to a file) and the two Dask helpers over 16 MiB
blocks: `extract_files` (bytes in, one write a partition) and
`extract_text` (`read_text`, then `to_textfiles`). The partition files of
the last round, read in order, are compared with the CLI's output line
for line. CPU time
(the CLI's, and the workers' plus this process's) is printed beside the
clock: on a shared machine it swings less.
"""

import argparse
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import dask.bag as db
from dask.distributed import Client, LocalCluster

import byline.dask

REPO = Path(__file__).resolve().parents[2]


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_cli(cli: str, corpus: str, out: Path) -> "tuple[float, float]":
    start, used = time.perf_counter(), cpu_seconds(resource.RUSAGE_CHILDREN)
    with open(out, "wb") as sink:
        subprocess.run([cli, "extract", corpus], stdout=sink, check=True)
    return time.perf_counter() - start, cpu_seconds(resource.RUSAGE_CHILDREN) - used


def workers_cpu(client: Client) -> float:
    return sum(client.run(cpu_seconds).values())


def run_dask(client: Client, helper: str, corpus: str, blocksize: str,
             out: Path) -> "tuple[float, float, int]":
    shutil.rmtree(out, ignore_errors=True)
    start, used = time.perf_counter(), workers_cpu(client) + cpu_seconds()
    if helper == "extract_files":
        parts = len(byline.dask.extract_files(corpus, str(out), blocksize=blocksize))
    else:
        lines = db.read_text(corpus, blocksize=blocksize)
        byline.dask.extract_text(lines).to_textfiles(str(out / "part-*.jsonl"), last_endline=True)
        parts = lines.npartitions
    took = time.perf_counter() - start
    return took, workers_cpu(client) + cpu_seconds() - used, parts


def compare(cli_out: Path, dask_out: Path) -> None:
    parts = sorted(dask_out.iterdir(), key=lambda p: int(p.stem.split("-")[1]))
    with open(cli_out, encoding="utf-8") as want:
        same = count = 0
        for part in parts:
            with open(part, encoding="utf-8") as got:
                for line in got:
                    count += 1
                    same += line == want.readline()
        extra = want.readline()
    print(f"lines: {count}, equal to the CLI's: {same}, CLI lines left over: {bool(extra)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--cli", default=str(REPO / "target" / "release" / "byline"))
    parser.add_argument("--blocksize", default="16MiB")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="byline-dask-"))
    start = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    client = Client(cluster)
    print(f"cluster start (not in the times below): {time.perf_counter() - start:.1f} s")
    helpers = ("extract_files", "extract_text")
    ratios = {helper: [] for helper in helpers}
    for round_ in range(args.rounds):
        cli, cli_cpu = run_cli(args.cli, args.corpus, out / "cli.jsonl")
        print(f"round {round_ + 1}: byline extract (one process, 2 threads) {cli:.1f} s "
              f"(CPU {cli_cpu:.1f} s)")
        for helper in helpers:
            took, cpu, parts = run_dask(client, helper, args.corpus, args.blocksize,
                                        out / helper)
            ratios[helper].append((took / cli, cpu / cli_cpu))
            print(f"    {helper} (2 worker processes, {parts} partitions) {took:.1f} s "
                  f"(CPU {cpu:.1f} s, workers and client): {took / cli:.2f}x by the clock, "
                  f"{cpu / cli_cpu:.2f}x by CPU time")
    for helper in helpers:
        clock = statistics.median(r[0] for r in ratios[helper])
        cpu = statistics.median(r[1] for r in ratios[helper])
        print(f"{helper} / CLI, median of {args.rounds} rounds: {clock:.2f}x by the clock, "
              f"{cpu:.2f}x by CPU time")
    client.close()
    cluster.close()
    for helper in helpers:
        print(helper, end=": ")
        compare(out / "cli.jsonl", out / helper)
    shutil.rmtree(out)


if __name__ == "__main__":
    main()
