"""byline: who said what in news articles.

Finds the direct quotations in an article, who said each one, and the
people it names, with byline's rule-based Rust library: the analysis
behind the `byline` news reader and `byline extract`.

    >>> import byline
    >>> r = byline.extract('"We start in May," said engineer Ada Quist.')
    >>> [(q["speaker"], q["text"]) for q in r["quotes"]]
    [('Ada Quist', 'We start in May,')]

Functions:

- extract(article): one article (a str body, or a dict in any shape
  byline reads) -> a dict with the fields of a `byline extract` line;
- extract_many(articles, threads=None): many, on every core with the GIL
  released, in input order; a bad article yields a byline.Problem;
- extract_lines(lines, threads=None): JSON Lines text in, `byline
  extract` lines out, byte for byte;
- read(path): the articles of files and folders, every format, as dicts;
- quotes_table(results), people_table(results): one row per quote or per
  person, a pyarrow.Table (or a list of dicts without pyarrow).

byline.dask runs the same on a Dask cluster; byline.spark has the Spark
recipes (see python/README.md).
"""

from ._native import (
    LoadWarning,
    Problem,
    __version__,
    extract,
    extract_lines,
    extract_many,
    read,
)
from ._tables import people_table, quotes_table

__all__ = [
    "LoadWarning",
    "Problem",
    "__version__",
    "extract",
    "extract_lines",
    "extract_many",
    "people_table",
    "quotes_table",
    "read",
]
