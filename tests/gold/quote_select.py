#!/usr/bin/env python3
"""Choose the articles of the BBC gold, reproducibly, without reading them.

    python3 quote_select.py ../shared/corpus/bbc/articles.jsonl

Prints the chosen ids as `split<TAB>id`, one a line. Per section (in the
corpus' order: business, entertainment, politics, sport, tech): the ids in
file order, minus byte-identical repeats of an earlier article of the section
(same title and body) and minus articles whose body holds no `"`,
are shuffled with random.Random(2026); the first 8 are dev, the next 8 test.
Python 3 standard library only.
"""
import json
import random
import sys

PER_SPLIT = 8
SEED = 2026


def sections(path):
    """The corpus' articles by section, in file order, each section without
    the byte-identical repeats (same title and body) of an earlier article."""
    out = {}
    seen = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            a = json.loads(line)
            key = (a['section'], a['title'], tuple(a['body']))
            if key not in seen:
                seen.add(key)
                out.setdefault(a['section'], []).append(a)
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for articles in sections(sys.argv[1]).values():
        ids = [a['id'] for a in articles if any('"' in p for p in a['body'])]
        random.Random(SEED).shuffle(ids)
        for split, chosen in (('dev', ids[:PER_SPLIT]), ('test', ids[PER_SPLIT:2 * PER_SPLIT])):
            for i in chosen:
                print(f'{split}\t{i}')


if __name__ == '__main__':
    main()
