#!/usr/bin/env python3
"""Builds the given-name lexicon of the `names` feature: crates/chatguard/src/detect/builtin/person/given_names.txt.

    pip install -r tests/eval/requirements.txt
    python3 tests/eval/given_names.py

The source is the US Census Bureau's 1990 name frequency files (a work of the US government, in
the public domain), as redistributed by the `names` package (MIT): the 1,000 most frequent male
and the 1,000 most frequent female first names, together about 90 % of the people counted. Names
that are also everyday words, places, months or brands (`will`, `grace`, `austin`, `june`,
`mercedes`) are left out, listed below with the reason: a lexicon hit is evidence only where a
capitalised word is very unlikely to be anything but a name. The output is lower case, sorted and
newline-separated, so the core binary-searches it as it stands; a second file lists the kept names that
are also among the census's 1,000 commonest surnames. Nothing here is tuned to a test
set: the census is independent of the generators (Faker, mimesis) the probes use.
"""

import os
from pathlib import Path

import names

TOP = 1000
FOLDER = Path(__file__).resolve().parents[2] / "crates/chatguard/src/detect/builtin/person"
OUT = FOLDER / "given_names.txt"
# The kept names that are also among the 1,000 commonest surnames (`Anderson`, `Harris`): a list of
# three of them is read as a firm named after its partners (`Mitchell, Anderson and Harris`).
ALSO_SURNAMES = FOLDER / "given_also_surnames.txt"

# Everyday English words, and Spanish and Italian ones (`blanca`, `cruz`, `franco`).
WORDS = """al amber angel art august autumn beau bill bob brain brandy bud buddy candy chance charity chase
cherry chi christian clay cliff crystal daisy dale dawn dean della dick dolly don drew dusty earl
faith fay fern forest frank gale gay gene ginger glen goldie grace grant guy hal hazel heath heather
holly hope hunter iris ivy jack jay jean jewel jimmy joy june kitty lane les lily luz mac mai major
mark marshall mason max may melody mike miles misty nick noel numbers olive opal ora pat pearl penny
prince queen ray reed rich rob robin rocky rod rosa rose royal ruby rusty sandy sang son sonny
sterling sue summer sung ty van violet wade ward will young
alba bella bianca blanca celeste cruz esperanza estrella flor franco gloria pilar reyes rosario
santos soledad""".split()
# Everyday words of other European languages (German `darin`, French `clair`, Spanish `ella`,
# `julio`, Italian `cara`, `monte`, Dutch `kip`, Polish `dane`), found by comparing the list with
# Faker's lorem word lists of those languages (used as dictionaries only: this can only take names
# out). Names that are function words there but common English names (`Dan`, `Ben`) stay, and the
# core reads them only with a surname (`person/given.rs`, `WITH_SURNAME_ONLY`).
FOREIGN_WORDS = """alta avis cara clair dane darin ella julio kip mari monte""".split()
# Places, peoples and languages.
PLACES = """alexandria augusta aurora austin carolina charlotte chelsea chester dallas denver florence georgia
german houston israel jackson kent kenya lincoln norman orlando roman savannah sydney victoria
virginia""".split()
# Brands, firms and a religious exclamation.
BRANDS = """harley mercedes morgan ebony ivory jesus tiffany guadalupe lourdes socorro domingo""".split()
EXCLUDED = set(WORDS) | set(FOREIGN_WORDS) | set(PLACES) | set(BRANDS)


def top(path):
    with open(path) as f:
        return [line.split()[0].lower() for line in f][:TOP]


def main():
    folder = os.path.dirname(names.__file__)
    given = set(top(os.path.join(folder, "dist.male.first"))) | set(top(os.path.join(folder, "dist.female.first")))
    kept = sorted(g for g in given if g not in EXCLUDED and g.isalpha() and len(g) > 1)
    OUT.write_text("\n".join(kept) + "\n")
    print(f"{len(kept)} names ({len(given)} before the {len(given) - len(kept)} left out) -> {OUT}")
    surnames = set(top(os.path.join(folder, "dist.all.last")))
    also = [g for g in kept if g in surnames]
    ALSO_SURNAMES.write_text("\n".join(also) + "\n")
    print(f"{len(also)} of them also surnames -> {ALSO_SURNAMES}")


if __name__ == "__main__":
    main()
