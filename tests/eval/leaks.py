#!/usr/bin/env python3
"""Redacted output must scan clean: values written back to back, redacted, then scanned again.

Everything here is synthetic (Faker values). Each text puts two or three values of different kinds
and locales side by side — in sentence frames (`my address is …`, `Ship to: …`, a signature block)
or as the fields of a row (CSV without spaces, TSV, JSON, a query string, HTML cells, a markdown
list) — so that one value's neighbour is another value rather than a word. `chatguard redact
--jsonl` redacts every text and `chatguard scan --jsonl` scans what it wrote: a finding there is a
value the redacted output still holds (URLs aside: the default policy allows them). Session 18's
sweeps found six such shapes this way (docs/detection-quality.md).

    python3 tests/eval/leaks.py [path/to/chatguard] [--texts N] [--seed S]

Prints, per group, how many redacted texts still hold a finding, with the first examples; exits 0
either way (a measurement, not a gate).
"""

import argparse
import collections
import json
import random
import subprocess
import warnings

warnings.filterwarnings("ignore")
from faker import Faker  # noqa: E402

LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR", "pt_PT", "en_AU",
           "da_DK", "fi_FI", "pl_PL", "sv_SE", "en_IN", "es_MX", "nl_BE", "de_AT", "de_CH", "en_CA",
           "fr_CA", "no_NO", "cs_CZ"]


def ssn_or_ean(fake):
    try:
        return fake.ssn()
    except Exception:  # a locale without an `ssn` provider
        return fake.ean()


VALUES = [
    lambda f, r: f.name(),
    lambda f, r: f.first_name(),
    lambda f, r: f.street_address().replace("\n", " "),
    lambda f, r: f.address().replace("\n", ", "),
    lambda f, r: f.phone_number(),
    lambda f, r: f.email(),
    lambda f, r: f.company(),
    lambda f, r: f.city(),
    lambda f, r: f.iban(),
    lambda f, r: f.date_of_birth().strftime(r.choice(["%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%B %d, %Y"])),
    lambda f, r: f.credit_card_number(),
    lambda f, r: f.ipv4(),
    lambda f, r: f.ipv6(),
    lambda f, r: f.mac_address(),
    lambda f, r: ssn_or_ean(f),
    lambda f, r: f.license_plate(),
    lambda f, r: f.isbn13(),
    lambda f, r: f.sha1()[:12],
    lambda f, r: f.uuid4(),
    lambda f, r: f.user_name(),
    lambda f, r: f.password(),
    lambda f, r: f.job(),
]

GROUPS = {
    "frames": [
        "{a}{j}{b}{j}{c}", "Name: {a}\nAddress: {b}\nPhone: {c}", "my name is {a}{j}{b}{j}{c}",
        "Kontakt: {a}{j}{b}{j}{c}", "Hi, it is {a} from {b}, call {c}", "Please send {a} to {b} ({c})",
        "{a} | {b} | {c}", "Best regards,\n{a}\n{b}\n{c}", "Mi nombre es {a}, vivo en {b}, tel {c}",
        "Je m'appelle {a}{j}{b}{j}{c}", "Ich heiße {a}{j}{b}{j}{c}",
    ],
    "rows": [
        '{{"name": "{a}", "address": "{b}", "phone": "{c}"}}', "{a},{b},{c}", "{a}\t{b}\t{c}",
        "name={a}&addr={b}&tel={c}", "<td>{a}</td><td>{b}</td><td>{c}</td>", "- {a}\n- {b}\n- {c}",
        "**{a}** {b} _{c}_", "{a} ({b}) <{c}>",
    ],
}
JOINERS = [" ", ", ", "", "\n", " / ", "; ", " - "]


def texts(frames, n, seed):
    rng = random.Random(seed)
    fakes = {}
    for i, loc in enumerate(LOCALES):
        fakes[loc] = Faker(loc)
        fakes[loc].seed_instance(seed * 100 + i)
    out = []
    for _ in range(n):
        a, b, c = (rng.choice(VALUES)(fakes[rng.choice(LOCALES)], rng) for _ in range(3))
        out.append(rng.choice(frames).format(a=a, b=b, c=c, j=rng.choice(JOINERS)))
    return out


def run(binary, command, lines):
    payload = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(lines))
    done = subprocess.run([binary, command, "--jsonl"], input=payload, capture_output=True,
                          text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default="target/release/chatguard")
    parser.add_argument("--texts", type=int, default=10000, help="texts per group")
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    for group, frames in GROUPS.items():
        originals = texts(frames, args.texts, args.seed)
        redacted = [r["redacted"] for r in run(args.binary, "redact", originals)]
        kinds = collections.Counter()
        leaked = 0
        examples = []
        for original, out, scanned in zip(originals, redacted, run(args.binary, "scan", redacted)):
            left = [f for f in scanned["findings"] if f["kind"] != "url"]
            if not left:
                continue
            leaked += 1
            kinds.update(f["kind"] for f in left)
            if len(examples) < 8:
                held = [(out.encode()[f["start"]:f["end"]].decode(), f["kind"]) for f in left]
                examples.append(f"    {original!r}\n      -> {out!r} still holds {held}")
        print(f"{group}: {leaked} of {len(originals)} redacted texts still hold a finding {dict(kinds)}")
        for line in examples:
            print(line)

if __name__ == "__main__":
    main()
