#!/usr/bin/env python3
"""Generates the labelled synthetic evaluation corpus in tests/eval/.

Everything written here is synthetic: values come from Faker (MIT) and from small generators
whose every output is validated with python-stdnum (LGPL, used only as a tool) or, where stdnum
has no module, with the published algorithm implemented below. Fixed seeds: running the script
twice writes byte-identical files.

    python3 tests/eval/generate.py          # writes tests/eval/pii.jsonl and negatives.jsonl
    python3 tests/eval/generate.py --draw 3 --out /tmp/draw3
                                            # a held-out draw: the same generators, other seeds

Offsets in the output are UTF-8 byte offsets, half-open.
"""

import hashlib
import json
import os
import random
import string
import sys
import uuid

from faker import Faker
from stdnum import (bitcoin, imei, isbn, isin, luhn)
from stdnum import iban as std_iban
from stdnum.ar import cuit
from stdnum.at import vnr
from stdnum.au import abn, tfn
from stdnum.be import nn as be_nn
from stdnum.bg import egn
from stdnum.gr import amka
from stdnum.si import emso
from stdnum.ua import rntrc
from stdnum.gr import vat as gr_vat
from stdnum.pl import nip, regon
from stdnum.ru import inn as ru_inn
from stdnum.br import cnpj, cpf
from stdnum.ca import sin
from stdnum.ch import ssn as ch_ssn
from stdnum.cl import rut
from stdnum.cn import ric
from stdnum.co import nit
from stdnum.cz import rc
from stdnum.de import idnr
from stdnum.iso7064 import mod_11_10
from stdnum.dk import cpr
from stdnum.ee import ik
from stdnum.es import cif, dni, nie
from stdnum.eu import vat
from stdnum.fi import hetu
from stdnum.fr import nir
from stdnum.gb import nhs
from stdnum.hr import oib
from stdnum.ie import pps
from stdnum.il import idnr as il_idnr
from stdnum.in_ import aadhaar, epic, gstin, pan
from stdnum.is_ import kennitala
from stdnum.it import codicefiscale
from stdnum.jp import in_ as jp_in
from stdnum.kr import rrn
from stdnum.lt import asmens
from stdnum.lv import pvn
from stdnum.mx import curp, rfc
from stdnum.nl import bsn
from stdnum.no import fodselsnummer
from stdnum.nz import ird
from stdnum.pe import ruc
from stdnum.pl import pesel
from stdnum.pt import nif
from stdnum.ro import cnp
from stdnum.se import personnummer
from stdnum.th import pin
from stdnum.tr import tckimlik
from stdnum.us import ein, itin, rtn, ssn
from stdnum.za import idnr as za_idnr

from months import MONTHS

HERE = os.path.dirname(os.path.abspath(__file__))
# `--draw K` (K > 0) reseeds every generator for a held-out draw of the same kinds of message
# (`--out DIR` says where it goes); draw 0 is the committed corpus.
DRAW = int(sys.argv[sys.argv.index("--draw") + 1]) if "--draw" in sys.argv else 0
OUT = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else HERE
R = random.Random(20240601 + 7919 * DRAW)
LOCALES = {
    "en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT",
    "nl": "nl_NL", "pt": "pt_PT",
}
FAKERS = {}
for _i, (_lang, _loc) in enumerate(sorted(LOCALES.items())):
    _f = Faker(_loc)
    _f.seed_instance(1000 + _i + 100_000 * DRAW)
    FAKERS[_lang] = _f
FAKE_GB = Faker("en_GB")
FAKE_GB.seed_instance(77 + 100_000 * DRAW)
FAKE_BR = Faker("pt_BR")
FAKE_BR.seed_instance(78 + 100_000 * DRAW)

DIGITS = string.digits
UPPER = string.ascii_uppercase


def rd(n):
    return "".join(R.choice(DIGITS) for _ in range(n))


def brute(body_fn, alphabet, validate, width=1, tries=5000):
    """Builds `body + check` where the check (`width` chars from `alphabet`) is the first that
    `validate` (a python-stdnum validator) accepts; regenerates the body when none does."""
    for _ in range(tries):
        body = body_fn()
        checks = [""]
        for _ in range(width):
            checks = [c + a for c in checks for a in alphabet]
        R.shuffle(checks)
        for c in checks:
            cand = body(c) if callable(body) else body + c
            if ok(validate, cand):
                return cand
    raise RuntimeError("no valid value")


def ok(validate, value):
    try:
        validate(value)
        return True
    except Exception:  # stdnum raises ValidationError subclasses
        return False


def birth(lo=1940, hi=2005):
    y = R.randint(lo, hi)
    m = R.randint(1, 12)
    d = R.randint(1, 28)
    return y, m, d


def spaced(s, groups, sep=" "):
    out, i = [], 0
    for g in groups:
        out.append(s[i:i + g])
        i += g
    if i < len(s):
        out.append(s[i:])
    return sep.join(out)


# ---------------------------------------------------------------------------------------------
# Value generators: each returns (value_as_written). All checksummed values pass python-stdnum.

def gen_email(lang):
    f = FAKERS[lang]
    r = R.random()
    if r < 0.45:
        v = f.free_email()
    elif r < 0.8:
        v = f.company_email()
    elif r < 0.92:
        v = f.user_name() + "." + rd(2) + "@" + f.free_email_domain()
    else:
        user, dom = f.ascii_email().split("@")
        name, tld = dom.rsplit(".", 1)
        return R.choice([f"{user} (at) {name} (dot) {tld}", f"{user} [at] {name} [dot] {tld}"])
    return unaccent(v)


def unaccent(s):
    table = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e", "ê": "e",
                           "à": "a", "ç": "c", "ñ": "n", "í": "i", "ó": "o", "ú": "u", "ã": "a",
                           "õ": "o"})
    s = s.translate(table)
    return "".join(c for c in s if ord(c) < 128)


PHONE_AREAS_US = ["212", "415", "646", "312", "617", "202", "305", "713", "206", "512"]


def gen_phone(lang):
    country = {"en": R.choice(["us", "gb", "in"]), "pt": R.choice(["pt", "br"])}.get(lang, lang)
    if country == "us":
        a, x, s = R.choice(PHONE_AREAS_US), str(R.randint(201, 989)), rd(4)
        return R.choice([f"+1 {a} {x} {s}", f"({a}) {x}-{s}", f"{a}-{x}-{s}", f"+1 ({a}) {x}-{s}",
                         f"+1{a}{x}{s}"])
    if country == "gb":
        m = "7" + str(R.randint(400, 999)) + rd(6)
        return R.choice([f"+44 {m[:4]} {m[4:]}", f"0{m[:4]} {m[4:]}", f"+44{m}",
                         f"020 {R.randint(3000, 8999)} {rd(4)}"])
    if country == "in":
        m = R.choice("6789") + rd(9)
        return R.choice([f"+91 {m[:5]} {m[5:]}", f"+91-{m}", f"+91{m}"])
    if country == "de":
        mob = R.choice(["151", "160", "170", "171", "172", "176", "157"]) + rd(R.choice([7, 8]))
        land = R.choice(["30", "40", "89", "69", "221", "711"])
        sub = rd(8 - len(land) + 1)
        return R.choice([f"+49 {mob[:3]} {mob[3:]}", f"0{mob[:3]} {mob[3:]}", f"0{mob[:3]}/{mob[3:]}",
                         f"+49 {land} {sub}", f"0{land} {sub}", f"+49{mob}", f"0{land}-{sub}"])
    if country == "fr":
        n = R.choice("1234567") + rd(8)
        pairs = " ".join(n[i:i + 2] for i in range(1, 9, 2))
        return R.choice([f"+33 {n[0]} {pairs}", f"0{n[0]} {pairs}", f"0{n[0]}." + pairs.replace(" ", "."),
                         f"+33{n}"])
    if country == "es":
        n = R.choice("67") + rd(8)
        return R.choice([f"+34 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}",
                         f"+34{n}", f"91 {rd(3)} {rd(2)} {rd(2)}"])
    if country == "it":
        n = "3" + R.choice("234689") + rd(8)
        return R.choice([f"+39 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:]}", f"+39{n}",
                         f"06 {rd(4)} {rd(4)}"])
    if country == "nl":
        n = rd(8)
        return R.choice([f"+31 6 {n}", f"06-{n}", f"06 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}",
                         f"020 {rd(3)} {rd(4)}", f"+316{n}"])
    if country == "pt":
        n = "9" + R.choice("1236") + rd(7)
        return R.choice([f"+351 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}", f"+351{n}"])
    if country == "br":
        ddd = R.choice(["11", "21", "31", "41", "51", "61", "71", "81"])
        n = "9" + rd(8)
        return R.choice([f"+55 {ddd} {n[:5]}-{n[5:]}", f"({ddd}) {n[:5]}-{n[5:]}", f"+55{ddd}{n}"])
    raise ValueError(country)


def gen_street(lang):
    f = FAKERS[lang]
    return f.street_address().replace("\n", ", ")


def gen_person(lang):
    f = FAKERS[lang]
    return f"{f.first_name()} {f.last_name()}"




def gen_dob(lang):
    y, m, d = birth()
    if lang == "en":
        return R.choice([f"{m:02}/{d:02}/{y}", f"{y}-{m:02}-{d:02}", f"{MONTHS['en'][m - 1]} {d}, {y}",
                         f"{d} {MONTHS['en'][m - 1]} {y}"])
    if lang == "de":
        return R.choice([f"{d:02}.{m:02}.{y}", f"{d}. {MONTHS['de'][m - 1]} {y}", f"{y}-{m:02}-{d:02}"])
    sep = "-" if lang == "nl" else "/"
    return R.choice([f"{d:02}{sep}{m:02}{sep}{y}", f"{d} {MONTHS[lang][m - 1]} {y}", f"{y}-{m:02}-{d:02}"])


def real_issuer(v):
    """Issuer ranges in use (ISO/IEC 7812 IIN ranges as published by the schemes)."""
    n, p2, p3, p4 = len(v), int(v[:2]), int(v[:3]), int(v[:4])
    return (v[0] == "4" and n in (13, 16, 19)
            or 51 <= p2 <= 55 and n == 16
            or 2221 <= p4 <= 2720 and n == 16
            or p2 in (34, 37) and n == 15
            or (p4 == 6011 or p2 == 65 or 644 <= p3 <= 649) and 16 <= n <= 19
            or 3528 <= p4 <= 3589 and 16 <= n <= 19
            or (300 <= p3 <= 305 or p2 in (36, 38, 39)) and 14 <= n <= 19
            or p4 in (5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763) and 12 <= n <= 19)


def gen_card(_lang):
    f = FAKERS["en"]
    typ = R.choice(["visa16", "visa16", "mastercard", "mastercard", "amex", "discover", "jcb",
                    "diners", "visa13", "maestro"])
    v = f.credit_card_number(card_type=typ)
    while not real_issuer(v):  # Faker also uses retired or made-up prefixes (0604, 3500-3527)
        v = f.credit_card_number(card_type=typ)
    assert luhn.is_valid(v), v
    if len(v) == 15:
        return R.choice([v, spaced(v, [4, 6, 5]), spaced(v, [4, 6, 5], "-")])
    if len(v) == 14:
        return R.choice([v, spaced(v, [4, 6, 4])])
    if len(v) == 16:
        return R.choice([v, spaced(v, [4, 4, 4, 4]), spaced(v, [4, 4, 4, 4], "-"), spaced(v, [4, 4, 4, 4])])
    return v


