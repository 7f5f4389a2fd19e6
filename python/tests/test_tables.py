"""byline.quotes_table and people_table: rows to group by."""

import builtins

import pytest

import byline

RESULTS = [
    byline.extract({"id": "a", "title": "Pier", "source": "Gazette",
                    "body": "“It took a year,” said Mayor Teresa Okafor. “We are proud,” Okafor"
                            " said."}),
    byline.Problem("input [article 1]: broken"),
    byline.extract({"id": "b", "title": "Ferry", "body": "“No,” said Bo Lind. Ann Lee agreed."}),
]


def test_quotes_table_has_one_row_per_quote_with_its_article():
    pa = pytest.importorskip("pyarrow")
    table = byline.quotes_table(RESULTS)
    assert isinstance(table, pa.Table)
    assert table.column_names == ["id", "title", "source", "published", "quote", "text",
                                  "speaker", "cue", "start", "end", "char_start", "char_end"]
    assert table.column("speaker").to_pylist() == ["Teresa Okafor", "Teresa Okafor", "Bo Lind"]
    assert table.column("id").to_pylist() == ["a", "a", "b"]
    assert table.column("quote").to_pylist() == [0, 1, 0]


def test_people_table_counts_each_persons_quotes():
    pytest.importorskip("pyarrow")
    rows = byline.people_table(RESULTS).to_pylist()
    got = {(r["id"], r["name"]): (r["mentions"], r["quotes"]) for r in rows}
    assert got[("a", "Teresa Okafor")] == (2, 2)
    roles = {r["name"]: r["role"] for r in rows}
    assert roles["Teresa Okafor"] == "Mayor" and roles["Bo Lind"] is None
    assert got[("b", "Bo Lind")][1] == 1
    assert byline.people_table([]).num_rows == 0


def test_without_pyarrow_the_rows_are_dicts(monkeypatch):
    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name == "pyarrow":
            raise ImportError("no pyarrow here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    rows = byline.quotes_table(RESULTS)
    assert isinstance(rows, list) and rows[0]["speaker"] == "Teresa Okafor"
    assert rows[0]["char_end"] - rows[0]["char_start"] == len(rows[0]["text"])
