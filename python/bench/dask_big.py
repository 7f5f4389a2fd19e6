"""Dask LocalCluster (2 worker processes) against one `byline extract`
process on a large JSON Lines file, and the two outputs compared.

    python python/bench/dask_big.py /tmp/big.jsonl [--cli target/release/byline]

The file is the 100,000-article generated corpus:
`cargo run --release --example gen_corpus -- --articles 100000 --out big.jsonl`.
The CLI runs first (2 threads), then Dask: read_text in 64 MiB blocks,
extract_text, to_textfiles; the cluster's start is timed apart. The
partition files, read in order, must equal the CLI's output line for line.
"""

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

import dask.bag as db
from dask.distributed import Client, LocalCluster

import byline.dask

REPO = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--cli", default=str(REPO / "target" / "release" / "byline"))
    parser.add_argument("--blocksize", default="64MiB")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="byline-dask-"))
    cli_out = out / "cli.jsonl"
    start = time.perf_counter()
    with open(cli_out, "wb") as sink:
        subprocess.run([args.cli, "extract", args.corpus], stdout=sink, check=True)
    cli = time.perf_counter() - start
    print(f"byline extract (one process, 2 threads): {cli:.1f} s")

    start = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    client = Client(cluster)
    print(f"cluster start: {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    lines = db.read_text(args.corpus, blocksize=args.blocksize)
    byline.dask.extract_text(lines).to_textfiles(str(out / "dask" / "part-*.jsonl"), last_endline=True)
    took = time.perf_counter() - start
    print(f"dask, 2 worker processes, {lines.npartitions} partitions: {took:.1f} s, "
          f"{took / cli:.2f}x the CLI")
    client.close()
    cluster.close()

    parts = sorted((out / "dask").iterdir(), key=lambda p: int(p.stem.split("-")[1]))
    with open(cli_out, encoding="utf-8") as want:
        same = count = 0
        for part in parts:
            with open(part, encoding="utf-8") as got:
                for line in got:
                    count += 1
                    same += line == want.readline()
        extra = want.readline()
    print(f"lines: {count}, equal to the CLI's: {same}, CLI lines left over: {bool(extra)}")
    print(f"outputs in {out}")


if __name__ == "__main__":
    main()
