"""byline on a Dask cluster: the analysis as a map over bag partitions.

Each partition is extracted by `extract_lines` (JSON Lines text) or
`extract_many` (article dicts or bodies) inside the worker process that
holds it, with the GIL released. Dask does the scheduling; byline adds
none of its own.

    import dask.bag as db
    from dask.distributed import Client, LocalCluster
    import byline.dask

    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))
    lines = db.read_text("news/*.jsonl", blocksize="64MiB")
    byline.dask.extract_text(lines).to_textfiles("out/part-*.jsonl", last_endline=True)

The files written hold exactly the lines `byline extract news/*.jsonl`
prints, partition by partition (an article with no `id` is named
`input#N`, N its place in its partition, where the CLI names it by file
and line).

For JSON Lines files to JSON Lines files, `extract_files` does the same
with less of Python in the way (blocks of bytes, one write a partition):

    byline.dask.extract_files("news/*.jsonl", "out/")   # out/part-00000.jsonl, …
"""

from typing import Any, Iterable, Iterator, List, Optional

import warnings

from ._native import LoadWarning, Problem, extract_lines, extract_many

__all__ = ["extract_files", "extract_text", "extract_bag", "to_parquet", "EXTRACT_SCHEMA"]


def extract_files(urlpath: Any, out: str, blocksize: Any = "64MiB",
                  threads: Optional[int] = 1, **storage_options: Any) -> List[str]:
    """JSON Lines files (a path, a glob or a list, local or anything
    fsspec opens) -> `out/part-00000.jsonl`, … holding the lines `byline
    extract` prints for them, in order, byte for byte, one file a block.

    Each file is read in blocks of `blocksize` bytes cut at line ends
    (`dask.bytes.read_bytes`), each block extracted in a task and written
    by it at once, on the cluster of the current `dask.distributed`
    client (or Dask's default scheduler). Blank lines are passed over and
    an article that cannot be read is left out (its problem a
    `byline.LoadWarning` in the worker's log), as the CLI does. Compressed files need `blocksize=None` (one
    block a file). Returns the names written, in order."""
    import dask
    import fsspec
    from dask.bytes import read_bytes

    _, blocks = read_bytes(urlpath, delimiter=b"\n", blocksize=blocksize, sample=False,
                           **storage_options)
    fs, root = fsspec.core.url_to_fs(out, **storage_options)
    fs.makedirs(root, exist_ok=True)
    parts = [block for of_file in blocks for block in of_file]
    writes = [dask.delayed(_extract_block)(block, fs, f"{root.rstrip('/')}/part-{i:05d}.jsonl",
                                           threads)
              for i, block in enumerate(parts)]
    return list(dask.compute(*writes))


def _extract_block(data: bytes, fs: Any, name: str, threads: Optional[int]) -> str:
    lines = [line for line in data.decode("utf-8").split("\n") if line.strip()]
    out = _good_lines(extract_lines(lines, threads))
    with fs.open(name, "wb") as sink:
        sink.write(("\n".join(out) + "\n" if out else "").encode("utf-8"))
    return name


def extract_text(lines: "dask.bag.Bag", threads: Optional[int] = 1) -> "dask.bag.Bag":  # noqa: F821
    """A bag of JSON Lines text (`dask.bag.read_text`) -> a bag of the
    lines `byline extract` prints for them, byte for byte, without line
    breaks. Blank lines are passed over and an article that cannot be read
    is left out (its problem a `byline.LoadWarning` in the worker's log),
    as the CLI does. `threads`: threads per task (1 suits one thread per worker
    process; None uses all the worker's cores)."""
    return lines.map_partitions(_lines_partition, threads)


def extract_bag(articles: "dask.bag.Bag", threads: Optional[int] = 1) -> "dask.bag.Bag":  # noqa: F821
    """A bag of articles (dicts in any shape byline reads, or str bodies)
    -> a bag of `extract` dicts. An article that cannot be read becomes a
    `byline.Problem` in its place; `quotes_table`/`people_table` and
    `to_parquet` skip those."""
    return articles.map_partitions(_records_partition, threads)


def _lines_partition(lines: Iterable[Any], threads: Optional[int]) -> List[str]:
    text = (line for line in lines if line.strip())
    return _good_lines(extract_lines(text, threads))


def _good_lines(results: Iterable[Any]) -> List[str]:
    """The lines, each problem told as a warning, as the CLI tells it on
    standard error."""
    lines = []
    for r in results:
        if isinstance(r, Problem):
            warnings.warn(str(r), LoadWarning, stacklevel=2)
        else:
            lines.append(r)
    return lines


def _records_partition(articles: Iterable[Any], threads: Optional[int]) -> List[Any]:
    return list(extract_many(articles, threads))


def extract_schema() -> "pyarrow.Schema":  # noqa: F821
    """The `byline extract` record as an Arrow schema (quotes with their
    character offsets too)."""
    import pyarrow as pa

    person = pa.struct([("name", pa.string()), ("kind", pa.string()), ("role", pa.string()),
                        ("aliases", pa.list_(pa.string())), ("mentions", pa.int64())])
    quote = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                       ("speaker", pa.string()), ("cue", pa.string()),
                       ("char_start", pa.int64()), ("char_end", pa.int64())])
    return pa.schema([
        ("id", pa.string()), ("title", pa.string()), ("source", pa.string()),
        ("published", pa.string()), ("authors", pa.list_(pa.string())),
        ("url", pa.string()), ("truncated", pa.bool_()),
        ("people", pa.list_(person)), ("quotes", pa.list_(quote)),
    ])


def __getattr__(name: str) -> Any:
    # The schema is built on first use, so importing this module needs no pyarrow.
    if name == "EXTRACT_SCHEMA":
        return extract_schema()
    raise AttributeError(name)


def to_parquet(results: "dask.bag.Bag", path: str) -> List[str]:  # noqa: F821
    """Writes a bag of `extract` dicts as Parquet, one file per partition
    (`path/part-00000.parquet`, …) with `EXTRACT_SCHEMA`, and returns the
    file names. Read it back with `pyarrow.dataset.dataset(path)` or
    `dask.dataframe.read_parquet(path)`."""
    import dask
    import os

    os.makedirs(path, exist_ok=True)
    writes = [
        dask.delayed(_write_parquet)(part, os.path.join(path, f"part-{i:05d}.parquet"))
        for i, part in enumerate(results.to_delayed())
    ]
    return list(dask.compute(*writes))


def _write_parquet(records: Iterable[Any], name: str) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [r for r in records if not isinstance(r, Problem)]
    pq.write_table(pa.Table.from_pylist(rows, schema=extract_schema()), name)
    return name
