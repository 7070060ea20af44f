#!/usr/bin/env python3
"""Generates the benchmark haystacks (synthetic chat, deterministic).

benign_chat.txt  ~1 MiB of support-chat messages with no personal data at all (expected findings: 0)
pii_dense.txt    ~256 KiB of messages where every line carries planted values of robust kinds;
                 the number planted is written to pii_dense.count and checked by the benchmark.

All values are synthetic: published test card numbers, IBAN registry examples recomputed with new
account numbers, example.com addresses, documentation IP ranges and fictional phone numbers.
Regenerate with: python3 tests/haystacks/generate.py
"""
import random
from pathlib import Path

HERE = Path(__file__).parent
rng = random.Random(20261123)

OPENERS = ["hi", "hello", "hey there", "good morning", "thanks", "ok", "sure", "quick question", "hmm", "great"]
TOPICS = [
    "my order has not arrived yet and the tracking page shows nothing new",
    "can you tell me how to reset the password on the app",
    "the blue jacket in size medium is out of stock, when will it be back",
    "i would like to change the delivery to next week if possible",
    "is there a discount for students or for bulk orders",
    "the checkout page keeps spinning after i press pay",
    "how long does a refund usually take to show up",
    "what are your opening hours on the weekend",
    "can i return an item that i bought in the store online",
    "the app crashes when i open the settings screen on my phone",
    "do you ship to switzerland and how much does it cost",
    "i love the new design, the search works much better now",
    "which warranty applies to the coffee machine",
    "please cancel the subscription at the end of the month",
    "how do i ignore whitespace in git diff when reviewing",
    "is the red one waterproof or only water resistant",
    "ich habe eine frage zu meiner bestellung von letzter woche",
    "je voudrais savoir si le colis est parti aujourd'hui",
    "quisiera cambiar la talla de los zapatos que pedí",
    "vorrei sapere quando arriva il mio pacco",
    "ik wil graag mijn abonnement opzeggen",
    "gostaria de saber o prazo de entrega para lisboa",
]
CLOSERS = ["thanks a lot", "cheers", "have a nice day", "that would be great", "no rush", "appreciate it", ""]
BOT = [
    "Sure! I can help with that. Could you tell me a bit more about what happened?",
    "Thanks for reaching out. Refunds usually take three to five business days.",
    "Our support team is available on weekdays from nine to six.",
    "You can change the delivery date in your account under Orders.",
    "I'm sorry about the trouble. Let me look into it for you.",
    "Great question! Returns are free within thirty days of delivery.",
]


def benign_line():
    if rng.random() < 0.4:
        return rng.choice(BOT)
    parts = [rng.choice(OPENERS) + ",", rng.choice(TOPICS)]
    closer = rng.choice(CLOSERS)
    if closer:
        parts.append("- " + closer)
    return " ".join(parts) + rng.choice([".", "?", "!", ""])


def luhn_complete(prefix, length):
    digits = [int(c) for c in prefix] + [rng.randrange(10) for _ in range(length - len(prefix) - 1)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def iban_de():
    bban = "".join(str(rng.randrange(10)) for _ in range(18))
    rearranged = bban + "1314" + "00"
    check = 98 - int(rearranged) % 97
    iban = f"DE{check:02d}{bban}"
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def pii_line():
    name = rng.choice(["alex", "sam", "kim", "noa", "lee", "max", "eva", "ana"])
    card = luhn_complete("4", 16)
    values = [
        f"{name}.{rng.randrange(1000)}@example.com",
        "card " + " ".join(card[i:i + 4] for i in range(0, 16, 4)),
        "iban " + iban_de(),
        f"+44 20 7946 0{rng.randrange(100, 999)}",
        f"ip 192.0.2.{rng.randrange(1, 255)}",
    ]
    picked = rng.sample(values, 3)
    return f"{rng.choice(OPENERS)}, {picked[0]} and {picked[1]}, also {picked[2]}.", 3


def main():
    benign = []
    size = 0
    while size < 1 << 20:
        line = benign_line()
        benign.append(line)
        size += len(line) + 1
    (HERE / "benign_chat.txt").write_text("\n".join(benign) + "\n")

    dense, planted, size = [], 0, 0
    while size < 1 << 18:
        line, n = pii_line()
        dense.append(line)
        planted += n
        size += len(line) + 1
    (HERE / "pii_dense.txt").write_text("\n".join(dense) + "\n")
    (HERE / "pii_dense.count").write_text(f"{planted}\n")


if __name__ == "__main__":
    main()
