#!/usr/bin/env python3
"""Choose the articles of the BBC people gold, reproducibly, without reading them.

    python3 people_select.py ../shared/corpus/bbc/articles.jsonl

Prints the chosen ids as `split<TAB>id`, one a line, the 40 dev articles
first and the 20 held-out (test) articles last. Per section (in the corpus'
order: business, entertainment, politics, sport, tech): the ids in file
order, minus byte-identical repeats of an earlier article of the section
(same title and body) and minus the ids of the quote gold (`bbc-dev.jsonl`,
`bbc-test.jsonl` beside this script), are shuffled with random.Random(7);
the first 8 are dev, the next 4 test. Python 3 standard library only.
"""
import json
import os
import random
import sys

from quote_select import sections

DEV, TEST = 8, 4
SEED = 7


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    taken = set()
    for name in ('bbc-dev.jsonl', 'bbc-test.jsonl'):
        with open(os.path.join(here, name), encoding='utf-8') as f:
            taken.update(json.loads(line)['id'] for line in f)
    dev, test = [], []
    for articles in sections(sys.argv[1]).values():
        ids = [a['id'] for a in articles if a['id'] not in taken]
        random.Random(SEED).shuffle(ids)
        dev += ids[:DEV]
        test += ids[DEV:DEV + TEST]
    for split, chosen in (('dev', dev), ('test', test)):
        for i in chosen:
            print(f'{split}\t{i}')


if __name__ == '__main__':
    main()
