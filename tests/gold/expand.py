#!/usr/bin/env python3
"""Fill in the quote text of a gold file from the articles it points into.

    python3 expand.py GOLD ARTICLES.jsonl > full-gold.jsonl

GOLD: one line per article, {"id", "quotes": [{"start", "end", "speaker",
"speaker_kind", "speaker_mention"?, "group"?}]}, offsets in UTF-8 bytes.
ARTICLES.jsonl: articles as byline reads them (FORMATS.md §1); a `body` that
is an array of paragraphs is joined with a blank line ("\\n\\n"), as byline
joins it. Writes the gold with each quote's `text` (the body's bytes
[start:end]) added, for ../shared/eval/score.py. Exits with status 1, naming
the line, on an id not in ARTICLES, an offset out of range or not on a
character boundary, or a malformed gold line.

Python 3 standard library only.
"""
import json
import sys


def body_bytes(article):
    body = article.get('body')
    if isinstance(body, list):
        body = '\n\n'.join(body)
    if not isinstance(body, str):
        raise ValueError('article %r has no text body' % article.get('id'))
    return body.encode('utf-8')


def fail(msg):
    sys.stderr.write('expand.py: %s\n' % msg)
    sys.exit(1)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    gold_path, articles_path = argv[1], argv[2]
    bodies = {}
    with open(articles_path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                bodies.setdefault(a['id'], a)
    out = []
    with open(gold_path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = '%s:%d' % (gold_path, n)
            try:
                g = json.loads(line)
                aid, quotes = g['id'], g['quotes']
            except (ValueError, KeyError, TypeError) as e:
                fail('%s: not a gold line (%s)' % (where, e))
            if aid not in bodies:
                fail('%s: id %r is not in %s' % (where, aid, articles_path))
            body = body_bytes(bodies[aid])
            for i, q in enumerate(quotes):
                s, e = q.get('start'), q.get('end')
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(body)):
                    fail('%s: %s quote %d: offsets [%r, %r] out of range (body is %d bytes)'
                         % (where, aid, i, s, e, len(body)))
                try:
                    q['text'] = body[s:e].decode('utf-8')
                except UnicodeDecodeError:
                    fail('%s: %s quote %d: offsets [%d, %d] are not on character boundaries'
                         % (where, aid, i, s, e))
            out.append(json.dumps(g, ensure_ascii=False))
    sys.stdout.write(''.join(l + '\n' for l in out))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
