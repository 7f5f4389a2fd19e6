"""byline on Spark: functions for `mapInPandas` and `mapInArrow` over a
DataFrame of JSON Lines text (`spark.read.text`, one column `value`).

    from pyspark.sql import SparkSession
    import byline.spark

    spark = SparkSession.builder.getOrCreate()
    lines = spark.read.text("news/*.jsonl")
    out = lines.mapInArrow(byline.spark.extract_arrow, "value string")
    out.write.text("out/")          # the lines `byline extract` prints

Each executor needs the byline package installed (`pip install` the
wheel there). Without it, the CLI works as a streaming map on each
partition: `lines.rdd.map(lambda r: r.value).pipe("byline extract -")`.
"""

from typing import Any, Iterable, Iterator

from ._native import Problem, extract_lines

__all__ = ["extract_arrow", "extract_pandas"]


def extract_arrow(batches: Iterable[Any]) -> Iterator[Any]:
    """For `DataFrame.mapInArrow(extract_arrow, "value string")`: record
    batches with a `value` column of JSON text -> batches of `byline
    extract` lines. Unreadable articles are left out, as the CLI does."""
    import pyarrow as pa

    for batch in batches:
        lines = _extract(batch.column("value").to_pylist())
        yield pa.RecordBatch.from_pydict({"value": pa.array(lines, pa.string())})


def extract_pandas(frames: Iterable[Any]) -> Iterator[Any]:
    """For `DataFrame.mapInPandas(extract_pandas, "value string")`: the
    same over pandas frames."""
    import pandas as pd

    for frame in frames:
        yield pd.DataFrame({"value": _extract(frame["value"].tolist())})


def _extract(values: Iterable[Any]) -> list:
    text = (v for v in values if v is not None and v.strip())
    # One thread a task: Spark already runs a task per core.
    return [r for r in extract_lines(text, 1) if not isinstance(r, Problem)]