IBAN_LOCALES = ["de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_PT", "en_GB", "de_AT", "de_CH",
                "nl_BE", "pl_PL", "fi_FI", "sv_SE", "no_NO", "da_DK", "cs_CZ", "en_IE"]
IBAN_FAKERS = []
for _i, _loc in enumerate(IBAN_LOCALES):
    _f = Faker(_loc)
    _f.seed_instance(500 + _i + 100_000 * DRAW)
    IBAN_FAKERS.append(_f)


def gen_iban(_lang):
    v = R.choice(IBAN_FAKERS).iban()
    std_iban.validate(v)
    return R.choice([std_iban.format(v), std_iban.format(v), v])


def gen_aba(_lang):
    v = FAKERS["en"].aba()
    rtn.validate(v)
    return v


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58check(payload):
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(data) - len(data.lstrip(b"\0"))
    return "1" * pad + out


BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def bech32_encode(hrp, witver, prog):
    """BIP-173 (v0, bech32) and BIP-350 (v1+, bech32m) segwit address encoding."""
    acc, bits, data = 0, 0, [witver]
    for b in prog:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    const = 1 if witver == 0 else 0x2BC830A3
    exp = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    pm = bech32_polymod(exp + data + [0] * 6) ^ const
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH[d] for d in data + chk)


# Keccak-256 (the pre-FIPS padding Ethereum uses), for EIP-55 checksummed addresses.
_RC = [0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
       0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
       0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
       0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
       0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
       0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008]
_ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56],
        [27, 20, 39, 8, 14]]
M64 = (1 << 64) - 1


def _rol(x, n):
    return ((x << n) | (x >> (64 - n))) & M64 if n else x


