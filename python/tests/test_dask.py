"""byline.dask on a real scheduler with two worker processes, as on a
cluster: the output equals `byline extract`, line for line."""

import json

import pytest

import byline
from conftest import SAMPLES, run_cli, shared_file

db = pytest.importorskip("dask.bag", reason="dask is not installed")
distributed = pytest.importorskip("dask.distributed", reason="distributed is not installed")
import byline.dask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def split(path, parts, folder):
    """The lines of `path` in `parts` JSON Lines files, in order."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // parts)
    names = []
    for i in range(parts):
        name = folder / f"part-{i}.jsonl"
        name.write_text("".join(lines[i * size:(i + 1) * size]), encoding="utf-8")
        names.append(name)
    return names


def test_two_worker_processes_write_what_the_cli_prints(client, cli, tmp_path):
    files = split(shared_file("corpus/polnear-dev/articles.jsonl"), 3, tmp_path)
    lines = db.read_text([str(f) for f in files], blocksize=None)
    assert lines.npartitions == 3
    out = tmp_path / "out"
    byline.dask.extract_text(lines).to_textfiles(str(out / "part-*.jsonl"), last_endline=True)
    # The part files, one after the other, are the CLI's output byte for byte.
    written = "".join(name.read_text(encoding="utf-8") for name in sorted(out.iterdir()))
    assert written == "".join(line + "\n" for line in run_cli(cli, *files))
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2


def test_files_in_blocks_give_the_cli_output_byte_for_byte(client, cli, tmp_path):
    files = split(shared_file("corpus/polnear-dev/articles.jsonl"), 2, tmp_path)
    # Blocks far smaller than a file: each is cut at a line's end.
    names = byline.dask.extract_files([str(f) for f in files], str(tmp_path / "out"),
                                      blocksize=60_000)
    assert len(names) > 4
    written = "".join(open(name, encoding="utf-8").read() for name in names)
    assert written == "".join(line + "\n" for line in run_cli(cli, *files))


def test_a_bag_of_articles_to_parquet_with_the_extract_schema(client, cli, tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.dataset as ds

    articles = db.from_sequence(list(byline.read(SAMPLES)), npartitions=3)
    results = byline.dask.extract_bag(articles)
    names = byline.dask.to_parquet(results, str(tmp_path / "parquet"))
    assert len(names) == 3
    table = ds.dataset(str(tmp_path / "parquet")).to_table()
    assert table.schema.equals(byline.dask.EXTRACT_SCHEMA)
    cli_records = [json.loads(line) for line in run_cli(cli, SAMPLES)]
    assert table.column("id").to_pylist() == [r["id"] for r in cli_records]
    quotes = [[(q["text"], q["speaker"]) for q in r] for r in table.column("quotes").to_pylist()]
    assert quotes == [[(q["text"], q["speaker"]) for q in r["quotes"]] for r in cli_records]
    assert isinstance(pa.Table, type)
