#!/usr/bin/env python3
"""A check with a second fake-data generator: values chatguard's corpus never drew from.

    pip install -r tests/eval/requirements.txt
    python3 tests/eval/second_generator.py [path/to/chatguard]   # default: target/release/chatguard

The labelled corpus, the draws and most probes are filled by Faker. This script fills short
sentences with values from mimesis (a different library with its own formats per locale) in 28
locales, fixed seeds, and prints recall per kind and the false positives on look-alikes mimesis
also makes: ISBNs, EAN barcodes, UUIDs, hashes, versions, postcodes, dates and prices. A value
counts as found when a finding of its kind covers at least half of it (as the eval matches).
Everything is synthetic. mimesis's Bitcoin addresses have no valid checksum (they are skipped,
and counted), and its Ethereum addresses are in one case, without the EIP-55 checksum (their own
group: chatguard reports those at a lower score, which a contrary word drops).
"""

import collections
import hashlib
import json
import random
import subprocess
import sys
from pathlib import Path

from mimesis import Address, Code, Cryptographic, Datetime, Development, Internet, Locale, Payment, Person

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ["EN", "EN_GB", "EN_AU", "EN_CA", "DE", "DE_AT", "DE_CH", "FR", "ES", "IT", "NL", "PT", "PT_BR",
           "PL", "SV", "DA", "NO", "FI", "CS", "RU", "UK", "TR", "EL", "HU", "SK", "ET", "HR", "ES_MX"]
PER_LOCALE = 8
FRAMES = {
    "phone": ["Call me on {}.", "My number is {} if anything goes wrong.", "Tel: {}", "You can reach me at {} after 6pm"],
    "email": ["Send the invoice to {} please", "my email: {}", "Contact {} for details."],
    "person": ["My name is {} and I ordered a lamp.", "Regards, {}", "Hi, this is {} from accounting."],
    "street_address": ["Please ship it to {}.", "My address is {}", "Deliver to: {}"],
    "credit_card": ["My card number is {}.", "Charge {} please", "card: {}"],
    "ip_address": ["The server at {} is down", "My IP is {}"],
    "mac_address": ["The router MAC is {}", "device {} keeps dropping"],
    "crypto_wallet": ["Send the refund to {}", "My wallet: {}"],
    "imei": ["The IMEI of my phone is {}"],
}
LOOK_ALIKES = {
    "isbn": ["The book ISBN {} is out of stock", "ISBN: {}"],
    "ean": ["Barcode {} on the box", "Product code {}"],
    "uuid": ["Request id {} failed", "trace {}"],
    "hash": ["commit {} broke the build", "checksum {}"],
    "version": ["Updated to version {} today", "v{} crashes"],
    "postcode": ["The parcel is at the depot in {}", "Postcode {} is not served"],
    "date": ["The meeting is on {}", "Delivered {}"],
    "price": ["It costs {} EUR", "Total {}"],
}
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58check_valid(value):
    """A 25-byte base58 payload whose last four bytes start its double SHA-256."""
    if any(c not in BASE58 for c in value):
        return False
    number = 0
    for c in value:
        number = number * 58 + BASE58.index(c)
    try:
        payload = number.to_bytes(25, "big")
    except OverflowError:
        return False
    return hashlib.sha256(hashlib.sha256(payload[:21]).digest()).digest()[:4] == payload[21:]


def wallet_group(value):
    """mimesis's Bitcoin addresses carry no valid checksum (not addresses: skipped); its Ethereum
    ones are in one case, without the EIP-55 checksum (their own group)."""
    if value.startswith("0x"):
        hex_digits = value[2:]
        if hex_digits in (hex_digits.lower(), hex_digits.upper()):
            return "crypto_wallet, one-case Ethereum"
        return "crypto_wallet"
    return "crypto_wallet" if base58check_valid(value) else None


def rows():
    rng = random.Random(11)
    out = []
    for name in LOCALES:
        locale = getattr(Locale, name)
        seed = rng.randrange(10**6)
        person, address = Person(locale, seed=seed), Address(locale, seed=seed)
        payment, internet, code = Payment(seed=seed), Internet(seed=seed), Code(seed=seed)
        crypto, dev, dates = Cryptographic(seed=seed), Development(seed=seed), Datetime(locale, seed=seed)
        for _ in range(PER_LOCALE):
            values = {
                "phone": person.phone_number(), "email": person.email(), "person": person.full_name(),
                "street_address": address.address(), "credit_card": payment.credit_card_number(),
                "ip_address": rng.choice([internet.ip_v4(), internet.ip_v6()]),
                "mac_address": internet.mac_address(),
                "crypto_wallet": rng.choice([payment.bitcoin_address(), payment.ethereum_address()]),
                "imei": code.imei(),
            }
            for kind, value in values.items():
                out.append((kind, name, value, rng.choice(FRAMES[kind]).format(value), True))
            look_alikes = {
                "isbn": code.isbn(), "ean": code.ean(), "uuid": crypto.uuid(),
                "hash": crypto.hash()[: rng.choice([7, 40])], "version": dev.version(),
                "postcode": address.postal_code(), "date": dates.formatted_date(),
                "price": f"{rng.randrange(1, 5000)}.{rng.randrange(100):02d}",
            }
            for kind, value in look_alikes.items():
                out.append((kind, name, value, rng.choice(LOOK_ALIKES[kind]).format(value), False))
    return out


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/chatguard")
    data = rows()
    lines = "\n".join(json.dumps({"id": i, "text": text}) for i, (_, _, _, text, _) in enumerate(data))
    scanned = subprocess.run([binary, "scan", "--jsonl", "-"], input=lines, capture_output=True, text=True, check=True)
    tally = collections.defaultdict(collections.Counter)
    misses = collections.defaultdict(list)
    for (kind, locale, value, text, positive), line in zip(data, scanned.stdout.splitlines()):
        findings = json.loads(line)["findings"]
        start = text.index(value)
        end = start + len(value)
        if not positive:
            tally["look-alike " + kind]["false positive" if findings else "quiet"] += 1
            if findings:
                misses["look-alike " + kind].append((locale, text, [f["kind"] for f in findings]))
            continue
        group = kind
        if kind == "crypto_wallet":
            group = wallet_group(value)
            if group is None:
                tally["crypto_wallet, no valid checksum"]["skipped"] += 1
                continue
        found = any(f["kind"] == kind and 2 * (min(end, f["end"]) - max(start, f["start"])) >= end - start
                    for f in findings)
        tally[group]["found" if found else "missed"] += 1
        if not found:
            misses[group].append((locale, value, [f["kind"] for f in findings if f["start"] < end and start < f["end"]]))
    for kind, counts in sorted(tally.items()):
        print(f"{kind:24} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for kind, items in sorted(misses.items()):
        print(f"\n{kind}: {len(items)}")
        for item in items[:20]:
            print("   ", item)


if __name__ == "__main__":
    main()
