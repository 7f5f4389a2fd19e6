#!/usr/bin/env python3
"""Choose the articles of the BBC gold, reproducibly, without reading them.

    python3 select.py ../shared/corpus/bbc/articles.jsonl

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


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sections = {}
    with open(sys.argv[1], encoding='utf-8') as f:
        for line in f:
            a = json.loads(line)
            sections.setdefault(a['section'], []).append(a)
    for section, articles in sections.items():
        seen = set()
        ids = []
        for a in articles:
            key = (a['title'], tuple(a['body']))
            if key in seen:
                continue
            seen.add(key)
            if not any('"' in p for p in a['body']):
                continue
            ids.append(a['id'])
        random.Random(SEED).shuffle(ids)
        for split, chosen in (('dev', ids[:PER_SPLIT]), ('test', ids[PER_SPLIT:2 * PER_SPLIT])):
            for i in chosen:
                print(f'{split}\t{i}')


if __name__ == '__main__':
    main()
