"""byline.extract_many and extract_lines: many articles, in order, on
several threads, a bad record in its place."""

import itertools
import json

import pytest

import byline
from conftest import run_cli, shared_file

ARTICLES = [
    "“We start in May,” said engineer Ada Quist.",
    {"title": "Pier", "body": "“It took a year,” said Teresa Okafor."},
    {"title": 7},
    5,
    {"content": "“Ça suffit,” said François Lefèvre."},
]


@pytest.mark.parametrize("threads", [None, 1, 2])
def test_results_in_input_order_and_a_bad_record_yields_its_problem(threads):
    results = list(byline.extract_many(ARTICLES, threads=threads))
    assert len(results) == len(ARTICLES)
    assert [type(r).__name__ for r in results] == ["dict", "dict", "Problem", "Problem", "dict"]
    assert results[2].index == 2 and "expected a string" in results[2].reason
    assert results[3].index == 3 and "found int" in str(results[3])
    assert [r["quotes"][0]["speaker"] for r in results if isinstance(r, dict)] == [
        "Ada Quist", "Teresa Okafor", "François Lefèvre"]
    # Each is what extract gives, but for the id taken from its place.
    assert results[1] == dict(byline.extract(ARTICLES[1]), id="input#1")


def test_many_articles_keep_their_order_on_every_thread_count():
    bodies = [f"“Number {i} is ready,” said Ada Quist." for i in range(500)]
    for threads in (1, 2, 3):
        texts = [r["quotes"][0]["text"] for r in byline.extract_many(bodies, threads)]
        assert texts == [f"Number {i} is ready," for i in range(500)]


def test_an_endless_generator_is_read_a_window_at_a_time():
    endless = (f"“Take {i},” said Bo Lind." for i in itertools.count())
    first = list(itertools.islice(byline.extract_many(endless, threads=2), 10))
    assert [r["quotes"][0]["text"] for r in first] == [f"Take {i}," for i in range(10)]


def test_the_iterables_own_error_is_raised_in_its_turn():
    def articles():
        yield "“One,” said Bo Lind."
        yield "“Two,” said Bo Lind."
        raise OSError("the feed went away")

    results = byline.extract_many(articles())
    assert next(results)["quotes"][0]["text"] == "One,"
    assert next(results)["quotes"][0]["text"] == "Two,"
    with pytest.raises(OSError, match="went away"):
        next(results)
    assert list(results) == []


@pytest.mark.parametrize("count", [7, 8, 9, 13, 70])
def test_the_iterables_error_comes_after_every_article_before_it(count):
    # Articles go to the pool a few at a time: an error in the middle of
    # such a chunk still comes after all the articles before it.
    def articles():
        for i in range(count):
            yield f"“Part {i},” said Bo Lind."
        raise OSError("cut")

    results = byline.extract_many(articles(), threads=2)
    texts = [next(results)["quotes"][0]["text"] for _ in range(count)]
    assert texts == [f"Part {i}," for i in range(count)]
    with pytest.raises(OSError, match="cut"):
        next(results)


def test_threads_must_be_one_or_more():
    with pytest.raises(ValueError, match="threads"):
        byline.extract_many([], threads=0)


def test_extract_lines_prints_what_the_cli_prints(cli):
    articles = shared_file("corpus/polnear-dev/articles.jsonl")
    lines = articles.read_text(encoding="utf-8").splitlines()
    assert list(byline.extract_lines(lines, threads=2)) == run_cli(cli, articles)


def test_extract_lines_yields_a_bad_line_as_a_problem():
    lines = ['{"title": "T", "body": "“Yes,” said Bo Lind."}', '{"title": ', b'{"title": "B"}']
    results = list(byline.extract_lines(lines))
    assert json.loads(results[0])["quotes"][0]["speaker"] == "Bo Lind"
    assert isinstance(results[1], byline.Problem) and "ends early" in results[1].reason
    assert json.loads(results[2])["title"] == "B"


def test_records_and_lines_agree(cli):
    articles = shared_file("corpus/polnear-dev/articles.jsonl")
    records = byline.extract_many(byline.read(articles))
    for record, line in zip(records, run_cli(cli, articles)):
        for q in record["quotes"]:
            del q["char_start"], q["char_end"]
        assert record == json.loads(line)
        # Python's JSON of the dict is the CLI's line, byte for byte.
        assert json.dumps(record, ensure_ascii=False, separators=(",", ":")) == line
