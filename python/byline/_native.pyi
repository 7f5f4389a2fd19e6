"""Types of byline's native module (re-exported by `byline`)."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from typing import TypedDict

__version__: str

class Person(TypedDict):
    name: str
    kind: str
    role: Optional[str]
    aliases: List[str]
    mentions: int

class Quote(TypedDict):
    text: str
    start: int
    end: int
    speaker: Optional[str]
    cue: Optional[str]
    char_start: int
    char_end: int

class Record(TypedDict, total=False):
    id: str
    title: str
    source: Optional[str]
    published: Optional[str]
    authors: List[str]
    url: Optional[str]
    truncated: bool
    people: List[Person]
    quotes: List[Quote]
    body: str

class Image(TypedDict):
    caption: str
    credit: Optional[str]

class Article(TypedDict):
    id: str
    title: str
    subtitle: Optional[str]
    body: str
    source: Optional[str]
    authors: List[str]
    published: Optional[str]
    url: Optional[str]
    images: List[Image]
    truncated: bool
    read: Optional[bool]
    origin: str

class Problem(ValueError):
    """An article byline could not read."""

    index: Optional[int]
    reason: str

class LoadWarning(UserWarning):
    """Something left out while reading; the rest was read."""

ArticleInput = Union[str, Dict[str, Any]]
PathInput = Union[str, "os.PathLike[str]"]

class Extracting(Iterator[Any]):
    def __iter__(self) -> "Extracting": ...
    def __next__(self) -> Any: ...

class Reading(Iterator[Article]):
    def __iter__(self) -> "Reading": ...
    def __next__(self) -> Article: ...

def extract(article: ArticleInput, *, include_body: bool = False) -> Record: ...
def extract_many(
    articles: Iterable[ArticleInput],
    threads: Optional[int] = None,
    *,
    include_body: bool = False,
) -> Iterator[Union[Record, Problem]]: ...
def extract_lines(
    lines: Iterable[Union[str, bytes]], threads: Optional[int] = None
) -> Iterator[Union[str, Problem]]: ...
def read(paths: Union[PathInput, List[PathInput]]) -> Iterator[Article]: ...
