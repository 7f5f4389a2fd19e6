"""byline.read: articles from files and folders, in every format."""

import json

import pytest

import byline
from conftest import SAMPLES, run_cli


def test_a_folder_of_samples_reads_as_the_cli_reads_it(cli):
    articles = list(byline.read(SAMPLES))
    lines = run_cli(cli, SAMPLES)
    assert [a["id"] for a in articles] == [json.loads(line)["id"] for line in lines]
    first = articles[0]
    assert list(first) == ["id", "title", "subtitle", "body", "source", "authors", "published",
                           "url", "images", "truncated", "read", "origin"]
    assert first["origin"].startswith(str(SAMPLES))


def test_an_article_read_goes_back_into_extract_unchanged(cli):
    records = list(byline.extract_many(byline.read(SAMPLES)))
    for record, line in zip(records, run_cli(cli, SAMPLES)):
        for q in record["quotes"]:
            del q["char_start"], q["char_end"]
        assert record == json.loads(line)


def test_a_cut_story_stays_cut(tmp_path):
    story = {"title": "Pier", "content": "“It took a year,” said Teresa Okafor. Then the "
             "council voted to… [+1873 chars]"}
    (tmp_path / "cut.json").write_text(json.dumps(story))
    (article,) = byline.read(tmp_path / "cut.json")
    assert article["truncated"] is True and "[+1873" not in article["body"]
    assert byline.extract(article)["truncated"] is True


def test_a_broken_line_is_a_warning_and_the_rest_is_read(tmp_path):
    lines = tmp_path / "news.jsonl"
    lines.write_text('{"title": "One", "body": "B"}\n{"title": \n{"title": "Three"}\n')
    with pytest.warns(byline.LoadWarning, match=r"news.jsonl:2: "):
        articles = list(byline.read([lines]))
    assert [a["title"] for a in articles] == ["One", "Three"]
    assert articles[1]["origin"].endswith("news.jsonl:3")


def test_a_missing_path_raises_at_once(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        byline.read(tmp_path / "missing")


def test_reading_can_stop_early(tmp_path):
    lines = tmp_path / "many.jsonl"
    lines.write_text("".join(json.dumps({"title": f"T{i}"}) + "\n" for i in range(5000)))
    reading = byline.read(lines)
    assert next(reading)["title"] == "T0"
    del reading  # the loader's thread stops at its next batch
