"""byline.spark on a local Spark session: mapInArrow and mapInPandas with
the package, and the CLI as a streaming map (`rdd.pipe`), each equal to
`byline extract`. Skipped without pyspark or a Java runtime."""

import os
import shutil
import sys

import pytest

from conftest import run_cli, shared_file

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")
if shutil.which("java") is None:
    pytest.skip("no Java runtime for Spark", allow_module_level=True)
import byline.spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The Python workers must be this environment's, where byline is.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("byline-test")
               .config("spark.ui.enabled", "false")
               # Several partitions of one file, read in order.
               .config("spark.sql.files.maxPartitionBytes", "131072").getOrCreate())
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus():
    return shared_file("corpus/polnear-dev/articles.jsonl")


def lines_of(df):
    return [row.value for row in df.collect()]


def test_map_in_arrow_gives_the_cli_lines(spark, cli, corpus):
    lines = spark.read.text(str(corpus))
    assert lines.rdd.getNumPartitions() > 1
    out = lines.mapInArrow(byline.spark.extract_arrow, "value string")
    assert lines_of(out) == run_cli(cli, corpus)


def test_map_in_pandas_gives_the_cli_lines(spark, cli, corpus):
    lines = spark.read.text(str(corpus))
    out = lines.mapInPandas(byline.spark.extract_pandas, "value string")
    assert lines_of(out) == run_cli(cli, corpus)


def test_the_cli_as_a_streaming_map(spark, cli, corpus):
    rdd = spark.read.text(str(corpus)).rdd.map(lambda row: row.value)
    assert rdd.pipe(f"{cli} extract -").collect() == run_cli(cli, corpus)