def keccak256(data):
    rate = 136
    msg = bytearray(data) + b"\x01"
    while len(msg) % rate:
        msg.append(0)
    msg[-1] |= 0x80
    st = [[0] * 5 for _ in range(5)]
    for off in range(0, len(msg), rate):
        for i in range(rate // 8):
            st[i % 5][i // 5] ^= int.from_bytes(msg[off + 8 * i:off + 8 * i + 8], "little")
        for rnd in range(24):
            c = [st[x][0] ^ st[x][1] ^ st[x][2] ^ st[x][3] ^ st[x][4] for x in range(5)]
            d = [c[(x - 1) % 5] ^ _rol(c[(x + 1) % 5], 1) for x in range(5)]
            st = [[st[x][y] ^ d[x] for y in range(5)] for x in range(5)]
            b = [[0] * 5 for _ in range(5)]
            for x in range(5):
                for y in range(5):
                    b[y][(2 * x + 3 * y) % 5] = _rol(st[x][y], _ROT[x][y])
            st = [[b[x][y] ^ ((~b[(x + 1) % 5][y]) & b[(x + 2) % 5][y]) for y in range(5)]
                  for x in range(5)]
            st[0][0] ^= _RC[rnd]
    out = b"".join(st[i % 5][i // 5].to_bytes(8, "little") for i in range(4))
    return out


def eip55(hex40):
    h = keccak256(hex40.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(h[i], 16) >= 8 else c
                          for i, c in enumerate(hex40))


# EIP-55 test vector from the EIP text itself.
assert eip55("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed") == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


# BIP-350 test vector (witness v1, the secp256k1 generator's x coordinate).
assert bech32_encode("bc", 1, bytes.fromhex(
    "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
)) == "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"


def gen_wallet(_lang):
    r = R.random()
    prog = bytes(R.getrandbits(8) for _ in range(20))
    if r < 0.25:
        v = b58check(b"\x00" + prog)
    elif r < 0.4:
        v = b58check(b"\x05" + prog)
    elif r < 0.6:
        v = bech32_encode("bc", 0, prog)
    elif r < 0.7:
        # Taproot (bech32m): python-stdnum 2.2 only knows bech32, so check the BIP-350 constant.
        v = bech32_encode("bc", 1, bytes(R.getrandbits(8) for _ in range(32)))
        data = [BECH.index(c) for c in v[3:]]
        assert bech32_polymod([3, 3, 0, 2, 3] + data) == 0x2BC830A3
        return v
    else:
        return eip55(prog.hex())
    bitcoin.validate(v)
    return v


def gen_isin(_lang):
    cc = R.choice(["US", "DE", "FR", "GB", "NL", "CH", "IT", "ES", "IE", "LU"])
    body = cc + R.choice([rd(9), rd(3) + R.choice(UPPER) + rd(5), "0" + rd(8)])
    return brute(lambda: body, DIGITS, isin.validate)


def gen_ip(_lang):
    f = FAKERS["en"]
    r = R.random()
    if r < 0.55:
        return f.ipv4_public()
    if r < 0.7:
        return f.ipv4_private()
    if r < 0.85:
        return f.ipv6()
    # compressed IPv6 forms
    return R.choice(["2001:db8::", "fe80::", "2a02:" + "%x" % R.randint(256, 65535) + "::"]) + \
        "%x" % R.randint(1, 65535)


def gen_mac(_lang):
    m = FAKERS["en"].mac_address()
    r = R.random()
    if r < 0.5:
        return m
    if r < 0.75:
        return m.upper().replace(":", "-")
    h = m.replace(":", "")
    return f"{h[:4]}.{h[4:8]}.{h[8:]}"


def gen_url(lang):
    f = FAKERS[lang]
    r = R.random()
    if r < 0.4:
        return f.url()
    if r < 0.8:
        return f.uri()
    return f"https://{f.domain_name()}/{f.slug()}?id={rd(5)}&ref=chat"


def rand_alnum(n, alphabet=string.ascii_letters + DIGITS):
    return "".join(R.choice(alphabet) for _ in range(n))


def gen_secret(_lang):
    k = R.randrange(8)
    if k == 0:
        return "AKIA" + rand_alnum(16, UPPER + "234567")
    if k == 1:
        return "ghp_" + rand_alnum(36)
    if k == 2:
        return f"xoxb-{rd(11)}-{rd(12)}-{rand_alnum(24)}"
    if k == 3:
        return "sk_live_" + rand_alnum(24)
    if k == 4:
        return "AIza" + rand_alnum(35, string.ascii_letters + DIGITS + "-_")
    if k == 5:
        import base64
        hdr = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').rstrip(b"=").decode()
        body = base64.urlsafe_b64encode(
            json.dumps({"sub": rd(10), "iat": 1700000000 + R.randint(0, 9999999)}).encode()
        ).rstrip(b"=").decode()
        sig = rand_alnum(43, string.ascii_letters + DIGITS + "-_")
        return f"{hdr}.{body}.{sig}"
    if k == 6:
        return "glpat-" + rand_alnum(20, string.ascii_letters + DIGITS + "-_")
    return "sk-proj-" + rand_alnum(48, string.ascii_letters + DIGITS + "-_")


def gen_passport(lang):
    if lang == "de":
        return R.choice("CFGHJK") + rand_alnum(8, "CFGHJKLMNPRTVWXYZ" + DIGITS)
    if lang == "fr":
        return rd(2) + R.choice(UPPER) + R.choice(UPPER) + rd(5)
    if lang == "es":
        return R.choice(UPPER) + R.choice(UPPER) + R.choice(UPPER) + rd(6)
    if lang == "it":
        return R.choice(UPPER) + R.choice(UPPER) + rd(7)
    if lang == "nl":
        return rand_alnum(2, "BCDFGHJKLMNPRSTVWXYZ") + rand_alnum(6, "BCDFGHJKLNPRSTVWXYZ" + "123456789") + rd(1)
    return R.choice(["", R.choice(UPPER)]) + rd(8) if lang != "en" else rd(9)


def gen_ssn(_lang):
    while True:
        area = R.randint(1, 899)
        if area == 666:
            continue
        v = f"{area:03}-{R.randint(1, 99):02}-{R.randint(1, 9999):04}"
        if ok(ssn.validate, v):
            return R.choice([v, v, v.replace("-", " "), v.replace("-", "")])


def gen_itin(_lang):
    while True:
        v = f"9{rd(2)}-{R.choice(list(range(70, 89)) + [90, 91, 92] + list(range(94, 100)))}-{rd(4)}"
        if ok(itin.validate, v):
            return R.choice([v, v, v.replace("-", "")])


def gen_npi(_lang):
    # NPI check digit: Luhn over "80840" + the ten digits (CMS NPI check digit specification).
    return brute(lambda: R.choice("12") + rd(8), DIGITS, lambda v: luhn.validate("80840" + v))


NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"


def gen_nino(_lang):
    # HMRC NIM39110: no D F I Q U V; second letter not O; BG GB KN NK NT TN ZZ never issued.
    while True:
        p = R.choice(NINO_FIRST) + R.choice(NINO_SECOND)
        if p not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    d = rd(6)
    s = R.choice("ABCD")
    return R.choice([f"{p}{d}{s}", f"{p} {d[:2]} {d[2:4]} {d[4:]} {s}"])


def gen_nhs(_lang):
    v = brute(lambda: R.choice("4679") + rd(8), DIGITS, nhs.validate)
    return R.choice([nhs.format(v), v, spaced(v, [3, 3, 4], "-")])


def gen_dni(_lang):
    v = brute(lambda: rd(8), UPPER, dni.validate)
    return R.choice([v, v[:8] + "-" + v[8]])


def gen_nie(_lang):
    v = brute(lambda: R.choice("XYZ") + rd(7), UPPER, nie.validate)
    return R.choice([v, f"{v[0]}-{v[1:8]}-{v[8]}"])


CF_MONTHS = "ABCDEHLMPRST"


def gen_cf(_lang):
    def body():
        y, m, d = birth()
        cons = "BCDFGLMNPRSTVZ"
        day = d + (40 if R.random() < 0.5 else 0)
        return ("".join(R.choice(cons) for _ in range(3)) + "".join(R.choice(cons) for _ in range(2))
                + R.choice("AEIO") + f"{y % 100:02}" + CF_MONTHS[m - 1] + f"{day:02}"
                + R.choice("ABCDEFGHILM") + f"{R.randint(1, 999):03}")
    return brute(body, UPPER, codicefiscale.validate)


def gen_nir(_lang):
    def body():
        y, m, _ = birth()
        dept = f"{R.choice([i for i in range(1, 96) if i != 20]):02}"
        return f"{R.choice('12')}{y % 100:02}{m:02}{dept}{R.randint(1, 990):03}{R.randint(1, 999):03}"
    v = brute(body, DIGITS, nir.validate, width=2)
    return R.choice([nir.format(v), v])


def idnr_no_triple_run(v):
    """Since 2016 the BZSt issues a Steuer-IdNr whose repeated digit may occur three times, but
    never three times in a row; python-stdnum does not check that. Replaces the middle digit of
    such a run by the smallest digit the body lacks and recomputes the check digit (no random
    draw, so every other value of the corpus stays the same)."""
    body = v[:10]
    for i in range(8):
        if body[i] == body[i + 1] == body[i + 2]:
            spare = min(d for d in DIGITS if d not in body)
            body = body[:i + 1] + spare + body[i + 2:]
            v = body + mod_11_10.calc_check_digit(body)
            idnr.validate(v)
            break
    return v


def gen_idnr(_lang):
    v = brute(lambda: R.choice("123456789") + rd(9), DIGITS, idnr.validate)
    v = idnr_no_triple_run(v)
    return R.choice([idnr.format(v), v, spaced(v, [2, 3, 3, 3], "/")])


def gen_bsn(_lang):
    v = brute(lambda: R.choice("123456789") + rd(7), DIGITS, bsn.validate)
    return R.choice([v, bsn.format(v), spaced(v, [3, 3, 3], " ")])


def gen_pesel(_lang):
    def body():
        y, m, d = birth()
        mm = m + (20 if y >= 2000 else 0)
        return f"{y % 100:02}{mm:02}{d:02}{rd(4)}"
    return brute(body, DIGITS, pesel.validate)


def gen_personnummer(_lang):
    def body():
        y, m, d = birth()
        return f"{y % 100:02}{m:02}{d:02}-{rd(3)}"
    v = brute(body, DIGITS, personnummer.validate)
    return R.choice([v, v, v.replace("-", "")])


def gen_cpf(_lang):
    v = brute(lambda: rd(9), DIGITS, cpf.validate, width=2)
    return R.choice([cpf.format(v), cpf.format(v), v])


def gen_cnpj(_lang):
    v = brute(lambda: rd(8) + "0001", DIGITS, cnpj.validate, width=2)
    return R.choice([cnpj.format(v), v])


def gen_aadhaar(_lang):
    v = brute(lambda: R.choice("23456789") + rd(10), DIGITS, aadhaar.validate)
    return R.choice([aadhaar.format(v), v, spaced(v, [4, 4, 4], "-")])


def gen_pan(_lang):
    v = "".join(R.choice(UPPER) for _ in range(3)) + R.choice("PPPPCHFAT") + R.choice(UPPER) + rd(4) + R.choice(UPPER)
    pan.validate(v)
    return v


def gen_vat(_lang):
    cc = R.choice(["DE", "FR", "NL", "IT", "ES", "BE", "AT", "PL", "PT", "DK", "SE"])
    body = {
        "FR": None,
        "DE": lambda: R.choice("123456789") + rd(7),
        "NL": lambda: rd(8),
        "IT": lambda: rd(10),
        "ES": lambda: R.choice("ABH") + rd(7),
        "BE": lambda: "0" + R.choice("123456789") + rd(6),
        "AT": lambda: "U" + rd(7),
        "PL": lambda: R.choice("123456789") + rd(8),
        "PT": lambda: R.choice("5") + rd(7),
        "DK": lambda: R.choice("123456789") + rd(6),
        "SE": lambda: rd(9),
    }[cc]
    if cc == "FR":
        siren = brute(lambda: R.choice("3456789") + rd(7), DIGITS, luhn.validate)
        v = brute(lambda: (lambda k: "FR" + k + siren), DIGITS, vat.validate, width=2)
    elif cc == "NL":
        v = brute(lambda: (lambda c: "NL" + R.choice("123456789") + rd(7) + c + "B01"), DIGITS,
                  vat.validate)
    elif cc == "BE":
        v = brute(lambda: "BE" + body(), DIGITS, vat.validate, width=2)
    elif cc == "SE":
        v = brute(lambda: (lambda c: "SE" + R.choice("123456789") + rd(8) + c + "01"), DIGITS, vat.validate)
    else:
        v = brute(lambda: cc + body(), DIGITS + ("" if cc != "ES" else UPPER), vat.validate)
    return R.choice([v, v, v[:2] + " " + v[2:]])


def gen_tfn(_lang):
    v = brute(lambda: R.choice("1234567") + rd(7), DIGITS, tfn.validate)
    return R.choice([tfn.format(v), v])


def gen_abn(_lang):
    v = brute(lambda: (lambda c: c + rd(9)), DIGITS, abn.validate, width=2)
    return R.choice([abn.format(v), v])


def gen_sin(_lang):
    v = brute(lambda: R.choice("1234567") + rd(7), DIGITS, sin.validate)
    return R.choice([sin.format(v), v, spaced(v, [3, 3, 3], "-")])


def gen_ahv(_lang):
    v = brute(lambda: "756" + rd(9), DIGITS, ch_ssn.validate)
    return R.choice([ch_ssn.format(v), ch_ssn.format(v), v])


def gen_be_nn(_lang):
    def body():
        y, m, d = birth(1940, 1999)
        return f"{y % 100:02}{m:02}{d:02}{R.randint(1, 997):03}"
    v = brute(body, DIGITS, be_nn.validate, width=2)
    return R.choice([be_nn.format(v), v])


def gen_cpr(_lang):
    def body():
        y, m, d = birth(1940, 1999)
        # 7th digit 0-3 means 1900-1999 for every year; the rest is serial.
        return f"{d:02}{m:02}{y % 100:02}" + R.choice("0123") + rd(2)

    def valid(v):
        cpr.validate(v)
        w = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]  # the legacy modulus-11 check, still met by these
        if sum(int(a) * b for a, b in zip(v, w)) % 11:
            raise ValueError
    v = brute(body, DIGITS, valid)
    return R.choice([v[:6] + "-" + v[6:], v])


def gen_hetu(_lang):
    def body():
        y, m, d = birth()
        sign = "-" if y < 2000 else "A"
        return f"{d:02}{m:02}{y % 100:02}{sign}{R.randint(2, 899):03}"
    return brute(body, "0123456789ABCDEFHJKLMNPRSTUVWXY", hetu.validate)


def gen_fnr(_lang):
    def body():
        y, m, d = birth(1940, 1999)
        return f"{d:02}{m:02}{y % 100:02}{R.randint(0, 499):03}"
    v = brute(body, DIGITS, fodselsnummer.validate, width=2)
    return R.choice([v, v[:6] + " " + v[6:]])


def gen_pt_nif(_lang):
    v = brute(lambda: R.choice("123") + rd(7), DIGITS, nif.validate)
    return R.choice([v, spaced(v, [3, 3, 3])])


def gen_pps(_lang):
    v = brute(lambda: rd(7), UPPER, pps.validate)
    return v if R.random() < 0.7 else brute(lambda: (lambda c: v[:7] + c + "A"), UPPER, pps.validate)


CURP_STATES = ["AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC",
               "MC", "MN", "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS",
               "TL", "VZ", "YN", "ZS"]


def gen_curp(_lang):
    def body():
        y, m, d = birth()
        cons = "BCDFGHJKLMNPRSTVZ"
        return (R.choice(cons) + R.choice("AEIOU") + R.choice(cons) + R.choice(cons)
                + f"{y % 100:02}{m:02}{d:02}" + R.choice("HM") + R.choice(CURP_STATES)
                + "".join(R.choice(cons) for _ in range(3)) + (R.choice(DIGITS) if y < 2000 else R.choice(UPPER)))
    return brute(body, DIGITS, curp.validate)


def gen_rut(_lang):
    v = brute(lambda: str(R.randint(5_000_000, 25_999_999)), DIGITS + "K", rut.validate)
    return R.choice([rut.format(v), v[:-1] + "-" + v[-1]])


CN_REGIONS = ["110101", "110105", "310101", "310115", "440106", "440305", "320102", "330106",
              "510107", "420106", "610113", "500103"]


def gen_ric(_lang):
    def body():
        y, m, d = birth()
        return R.choice(CN_REGIONS) + f"{y}{m:02}{d:02}" + rd(3)
    return brute(body, DIGITS + "X", ric.validate)


def gen_rrn(_lang):
    def body():
        y, m, d = birth()
        g = R.choice("12") if y < 2000 else R.choice("34")
        return f"{y % 100:02}{m:02}{d:02}{g}{R.randint(0, 8)}{rd(4)}"
    v = brute(body, DIGITS, rrn.validate)
    return R.choice([rrn.format(v), v])


NRIC_ST = "JZIHGFEDCBA"
NRIC_FG = "XWUTRQPNMLK"


def nric_check(v):
    """Singapore NRIC/FIN check letter (weights 2 7 6 5 4 3 2; T/G add 4)."""
    w = [2, 7, 6, 5, 4, 3, 2]
    s = sum(int(a) * b for a, b in zip(v[1:8], w)) + (4 if v[0] in "TG" else 0)
    return (NRIC_ST if v[0] in "ST" else NRIC_FG)[s % 11]


def gen_nric(_lang):
    p = R.choice("STFG")
    b = p + rd(7)
    return b + nric_check(b)


def gen_za(_lang):
    def body():
        y, m, d = birth()
        return f"{y % 100:02}{m:02}{d:02}{rd(4)}{R.choice('01')}8"
    return brute(body, DIGITS, za_idnr.validate)


def gen_tckn(_lang):
    return brute(lambda: R.choice("123456789") + rd(8), DIGITS, tckimlik.validate, width=2)


def gen_svnr(_lang):
    def body():
        y, m, d = birth()
        serial = str(R.randint(100, 999))
        return lambda c: serial + c + f"{d:02}{m:02}{y % 100:02}"
    v = brute(body, DIGITS, vnr.validate)
    return R.choice([v, v[:4] + " " + v[4:]])


def gen_egn(_lang):
    def body():
        y, m, d = birth()
        return f"{y % 100:02}{m + (40 if y >= 2000 else 0):02}{d:02}{rd(3)}"
    return brute(body, DIGITS, egn.validate)


def gen_cnp(_lang):
    def body():
        y, m, d = birth()
        s = R.choice("12") if y < 2000 else R.choice("56")
        county = R.choice([f"{i:02}" for i in range(1, 47)] + ["51", "52"])
        return f"{s}{y % 100:02}{m:02}{d:02}{county}{R.randint(1, 999):03}"
    return brute(body, DIGITS, cnp.validate)


def gen_oib(_lang):
    return brute(lambda: rd(10), DIGITS, oib.validate)


def gen_ee(_lang):
    def body():
        y, m, d = birth()
        c = R.choice("34") if y < 2000 else R.choice("56")
        return f"{c}{y % 100:02}{m:02}{d:02}{rd(3)}"
    return brute(body, DIGITS, ik.validate)


def gen_lt(_lang):
    def body():
        y, m, d = birth()
        c = R.choice("34") if y < 2000 else R.choice("56")
        return f"{c}{y % 100:02}{m:02}{d:02}{rd(3)}"
    return brute(body, DIGITS, asmens.validate)


def gen_rc(_lang):
    def body():
        y, m, d = birth(1955, 2005)
        return f"{y % 100:02}{m + (50 if R.random() < 0.5 else 0):02}{d:02}{rd(3)}"
    v = brute(body, DIGITS, rc.validate)
    return R.choice([rc.format(v), rc.format(v), v])


def gen_kennitala(_lang):
    def body():
        y, m, d = birth()
        cent = "9" if y < 2000 else "0"
        return lambda c: f"{d:02}{m:02}{y % 100:02}{R.randint(20, 99)}" + c + cent
    v = brute(body, DIGITS, kennitala.validate)
    return R.choice([kennitala.format(v), v])


def gen_il(_lang):
    return brute(lambda: R.choice("0123") + rd(7), DIGITS, il_idnr.validate)


def gen_cuit(_lang):
    v = brute(lambda: R.choice(["20", "23", "27", "30"]) + rd(8), DIGITS, cuit.validate)
    return R.choice([cuit.format(v), v])


def gen_ird(_lang):
    v = brute(lambda: str(R.randint(10_000_000, 14_999_999)), DIGITS, ird.validate)
    return R.choice([ird.format(v), v])


def gen_mynumber(_lang):
    v = brute(lambda: rd(11), DIGITS, jp_in.validate)
    return R.choice([jp_in.format(v), v])


def gen_thpin(_lang):
    v = brute(lambda: R.choice("12345678") + rd(11), DIGITS, pin.validate)
    return R.choice([pin.format(v), v])


def gen_nit(_lang):
    v = brute(lambda: R.choice("89") + rd(8), DIGITS, nit.validate)
    return R.choice([nit.format(v), v[:-1] + "-" + v[-1]])


def gen_ruc(_lang):
    return brute(lambda: R.choice(["10", "20"]) + rd(8), DIGITS, ruc.validate)


def uy_ci_check(body7):
    """Uruguayan cédula check digit: weights 2 9 8 7 6 3 4, (10 - sum mod 10) mod 10."""
    s = sum(int(a) * b for a, b in zip(body7, [2, 9, 8, 7, 6, 3, 4]))
    return str((10 - s % 10) % 10)


def gen_uy(_lang):
    b = str(R.randint(1_000_000, 6_999_999))
    v = b + uy_ci_check(b)
    return R.choice([f"{v[0]}.{v[1:4]}.{v[4:7]}-{v[7]}", f"{v[:7]}-{v[7]}"])


def gen_lv(_lang):
    def body():
        y, m, d = birth()
        c = "1" if y < 2000 else "2"
        return f"{d:02}{m:02}{y % 100:02}-{c}{rd(3)}"
    return brute(body, DIGITS, pvn.validate)


# ---------------------------------------------------------------------------------------------
# What people call each kind, per language. "Own" language first after English.

NAMES = {
    "email": {"en": ["email", "e-mail address", "mail"], "de": ["E-Mail", "Mailadresse"],
              "fr": ["e-mail", "adresse mail", "courriel"], "es": ["correo", "email"],
              "it": ["email", "indirizzo email"], "nl": ["e-mailadres", "mail"], "pt": ["e-mail", "email"]},
    "phone": {"en": ["phone", "number", "mobile", "cell"], "de": ["Handy", "Telefonnummer", "Tel."],
              "fr": ["téléphone", "portable", "tél"], "es": ["teléfono", "móvil"],
              "it": ["cellulare", "telefono", "numero"], "nl": ["telefoonnummer", "mobiel", "tel"],
              "pt": ["telefone", "telemóvel", "celular"]},
    "street_address": {"en": ["address", "home address"], "de": ["Adresse", "Anschrift"],
                       "fr": ["adresse"], "es": ["dirección"], "it": ["indirizzo"], "nl": ["adres"],
                       "pt": ["morada", "endereço"]},
    "date_of_birth": {"en": ["date of birth", "DOB", "birthday"], "de": ["Geburtsdatum", "geboren am"],
                      "fr": ["date de naissance", "né le"], "es": ["fecha de nacimiento", "nacido el"],
                      "it": ["data di nascita", "nato il"], "nl": ["geboortedatum", "geboren op"],
                      "pt": ["data de nascimento", "nascido em"]},
    "credit_card": {"en": ["card", "credit card", "card number", "Visa"], "de": ["Kreditkarte", "Kartennummer"],
                    "fr": ["carte bancaire", "numéro de carte", "CB"], "es": ["tarjeta", "número de tarjeta"],
                    "it": ["carta di credito", "numero carta"], "nl": ["creditcard", "kaartnummer"],
                    "pt": ["cartão", "número do cartão"]},
    "iban": {"en": ["IBAN", "bank account"], "de": ["IBAN", "Kontonummer"], "fr": ["IBAN", "RIB"],
             "es": ["IBAN", "cuenta"], "it": ["IBAN", "conto"], "nl": ["IBAN", "rekeningnummer"],
             "pt": ["IBAN", "conta"]},
    "us_aba_routing": {"en": ["routing number", "ABA", "routing #", "ABA routing number"],
                       "es": ["número de ruta", "routing number"]},
    "crypto_wallet": {"en": ["wallet", "BTC address", "ETH address", "wallet address"],
                      "de": ["Wallet", "Bitcoin-Adresse"], "fr": ["portefeuille", "adresse bitcoin"],
                      "es": ["billetera", "wallet"], "it": ["wallet", "indirizzo bitcoin"],
                      "nl": ["wallet", "bitcoinadres"], "pt": ["carteira", "wallet"]},
    "isin": {"en": ["ISIN"], "de": ["ISIN", "Wertpapierkennnummer ISIN"], "fr": ["code ISIN"],
             "es": ["ISIN"], "it": ["codice ISIN"], "nl": ["ISIN"], "pt": ["ISIN"]},
    "ip_address": {"en": ["IP", "IP address", "server"], "de": ["IP-Adresse", "IP"], "fr": ["adresse IP"],
                   "es": ["dirección IP", "IP"], "it": ["indirizzo IP"], "nl": ["IP-adres"], "pt": ["endereço IP"]},
    "mac_address": {"en": ["MAC address", "MAC"], "de": ["MAC-Adresse"], "fr": ["adresse MAC"],
                    "es": ["dirección MAC"], "it": ["indirizzo MAC"], "nl": ["MAC-adres"], "pt": ["endereço MAC"]},
    "url": {"en": ["link", "URL", "site"], "de": ["Link", "Webseite"], "fr": ["lien", "site"],
            "es": ["enlace", "web"], "it": ["link", "sito"], "nl": ["link", "website"], "pt": ["link", "site"]},
    "secret": {"en": ["API key", "token", "access key", "secret"], "de": ["API-Schlüssel", "Token"],
               "fr": ["clé API", "jeton"], "es": ["clave API", "token"], "it": ["chiave API", "token"],
               "nl": ["API-sleutel", "token"], "pt": ["chave da API", "token"]},
    "passport": {"en": ["passport", "passport number", "passport no."], "de": ["Reisepass", "Passnummer"],
                 "fr": ["passeport", "numéro de passeport"], "es": ["pasaporte", "número de pasaporte"],
                 "it": ["passaporto", "numero di passaporto"], "nl": ["paspoort", "paspoortnummer"],
                 "pt": ["passaporte", "número do passaporte"]},
    "us_ssn": {"en": ["SSN", "social security number", "social"], "es": ["número de seguro social", "SSN"]},
    "us_itin": {"en": ["ITIN", "taxpayer ID"], "es": ["ITIN", "número ITIN"]},
    "us_npi": {"en": ["NPI", "NPI number", "provider number"]},
    "uk_nino": {"en": ["NI number", "National Insurance number", "NINO", "NI no"]},
    "uk_nhs": {"en": ["NHS number", "NHS no."]},
    "es_dni": {"es": ["DNI", "documento de identidad"], "en": ["DNI"], "ca": ["DNI"], "fr": ["DNI"]},
    "es_nie": {"es": ["NIE", "número de extranjero"], "en": ["NIE", "NIE number"], "it": ["NIE"], "pt": ["NIE"]},
    "it_fiscal_code": {"it": ["codice fiscale", "CF"], "en": ["codice fiscale", "Italian tax code"],
                       "de": ["Codice Fiscale"], "fr": ["code fiscal"]},
    "fr_nir": {"fr": ["numéro de sécurité sociale", "NIR", "numéro de sécu"], "en": ["French social security number", "NIR"]},
    "de_tax_id": {"de": ["Steuer-ID", "Steueridentifikationsnummer", "Steuer-IdNr."],
                  "en": ["German tax ID", "Steuer-ID"]},
    "nl_bsn": {"nl": ["BSN", "burgerservicenummer", "sofinummer"], "en": ["BSN", "Dutch citizen service number"],
               "de": ["BSN"]},
    "pl_pesel": {"pl": ["PESEL", "numer PESEL"], "en": ["PESEL", "PESEL number"], "de": ["PESEL"]},
    "se_personnummer": {"sv": ["personnummer", "personnr"], "en": ["Swedish personal number", "personnummer"]},
    "br_cpf": {"pt": ["CPF"], "en": ["CPF"], "es": ["CPF"]},
    "br_cnpj": {"pt": ["CNPJ"], "en": ["CNPJ", "company CNPJ"]},
    "in_aadhaar": {"en": ["Aadhaar", "Aadhaar number", "UID"], "hi": ["आधार", "आधार नंबर"]},
    "in_pan": {"en": ["PAN", "PAN card", "PAN number"]},
    "eu_vat": {"en": ["VAT number", "VAT ID"], "de": ["USt-IdNr.", "Umsatzsteuer-ID"], "fr": ["numéro de TVA", "TVA intracommunautaire"],
               "es": ["NIF-IVA", "número de IVA"], "it": ["partita IVA"], "nl": ["btw-nummer", "btw-id"],
               "pt": ["número de IVA", "NIF-IVA"]},
    "au_tfn": {"en": ["TFN", "tax file number"]},
    "au_abn": {"en": ["ABN", "Australian Business Number"]},
    "ca_sin": {"en": ["SIN", "social insurance number"], "fr": ["NAS", "numéro d'assurance sociale"]},
    "ch_ahv": {"de": ["AHV-Nummer", "AHV-Nr."], "fr": ["numéro AVS", "AVS"], "it": ["numero AVS"], "en": ["AHV number", "Swiss social security number"]},
    "be_nn": {"nl": ["rijksregisternummer", "INSZ"], "fr": ["numéro de registre national", "NISS"], "en": ["Belgian national number"], "de": ["Nationalregisternummer"]},
    "dk_cpr": {"da": ["CPR-nummer", "CPR nr."], "en": ["CPR number", "CPR"]},
    "fi_hetu": {"fi": ["henkilötunnus", "hetu"], "sv": ["personbeteckning"], "en": ["Finnish personal identity code", "HETU"]},
    "no_fnr": {"no": ["fødselsnummer", "personnummer"], "en": ["Norwegian national ID number", "fødselsnummer"]},
    "pt_nif": {"pt": ["NIF", "número de contribuinte", "contribuinte"], "en": ["NIF", "Portuguese tax number"]},
    "ie_pps": {"en": ["PPS number", "PPSN", "PPS no."], "ga": ["uimhir PSP"]},
    "mx_curp": {"es": ["CURP"], "en": ["CURP"]},
    "cl_rut": {"es": ["RUT", "RUN", "rol único tributario"], "en": ["RUT", "Chilean RUT"]},
    "cn_ric": {"zh": ["身份证号", "身份证号码"], "en": ["Chinese ID card number", "resident ID"]},
    "kr_rrn": {"ko": ["주민등록번호"], "en": ["resident registration number", "RRN"]},
    "sg_nric": {"en": ["NRIC", "FIN", "NRIC number"]},
    "za_id": {"en": ["ID number", "South African ID", "SA ID number"], "af": ["ID-nommer"]},
    "tr_tckn": {"tr": ["TC kimlik no", "T.C. Kimlik Numarası", "TCKN"], "en": ["Turkish ID number", "TC Kimlik"], "de": ["TC-Kimlik-Nummer"]},
    "at_svnr": {"de": ["Sozialversicherungsnummer", "SV-Nummer", "SVNR"], "en": ["Austrian social security number"]},
    "bg_egn": {"bg": ["ЕГН"], "en": ["EGN", "Bulgarian personal number"]},
    "ro_cnp": {"ro": ["CNP", "cod numeric personal"], "en": ["CNP", "Romanian personal code"]},
    "hr_oib": {"hr": ["OIB", "osobni identifikacijski broj"], "en": ["OIB", "Croatian OIB"], "de": ["OIB"]},
    "ee_ik": {"et": ["isikukood"], "en": ["Estonian personal code", "isikukood"]},
    "lt_asmens": {"lt": ["asmens kodas"], "en": ["Lithuanian personal code", "asmens kodas"]},
    "cz_rc": {"cs": ["rodné číslo", "RČ"], "sk": ["rodné číslo"], "en": ["birth number", "rodné číslo"]},
    "is_kennitala": {"is": ["kennitala", "kt."], "en": ["kennitala", "Icelandic ID number"]},
    "il_id": {"he": ["מספר זהות", "ת.ז."], "en": ["Israeli ID number", "teudat zehut"]},
    "ar_cuit": {"es": ["CUIT", "CUIL"], "en": ["CUIT", "CUIL"]},
    "nz_ird": {"en": ["IRD number", "IRD"]},
    "jp_my_number": {"ja": ["マイナンバー", "個人番号"], "en": ["My Number", "Japanese individual number"]},
    "th_pin": {"th": ["เลขประจำตัวประชาชน", "เลขบัตรประชาชน"], "en": ["Thai ID number", "Thai national ID"]},
    "co_nit": {"es": ["NIT", "número de identificación tributaria"], "en": ["NIT", "Colombian NIT"]},
    "pe_ruc": {"es": ["RUC", "número de RUC"], "en": ["RUC", "Peruvian RUC"]},
    "uy_ci": {"es": ["cédula", "CI", "cédula de identidad"], "en": ["Uruguayan ID", "cédula"]},
    "lv_pk": {"lv": ["personas kods"], "en": ["Latvian personal code", "personas kods"]},
}

GENERATORS = {
    "email": gen_email, "phone": gen_phone, "street_address": gen_street, "person": gen_person,
    "date_of_birth": gen_dob, "credit_card": gen_card, "iban": gen_iban, "us_aba_routing": gen_aba,
    "crypto_wallet": gen_wallet, "isin": gen_isin, "ip_address": gen_ip, "mac_address": gen_mac,
    "url": gen_url, "imei": None, "secret": gen_secret, "passport": gen_passport, "us_ssn": gen_ssn,
    "us_itin": gen_itin, "us_npi": gen_npi, "uk_nino": gen_nino, "uk_nhs": gen_nhs, "es_dni": gen_dni,
    "es_nie": gen_nie, "it_fiscal_code": gen_cf, "fr_nir": gen_nir, "de_tax_id": gen_idnr,
    "nl_bsn": gen_bsn, "pl_pesel": gen_pesel, "se_personnummer": gen_personnummer, "br_cpf": gen_cpf,
    "br_cnpj": gen_cnpj, "in_aadhaar": gen_aadhaar, "in_pan": gen_pan, "eu_vat": gen_vat,
    "au_tfn": gen_tfn, "au_abn": gen_abn, "ca_sin": gen_sin, "ch_ahv": gen_ahv, "be_nn": gen_be_nn,
    "dk_cpr": gen_cpr, "fi_hetu": gen_hetu, "no_fnr": gen_fnr, "pt_nif": gen_pt_nif, "ie_pps": gen_pps,
    "mx_curp": gen_curp, "cl_rut": gen_rut, "cn_ric": gen_ric, "kr_rrn": gen_rrn, "sg_nric": gen_nric,
    "za_id": gen_za, "tr_tckn": gen_tckn, "at_svnr": gen_svnr, "bg_egn": gen_egn, "ro_cnp": gen_cnp,
    "hr_oib": gen_oib, "ee_ik": gen_ee, "lt_asmens": gen_lt, "cz_rc": gen_rc, "is_kennitala": gen_kennitala,
    "il_id": gen_il, "ar_cuit": gen_cuit, "nz_ird": gen_ird, "jp_my_number": gen_mynumber,
    "th_pin": gen_thpin, "co_nit": gen_nit, "pe_ruc": gen_ruc, "uy_ci": gen_uy, "lv_pk": gen_lv,
}


def gen_imei(_lang):
    v = brute(lambda: R.choice(["35", "86", "01", "49"]) + rd(12), DIGITS, imei.validate)
    return R.choice([v, imei.format(v), f"{v[:2]} {v[2:8]} {v[8:14]} {v[14]}"])


GENERATORS["imei"] = gen_imei
NAMES["imei"] = {"en": ["IMEI", "IMEI number"], "de": ["IMEI", "IMEI-Nummer"], "fr": ["IMEI", "code IMEI"],
                 "es": ["IMEI"], "it": ["codice IMEI"], "nl": ["IMEI-nummer"], "pt": ["IMEI"]}

VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_VALUES = {**{c: i + 1 for i, c in enumerate("ABCDEFGH")}, **{c: i + 1 for i, c in enumerate("JKLMN")},
              "P": 7, "R": 9, **{c: i + 2 for i, c in enumerate("STUVWXYZ")}}


def vin_check(v):
    """The ninth character of a VIN by 49 CFR 565.15 (weighted sum mod 11, `X` for 10)."""
    total = sum((int(c) if c.isdigit() else VIN_VALUES[c]) * w for c, w in zip(v, VIN_WEIGHTS)) % 11
    return "X" if total == 10 else str(total)


assert vin_check("1M8GDM9AXKP042788") == "X"  # the worked example of 49 CFR 565.15 / Wikipedia


def gen_vin(_lang):
    v = FAKERS["en"].vin()
    assert v[8] == vin_check(v) and not set(v) & set("IOQ"), v  # Faker's VINs carry the check digit
    return v


GENERATORS["vin"] = gen_vin
NAMES["vin"] = {"en": ["VIN", "vehicle identification number"], "de": ["Fahrgestellnummer"],
                "fr": ["numéro de châssis", "VIN"], "es": ["número de bastidor", "bastidor"],
                "it": ["numero di telaio", "telaio"], "nl": ["chassisnummer"], "pt": ["número do chassi", "chassi"]}

def gen_amka(_lang):
    def body():
        y, m, d = birth()
        return f"{d:02}{m:02}{y % 100:02}{rd(4)}"
    return brute(body, DIGITS, amka.validate)


def gen_rntrc(_lang):
    return brute(lambda: rd(9), DIGITS, rntrc.validate)


def gen_jmbg(_lang):
    def body():
        y, m, d = birth(1930, 2005)
        return f"{d:02}{m:02}{y % 1000:03}{R.choice(['71', '17', '45', '50', '29'])}{rd(3)}"
    return brute(body, DIGITS, emso.validate)


TW_LETTERS = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def tw_id_validate(v):
    """The Taiwan national identification number check (letter as two digits, weights 1 9 8 … 1 1)."""
    if len(v) != 10 or v[0] not in TW_LETTERS or v[1] not in "1289" or not v[1:].isdigit():
        raise ValueError(v)
    n = TW_LETTERS[v[0]]
    total = n // 10 + (n % 10) * 9 + sum(int(c) * w for c, w in zip(v[1:9], range(8, 0, -1))) + int(v[9])
    if total % 10:
        raise ValueError(v)
    return v


assert tw_id_validate("A123456789")  # the widely published example


def gen_tw_id(_lang):
    return brute(lambda: R.choice(list(TW_LETTERS)) + R.choice("12") + rd(7), DIGITS, tw_id_validate)


GENERATORS.update({"gr_amka": gen_amka, "ua_rntrc": gen_rntrc, "rs_jmbg": gen_jmbg, "tw_id": gen_tw_id})
NAMES["gr_amka"] = {"en": ["AMKA", "Greek AMKA number"], "de": ["AMKA", "griechische AMKA-Nummer"],
                    "fr": ["AMKA", "numéro AMKA"], "es": ["AMKA"], "it": ["AMKA", "numero AMKA"],
                    "nl": ["AMKA-nummer"], "pt": ["AMKA"]}
NAMES["ua_rntrc"] = {"en": ["RNOKPP", "Ukrainian tax number"], "de": ["RNOKPP"], "fr": ["RNOKPP"],
                     "es": ["RNOKPP"], "it": ["RNOKPP"], "nl": ["RNOKPP"], "pt": ["RNOKPP"]}
NAMES["rs_jmbg"] = {"en": ["JMBG", "EMŠO"], "de": ["JMBG"], "fr": ["JMBG"], "es": ["JMBG"],
                    "it": ["JMBG", "EMŠO"], "nl": ["JMBG"], "pt": ["JMBG"]}
NAMES["tw_id"] = {"en": ["Taiwan ID", "Taiwanese ID number"], "de": ["taiwanesische Ausweisnummer"],
                  "fr": ["numéro d'identité de Taïwan"], "es": ["cédula de Taiwán"],
                  "it": ["numero di identità di Taiwan"], "nl": ["Taiwanees ID-nummer"],
                  "pt": ["número de identidade de Taiwan"]}


def snils_validate(v):
    """The SNILS check (the nine digits weighted 9…1, mod 101, 100 → 00); python-stdnum has none."""
    if len(v) != 11 or not v.isdigit() or sum(int(c) * (9 - i) for i, c in enumerate(v[:9])) % 101 % 100 != int(v[9:]):
        raise ValueError(v)
    return v


assert snils_validate("11223344595")  # the Pension Fund's example, 112-233-445 95


def gen_snils(_lang):
    v = brute(lambda: rd(9), DIGITS, snils_validate, width=2)
    return R.choice([v, f"{v[:3]}-{v[3:6]}-{v[6:9]} {v[9:]}"])


def gen_ru_inn(_lang):
    if R.random() < 0.5:
        return brute(lambda: f"{R.randint(1, 92):02}{rd(8)}", DIGITS, ru_inn.validate, width=2)
    return brute(lambda: f"{R.randint(1, 92):02}{rd(7)}", DIGITS, ru_inn.validate)


def gen_afm(_lang):
    return brute(lambda: R.choice("1234567") + rd(7), DIGITS, gr_vat.validate)


def gen_nss(_lang):
    return brute(lambda: f"{R.randint(1, 99):02}{rd(8)}", DIGITS, luhn.validate)


def gen_nip(_lang):
    v = brute(lambda: str(R.randint(1, 9)) + rd(8), DIGITS, nip.validate)
    return R.choice([v, nip.format(v), f"{v[:3]}-{v[3:5]}-{v[5:7]}-{v[7:]}"])


GENERATORS.update({"ru_snils": gen_snils, "ru_inn": gen_ru_inn, "gr_afm": gen_afm, "mx_nss": gen_nss,
                   "pl_nip": gen_nip})
NAMES["ru_snils"] = {"en": ["SNILS", "Russian SNILS number"], "de": ["SNILS", "russische SNILS-Nummer"],
                     "fr": ["SNILS", "numéro SNILS"], "es": ["SNILS"], "it": ["SNILS", "numero SNILS"],
                     "nl": ["SNILS-nummer"], "pt": ["SNILS"]}
NAMES["ru_inn"] = {"en": ["INN", "Russian tax number"], "de": ["INN", "russische Steuernummer"],
                   "fr": ["INN", "numéro INN"], "es": ["INN"], "it": ["INN", "numero INN"],
                   "nl": ["INN-nummer"], "pt": ["INN"]}
NAMES["gr_afm"] = {"en": ["AFM", "Greek tax number"], "de": ["AFM", "griechische Steuernummer"],
                   "fr": ["AFM", "numéro fiscal grec"], "es": ["AFM"], "it": ["AFM", "codice fiscale greco"],
                   "nl": ["AFM-nummer"], "pt": ["AFM"]}
NAMES["mx_nss"] = {"en": ["NSS", "Mexican social security number"], "de": ["NSS", "mexikanische Sozialversicherungsnummer"],
                   "fr": ["NSS", "numéro IMSS"], "es": ["NSS", "número de seguridad social"],
                   "it": ["NSS", "numero IMSS"], "nl": ["IMSS-nummer"], "pt": ["NSS"]}
NAMES["pl_nip"] = {"en": ["NIP", "Polish tax number"], "de": ["NIP", "polnische Steuernummer"],
                   "fr": ["NIP", "numéro fiscal polonais"], "es": ["NIP"], "it": ["NIP", "partita NIP"],
                   "nl": ["NIP-nummer"], "pt": ["NIP"]}


def gen_regon(_lang):
    """A REGON of nine digits, or of a local unit: its parent's nine, four more and a check digit."""
    nine = brute(lambda: str(R.randint(1, 9)) + rd(7), DIGITS, regon.validate)
    return nine if R.random() < 0.5 else brute(lambda: nine + rd(4), DIGITS, regon.validate)


GENERATORS["pl_regon"] = gen_regon
NAMES["pl_regon"] = {"en": ["REGON", "REGON number"], "de": ["REGON", "REGON-Nummer"], "fr": ["REGON", "numéro REGON"],
                     "es": ["REGON"], "it": ["REGON", "numero REGON"], "nl": ["REGON-nummer"], "pt": ["REGON"]}


def gen_cif(_lang):
    return brute(lambda: R.choice("ABCDEFGHJNPQRSUVW") + rd(7), DIGITS + "JABCDEFGHI", cif.validate)


GENERATORS["es_cif"] = gen_cif
NAMES["es_cif"] = {"en": ["CIF", "Spanish company tax code"], "de": ["CIF", "spanische CIF-Nummer"],
                   "fr": ["CIF", "numéro CIF espagnol"], "es": ["CIF", "código de identificación fiscal"],
                   "it": ["CIF", "codice CIF spagnolo"], "nl": ["CIF-nummer"], "pt": ["CIF"]}


def gen_ein(_lang):
    while True:
        v = f"{rd(2)}-{rd(7)}"
        if ein.is_valid(v):
            return v


def gen_rfc(_lang):
    """A person's RFC (four letters, birth date, homoclave) or an organisation's (three letters)."""
    letters = R.choice([3, 4])
    while True:
        v = "".join(R.choice(UPPER) for _ in range(letters)) + rd(6) + "".join(
            R.choice(UPPER + DIGITS) for _ in range(3))
        if rfc.is_valid(v):
            return v


def gen_gstin(_lang):
    return brute(lambda: f"{R.randint(1, 37):02}" + gen_pan_like() + R.choice(DIGITS[1:] + UPPER) + "Z",
                 DIGITS + UPPER, gstin.validate)


def gen_pan_like():
    return "".join(R.choice(UPPER) for _ in range(3)) + R.choice("ABCFGHLJPT") + R.choice(UPPER) + \
        f"{R.randint(1, 9999):04}" + R.choice(UPPER)


def es_nss_validate(v):
    """The Spanish social security number: province 01-53 or 66, the first ten digits mod 97."""
    if len(v) != 12 or not v.isdigit() or not (1 <= int(v[:2]) <= 53 or v[:2] == "66") or int(v[:10]) % 97 != int(v[10:]):
        raise ValueError(v)
    return v


def gen_es_nss(_lang):
    v = brute(lambda: f"{R.randint(1, 53):02}{rd(8)}", DIGITS, es_nss_validate, width=2)
    return R.choice([v, v, f"{v[:2]}/{v[2:10]}/{v[10:]}"])


def rvnr_validate(v):
    """The German pension insurance number: area, birth date DDMMYY, letter, serial, check digit over
    the letter as two digits with weights 2 1 2 5 7 1 2 1 2 1 2 1 (digit sums, mod 10)."""
    if len(v) != 12 or not (v[:8] + v[9:]).isdigit() or not "A" <= v[8] <= "Z":
        raise ValueError(v)
    digits = v[:8] + f"{ord(v[8]) - 64:02}" + v[9:11]
    total = sum(sum(divmod(int(c) * w, 10)) for c, w in zip(digits, [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]))
    if total % 10 != int(v[11]):
        raise ValueError(v)
    return v


assert rvnr_validate("65170839J003")  # the example of Wikipedia (de), "Versicherungsnummer"


def gen_rvnr(_lang):
    y, m, d = birth()
    return brute(lambda: f"{R.randint(2, 89):02}{d:02}{m:02}{y % 100:02}{R.choice(UPPER)}{rd(2)}", DIGITS,
                 rvnr_validate)


def kvnr_validate(v):
    """The German health insurance number: a letter (as two digits) and nine digits, the last a check
    digit with weights 1 2 1 2 … (digit sums, mod 10); the card's twenty characters add nine digits and
    a second check digit over all of them."""
    def check(part):
        digits = f"{ord(part[0]) - 64:02}" + part[1:-1]
        return sum(sum(divmod(int(c) * (1 + i % 2), 10)) for i, c in enumerate(digits)) % 10 == int(part[-1])
    if len(v) not in (10, 20) or not "A" <= v[0] <= "Z" or not v[1:].isdigit() or not check(v[:10]) or not check(v):
        raise ValueError(v)
    return v


def gen_kvnr(_lang):
    v = brute(lambda: R.choice(UPPER) + rd(8), DIGITS, kvnr_validate)
    return v if R.random() < 0.5 else brute(lambda: v + rd(9), DIGITS, kvnr_validate)


def gen_epic(_lang):
    return brute(lambda: "".join(R.choice(UPPER) for _ in range(3)) + rd(6), DIGITS, epic.validate)


GENERATORS.update({"us_ein": gen_ein, "mx_rfc": gen_rfc, "in_gstin": gen_gstin, "es_nss": gen_es_nss,
                   "de_rvnr": gen_rvnr, "in_epic": gen_epic, "de_kvnr": gen_kvnr})
NAMES["us_ein"] = {"en": ["EIN", "employer identification number"], "de": ["EIN"], "fr": ["EIN", "numéro EIN"],
                   "es": ["EIN", "número de identificación del empleador"], "it": ["EIN", "numero EIN"],
                   "nl": ["EIN"], "pt": ["EIN"]}
NAMES["mx_rfc"] = {"en": ["RFC", "Mexican RFC"], "de": ["RFC", "mexikanische RFC"], "fr": ["RFC", "numéro RFC"],
                   "es": ["RFC", "Registro Federal de Contribuyentes"], "it": ["RFC", "codice RFC"],
                   "nl": ["RFC-nummer"], "pt": ["RFC"]}
NAMES["in_gstin"] = {"en": ["GSTIN", "GST number"], "de": ["GSTIN"], "fr": ["GSTIN", "numéro GST"],
                     "es": ["GSTIN"], "it": ["GSTIN", "numero GST"], "nl": ["GSTIN"], "pt": ["GSTIN"]}
NAMES["es_nss"] = {"en": ["NUSS", "Spanish social security number"], "de": ["NUSS", "spanische Sozialversicherungsnummer"],
                   "fr": ["NUSS", "numéro de sécurité sociale espagnol"],
                   "es": ["NUSS", "número de la Seguridad Social"], "it": ["NUSS", "numero di previdenza spagnolo"],
                   "nl": ["NUSS-nummer"], "pt": ["NUSS"]}
NAMES["de_rvnr"] = {"en": ["RVNR", "German pension insurance number"],
                    "de": ["Rentenversicherungsnummer", "Versicherungsnummer"], "fr": ["RVNR", "numéro RVNR"],
                    "es": ["RVNR"], "it": ["RVNR", "numero RVNR"], "nl": ["RVNR"], "pt": ["RVNR"]}
NAMES["in_epic"] = {"en": ["voter ID", "EPIC number"], "de": ["EPIC number"], "fr": ["EPIC number"],
                    "es": ["EPIC number"], "it": ["EPIC number"], "nl": ["EPIC number"], "pt": ["EPIC number"]}
NAMES["de_kvnr"] = {"en": ["KVNR", "German health insurance number"], "de": ["Krankenversichertennummer", "KVNR"],
                    "fr": ["KVNR", "numéro KVNR"], "es": ["KVNR"], "it": ["KVNR", "numero KVNR"], "nl": ["KVNR"],
                    "pt": ["KVNR"]}
# Kinds added after the corpus was first committed: drawn after everything else, in the order they
# came, each with the pool of kinds of its time, so the messages drawn before them stay as they were.
ADDED_KINDS = ["vin", "gr_amka", "ua_rntrc", "rs_jmbg", "tw_id", "ru_snils", "ru_inn", "gr_afm", "mx_nss",
               "pl_nip", "pl_regon", "es_cif", "us_ein", "mx_rfc", "in_gstin", "es_nss", "de_rvnr", "in_epic",
               "de_kvnr"]
ADDED_IN = {"vin": 1, "gr_amka": 5, "ua_rntrc": 5, "rs_jmbg": 5, "tw_id": 5, "ru_snils": 6, "ru_inn": 6,
            "gr_afm": 6, "mx_nss": 6, "pl_nip": 6, "pl_regon": 7, "es_cif": 8,
            "us_ein": 9, "mx_rfc": 9, "in_gstin": 9, "es_nss": 9, "de_rvnr": 9, "in_epic": 9, "de_kvnr": 9}

# ---------------------------------------------------------------------------------------------
# Sentence templates. {n} is the naming word, {N} the same capitalised, {v} the value.

NAMED = {
    "en": ["my {n} is {v}", "{N}: {v}", "here's my {n} {v}, can you check it?", "sure, the {n} is {v}",
           "I typed {v} as my {n} but the form says it's invalid", "{n} {v} – is that right?",
           "ok so {n} = {v} and the rest is in the attachment", "Hi, could you update my {n} to {v}? Thanks!"],
    "de": ["{N}: {v}", "Hier meine Daten – {n}: {v}", "{N} lautet {v}", "hab {v} als {n} eingegeben, passt das?",
           "Kurze Info, {n} {v}, Rest folgt", "Bitte ändern: {n} jetzt {v}. Danke!"],
    "fr": ["{N} : {v}", "Voici les infos – {n} : {v}", "j'ai saisi {v} comme {n} mais ça ne passe pas",
           "c'est quoi le souci avec {n} {v} ?", "Bonjour, {n} {v}, merci de mettre à jour"],
    "es": ["{N}: {v}", "mi {n} es {v}", "te paso {n}: {v}", "he puesto {v} como {n} y no funciona",
           "Hola, {n} {v}, ¿me lo confirmas?"],
    "it": ["{N}: {v}", "ecco {n}: {v}", "ho inserito {v} come {n} ma non va", "ciao, {n} {v}, grazie mille",
           "Per la pratica: {n} {v}"],
    "nl": ["{N}: {v}", "mijn {n} is {v}", "hier is mijn {n} {v}", "ik heb {v} ingevuld als {n}, klopt dat?",
           "Hoi, {n} {v}, alvast bedankt"],
    "pt": ["{N}: {v}", "segue {n}: {v}", "coloquei {v} como {n} mas não aceita", "meu {n} é {v}",
           "Olá, {n} {v}, obrigado!"],
    "pl": ["{N}: {v}", "mój {n} to {v}", "podaję {n} {v}, dzięki"],
    "sv": ["{N}: {v}", "mitt {n} är {v}", "här är {n} {v}, tack"],
    "da": ["{N}: {v}", "mit {n} er {v}"],
    "fi": ["{N}: {v}", "minun {n} on {v}"],
    "no": ["{N}: {v}", "mitt {n} er {v}"],
    "is": ["{N}: {v}", "{n} mín er {v}"],
    "cs": ["{N}: {v}", "moje {n} je {v}"],
    "sk": ["{N}: {v}", "moje {n} je {v}"],
    "ro": ["{N}: {v}", "{n} meu este {v}"],
    "bg": ["{N}: {v}", "моето {n} е {v}"],
    "hr": ["{N}: {v}", "moj {n} je {v}"],
    "et": ["{N}: {v}", "minu {n} on {v}"],
    "lt": ["{N}: {v}", "mano {n} yra {v}"],
    "lv": ["{N}: {v}", "mans {n} ir {v}"],
    "tr": ["{N}: {v}", "{n} {v}, teşekkürler"],
    "he": ["{N}: {v}", "ה{n} שלי הוא {v}"],
    "ja": ["{N}：{v}", "私の{n}は {v} です"],
    "zh": ["{N}：{v}", "我的{n}是 {v}"],
    "ko": ["{N}: {v}", "제 {n}는 {v} 입니다"],
    "th": ["{N}: {v}", "{n}ของฉันคือ {v}"],
    "hi": ["{N}: {v}", "मेरा {n} {v} है"],
    "ga": ["{N}: {v}"],
    "af": ["{N}: {v}", "my {n} is {v}"],
    "ca": ["{N}: {v}", "el meu {n} és {v}"],
}

# For self-identifying kinds: no naming word.
BARE = {
    "en": ["{v}", "send it to {v} pls", "try {v} instead", "ok → {v}", "use {v}, not the old one",
           "cc {v}", "it's {v} btw"],
    "de": ["schick es an {v}", "probier mal {v}", "neu: {v}"],
    "fr": ["envoie à {v} stp", "essaie {v}", "c'est {v}"],
    "es": ["mándalo a {v}", "prueba con {v}", "es {v}"],
    "it": ["mandalo a {v}", "prova {v}"],
    "nl": ["stuur naar {v}", "probeer {v}"],
    "pt": ["manda para {v}", "tenta {v}"],
}
BARE_KINDS = {"credit_card", "iban", "email", "ip_address", "url", "secret", "crypto_wallet", "phone"}

PERSON_TEMPLATES = {
    "en": ["Hi, I'm {v} from accounting", "my name is {v}", "Best regards,\n{v}", "This is {v}, calling about the invoice"],
    "de": ["Hallo, ich bin {v}", "Mein Name ist {v}", "Viele Grüße\n{v}"],
    "fr": ["Bonjour, je m'appelle {v}", "Cordialement,\n{v}", "c'est {v} à l'appareil"],
    "es": ["Hola, me llamo {v}", "Soy {v}, del equipo de ventas", "Saludos,\n{v}"],
    "it": ["Ciao, sono {v}", "Mi chiamo {v}", "Cordiali saluti,\n{v}"],
    "nl": ["Hoi, ik ben {v}", "Mijn naam is {v}", "Met vriendelijke groet,\n{v}"],
    "pt": ["Olá, sou o {v}", "Meu nome é {v}", "Cumprimentos,\n{v}"],
}

COUNTS = {"email": 120, "phone": 120, "credit_card": 100, "iban": 100, "ip_address": 100}


def lang_locale(lang):
    return lang if lang in FAKERS else "en"


def fill(template, name, value):
    t = template.replace("{N}", name[:1].upper() + name[1:] if name else "").replace("{n}", name)
    pre, post = t.split("{v}", 1)
    return pre, value, post


def message(kind, mid):
    names = NAMES.get(kind)
    gen = GENERATORS[kind]
    if kind == "person":
        lang = R.choice(sorted(PERSON_TEMPLATES))
        pre, v, post = fill(R.choice(PERSON_TEMPLATES[lang]), "", gen(lang))
        return lang, pre, v, post
    langs = sorted(names)
    lang = R.choice(langs)
    gl = lang_locale(lang)
    value = gen(gl)
    if kind in BARE_KINDS and R.random() < 0.3:
        blang = lang if lang in BARE else "en"
        return (blang,) + fill(R.choice(BARE[blang]), "", value)
    tmpl = R.choice(NAMED[lang])
    return (lang,) + fill(tmpl, R.choice(names[lang]), value)


def utf8len(s):
    return len(s.encode("utf-8"))


def build_positives(kinds, pool):
    """Messages for each of `kinds`; a second value, when there is one, is of a kind of `pool`."""
    out = []
    for kind in kinds:
        n = COUNTS.get(kind, 40)
        for i in range(n):
            lang, pre, v, post = message(kind, i)
            text = pre + v + post
            ents = [{"kind": kind, "start": utf8len(pre), "end": utf8len(pre) + utf8len(v)}]
            if R.random() < 0.15:
                other = R.choice([k for k in pool if k != kind])
                _l, pre2, v2, post2 = message(other, i)
                joiner = R.choice([". ", " / ", "\n", " – and "])
                base = utf8len(text + joiner + pre2)
                ents.append({"kind": other, "start": base, "end": base + utf8len(v2)})
                text = text + joiner + pre2 + v2 + post2
            for e in ents:
                assert text.encode()[e["start"]:e["end"]].decode()
            out.append({"id": f"{kind}-{i:03}", "lang": lang, "text": text, "entities": ents})
    return out


# ---------------------------------------------------------------------------------------------
# Negatives: benign chat and hard negatives. No value here is personal data.

PROSE = {
    "en": ["Can we move the standup to tomorrow?", "Thanks, that fixed it!", "I'll be 10 minutes late, traffic is awful.",
           "Did anyone see the new release notes?", "Let's grab lunch at noon.", "The build is green again.",
           "Please review the draft before Friday.", "lol that's hilarious", "What time is the demo?",
           "I think the second option is better for the team.", "Sounds good to me, go ahead and merge it.",
           "The printer on the third floor is broken again.", "How many tickets are left in the sprint?",
           "We sold 250 units last week, up 12% on the week before."],
    "de": ["Können wir das Meeting auf morgen verschieben?", "Danke, hat funktioniert!", "Ich bin in 10 Minuten da.",
           "Hat jemand die neuen Release Notes gesehen?", "Mittagessen um 12?", "Der Build ist wieder grün.",
           "Bitte den Entwurf bis Freitag anschauen.", "Wie viele Tickets sind noch offen?",
           "Wir haben letzte Woche 250 Stück verkauft, 12 % mehr als davor."],
    "fr": ["On peut décaler la réunion à demain ?", "Merci, ça marche !", "J'arrive dans 10 minutes.",
           "Quelqu'un a vu les notes de version ?", "On déjeune à midi ?", "Le build est de nouveau vert.",
           "Merci de relire le brouillon avant vendredi.", "Il reste combien de tickets dans le sprint ?"],
    "es": ["¿Podemos mover la reunión a mañana?", "¡Gracias, ya funciona!", "Llego en 10 minutos.",
           "¿Alguien vio las notas de la versión?", "¿Comemos a las 12?", "La compilación vuelve a estar en verde.",
           "Revisa el borrador antes del viernes, por favor."],
    "it": ["Possiamo spostare la riunione a domani?", "Grazie, funziona!", "Arrivo tra 10 minuti.",
           "Qualcuno ha visto le note di rilascio?", "Pranzo alle 12?", "La build è di nuovo verde."],
    "nl": ["Kunnen we de meeting naar morgen verplaatsen?", "Bedankt, het werkt!", "Ik ben er over 10 minuten.",
           "Heeft iemand de release notes gezien?", "Lunchen om 12 uur?", "De build is weer groen."],
    "pt": ["Podemos mudar a reunião para amanhã?", "Obrigado, funcionou!", "Chego em 10 minutos.",
           "Alguém viu as notas da versão?", "Almoçamos ao meio-dia?", "O build está verde de novo."],
}
OTHER_SCRIPTS = [
    ("cjk", "明天下午三点开会，请准时参加。"), ("cjk", "这个版本修复了 3 个问题。"), ("cjk", "東京駅で 7 時に会いましょう。"),
    ("cjk", "ありがとうございます！資料は明日送ります。"), ("cjk", "회의는 오후 3시에 시작합니다."), ("cjk", "오늘 날씨가 정말 좋네요 😊"),
    ("arabic", "مرحبا، كيف حالك؟ الاجتماع غدا الساعة ٣."), ("arabic", "شكرا جزيلا على المساعدة!"),
    ("persian_zwnj", "می\u200cخواهم فردا ساعت ۱۰ جلسه داشته باشیم."), ("persian_zwnj", "کتاب\u200cها را روی میز گذاشتم."),
    ("persian_zwnj", "آن\u200cها دیروز به خانه\u200cی ما آمدند."), ("hebrew", "תודה רבה, נתראה מחר בשש."),
    ("cyrillic", "Спасибо, увидимся завтра в 10:00."), ("thai", "ขอบคุณมากครับ เจอกันพรุ่งนี้"),
]
EMOJI = ["🎉🎉 congrats!!! 🥳", "see you at 7pm 😂👍", "🔥🔥🔥 ship it", "❤️ thanks so much 🙏", "☕️ break? 🍩",
         "👀 looking into it", "✅ done", "🚀 deployed v2 to staging 🎯", "😅 oops, wrong channel", "🇩🇪🇫🇷🇪🇸 trip photos soon 📸"]
CODE = [
    "for (let i = 0; i < 10; i++) {{ total += items[i]; }}", "SELECT id, name FROM users WHERE created_at > NOW() - INTERVAL '{n} days';",
    "const apiKey = process.env.API_KEY;", "if err != nil {{ return fmt.Errorf(\"read: %w\", err) }}",
    "docker run -p 8080:80 nginx:1.25", "git checkout -b fix/issue-{n}", "let x: Vec<u32> = (0..{n}).collect();",
    "color: #ff5733; margin: 0 auto; width: {n}px;", "pip install requests=={a}.{b}.{c}",
    "kubectl scale deployment web --replicas={a}", "println!(\"{{}}\", sum);  // prints {n}",
    "assert_eq!(parse(\"{n}\"), Ok({n}));", "npm i lodash@{a}.{b}.{c}", "chmod 644 config.yml",
]


def order_number():
    r = R.randrange(5)
    if r == 0:
        return f"{rd(3)}-{rd(7)}-{rd(7)}"
    if r == 1:
        return f"ORD-{R.randint(2019, 2025)}-{rd(6)}"
    if r == 2:
        return rd(R.choice([8, 9, 10, 11, 12]))
    if r == 3:
        return "#" + rd(R.choice([6, 7, 8]))
    return f"{R.choice(UPPER)}{R.choice(UPPER)}{rd(8)}"


def tracking_number():
    r = R.randrange(5)
    if r == 0:
        return "1Z" + rand_alnum(6, UPPER + DIGITS) + rd(10)
    if r == 1:
        return spaced("9400" + rd(18), [4] * 6)
    if r == 2:
        return rd(12)
    if r == 3:
        return rd(10)
    return f"JJD{rd(18)}"


def luhn_fail_card():
    while True:
        v = R.choice(["4", "5" + R.choice("12345")]) + rd(15)
        v = v[:16]
        if not luhn.is_valid(v):
            return R.choice([v, spaced(v, [4, 4, 4, 4]), spaced(v, [4, 4, 4, 4], "-")])


def bad_iban():
    while True:
        v = R.choice(IBAN_FAKERS).iban()
        bad = v[:2] + f"{(int(v[2:4]) + R.randint(1, 50)) % 100:02}" + v[4:]
        if not std_iban.is_valid(bad):
            return R.choice([std_iban.format(bad), bad])


def bad_ssn():
    area = R.choice(["000", "666"] + [str(R.randint(900, 999))])
    v = f"{area}-{R.randint(1, 99):02}-{R.randint(1, 9999):04}"
    if itin.is_valid(v):  # 9xx with an ITIN group is a real ITIN, not a negative
        return bad_ssn()
    assert not ssn.is_valid(v)
    return R.choice([v, v, v.replace("-", "")])


def isbn13():
    v = brute(lambda: "978" + R.choice("0123") + rd(8), DIGITS, isbn.validate)
    return R.choice([isbn.format(v), v])


def price():
    a = R.randint(1, 4999)
    c = R.randint(0, 99)
    return R.choice([f"€{a},{c:02}", f"{a},{c:02} €", f"${a:,}.{c:02}", f"£{a}.{c:02}", f"CHF {a}.{c:02}",
                     f"R$ {a:,},{c:02}".replace(",", "X").replace(".", ",").replace("X", "."),
                     f"¥{a * 100:,}", f"{a} kr", f"₹{a * 10:,}", f"USD {a}.{c:02}", f"{a}.{c:02} zł"])


def date_str():
    y, m, d = R.randint(2015, 2026), R.randint(1, 12), R.randint(1, 28)
    return R.choice([f"{d:02}.{m:02}.{y}", f"{y}-{m:02}-{d:02}", f"{m}/{d}/{y}", f"{d}/{m}/{y}"])


def time_str():
    h, m = R.randint(0, 23), R.randint(0, 59)
    return R.choice([f"{h:02}:{m:02}", f"{h % 12 + 1}:{m:02} pm", f"{h}h{m:02}", f"{h:02}:{m:02}:{R.randint(0, 59):02}"])


def timestamp():
    t = R.randint(1_500_000_000, 1_800_000_000)
    y, mo, d = R.randint(2018, 2026), R.randint(1, 12), R.randint(1, 28)
    return R.choice([str(t), str(t * 1000 + R.randint(0, 999)),
                     f"{y}-{mo:02}-{d:02}T{R.randint(0, 23):02}:{R.randint(0, 59):02}:{R.randint(0, 59):02}Z",
                     f"{y}-{mo:02}-{d:02} {R.randint(0, 23):02}:{R.randint(0, 59):02}:{R.randint(0, 59):02}.{rd(3)}"])


def semver():
    a, b, c = R.randint(0, 20), R.randint(0, 40), R.randint(0, 99)
    return R.choice([f"{a}.{b}.{c}", f"v{a}.{b}.{c}", f"{a}.{b}.{c}-rc.{R.randint(1, 5)}", f"{a}.{b}"])


def version4():
    return R.choice([f"{R.randint(100, 130)}.0.{R.randint(1000, 9999)}.{R.randint(10, 300)}",
                     f"10.0.{R.randint(19000, 22999)}.{R.randint(1000, 4999)}",
                     f"{R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(300, 999)}.{R.randint(1000, 9999)}"])


def product_code():
    return R.choice([f"{rd(3)}-{rd(4)}-{rd(3)}", f"{rd(4)} {rd(3)} {rd(3)}", f"{rd(2)}-{rd(3)}-{rd(3)}-{rd(2)}",
                     f"{rand_alnum(2, UPPER)}-{rd(4)}-{rd(4)}", f"0{rd(3)}/{rd(6)}"])


HARD = {
    "order_number": (order_number, {
        "en": ["Your order {v} has shipped.", "order number {v} still not delivered", "Re: order #{v} – refund?"],
        "de": ["Ihre Bestellung {v} wurde versandt.", "Bestellnummer {v} ist noch nicht da"],
        "fr": ["Votre commande {v} a été expédiée.", "numéro de commande {v}"],
        "es": ["Tu pedido {v} ha sido enviado.", "número de pedido {v}"],
        "it": ["Il tuo ordine {v} è stato spedito."], "nl": ["Je bestelling {v} is verzonden."],
        "pt": ["A sua encomenda {v} foi enviada.", "número do pedido {v}"]}),
    "tracking_number": (tracking_number, {
        "en": ["tracking number {v}", "Track your parcel: {v}", "the tracking # is {v}, still in transit"],
        "de": ["Sendungsnummer {v}", "Sendungsverfolgung: {v}"], "fr": ["numéro de suivi {v}"],
        "es": ["número de seguimiento {v}"], "it": ["numero di tracking {v}"], "nl": ["trackingnummer {v}"],
        "pt": ["código de rastreio {v}"]}),
    "invoice_number": (lambda: R.choice([f"INV-{rd(6)}", rd(R.choice([7, 8, 9, 10])), f"{R.randint(2019, 2025)}/{rd(5)}",
                                         f"RE-{R.randint(2019, 2025)}-{rd(4)}"]), {
        "en": ["invoice {v} is overdue", "please pay invoice no. {v} by Friday"],
        "de": ["Rechnung {v} ist fällig", "Rechnungsnummer {v}"], "fr": ["facture n° {v}"],
        "es": ["factura {v}"], "it": ["fattura n. {v}"], "nl": ["factuur {v}"], "pt": ["fatura {v}"]}),
    "git_sha": (lambda: R.choice(["%040x" % R.getrandbits(160), "%07x" % R.getrandbits(28)]), {
        "en": ["fixed in {v}", "reverted commit {v}", "can you cherry-pick {v}?", "bisect points at {v}"],
        "de": ["behoben in Commit {v}"], "fr": ["corrigé dans {v}"]}),
    "uuid": (lambda: str(uuid.UUID(int=R.getrandbits(128), version=4)), {
        "en": ["request id {v} failed", "trace {v}", "user {v} not found in cache"], "de": ["Request-ID {v}"]}),
    "semver": (semver, {"en": ["bumped to {v}", "works on {v} but not on the previous one", "release {v} is out"],
                        "de": ["Version {v} ist raus"], "fr": ["version {v} publiée"], "es": ["versión {v}"]}),
    "version_string": (version4, {"en": ["Chrome {v} crashes on login", "build {v}", "Windows {v}"]}),
    "isbn": (isbn13, {"en": ["ISBN {v}", "the book is ISBN {v}"], "de": ["ISBN {v}"], "fr": ["ISBN : {v}"]}),
    "price": (price, {"en": ["it costs {v}", "total: {v}", "price went up to {v}"], "de": ["kostet {v}", "Gesamt: {v}"],
                      "fr": ["ça coûte {v}"], "es": ["cuesta {v}"], "it": ["costa {v}"], "nl": ["kost {v}"],
                      "pt": ["custa {v}"]}),
    "date": (date_str, {"en": ["the deadline is {v}", "see you on {v}", "released {v}"],
                        "de": ["Termin am {v}", "Abgabe bis {v}"], "fr": ["rendez-vous le {v}"],
                        "es": ["la reunión es el {v}"], "it": ["scadenza il {v}"], "nl": ["deadline {v}"],
                        "pt": ["prazo até {v}"]}),
    "time": (time_str, {"en": ["meet at {v}?", "call moved to {v}"], "de": ["um {v} im Büro"], "fr": ["à {v} ?"]}),
    "timestamp": (timestamp, {"en": ["log entry at {v}", "created_at={v}", "last seen {v}"],
                              "de": ["Zeitstempel {v}"]}),
    "product_code": (product_code, {"en": ["part no. {v} is out of stock", "SKU {v}", "model {v} replaced by the new one"],
                                    "de": ["Artikelnummer {v}", "Art.-Nr. {v} nicht lieferbar"],
                                    "fr": ["référence {v}"], "es": ["referencia {v}"], "it": ["codice articolo {v}"],
                                    "nl": ["artikelnummer {v}"], "pt": ["referência {v}"]}),
    "luhn_fail_card": (luhn_fail_card, {"en": ["my card {v} got declined", "card number {v}", "{v}"],
                                        "de": ["Karte {v} wurde abgelehnt"], "fr": ["carte {v} refusée"]}),
    "iban_mod97_fail": (bad_iban, {"en": ["IBAN {v}", "transfer to {v} bounced"], "de": ["IBAN: {v}"],
                                   "fr": ["IBAN : {v}"], "es": ["IBAN {v}"]}),
    "ssn_invalid_area": (bad_ssn, {"en": ["SSN {v}", "test SSN {v} in the fixture", "social {v}"]}),
}

FILLER = {
    "en": ["thanks", "no rush", "any idea?", "cheers", "see thread above", "will check later"],
    "de": ["danke", "keine Eile", "weiß jemand was?", "Grüße"], "fr": ["merci", "pas pressé", "une idée ?"],
    "es": ["gracias", "sin prisa", "¿alguna idea?"], "it": ["grazie", "nessuna fretta"], "nl": ["bedankt", "geen haast"],
    "pt": ["obrigado", "sem pressa"],
}


def build_negatives():
    out = []
    n = 0

    def add(family, lang, text):
        nonlocal n
        out.append({"id": f"neg-{n:05}", "lang": lang, "family": family, "text": text, "entities": []})
        n += 1

    for fam in sorted(HARD):
        fn, tmpls = HARD[fam]
        for _ in range(130):
            lang = R.choice(sorted(tmpls))
            t = R.choice(tmpls[lang]).replace("{v}", fn())
            if R.random() < 0.6:
                t = R.choice(PROSE[lang]) + " " + t + ", " + R.choice(FILLER[lang])
            add(fam, lang, t)
    for _ in range(700):
        lang = R.choice(sorted(PROSE))
        parts = R.sample(PROSE[lang], 2)
        if lang != "pt" and R.random() < 0.5:  # pt_PT's lorem provider is Latin
            parts.append(FAKERS[lang].sentence(nb_words=R.randint(6, 14)))
        add("prose", lang, " ".join(parts))
    for i in range(200):
        fam, t = OTHER_SCRIPTS[i % len(OTHER_SCRIPTS)]
        if R.random() < 0.5:
            t = t + " " + R.choice(EMOJI)
        add(fam, {"cjk": "zh", "arabic": "ar", "persian_zwnj": "fa", "hebrew": "he", "cyrillic": "ru",
                  "thai": "th"}[fam], t)
    for _ in range(120):
        add("emoji", "en", R.choice(EMOJI) + " " + R.choice(PROSE["en"]))
    for _ in range(150):
        c = R.choice(CODE).format(n=R.randint(1, 500), a=R.randint(0, 9), b=R.randint(0, 30), c=R.randint(0, 30))
        add("code", "en", R.choice(["", "try this: ", "```\n", "hmm, "]) + c)
    return out


def main():
    first = [k for k in sorted(GENERATORS) if k not in ADDED_KINDS]
    pos = build_positives(first, first)
    neg = build_negatives()
    for batch in sorted(set(ADDED_IN.values())):
        kinds = [k for k in ADDED_KINDS if ADDED_IN[k] == batch]
        pool = sorted(k for k in GENERATORS if k not in ADDED_IN or ADDED_IN[k] <= batch)
        pos += build_positives(kinds, pool)
    for path, rows in (("pii.jsonl", pos), ("negatives.jsonl", neg)):
        os.makedirs(OUT, exist_ok=True)
        with open(os.path.join(OUT, path), "w", encoding="utf-8", newline="\n") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
    tokens = sum(len(r["text"].split()) for r in neg)
    print(f"pii.jsonl: {len(pos)} messages; negatives.jsonl: {len(neg)} messages, {tokens} tokens")


if __name__ == "__main__":
    main()
