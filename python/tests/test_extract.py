"""byline.extract: one article, as a body or a dict, and its offsets."""

import json

import pytest

import byline
from conftest import shared_file


def seed_article() -> dict:
    return json.loads(shared_file("seed/seed-article.json").read_text())


def test_the_seed_article_gives_its_13_quotes_and_speakers():
    gold = json.loads(shared_file("seed/seed-gold.json").read_text())
    record = byline.extract(seed_article())
    assert record["id"] == gold["id"]
    assert len(record["quotes"]) == 13
    # Speakers are compared as the scorer does, by the last word of the
    # name: the gold spells one of them "Volodymyr", the article "Volodymir".
    got = [(q["start"], q["end"], q["speaker"].split()[-1]) for q in record["quotes"]]
    want = [(q["start"], q["end"], q["speaker"].split()[-1]) for q in gold["quotes"]]
    assert got == want
    names = {p["name"] for p in record["people"]}
    assert {"Jens Stoltenberg", "Volodymir Zelensky"} <= names


def test_the_record_has_the_fields_of_a_byline_extract_line():
    record = byline.extract(seed_article())
    assert list(record) == ["id", "title", "source", "published", "authors", "url",
                            "truncated", "people", "quotes"]
    assert list(record["people"][0]) == ["name", "kind", "role", "aliases",
                                         "mentions"]
    assert list(record["quotes"][0]) == ["text", "start", "end", "speaker", "cue",
                                         "char_start", "char_end"]


def test_a_str_is_a_body_and_reads_as_the_dict_holding_it():
    body = '"The pier opens in May," said Teresa Okafor, the harbour master.'
    from_str = byline.extract(body)
    assert from_str == byline.extract({"body": body})
    assert [(q["text"], q["speaker"]) for q in from_str["quotes"]] == [
        ("The pier opens in May,", "Teresa Okafor")]
    # A title is taken from the text, as the loader does for files.
    assert from_str["title"].startswith('"The pier opens')


def test_dicts_in_the_news_tools_shapes():
    newsapi = {"source": {"id": None, "name": "Harbour Gazette"}, "author": "Marta Quell",
               "title": "Pier reopens", "publishedAt": "2026-01-02T10:15:00Z",
               "content": "“It took a year,” said Teresa Okafor."}
    record = byline.extract(newsapi)
    assert (record["source"], record["authors"], record["published"]) == (
        "Harbour Gazette", ["Marta Quell"], "2026-01-02T10:15:00Z")
    assert record["quotes"][0]["speaker"] == "Teresa Okafor"
    news_please = {"title": "T", "maintext": "“Yes,” said Ines Halvorsen.",
                   "date_publish": "2026-01-09 14:20:00"}
    assert byline.extract(news_please)["quotes"][0]["speaker"] == "Ines Halvorsen"


def test_character_offsets_slice_the_text_byte_offsets_slice():
    body = ("Zoë Ångström, the mayor of Malmö, spoke first. “Déjà vu — again 🙂,” "
            "said Zoë Ångström.\n\n“Ça suffit,” said François Lefèvre.")
    record = byline.extract(body, include_body=True)
    held = record["body"]
    assert len(record["quotes"]) == 2
    for q in record["quotes"]:
        by_bytes = held.encode("utf-8")[q["start"]:q["end"]].decode("utf-8")
        assert by_bytes == held[q["char_start"]:q["char_end"]] == q["text"]
        assert q["char_start"] < q["start"]  # the accents before it are two bytes


def test_a_body_is_cleaned_and_offsets_point_into_the_cleaned_body():
    record = byline.extract("a\u001b[31mRED\u001b[0m. “Yes,” said Ann Lee.", include_body=True)
    assert record["body"] == "aRED. “Yes,” said Ann Lee."
    q = record["quotes"][0]
    assert record["body"][q["char_start"]:q["char_end"]] == "Yes,"


def test_an_unreadable_article_raises_a_problem():
    with pytest.raises(byline.Problem) as raised:
        byline.extract({"title": 7})
    assert raised.value.reason == '"title" is a number, expected a string'
    assert raised.value.index is None
    assert isinstance(raised.value, ValueError)
    with pytest.raises(byline.Problem, match="no \"title\" and no body"):
        byline.extract({"url": "https://x.test"})


def test_something_that_is_not_an_article_is_a_type_error():
    with pytest.raises(TypeError, match="found int"):
        byline.extract(5)


def test_a_left_out_field_is_a_warning_and_the_article_is_read():
    with pytest.warns(byline.LoadWarning, match='"url" is a number'):
        record = byline.extract({"title": "T", "body": "“Yes,” said Bo Lind.", "url": 5})
    assert record["url"] is None and record["quotes"]


def test_help_reads_well():
    assert "who said what" in byline.__doc__
    for name in ("extract", "extract_many", "extract_lines", "read"):
        doc = getattr(byline, name).__doc__
        assert doc and len(doc) > 200, name
    assert "include_body" in byline.extract.__text_signature__
