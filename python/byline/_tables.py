"""Results as tables: one row per quote, one row per person.

What a pandas or Polars user groups by: `speaker`, `source`,
`published`. A pyarrow.Table when pyarrow is installed (then
`.to_pandas()` or `polars.from_arrow(...)`), else a list of dicts.
"""

from typing import Any, Dict, Iterable, List, Union

from ._native import Problem

# Column name -> pyarrow type name; the order is the tables' order.
_ARTICLE_COLUMNS = [
    ("id", "string"),
    ("title", "string"),
    ("source", "string"),
    ("published", "string"),
]
QUOTE_COLUMNS = _ARTICLE_COLUMNS + [
    ("quote", "int64"),
    ("text", "string"),
    ("speaker", "string"),
    ("cue", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("char_start", "int64"),
    ("char_end", "int64"),
]
PEOPLE_COLUMNS = _ARTICLE_COLUMNS + [
    ("name", "string"),
    ("role", "string"),
    ("aliases", "list<string>"),
    ("mentions", "int64"),
    ("quotes", "int64"),
]

Rows = List[Dict[str, Any]]


def quotes_table(results: Iterable[Any]) -> Union["pyarrow.Table", Rows]:  # noqa: F821
    """One row per quote of `results` (what extract/extract_many return).

    Columns: id, title, source, published (the article's), quote (its
    number in the article, from 0), text, speaker (None when the text does
    not say), cue, start, end (UTF-8 bytes), char_start, char_end (str
    indexes). byline.Problem items are skipped.
    """
    rows = [
        dict(_article(r), quote=i, text=q["text"], speaker=q["speaker"], cue=q["cue"],
             start=q["start"], end=q["end"], char_start=q.get("char_start"),
             char_end=q.get("char_end"))
        for r in _records(results)
        for i, q in enumerate(r["quotes"])
    ]
    return _table(rows, QUOTE_COLUMNS)


def people_table(results: Iterable[Any]) -> Union["pyarrow.Table", Rows]:  # noqa: F821
    """One row per person named in each article of `results`.

    Columns: id, title, source, published (the article's), name (the
    fullest form), role (a title or apposition the text gives, or None),
    aliases (the other forms in the text), mentions (times
    named), quotes (quotes the article gives them). byline.Problem items
    are skipped.
    """
    rows = []
    for r in _records(results):
        said: Dict[str, int] = {}
        for q in r["quotes"]:
            if q["speaker"] is not None:
                said[q["speaker"]] = said.get(q["speaker"], 0) + 1
        for p in r["people"]:
            rows.append(dict(_article(r), name=p["name"], role=p.get("role"),
                             aliases=list(p["aliases"]),
                             mentions=p["mentions"], quotes=said.get(p["name"], 0)))
    return _table(rows, PEOPLE_COLUMNS)


def _records(results: Iterable[Any]) -> Iterable[Dict[str, Any]]:
    return (r for r in results if not isinstance(r, Problem))


def _article(record: Dict[str, Any]) -> Dict[str, Any]:
    return {name: record.get(name) for name, _ in _ARTICLE_COLUMNS}


def _table(rows: Rows, columns: List[tuple]) -> Union["pyarrow.Table", Rows]:  # noqa: F821
    try:
        import pyarrow as pa
    except ImportError:
        return rows
    types = {"string": pa.string(), "int64": pa.int64(), "list<string>": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    return pa.Table.from_pylist(rows, schema=schema)
