#!/usr/bin/env python3
"""Score the people byline lists against the judged BBC people sample.

    python3 people_precision.py PRED GOLD

PRED is `byline extract` output (JSON lines with `id` and `people[].name`),
GOLD is `bbc-people.jsonl`. For each split (dev, test) it prints the
precision: the names listed that were judged to be a person, over the names
listed that were judged. Names listed but not judged yet (new after a rule
change) are counted apart and printed, so they can be judged and added.
Names judged but no longer listed do not count. Python 3 standard library only.
"""
import collections
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pred_path, gold_path = sys.argv[1:]
    gold = {}
    with open(gold_path, encoding='utf-8') as f:
        for line in f:
            g = json.loads(line)
            gold[g['id']] = (g['split'], {p['name']: p['verdict'] for p in g['people']})
    stats = {}
    unjudged = []
    seen = set()
    with open(pred_path, encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            if r['id'] not in gold:
                continue
            seen.add(r['id'])
            split, verdicts = gold[r['id']]
            s = stats.setdefault(split, {'person': 0, 'judged': 0, 'unjudged': 0,
                                         'not': collections.Counter()})
            for p in r['people']:
                v = verdicts.get(p['name'])
                if v is None:
                    s['unjudged'] += 1
                    unjudged.append((r['id'], p['name']))
                    continue
                s['judged'] += 1
                if v == 'person':
                    s['person'] += 1
                else:
                    s['not'][v] += 1
    missing = set(gold) - seen
    for split in sorted(stats):
        s = stats[split]
        prec = s['person'] / s['judged'] if s['judged'] else 0.0
        nots = ', '.join(f'{k} {n}' for k, n in s['not'].most_common())
        print(f"{split}: precision {prec:.4f} ({s['person']}/{s['judged']}), "
              f"unjudged {s['unjudged']}; not people: {nots or 'none'}")
    for i, name in unjudged:
        print(f'unjudged\t{i}\t{name}')
    if missing:
        print(f'articles missing from PRED: {len(missing)}')


if __name__ == '__main__':
    main()
