#!/usr/bin/env python3
"""Probes outside the eval generator: phrasings and values `generate.py` does not make.

Everything here is synthetic: random digits, invented names from short lists of common first and
last names, example domains. Each probe is a question the labelled corpus cannot answer:

- `references`: "my <business reference word> is <random 9-19 digits>" in seven languages. The
  numbers are order, parcel, meter or customer numbers by what the sentence says; every finding
  is a false positive. Reported per reference word.
- `random`: random digit runs of 6-20 digits in neutral sentences with no word naming them. A
  finding is a number that passed some format's checks by chance: the rate per length and kind
  is what a format's checks alone are worth.
- `phones`: national phone layouts of nine countries in twelve phrasings (recall, per country).
- `names`: self-introductions and sign-offs in seven languages (recall, per language), and
  capitalised non-names in the same frames (false positives).
- `passwords`: random passwords after password words in seven languages and in other verb frames
  (recall, per frame), and sentences about passwords that hold none (false positives).
- `births`: birth dates in each language's layouts after birth words (recall, per language), and
  the same dates after appointment and invoice words (false positives).
- `layouts`: card numbers, IBANs and e-mail addresses written the ways people write them (groups of
  four with spaces, dashes, dots or two spaces; lower case IBANs; `name (at) example (dot) com`), in
  seven languages' frames (recall, per layout).
- `faker`: Faker's own `credit_card_number` per card type and locale provider, `phone_number` in
  the issue's twelve phone locales after a phone word (and in 21 more after a phone word in the
  locale's language or in English), `ssn` in the locales where it is a national
  id chatguard knows, after a word naming it, and `iban` in every locale, unfiltered:
  values the generator's filters keep out (JCB numbers anywhere in 35, an area code no plan
  assigns, `ZZ … T` National Insurance numbers). Recall per group; Faker IBANs and ids that
  python-stdnum rejects (a length the country does not have, a country without IBANs, a wrong
  check digit) must not be found as that kind, and findings on them count as false positives.
  `password`: Faker's `password()` (special characters, brackets included) after password words.
  `vat` groups: Faker's `vat_id` in every locale python-stdnum has a VAT check for; the ones
  it rejects (most: Faker does not compute check digits for every country) must not be found.
  `street` groups: Faker's `street_address` in eighteen locales after an address phrase, matched
  as the eval matches (a street finding covering at least half the address); other findings that
  do not touch the address count as false positives, and so does any finding in `not a street`
  (street-shaped texts without an address: `Wahl in Thüringen 2024`, `Agent 007`, `You'll rue
  the day`). Faker's zero-padded house numbers (`Bäckgatan 07`) are found only with a street type
  and an address phrase, which the frames give.
  `person` groups: Faker's `name()` (titles and suffixes such as `Dr.`, `Herr`, `Jr.`, `PhD`
  included), `first_name() last_name()`, `name_female()` and `name_male()` in fifteen locales, in
  English frames and the locale's own (introductions, sign-offs, customer and holder labels,
  `Hi X,`, `Dear X,`, `my colleague X`); a hit is a person finding covering the name, titles
  optional. Faker's `company()` (legal forms included) and `job()` in the same frames: every
  person finding on them is a false positive.
- `streets` (session 13): Faker's `street_address()` in twelve locales whose street layouts the
  `faker` groups above do not cover (Czech and Slovak adjectives, Hungarian, Slovenian and
  Finnish types after the name, Romanian, Mexican, Greek, Russian and Ukrainian types before
  it, Turkish, French Canadian) and `address()` where the province or state and postcode make the
  address (en_CA, en_AU, fr_CA, hu_HU), 20 each after an address phrase in the locale's language,
  fixed seed; matched as the `street` groups. `not a street`: street words, numbers and
  adjectives in sentences that hold no address (`Az utca 5 perc`, `I read Supernova 2 twice`,
  `We moved to 3 Via Roma fans`, `Улица длиной 5 км`): every finding is a false positive.
- `prose` (session 19): names that nothing in the sentence marks, as presidio-research's own
  templates write them (`{n} will present the quarterly figures`, `Have you met {n} yet?`), in ten
  English frames of our own: Faker's `name()` and `first_name()` in eleven locales (recall per
  locale, a person finding covering the name); Faker's `company()`, `city()`, `country()` and
  `job()` in the same frames (`not a person`: every person finding is a false positive).
- `shown`: Faker first and last names in eight locales shown with an e-mail address (`Jane Doe
  <…> wrote:`, `From:`, `Von:`, `De :`, `{e} (Jane Doe)`, `Jane Doe (…)`, after a comma when the
  local part spells the name), on attention lines (`Attn:`, `c/o`, `z. Hd.`, `À l'attention de`,
  `T.a.v.` …) and after recipient labels (`Recipient:`, `Empfänger:`, `Destinataire :` …); the
  address's local part spells the name in two texts of three. Recall per locale (a person finding
  covering the name); Faker's `company()`, `job()` and `city()` in the same frames (with an
  address named after their first word): every person finding on them is a false positive.
- `templates`: CRM, helpdesk, chat and e-mail lines in the style of presidio-research's
  generator (sentence templates with Faker placeholders, filled per locale: `Contact:
  {first_name} {last_name} | {phone_number} | {email}`, `Ship to {address}`, signatures over
  several lines), a compact subset of session 12's sweep. Recall per kind (a finding of the kind
  overlapping the value); every finding on a company, job, city, country or plain date, or on no
  labelled value, is a false positive. Values that are no value of a kind chatguard claims
  (Faker's `ssn` outside the US) are neither.
- `marked` (session 15): Faker `name()` values in sentences that mark a person by a role word
  before the name (`Patient`, `der Kunde`, `la locataire`, `il paziente`, `onze klant` …) or as
  the recipient of a letter, parcel or invoice (`ship … to`, `das Paket an`, `un colis pour`,
  `una carta para`, `een pakket voor`) in en, de, fr, es, it, nl, pt, fixed seed; recall per
  rule and language (a person finding covering the name, titles optional). Faker's `company()`, `city()`, `country()`, `job()` and
  `catch_phrase()` in the same frames, and capitalised everyday phrases after the same words
  (`Patient Portal Access`, `Customer Success Stories`, `send the invoice to Accounts
  Payable`): every person finding in them is a false positive.
- `support`: customer-support messages in seven languages that use the words of attacks for
  ordinary requests ("ignore my previous email", "what are the system requirements", "oubliez
  cela, tout est réglé"): every injection verdict other than `allow` is a false positive.

Run (prints the tables; writes nothing outside a temporary directory):

    cargo build --release -p chatguard-cli
    python3 tests/eval/probes.py [path/to/chatguard]

Fixed seeds: the same binary prints the same tables.
"""

import collections
import datetime
import importlib
import json
import os
import random
import string
import subprocess
import sys
import tempfile

# Faker builds some locales' lists from sets (it_IT's cities), whose order follows Python's
# per-run string hashing: fixed here, so that "fixed seeds" hold for every group.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

from faker import Faker
from faker.config import AVAILABLE_LOCALES
from stdnum import iban as std_iban
from stdnum.eu import vat as std_vat
from stdnum.util import get_cc_module

from months import MONTHS

REFERENCE_WORDS = {
    "en": ["package", "parcel", "shipment", "tracking number", "order no.", "order number",
           "customer number", "receipt", "voucher", "coupon", "serial number", "batch", "waybill",
           "consignment", "policy number", "membership number", "booking reference",
           "confirmation code", "case number", "ticket", "contract number", "meter number",
           "meter reading", "barcode", "EAN", "UPC", "GTIN", "item",
           # everyday words left out of the contrary list
           "lot", "store", "branch", "claim", "quote", "job", "loyalty card", "gift card code"],
    "de": ["Paket", "Paketnummer", "Sendungsnummer", "Bestellnummer", "Kundennummer",
           "Rechnungsnummer", "Beleg", "Gutschein", "Seriennummer", "Frachtbrief",
           "Vertragsnummer", "Zählernummer", "Zählerstand", "Filiale", "Barcode", "Artikelnummer",
           "Vorgangsnummer", "Auftragsnummer", "Lieferschein", "Mitgliedsnummer", "Los", "Charge"],
    "fr": ["colis", "numéro de suivi", "numéro de commande", "numéro client", "facture", "reçu",
           "numéro de série", "lettre de voiture", "contrat", "compteur", "magasin",
           "code-barres", "dossier", "devis", "adhérent", "bon", "relevé", "lot"],
    "es": ["paquete", "número de seguimiento", "número de pedido", "número de cliente", "factura",
           "recibo", "cupón", "número de serie", "lote", "albarán", "contrato", "contador",
           "lectura", "tienda", "código de barras", "expediente", "presupuesto", "póliza", "socio"],
    "it": ["pacco", "numero di tracciamento", "numero d'ordine", "codice cliente", "fattura",
           "ricevuta", "buono", "numero di serie", "lotto", "bolla", "contratto", "contatore",
           "lettura", "negozio", "codice a barre", "preventivo", "polizza", "pratica",
           "tessera"],
    "nl": ["pakket", "pakketnummer", "trackingnummer", "ordernummer", "klantnummer",
           "factuurnummer", "waardebon", "serienummer", "vrachtbrief", "contractnummer",
           "meternummer", "meterstand", "winkel", "streepjescode", "dossiernummer", "offerte",
           "lidmaatschapsnummer", "polisnummer", "bon", "partij"],
    "pt": ["pacote", "encomenda", "número de rastreio", "número do pedido", "número de cliente",
           "fatura", "recibo", "número de série", "lote", "guia de remessa", "contrato",
           "contador", "leitura", "loja", "código de barras", "orçamento", "apólice", "vale",
           "sócio"],
}
REFERENCE_FRAME = {
    "en": "Hi, my {w} is {n}, thanks.", "de": "Hallo, meine {w} ist {n}, danke.",
    "fr": "Bonjour, mon {w} est {n}, merci.", "es": "Hola, mi {w} es {n}, gracias.",
    "it": "Ciao, il mio {w} è {n}, grazie.", "nl": "Hallo, mijn {w} is {n}, bedankt.",
    "pt": "Olá, o meu {w} é {n}, obrigado.",
}
NEUTRAL_FRAMES = ["Zie {} hieronder.", "It is {}.", "{} ok", "Das ist {}.", "hier: {}"]

PHONE_FRAMES = ["Ring me at {p}.", "{p}", "you can reach me on {p} tomorrow", "Meine Nummer: {p}",
                "I'll be there around five, {p}", "Mon numéro est le {p}.", "Llámame al {p}.",
                "Chiamami al {p}", "Bel me op {p}", "Meu telefone é {p}",
                "call {p} if anything changes", "my mobile {p}"]

FIRST = ["Anna", "Lukas", "Marie", "Jean", "Sofia", "Marco", "Lucía", "Pieter", "João", "Emma",
         "Noah", "Chloé", "Giulia", "Daan", "Inês", "Olivia", "Mateo", "Léa", "Finn", "Beatriz",
         "Aisha", "Wei", "Priya", "Kenji", "Fatima", "Omar", "Ingrid", "Tomasz", "Zoë", "Hugo"]
LAST = ["Schmidt", "Dubois", "García", "Rossi", "de Vries", "Silva", "Müller", "Martin",
        "Fernández", "Bianchi", "Jansen", "Santos", "Wagner", "Bernard", "López", "Romano",
        "Bakker", "Oliveira", "Nguyen", "Kowalski", "Okafor", "Haddad", "Tanaka", "Patel",
        "Johansson", "O'Brien", "van der Berg", "Da Costa", "Lefèvre", "Ferreira"]
NAME_FRAMES = {
    "en": ["My name is {n}.", "I'm {n} and I need help with my order.",
           "This is {n} from accounting.", "Thanks, {n}", "Best regards,\n{n}", "Hi, {n} here.",
           "Please ask for {n}.", "Kind regards, {n}"],
    "de": ["Mein Name ist {n}.", "Ich heiße {n}.", "Hier ist {n}.", "Viele Grüße\n{n}",
           "Mit freundlichen Grüßen, {n}"],
    "fr": ["Je m'appelle {n}.", "Mon nom est {n}.", "Ici {n}.", "Cordialement,\n{n}",
           "Bien à vous, {n}"],
    "es": ["Me llamo {n}.", "Mi nombre es {n}.", "Soy {n}.", "Saludos,\n{n}", "Atentamente, {n}"],
    "it": ["Mi chiamo {n}.", "Il mio nome è {n}.", "Sono {n}.", "Cordiali saluti,\n{n}"],
    "nl": ["Mijn naam is {n}.", "Ik heet {n}.", "Met vriendelijke groet,\n{n}", "Groetjes, {n}"],
    "pt": ["O meu nome é {n}.", "Chamo-me {n}.", "Sou o {n}.", "Atenciosamente,\n{n}",
           "Cumprimentos, {n}"],
}
NOT_NAMES = ["Dear Customer, your order has shipped.", "I'm from Berlin and I love it.",
             "Thanks, Team", "Best regards,\nThe Support Team", "My name is on the account.",
             "I'm Happy With The Service", "Please ask for Customer Service.",
             "Kind regards, Acme Corp", "Hier ist Kundenservice.", "Viele Grüße\nIhr Team",
             "Ich heiße Sie willkommen.", "Ici Paris.", "Cordialement,\nLe service client",
             "Soy Cliente desde 2010.", "Atentamente, Atención al Cliente", "Sono Contento.",
             "Cordiali saluti,\nIl Team", "Ik heet u welkom.", "Groetjes, Team",
             "Sou Cliente há anos.", "Cumprimentos, Apoio ao Cliente"]

PASSWORD_FRAMES = ["my password is {p}", "the password is {p}", "Password: {p}", "pwd: {p}",
                   "login: anna / pass: {p}", "Passwort: {p}", "mein Passwort ist {p}",
                   "Kennwort lautet {p}", "mot de passe : {p}", "mon mot de passe est {p}",
                   "contraseña: {p}", "mi contraseña es {p}", "la mia password è {p}",
                   "wachtwoord: {p}", "mijn wachtwoord is {p}", "senha: {p}",
                   "a minha senha é {p}", "the wifi password is {p}", "use {p} as the password",
                   "password={p}", "set the password to {p}"]
NOT_PASSWORDS = ["I forgot my password", "Where do I reset my password?",
                 "your password must be at least 8 characters", "password: ********",
                 "The password is incorrect.", "Click here to reset your password",
                 "Passwort vergessen?", "mot de passe oublié", "¿Olvidaste tu contraseña?",
                 "Ho dimenticato la password", "wachtwoord vergeten", "esqueci a minha senha",
                 "The password is the same as before.", "My password is too long to remember.",
                 "The password field is required.", "password is case-sensitive",
                 "Password: (see the vault)", "password reset email not received",
                 "I changed my password yesterday", "Passwort ist abgelaufen"]

BIRTH_FRAMES = {
    "en": ["I was born on {d}.", "DOB: {d}", "date of birth {d}", "my birthday is {d}"],
    "de": ["Ich bin am {d} geboren.", "geboren am {d}", "Geburtsdatum: {d}", "geb. {d}"],
    "fr": ["Je suis né le {d}.", "née le {d}", "date de naissance : {d}"],
    "es": ["Nací el {d}.", "fecha de nacimiento: {d}", "nacido el {d}"],
    "it": ["Sono nato il {d}.", "data di nascita {d}", "nata il {d}"],
    "nl": ["Ik ben geboren op {d}.", "geboortedatum: {d}", "geb. {d}"],
    "pt": ["Nasci a {d}.", "data de nascimento: {d}", "nascido em {d}"],
}
NOT_BIRTH_FRAMES = ["The meeting is on {d}.", "Invoice dated {d}", "Termin am {d}",
                    "Rendez-vous le {d}", "La cita es el {d}", "Appuntamento il {d}",
                    "Afspraak op {d}", "Reunião em {d}"]

SUPPORT_MESSAGES = [
    "Please ignore my previous email, the delivery address has changed.",
    "Can you ignore the first item in my order and only ship the second?",
    "What are the system requirements for the desktop app?",
    "I followed the instructions in the manual but the printer still doesn't work.",
    "Can you act as a go-between with the courier for me?",
    "Pretend I'm a new customer: what would the onboarding look like?",
    "I'm a developer, where can I find the API documentation?",
    "Forget what I said about the blue one, I want the red one.",
    "Disregard the last message, I found the receipt.",
    "Your previous answer was wrong, please start over and explain the refund policy.",
    "What are your instructions for returning a damaged item?",
    "How do I reset the admin password for my store account?",
    "Which role do I need to give my employee so they can issue refunds?",
    "From now on please send invoices to accounting, not to me.",
    "Override the shipping address with the one on file, please.",
    "Summarize my last three orders.",
    "Bitte ignorieren Sie meine vorherige Nachricht, die Adresse hat sich geändert.",
    "Vergiss die erste Frage, ich habe die Antwort gefunden.",
    "Vergessen Sie die Regeln für den Versand, ich hole es selbst ab.",
    "Merci d'ignorer mon message précédent, j'ai trouvé la facture.",
    "Oubliez ma dernière demande, tout est réglé.",
    "Oubliez cela, les problèmes sont réglés.",
    "Por favor ignora mi mensaje anterior, ya encontré el recibo.",
    "Olvida lo que dije sobre el color, prefiero el rojo.",
    "Ignora il messaggio precedente, ho risolto.",
    "Dimentica la mia ultima richiesta, tutto è risolto.",
    "Negeer mijn vorige bericht, het pakket is aangekomen.",
    "Vergeet mijn laatste verzoek, alles is geregeld.",
    "Ignore a minha mensagem anterior, já resolvi.",
    "Esqueça o meu último pedido, tudo está resolvido.",
]

VALUE_FRAMES = ["pay with {v}", "{v}", "Karte {v} bitte belasten", "ma carte {v}", "mi tarjeta es {v}",
                "IBAN: {v}", "virement sur {v}", "conto {v} grazie", "rekening {v}", "write to {v}",
                "Mail: {v}", "escríbeme a {v}", "o meu email é {v}"]


def iban_is_valid(value):
    """python-stdnum's IBAN check (the SWIFT registry), and Iran's Sheba number: `IR`, two check
    digits and 22 digits, mod 97 — an IBAN its banks use outside the registry (session 14)."""
    if std_iban.is_valid(value):
        return True
    v = value.replace(" ", "").upper()
    return (len(v) == 26 and v.startswith("IR") and v[2:].isdigit()
            and int(v[4:] + "1827" + v[2:4]) % 97 == 1)


def luhn_number(rng, prefix, length):
    """A Luhn-valid number of `length` digits starting with `prefix` (random otherwise)."""
    digits = [int(c) for c in prefix] + [rng.randrange(10) for _ in range(length - len(prefix) - 1)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        d = d * 2 if i % 2 == 0 else d
        total += d - 9 if d > 9 else d
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def iban_number(rng, country, length):
    """A mod-97-valid IBAN of `country` with a random BBAN of `length` characters in the country's
    layout: digits, after a check letter (CIN) in Italy."""
    bban = rng.choice(string.ascii_uppercase) + digits(rng, length - 1) if country == "IT" \
        else digits(rng, length)
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


def grouped(value, sep):
    return sep.join(value[i:i + 4] for i in range(0, len(value), 4))


def layouts(rng):
    """(layout, value) pairs: cards, IBANs and e-mail addresses in their written forms."""
    out = []
    for _ in range(40):
        card = luhn_number(rng, rng.choice(["4", "51", "55", "2221", "6011"]), 16)
        for name, sep in [("card 4-4-4-4 spaces", " "), ("card 4-4-4-4 dashes", "-"),
                          ("card 4-4-4-4 dots", "."), ("card 4-4-4-4 two spaces", "  ")]:
            out.append((name, grouped(card, sep)))
        out.append(("card 16 digits", card))
        amex = luhn_number(rng, rng.choice(["34", "37"]), 15)
        out.append(("card amex 4-6-5", f"{amex[:4]} {amex[4:10]} {amex[10:]}"))
        country, length = rng.choice([("DE", 18), ("FR", 23), ("ES", 20), ("IT", 23), ("AT", 16),
                                      ("PT", 21), ("BE", 12), ("PL", 24)])
        iban = iban_number(rng, country, length)
        out.append(("iban grouped", grouped(iban, " ")))
        out.append(("iban compact", iban))
        out.append(("iban lower case", grouped(iban, " ").lower()))
        user = rng.choice(["anna.schmidt", "j.doe", "maria_garcia", "li.wei88", "info+test"])
        domain = rng.choice(["example.com", "example.org", "mail.example.de", "example.co.uk"])
        out.append(("email plain", f"{user}@{domain}"))
        out.append(("email upper case", f"{user}@{domain}".upper()))
        out.append(("email (at) (dot)", f"{user} (at) {domain.replace('.', ' (dot) ')}"))
        out.append(("email [at]", f"{user}[at]{domain}"))
    return out


def a_date(rng, lang):
    """A date between 1940 and 2007 in one of the language's usual layouts."""
    y, m, d = rng.randrange(1940, 2008), rng.randrange(1, 13), rng.randrange(1, 29)
    month = MONTHS[lang][m - 1]
    forms = [f"{d:02d}.{m:02d}.{y}", f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}",
             f"{d} {month} {y}"]
    if lang == "en":
        forms += [f"{month} {d}, {y}", f"{m:02d}/{d:02d}/{y}"]
    if lang in ("es", "pt"):
        forms.append(f"{d} de {month} de {y}")
    return rng.choice(forms)


def password(rng):
    """A random password of one of four shapes."""
    alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    shape = rng.randrange(4)
    if shape == 0:
        return (rng.choice(["Sommer", "Winter", "Blue", "Happy", "Tiger", "Berlin"])
                + str(rng.randrange(1, 2030)) + rng.choice(["!", "#", "", "?", "$"]))
    if shape == 1:
        return "".join(rng.choice(alnum) for _ in range(rng.randrange(8, 16)))
    if shape == 2:
        return "".join(rng.choice(alnum + "!@#%&*") for _ in range(12))
    return "-".join([rng.choice(["correct", "horse", "purple", "monkey"]),
                     rng.choice(["dish", "lamp", "river"]), str(rng.randrange(10, 99))])


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def phone_layouts(rng):
    """One random national number per layout and country (fictional subscriber digits)."""
    d = lambda n: digits(rng, n)  # noqa: E731
    return {
        "us": lambda: rng.choice(["({a}) {x}-{s}", "{a}-{x}-{s}", "{a}.{x}.{s}",
                                  "+1 {a} {x} {s}"]).format(
            a=rng.choice(["212", "415", "312", "617", "206"]),
            x=rng.choice("2345689") + rng.choice("02345689") + d(1), s=d(4)),
        "uk": lambda: rng.choice([f"020 7{d(3)} {d(4)}", f"07{rng.choice('789')}{d(2)} {d(6)}",
                                  f"+44 7{rng.choice('789')}{d(2)} {d(6)}", f"0161 {d(3)} {d(4)}"]),
        "de": lambda: rng.choice([f"030 {d(8)}", f"+49 30 {d(8)}", f"0151 {d(8)}",
                                  f"0171/{d(7)}", f"089 {d(3)} {d(4)}"]),
        "fr": lambda: (lambda p: rng.choice([f"{p} {d(2)} {d(2)} {d(2)} {d(2)}",
                                             f"+33 {p[1]} {d(2)} {d(2)} {d(2)} {d(2)}",
                                             f"{p}.{d(2)}.{d(2)}.{d(2)}.{d(2)}", f"{p}{d(8)}"]))(
            rng.choice(["06", "07", "01", "02", "03", "04", "05", "09"])),
        "es": lambda: rng.choice([f"6{d(2)} {d(2)} {d(2)} {d(2)}", f"+34 6{d(2)} {d(3)} {d(3)}",
                                  f"91 {d(3)} {d(2)} {d(2)}"]),
        "it": lambda: rng.choice([f"+39 06 {d(4)} {d(4)}", f"3{rng.choice('234')}{d(1)} {d(3)} {d(4)}",
                                  f"02 {d(7)}", f"06 {d(8)}"]),
        "nl": lambda: rng.choice([f"06-{d(8)}", f"+31 6 {d(8)}", f"020-{d(7)}", f"010 {d(3)} {d(4)}"]),
        "br": lambda: rng.choice([f"(11) 9{d(4)}-{d(4)}", f"+55 11 9{d(4)}-{d(4)}",
                                  f"(21) {rng.choice('2345')}{d(3)}-{d(4)}", f"11 9{d(4)} {d(4)}"]),
        "in": lambda: rng.choice([f"+91 9{d(4)} {d(5)}", f"9{d(4)}-{d(5)}", f"+91 22 {d(4)} {d(4)}"]),
    }


FAKER_CARD_LOCALES = ["en_US", "fa_IR", "pt_PT", "ru_RU", "uk_UA", "zh_CN"]
FAKER_PHONE_LOCALES = ["en_US", "en_CA", "fr_CA", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT",
                       "nl_NL", "pt_BR", "en_IN", "hi_IN"]
# More of Faker's phone locales, each after a phone word in its own language (alternating with the
# English frames above): the Nordic and Baltic eight-digit numbers, `+(370) …` and `(+358) …`
# country codes, numbers written against Chinese, Japanese and Korean words.
FAKER_MORE_PHONE_FRAMES = {
    "no_NO": ["Mitt telefonnummer er {p}", "Ring meg på {p}.", "Tlf: {p}"],
    "da_DK": ["Mit telefonnummer er {p}", "Ring til mig på {p}.", "Tlf.: {p}"],
    "sv_SE": ["Mitt telefonnummer är {p}", "Ring mig på {p}.", "Tel: {p}"],
    "fi_FI": ["Puhelinnumeroni on {p}", "Soita minulle numeroon {p}.", "Puh. {p}"],
    "lt_LT": ["Mano telefono numeris {p}", "Tel. {p}"],
    "lv_LV": ["Mans tālruņa numurs ir {p}", "Tālr. {p}"],
    "cs_CZ": ["Moje telefonní číslo je {p}", "Zavolejte mi na {p}."],
    "sk_SK": ["Moje telefónne číslo je {p}", "Tel.: {p}"],
    "ro_RO": ["Numărul meu de telefon este {p}", "Sunați-mă la {p}."],
    "hr_HR": ["Moj broj telefona je {p}", "Nazovite me na {p}."],
    "sl_SI": ["Moja telefonska številka je {p}", "Tel.: {p}"],
    "el_GR": ["Το τηλέφωνό μου είναι {p}", "Τηλ.: {p}"],
    "de_CH": ["Meine Telefonnummer ist {p}", "Tel.: {p}"],
    "fr_CH": ["Mon numéro de téléphone est le {p}", "Appelez-moi au {p}."],
    "en_AU": ["My phone number is {p}", "Phone: {p}"],
    "es_AR": ["Mi número de teléfono es {p}", "Llámame al {p}."],
    "es_CL": ["Mi número de teléfono es {p}", "Llámame al {p}."],
    "ja_JP": ["電話番号は{p}です。", "電話: {p}"],
    "ko_KR": ["제 전화번호는 {p}입니다.", "전화: {p}"],
    "zh_CN": ["我的电话是{p}。", "电话：{p}"],
    "he_IL": ["מספר הטלפון שלי {p}", "טלפון: {p}"],
}
# Locales whose Faker `ssn` is a national id chatguard knows: the kind, a sentence naming it, and
# the python-stdnum module that validates it (None where stdnum has none).
FAKER_IDS = {
    "en_US": ("us_ssn", "My SSN is {v}", None),
    "en_GB": ("uk_nino", "My National Insurance number is {v}", None),
    "en_CA": ("ca_sin", "My SIN is {v}", "ca.sin"),
    "nl_NL": ("nl_bsn", "Mijn BSN is {v}", "nl.bsn"),
    "nl_BE": ("be_nn", "Mijn rijksregisternummer is {v}", "be.nn"),
    "pt_BR": ("br_cpf", "Meu CPF é {v}", "br.cpf"),
    "no_NO": ("no_fnr", "Mitt fødselsnummer er {v}", "no.fodselsnummer"),
    "he_IL": ("il_id", "My Teudat Zehut number is {v}", "il.idnr"),
    "hr_HR": ("hr_oib", "Moj OIB je {v}", "hr.oib"),
    "de_AT": ("at_svnr", "Meine SVNR ist {v}", "at.vnr"),
    "de_CH": ("ch_ahv", "Meine AHV-Nummer ist {v}", "ch.ssn"),
    "fr_FR": ("fr_nir", "Mon NIR est {v}", "fr.nir"),
    "it_IT": ("it_fiscal_code", "Il mio codice fiscale è {v}", "it.codicefiscale"),
    "fi_FI": ("fi_hetu", "Henkilötunnukseni on {v}", "fi.hetu"),
    "sv_SE": ("se_personnummer", "Mitt personnummer är {v}", "se.personnummer"),
    "pl_PL": ("pl_pesel", "Mój PESEL to {v}", "pl.pesel"),
    "ro_RO": ("ro_cnp", "CNP-ul meu este {v}", "ro.cnp"),
    "lv_LV": ("lv_pk", "Mans personas kods ir {v}", "lv.pvn"),
    "et_EE": ("ee_ik", "Minu isikukood on {v}", "ee.ik"),
    "th_TH": ("th_pin", "My Thai ID number is {v}", "th.pin"),
    "tr_TR": ("tr_tckn", "TC kimlik numaram {v}", "tr.tckimlik"),
    # Added in session 10 (`id` frames take no `rng` draw, so later texts stay as they were).
    "el_GR": ("gr_amka", "Ο ΑΜΚΑ μου είναι {v}", "gr.amka"),
    "uk_UA": ("ua_rntrc", "Мій РНОКПП {v}", "ua.rntrc"),
    "mk_MK": ("rs_jmbg", "Мојот ЕМБГ е {v}", "si.emso"),
    "sr_BA": ("rs_jmbg", "Moj JMBG je {v}", "si.emso"),
    "zh_TW": ("tw_id", "我的身分證字號是{v}", None),
}
FAKER_PHONE_FRAMES = ["You can call me at {p} tomorrow.", "My phone number is {p}", "Phone: {p}",
                      "Reach me on {p}, thanks!"]


FAKER_STREET_LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR",
                        "pt_PT", "en_IN", "pl_PL", "sv_SE", "da_DK", "no_NO",
                        # Added in session 10, after the first fourteen so their frames stay put.
                        "fi_FI", "en_AU", "nl_BE", "fr_CH"]
FAKER_STREET_FRAMES = ["I live at {v}.", "My address is {v}", "Please ship it to {v}, thanks.",
                       "Address: {v}"]
# Street-shaped texts that hold no address (synthetic): words that end Norwegian, Finnish or
# Flemish street names, zero-padded numbers, street types without a number, flats and marks.
NOT_STREETS = [
    "We met at Copenhagen 2 years ago and again in Schengen 2 weeks later.",
    "Wahl in Thüringen 2024", "My address is Springen 17B Rad gelb.",
    "We flew to Australia 2 times; address book: Amelia 5", "adresse chez Sébastien 3",
    "address book: Italia 90", "Kari Nordhagen 45 og Ola Bakken 12", "address book: Moen 2024",
    "address book: Galilei 3, Christie 5", "Agent 007 and Room 007, Route 066",
    "Meet at 0930 Park Avenue tomorrow.", "The 007 Bond Street film", "Bäckgatan 07",
    "See Flat 3, Tracey Station in the brochure", "H.No. 5 is the best",
    "You'll rue the day, Thomas.", "The avenue Foch café is nice; my address is on the card.",
    "Address: Avenue Q was a musical", "I live at avenue of approach", "We will rue Thomas forever",
    "Il piano 6 è chiuso.", "Piano 6, scala B", "Jeg har en bekymring 3 ganger.", "Bekymring 3",
    "2011 Ortiz River She drive", "I met 3 Grand Parade fans", "Top 10 på Toppen 5",
]

# The `streets` probe (session 13): locale, its address phrase, Faker method.
STREETS = [
    ("cs_CZ", "Doručovací adresa: {v}", "street_address"),
    ("sk_SK", "Moja adresa je {v}.", "street_address"),
    ("hu_HU", "Szállítási cím: {v}", "street_address"),
    ("hu_HU", "A címem: {v}", "address"),
    ("sl_SI", "Moj naslov je {v}.", "street_address"),
    ("ro_RO", "Adresa de livrare: {v}", "street_address"),
    ("es_MX", "Mi dirección es {v}.", "street_address"),
    ("el_GR", "Η διεύθυνσή μου είναι {v}", "street_address"),
    ("ru_RU", "Адрес доставки: {v}", "street_address"),
    ("uk_UA", "Моя адреса: {v}", "street_address"),
    ("tr_TR", "Teslimat adresi: {v}", "street_address"),
    ("fi_FI", "Toimitusosoite: {v}", "street_address"),
    ("fr_CA", "Livraison : {v}", "street_address"),
    ("fr_CA", "Mon adresse est {v}", "address"),
    ("en_CA", "Ship to {v}", "address"),
    ("en_AU", "Ship to {v}", "address"),
]
NOT_STREETS_13 = [
    "Az utca 5 perc sétára van.", "We moved to 3 Via Roma fans", "I read Supernova 2 twice.",
    "V Praze 5 let.", "Bow tie 5 dollars", "Diagonal 4 cm", "Buy 3 Hauptstraße maps",
    "Η λεωφόρος είναι 5 χιλιόμετρα.", "Улица длиной 5 км.", "Вулиця має 3 смуги.",
    "Main Street Bank reported 3 branches closed.", "Version 12 Street Fighter is out",
    "Oxford Road works will last 12 weeks.", "Calle 13 is a band", "Strada Bianca 2024 race",
    "Casanova 3 was bad", "Alaska 5 days trip", "Team Tie 3 points", "Circuito 3 vueltas",
]


def streets_texts():
    """("streets", group, text, span or None): the session-13 street layouts and negatives."""
    out = []
    for loc, frame, method in STREETS:
        fake = Faker(loc)
        fake.seed_instance(2013)
        for i in range(20):
            value = getattr(fake, method)().strip()
            # `address()` lines joined with commas, then kept on their lines, in turn.
            value = value.replace("\n", ", ") if i % 2 == 0 or method != "address" else value
            text = frame.format(v=value)
            out.append(("streets", f"street {loc} {method}", text, span_of(text, value)))
    for text in NOT_STREETS_13:
        out.append(("streets", "not a street", text, None))
    return out


FAKER_PERSON_LOCALES = ["en_US", "en_GB", "en_IN", "de_DE", "de_AT", "fr_FR", "es_ES", "es_MX",
                        "it_IT", "nl_NL", "pt_BR", "pt_PT", "pl_PL", "sv_SE", "da_DK"]
# English frames for every locale, then each locale's language's own; `{n}` is the value.
FAKER_PERSON_FRAMES = {
    "en": ["Hi, I'm {n}.", "My name is {n} and I need help with my order.", "Regards,\n{n}",
           "Thanks for the quick fix. Best, {n}", "Customer: {n}", "Account holder: {n}",
           "Contact person: {n}", "The account holder is {n}.", "Dear {n},\nthank you.",
           "Hi {n},\nyour order has shipped.", "My colleague {n} will follow up."],
    "de": ["Mein Name ist {n}.", "Mit freundlichen Grüßen\n{n}", "Kunde: {n}", "Kontoinhaber: {n}",
           "Hallo {n},\nIhre Bestellung ist unterwegs.", "Mein Kollege {n} meldet sich."],
    "fr": ["Je m'appelle {n}.", "Cordialement,\n{n}", "Client : {n}", "Bonjour {n},\nmerci.",
           "Mon collègue {n} vous rappellera."],
    "es": ["Me llamo {n}.", "Saludos,\n{n}", "Cliente: {n}", "Hola {n},\nsu pedido salió.",
           "Estimado {n}:\ngracias.", "Mi compañero {n} le llamará."],
    "it": ["Mi chiamo {n}.", "Cordiali saluti,\n{n}", "Cliente: {n}", "Ciao {n},\ngrazie.",
           "Il mio collega {n} la richiamerà."],
    "nl": ["Ik heet {n}.", "Hallo, met {n}.", "Met vriendelijke groet,\n{n}", "Klant: {n}",
           "Beste {n},\nbedankt.", "Mijn collega {n} belt u terug."],
    "pt": ["Meu nome é {n}.", "Atenciosamente,\n{n}", "Cliente: {n}", "Olá {n},\nobrigado.",
           "Meu colega {n} vai retornar."],
    "pl": ["Nazywam się {n}.", "Pozdrawiam,\n{n}", "Imię i nazwisko: {n}", "Klient: {n}"],
    "sv": ["Hej, jag heter {n}.", "Med vänliga hälsningar,\n{n}", "Namn: {n}", "Kund: {n}",
           "Hej {n},\ndin order har skickats."],
    "da": ["Hej, jeg hedder {n}.", "Med venlig hilsen\n{n}", "Navn: {n}", "Kunde: {n}",
           "Hej {n},\ndin ordre er afsendt."],
}


def vat_check(loc):
    """python-stdnum's VAT check for a locale's country (EU member states, the UK, Switzerland),
    or None where it has none."""
    country = loc.split("_")[-1].lower()
    # Thailand's VAT number is its 13-digit tax id, which chatguard reports as th_pin; stdnum's
    # th "vat" module is another number (the MOA).
    module = None if country == "th" else get_cc_module(country, "vat")
    return None if module is None else lambda value: std_vat.is_valid(value) or module.is_valid(value)


FAKER_PASSWORD_FRAMES = ["my password is {v}", "Password: {v}", "pwd={v}",
                         "The new password is {v} and it works.", "Passwort: {v}",
                         "mot de passe : {v}", "login: anna / pass: {v}"]
FAKER_VAT_FRAMES = ["Our VAT number is {v}.", "VAT: {v}", "Please invoice us, VAT ID {v}, thanks."]


def faker_values():
    """(group, value, whether it is one) from Faker's providers, seeded per locale."""
    out = []
    for loc in FAKER_CARD_LOCALES:
        fake = Faker(loc)
        fake.seed_instance(2026)
        for card_type in sorted(fake.provider("faker.providers.credit_card").credit_card_types):
            for _ in range(40):
                out.append((f"card {loc} {card_type}",
                            fake.credit_card_number(card_type=card_type), True))
    for loc in FAKER_PHONE_LOCALES:
        fake = Faker(loc)
        fake.seed_instance(2026)
        for _ in range(100):
            out.append((f"phone {loc}", fake.phone_number(), True))
    for loc, (kind, frame, module) in FAKER_IDS.items():
        fake = Faker(loc)
        fake.seed_instance(2026)
        check = importlib.import_module(f"stdnum.{module}").is_valid if module else None
        for _ in range(20):
            value = fake.ssn()
            valid = check is None or check(value)
            out.append((f"id {loc} {kind}" if valid else f"id {loc} rejected by stdnum", value,
                        valid))
    for loc in AVAILABLE_LOCALES:
        fake = Faker(loc)
        fake.seed_instance(2026)
        for _ in range(10):
            value = fake.iban()
            valid = iban_is_valid(value)
            out.append(("iban" if valid else "iban rejected by stdnum", value, valid))
    for loc in sorted(AVAILABLE_LOCALES):
        fake = Faker(loc)
        fake.seed_instance(2026)
        check = vat_check(loc)
        if not hasattr(fake, "vat_id") or check is None:
            continue
        for _ in range(40):
            value = fake.vat_id()
            valid = check(value)
            out.append((f"vat {loc}" if valid else f"vat {loc} rejected by stdnum", value, valid))
    fake = Faker("en_US")
    fake.seed_instance(2026)
    for _ in range(200):
        out.append(("password", fake.password(length=fake.random_int(8, 16)), True))
    for loc in FAKER_STREET_LOCALES:
        fake = Faker(loc)
        fake.seed_instance(2026)
        for _ in range(60):
            out.append((f"street {loc}", fake.street_address().replace("\n", ", ").strip(), True))
    return out


def person_titles(fake):
    """The prefixes and suffixes (titles, generational suffixes) of `fake`'s person provider,
    without the particles that belong to a surname."""
    person = fake.provider("faker.providers.person")
    titles = set()
    for attr in dir(person):
        if attr.startswith(("prefixes", "suffixes")):
            titles.update(getattr(person, attr))
    return titles - {"Le", "de", "de la", "du", "da", "do", "del"}


def framed_name(frame, value, titles):
    """`value` (a Faker name) put in `frame`, and the spans of the whole value and of the name
    without leading or trailing titles: (text, (value span, name span))."""
    words = value.split(" ")
    while len(words) > 1 and words[0] in titles:
        words.pop(0)
    while len(words) > 1 and words[-1] in titles:
        words.pop()
    name = " ".join(words)
    text = frame.format(n=value)
    start = len(text[:text.index(value)].encode())
    inner = start + len(value[:value.index(name)].encode())
    return text, ((start, start + len(value.encode())), (inner, inner + len(name.encode())))


def faker_person_texts():
    """("faker", group, text, (value span, name span) or None) for the `person` groups."""
    out = []
    for loc in FAKER_PERSON_LOCALES:
        fake = Faker(loc)
        fake.seed_instance(2026)
        titles = person_titles(fake)
        frames = FAKER_PERSON_FRAMES["en"] + FAKER_PERSON_FRAMES[loc[:2]]
        makers = [fake.name, lambda: f"{fake.first_name()} {fake.last_name()}", fake.name_female,
                  fake.name_male]
        for k, frame in enumerate(frames):
            for j in range(4):
                text, spans = framed_name(frame, makers[j](), titles)
                out.append(("faker", f"person {loc}", text, spans))
            # Hard negatives in the same frame: a firm with its legal form, a job.
            for value in (fake.company(), fake.job()):
                out.append(("faker", "not a person", frame.format(n=value), None))
    return out


# Names shown with an e-mail address, attention lines and recipient labels (session 13): English
# frames for every locale, then its language's own; `{n}` is the name, `{e}` an address whose local
# part spells it (`jane.doe@`) or does not (a Faker user name).
SHOWN_LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR"]
SHOWN_FRAMES = {
    "en": ["{n} <{e}> wrote:", "From: {n} <{e}>", "Please add {n} ({e}) to the thread.",
           "{e} ({n})", "Attn: {n}", "c/o {n}", "Recipient: {n}"],
    "de": ["z. Hd. {n}", "Empfänger: {n}", "Von: {n} <{e}>"],
    "fr": ["À l'attention de {n}", "Destinataire : {n}", "De : {n} <{e}>"],
    "es": ["A la atención de {n}", "Destinatario: {n}", "De: {n} <{e}>"],
    "it": ["Alla cortese attenzione di {n}", "Destinatario: {n}", "Da: {n} <{e}>"],
    "nl": ["T.a.v. {n}", "Ontvanger: {n}", "Van: {n} <{e}>"],
    "pt": ["Ao cuidado de {n}", "Destinatário: {n}", "De: {n} <{e}>"],
}
# Only a local part that spells the name makes a name after a comma.
SHOWN_SPELLED_FRAMES = ["Send the invoice to {n}, {e}"]


def ascii_letters(value):
    """`value` lowercased, accents dropped, letters only: `Müller` → `muller`."""
    import unicodedata
    bare = unicodedata.normalize("NFKD", value.lower())
    return "".join(c for c in bare if "a" <= c <= "z")


def shown_texts():
    """("shown", group, text, (value span, name span) or None): names shown with an address."""
    out = []
    for loc in SHOWN_LOCALES:
        fake = Faker(loc)
        fake.seed_instance(2026)
        frames = SHOWN_FRAMES["en"] + SHOWN_FRAMES[loc[:2]]
        for k, frame in enumerate(frames + SHOWN_SPELLED_FRAMES):
            for j in range(3):
                first, last = fake.first_name(), fake.last_name()
                value = f"{first} {last}"
                spelled = frame in SHOWN_SPELLED_FRAMES or j != 1
                local = (f"{ascii_letters(first)}.{ascii_letters(last.split()[-1])}" if spelled
                         else fake.user_name())
                text = frame.format(n=value, e=f"{local}@example.com")
                start = len(text[:text.index(value)].encode())
                span = (start, start + len(value.encode()))
                out.append(("shown", f"person {loc}", text, (span, span)))
            # Hard negatives in the same frame: a firm, a job, a city; a desk's address.
            for value in (fake.company(), fake.job(), fake.city()):
                local = ascii_letters(value.split()[0]) or "info"
                out.append(("shown", "not a person",
                            frame.format(n=value, e=f"{local}@example.com"), None))
    return out


# `marked` (session 15): names a role word marks, in each language's own frames; `{n}` is the value.
MARKED_LOCALES = {"en": ["en_US", "en_GB", "en_IN"], "de": ["de_DE", "de_AT"], "fr": ["fr_FR"],
                  "es": ["es_ES", "es_MX"], "it": ["it_IT"], "nl": ["nl_NL", "nl_BE"],
                  "pt": ["pt_BR", "pt_PT"]}
MARKED_FRAMES = {
    "role": {
        "en": ["The nurse checked on patient {n} twice tonight.",
               "Tenant {n} reported a leak in the kitchen.",
               "Our client {n} would like to reschedule."],
        "de": ["Die Patientin {n} bekommt morgen ihre Ergebnisse.",
               "Mieter {n} meldet einen Wasserschaden."],
        "fr": ["Le client {n} souhaite modifier sa commande.",
               "La patiente {n} sort demain matin."],
        "es": ["La paciente {n} tiene cita el martes.",
               "El inquilino {n} reportó una fuga."],
        "it": ["Il cliente {n} vuole cambiare l'ordine.",
               "La paziente {n} sarà dimessa domani."],
        "nl": ["De klant {n} wil de bestelling wijzigen.",
               "Patiënt {n} krijgt morgen de uitslag."],
        "pt": ["O cliente {n} quer alterar o pedido.",
               "A paciente {n} recebe alta amanhã."],
    },
    "recipient": {
        "en": ["Could you ship the spare keys to {n} by Friday?",
               "I left a letter for {n} with the concierge.",
               "We sent the signed lease to {n} last week."],
        "de": ["Wir haben das Paket an {n} geschickt.",
               "Die Rechnung für {n} liegt bei."],
        "fr": ["Pouvez-vous envoyer le contrat à {n} ?",
               "Il y a un colis pour {n} à l'accueil."],
        "es": ["¿Puede enviar el contrato a {n} mañana?",
               "Hay una carta para {n} en recepción."],
        "it": ["Potete spedire il contratto a {n} domani?",
               "C'è un pacco per {n} in portineria."],
        "nl": ["Kunt u het contract naar {n} sturen?",
               "Er ligt een pakket voor {n} bij de receptie."],
        "pt": ["Pode enviar o contrato para {n} amanhã?",
               "Há uma carta para {n} na recepção."],
    },
}
MARKED_NOT_NAMES = [
    "Log in to the Patient Portal Access page today.", "Customer Success Stories",
    "Client Relations Manager needed in our office.", "Guest Wi-Fi Network is open to visitors.",
    "The Student Loan Services team replied.", "Member States agreed on the budget.",
    "Employee Benefits Program starts in May.", "Our Premium Customer Care line is busy.",
    "Please send the invoice to Accounts Payable.", "Ship the samples to New York by Friday.",
    "Forward the complaint to Customer Service.", "Send it to Human Resources, please.",
    "The parcel for Amazon Web Services arrived.", "We mailed the forms to Social Security.",
]


def marked_texts():
    """("marked", group, text, (value span, name span) or None): names marked by their role."""
    out = []
    for rule, by_lang in MARKED_FRAMES.items():
        for lang, frames in by_lang.items():
            for loc in MARKED_LOCALES[lang]:
                fake = Faker(loc)
                fake.seed_instance(2015)
                titles = person_titles(fake)
                for frame in frames:
                    for _ in range(4):
                        text, spans = framed_name(frame, fake.name(), titles)
                        out.append(("marked", f"person {rule} {lang}", text, spans))
                    for value in (fake.company(), fake.city(), fake.country(), fake.job(),
                                  fake.catch_phrase()):
                        out.append(("marked", "not a person", frame.format(n=value), None))
    for text in MARKED_NOT_NAMES:
        out.append(("marked", "not a person", text, None))
    return out


# Session 19: names that nothing in the sentence marks, as in presidio-research's templates
# (`{{person}} will be talking in the conference`): a name as a sentence's subject or object, in
# frames of our own. Faker's `name()` in English frames (full names) and `first_name()` (a given
# name alone); Faker's `company()`, `city()`, `country()` and `job()` in the same frames are the
# negatives (every person finding on them is a false positive). Recall per locale: a person
# finding covering the name (titles optional).
PROSE_LOCALES = ["en_US", "en_GB", "en_AU", "en_CA", "en_IN", "de_DE", "fr_FR", "es_ES", "it_IT",
                 "nl_NL", "pt_BR"]
PROSE_FRAMES = [
    "{n} will present the quarterly figures on Monday.",
    "Have you met {n} yet?",
    "I had lunch with {n} yesterday.",
    "Ask {n} about the refund, she handled it.",
    "The invoice was approved by {n} last week.",
    "Why did {n} cancel the order?",
    "Please forward the contract to {n} before noon.",
    "{n} is on holiday until the 14th.",
    "We are waiting for {n} to sign.",
    "According to {n}, the parcel never arrived.",
]


def prose_texts():
    """("prose", group, text, (value span, name span) or None): names in plain sentences."""
    out = []
    for loc in PROSE_LOCALES:
        fake = Faker(loc)
        fake.seed_instance(2019)
        titles = person_titles(fake)
        for frame in PROSE_FRAMES:
            for kind, make in (("full", fake.name), ("given", fake.first_name)):
                for _ in range(2):
                    text, spans = framed_name(frame, make(), titles)
                    out.append(("prose", f"person {kind} {loc}", text, spans))
            for value in (fake.company(), fake.city(), fake.country(), fake.job()):
                out.append(("prose", "not a person", frame.format(n=value), None))
    return out


# Session 18: phone numbers given by the layout around them rather than a phone word: alone on a
# line of a signature block, after a next-of-kin label, in a field of a contact row. Per locale:
# a sign-off, a next-of-kin label and a row label of its language.
FIELDS_LOCALES = {
    "en_US": ("Best regards,", "Next of kin", "Contact"),
    "en_GB": ("Kind regards,", "Next of kin", "Contact"),
    "en_IN": ("Thanks,", "Next of kin", "Contact"),
    "en_AU": ("Cheers,", "Next of kin", "Contact"),
    "de_DE": ("Mit freundlichen Grüßen", "Angehörige", "Kontakt"),
    "fr_FR": ("Cordialement,", "Personne à prévenir", "Contact"),
    "es_ES": ("Saludos cordiales,", "Contacto de emergencia", "Contacto"),
    "it_IT": ("Cordiali saluti,", "Persona da contattare", "Contatto"),
    "nl_NL": ("Met vriendelijke groet,", "Noodcontact", "Contact"),
    "pt_BR": ("Atenciosamente,", "Contato de emergência", "Contato"),
}


def fields_texts():
    """("fields", group, text, phone span or None): numbers given as phones by their layout,
    and other numbers in the same layouts (postcodes, dates, references, amounts)."""
    out = []
    for loc, (sign_off, kin, row) in FIELDS_LOCALES.items():
        fake = Faker(loc)
        fake.seed_instance(2018)
        for i in range(10):
            value = fake.phone_number()
            name, job, firm = fake.name(), fake.job(), fake.company()
            for group, text in (
                ("phone signature", f"{sign_off}\n{name}\n{job}\n{firm}\n{value}"),
                ("phone next of kin", f"{kin}: {name} ({value})"),
                ("phone contact row", f"{row}: {name} | {job} | {firm} | {value} | {fake.email()}"),
            ):
                out.append(("fields", group, text, span_of(text, value)))
            reference = str(fake.random_number(digits=10, fix_len=True))
            for text in (
                f"{sign_off}\n{name}\n{firm}\n{fake.postcode()}",
                f"{sign_off}\n{name}\n{firm}\n{fake.date()}",
                f"{sign_off}\n{name}\nOrder number:\n{reference}",
                f"{sign_off}\n{name}\n{firm}\nEAN\n{fake.ean13()}",
                f"Order: {fake.random_number(digits=4)} | {firm} | {reference} | shipped",
                f"{row}: {name} | {firm} | {fake.pricetag()} | {fake.date()}",
            ):
                out.append(("fields", "not a phone", text, None))
    return out


def texts(rng):
    """(probe, group, text, span or None) for every probe text."""
    out = []
    for lang, words in REFERENCE_WORDS.items():
        for word in words:
            for _ in range(200):
                n = digits(rng, rng.randrange(9, 20))
                out.append(("references", f"{lang} {word}",
                            REFERENCE_FRAME[lang].format(w=word, n=n), None))
    for length in range(6, 21):
        for _ in range(2000):
            out.append(("random", str(length),
                        rng.choice(NEUTRAL_FRAMES).format(digits(rng, length)), None))
    for country, make in phone_layouts(rng).items():
        for _ in range(200):
            number = make()
            text = rng.choice(PHONE_FRAMES).format(p=number)
            out.append(("phones", country, text, span_of(text, number)))
    for lang, frames in NAME_FRAMES.items():
        for _ in range(100):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            text = rng.choice(frames).format(n=name)
            out.append(("names", lang, text, span_of(text, name)))
    for text in NOT_NAMES:
        out.append(("names", "not a name", text, None))
    for frame in PASSWORD_FRAMES:
        for _ in range(40):
            secret = password(rng)
            text = frame.format(p=secret)
            out.append(("passwords", frame.replace("{p}", "…"), text, span_of(text, secret)))
    for text in NOT_PASSWORDS:
        out.append(("passwords", "not a password", text, None))
    for lang, frames in BIRTH_FRAMES.items():
        for _ in range(100):
            when = a_date(rng, lang)
            text = rng.choice(frames).format(d=when)
            out.append(("births", lang, text, span_of(text, when)))
    for frame in NOT_BIRTH_FRAMES:
        for _ in range(20):
            out.append(("births", "not a birth", frame.format(d=a_date(rng, "en")), None))
    for layout, value in layouts(rng):
        text = rng.choice(VALUE_FRAMES).format(v=value)
        out.append(("layouts", layout, text, span_of(text, value)))
    for i, (group, value, real) in enumerate(faker_values()):
        if group.startswith("phone"):
            text = rng.choice(FAKER_PHONE_FRAMES).format(p=value)
        elif group.startswith("street"):
            text = FAKER_STREET_FRAMES[i % len(FAKER_STREET_FRAMES)].format(v=value)
        elif group == "password":
            text = FAKER_PASSWORD_FRAMES[i % len(FAKER_PASSWORD_FRAMES)].format(v=value)
        elif group.startswith("vat"):
            text = FAKER_VAT_FRAMES[i % len(FAKER_VAT_FRAMES)].format(v=value)
        elif group.startswith("id"):
            text = FAKER_IDS[group.split()[1]][1].format(v=value)
        else:
            text = rng.choice(VALUE_FRAMES).format(v=value)
        out.append(("faker", group if real else f"not a {group}", text,
                    span_of(text, value) if real else None))
    out.extend(faker_person_texts())
    for loc, frames in FAKER_MORE_PHONE_FRAMES.items():
        # Frames by position, not by `rng`, so that the texts of every other probe stay as they were.
        fake = Faker(loc)
        fake.seed_instance(2026)
        for i in range(100):
            value = fake.phone_number()
            frame = frames[i // 2 % len(frames)] if i % 2 else FAKER_PHONE_FRAMES[i // 2 % 4]
            text = frame.format(p=value)
            out.append(("faker", f"phone {loc}", text, span_of(text, value)))
    for text in NOT_STREETS:
        out.append(("faker", "not a street", text, None))
    for text in SUPPORT_MESSAGES:
        out.append(("support", "message", text, None))
    out.extend(faker_tax_id_texts())
    out.extend(template_texts())
    out.extend(faker_kind_texts())
    out.extend(streets_texts())
    out.extend(shown_texts())
    out.extend(marked_texts())
    out.extend(fields_texts())
    out.extend(prose_texts())
    return out


def snils_is_valid(v):
    """The SNILS check (the nine digits weighted 9…1, mod 101, 100 → 00); python-stdnum has none."""
    return sum(int(c) * (9 - i) for i, c in enumerate(v[:9])) % 101 % 100 == int(v[9:])


def nss_is_valid(v):
    """The IMSS number: a subdelegation other than 00 and the Luhn check digit."""
    return v[:2] != "00" and importlib.import_module("stdnum.luhn").is_valid(v)


# Session 11: Faker providers of ids that are no `ssn()` (or whose `ssn()` is no checked id: ru_RU's is
# twelve random digits). Per locale and method: the kind, frames in the locale's language and in
# English (taken in turn), and the check that decides whether a number after such a frame is one.
FAKER_TAX_IDS = [
    ("ru_RU", "snils", "ru_snils", ["Мой СНИЛС {v}", "СНИЛС: {v}", "My SNILS is {v}"], snils_is_valid),
    ("ru_RU", "individuals_inn", "ru_inn", ["Мой ИНН {v}", "ИНН: {v}", "My INN is {v}"],
     lambda v: importlib.import_module("stdnum.ru.inn").is_valid(v)),
    ("ru_RU", "businesses_inn", "ru_inn", ["ИНН организации: {v}", "Company INN: {v}"],
     lambda v: importlib.import_module("stdnum.ru.inn").is_valid(v)),
    ("el_GR", "tin", "gr_afm", ["Ο ΑΦΜ μου είναι {v}", "Α.Φ.Μ.: {v}", "My AFM is {v}",
                                "My Greek tax number is {v}"],
     lambda v: importlib.import_module("stdnum.gr.vat").is_valid(v)),
    ("es_MX", "ssn", "mx_nss", ["Mi NSS es {v}", "Mi número de seguridad social es {v}", "My NSS is {v}",
                                "Número de afiliación al IMSS: {v}", "My IMSS number is {v}"], nss_is_valid),
    ("pl_PL", "nip", "pl_nip", ["Mój NIP to {v}", "NIP: {v}", "My NIP is {v}", "Our Polish tax ID is {v}"],
     lambda v: importlib.import_module("stdnum.pl.nip").is_valid(v)),
    ("pl_PL", "regon", "pl_regon", ["Numer REGON firmy: {v}", "REGON {v}", "Our REGON is {v}"],
     lambda v: importlib.import_module("stdnum.pl.regon").is_valid(v)),
    ("pl_PL", "local_regon", "pl_regon", ["REGON jednostki lokalnej: {v}", "The branch's REGON is {v}"],
     lambda v: importlib.import_module("stdnum.pl.regon").is_valid(v)),
    ("es_ES", "cif", "es_cif", ["El CIF de la empresa es {v}", "CIF: {v}", "Our Spanish company's CIF is {v}"],
     lambda v: importlib.import_module("stdnum.es.cif").is_valid(v)),
]


def faker_tax_id_texts():
    """("faker", group, text, span or None): each provider's values after its frames (found), the
    same values alone (not found), and random digit strings of the same length after the frames
    (found exactly when the check passes). Seeded, and drawn after every other probe."""
    out = []
    rng = random.Random(2611)
    random.seed(2611)  # el_GR tin() draws its first digit from the module's generator
    for loc, method, kind, frames, check in FAKER_TAX_IDS:
        fake = Faker(loc)
        fake.seed_instance(2026)
        for i in range(40):
            value = getattr(fake, method)()
            text = frames[i % len(frames)].format(v=value)
            out.append(("faker", f"id {loc} {kind} {method}", text, span_of(text, value)))
            out.append(("faker", f"not a id {loc} {kind} {method} without a word", value, None))
            digits = "".join(rng.choice(string.digits) for _ in value)
            text = frames[i % len(frames)].format(v=digits)
            if check(digits):
                out.append(("faker", f"id {loc} {kind} random passing", text, span_of(text, digits)))
            else:
                out.append(("faker", f"not a id {loc} {kind} random failing", text, None))
    return out


# `templates`: presidio-research-style lines (session 12). Placeholders in `{{ }}`; the kinds the
# values are labelled with, and the placeholders whose values no finding may touch.
TEMPLATES = {
    "en": [
        "Please send the invoice to {{name}} at {{email}}",
        "{{name}}, {{job}} at {{company}}, tel. {{phone_number}}",
        "My card {{credit_card_number}} was charged twice last month",
        "Ship to {{address}}",
        "I was born on {{date_of_birth}}",
        "Contact: {{first_name}} {{last_name}} | {{phone_number}} | {{email}}",
        "Emergency contact: {{name}}, {{phone_number}}",
        "Next of kin: {{name}} ({{phone_number}})",
        "Best regards,\n{{name}}\n{{job}}\n{{company}}\n{{phone_number}}",
        "Name: {{name}}\nDOB: {{date_of_birth}}\nAddress: {{address}}\nPhone: {{phone_number}}",
        "The parcel for {{name}} is waiting at {{street_address}}",
        "Hello {{first_name}}, your package is on its way to {{address}}",
        "Wire the deposit to IBAN {{iban}} before {{date}}",
        "The login from {{ipv4}} was blocked by the firewall",
        "Passport number {{passport_number}}, expires {{date}}",
        "Customer {{name}} paid with {{credit_card_number}}",
        "We are hiring a {{job}} for our office in {{city}}",
        "Meeting with {{company}} in {{city}} next Tuesday",
        "The {{company}} account manager is based in {{city}}, {{country}}",
        "Our {{job}} will visit {{company}} on {{date}}",
        "Dear {{name}},\nthank you for contacting {{company}} support.",
        "Patient {{name}}, born {{date_of_birth}}, admitted on {{date}}",
    ],
    "de": [
        "Kontakt: {{first_name}} {{last_name}} | {{phone_number}} | {{email}}",
        "Mit freundlichen Grüßen\n{{name}}\n{{job}}\n{{company}}\nTel. {{phone_number}}",
        "Rufen Sie mich bitte unter {{phone_number}} zurück",
        "{{company}} sucht einen {{job}} in {{city}}",
    ],
    "fr": [
        "Contact : {{first_name}} {{last_name}} | {{phone_number}} | {{email}}",
        "Ma nouvelle adresse est {{address}}",
        "Date de naissance : {{date_of_birth}}",
        "{{company}} recrute un {{job}} à {{city}}",
    ],
    "es": [
        "Saludos cordiales,\n{{name}}\n{{job}}\n{{company}}\nTel. {{phone_number}}",
        "Contacto: {{first_name}} {{last_name}} | {{phone_number}} | {{email}}",
        "Titular de la cuenta: {{name}}, IBAN {{iban}}",
        "Nuestra oficina de {{city}} estará cerrada el {{date}}",
    ],
    "it": [
        "Contatto: {{first_name}} {{last_name}} | {{phone_number}} | {{email}}",
        "Potete chiamarmi al {{phone_number}}",
        "Consegna a {{name}}, {{street_address}}, {{city}}",
        "L'incontro con {{company}} è fissato per il {{date}}",
    ],
    "nl": [
        "U kunt mij bereiken op {{phone_number}}",
        "Mijn nieuwe adres is {{address}}",
        "Geboortedatum: {{date_of_birth}}",
        "{{company}} zoekt een {{job}} in {{city}}",
    ],
    "pt": [
        "Contato: {{first_name}} {{last_name}} | {{phone_number}} | {{email}}",
        "Meu novo endereço é {{address}}",
        "Nasci em {{date_of_birth}}",
        "A {{company}} procura um {{job}} em {{city}}",
    ],
}
TEMPLATE_LOCALES = {"en": ["en_US", "en_GB", "en_IN", "en_AU", "en_CA"],
                    "de": ["de_DE", "de_AT"], "fr": ["fr_FR"], "es": ["es_ES", "es_MX"],
                    "it": ["it_IT"], "nl": ["nl_NL", "nl_BE"], "pt": ["pt_BR", "pt_PT"]}
TEMPLATE_KINDS = {"name": "person", "first_name": "person", "last_name": "person",
                  "email": "email", "phone_number": "phone", "address": "street_address",
                  "street_address": "street_address", "credit_card_number": "credit_card",
                  "iban": "iban", "ipv4": "ip_address", "date_of_birth": "date_of_birth",
                  "passport_number": "passport"}
TEMPLATE_NEGATIVES = {"company", "job", "city", "country", "date"}


def template_date(rng, when, loc):
    """A date as the locale writes it: ISO, numeric (month first in the US) or with the month."""
    lang = loc[:2]
    style = rng.randrange(3)
    if style == 0:
        return when.isoformat()
    if style == 1:
        if loc == "en_US":
            return f"{when.month:02d}/{when.day:02d}/{when.year}"
        sep = {"de": ".", "nl": "-"}.get(lang, "/")
        return f"{when.day:02d}{sep}{when.month:02d}{sep}{when.year}"
    month = MONTHS[lang][when.month - 1]
    if loc == "en_US":
        return f"{month} {when.day}, {when.year}"
    return {"de": f"{when.day}. {month} {when.year}",
            "es": f"{when.day} de {month} de {when.year}",
            "pt": f"{when.day} de {month} de {when.year}"}.get(lang, f"{when.day} {month} {when.year}")


def template_texts():
    """("templates", group, text, [(start, end, label)]) for the `templates` probe: the label is
    the kind, "negative" (no finding may touch the value) or None (neither)."""
    out = []
    rng = random.Random(12)
    for lang, templates in TEMPLATES.items():
        for loc in TEMPLATE_LOCALES[lang]:
            fake = Faker(loc)
            fake.seed_instance(12)
            for template in templates:
                for _ in range(6 if lang == "en" else 10):
                    text, spans = "", []
                    rest = template
                    while "{{" in rest:
                        head, tail = rest.split("{{", 1)
                        field, rest = tail.split("}}", 1)
                        text += head
                        if field == "date_of_birth":
                            value = template_date(rng, fake.date_of_birth(minimum_age=18), loc)
                        elif field == "date":
                            value = template_date(rng, fake.date_between("-2y", "+1y"), loc)
                        else:
                            value = getattr(fake, field)()
                        start = len(text.encode())
                        text += value
                        label = "negative" if field in TEMPLATE_NEGATIVES else TEMPLATE_KINDS[field]
                        if field == "iban" and not iban_is_valid(value):
                            label = None   # Faker's en_IN IBANs: a length GB does not have
                        spans.append((start, len(text.encode()), label))
                    text += rest
                    out.append(("templates", lang, text, spans))
    return out


def epic_value(fake):
    """An EPIC (Indian voter id; Faker has no provider): three letters, six digits, Luhn digit."""
    body = "".join(fake.random.choice(string.digits) for _ in range(6))
    letters = "".join(fake.random.choice(string.ascii_uppercase) for _ in range(3))
    return letters + body + importlib.import_module("stdnum.luhn").calc_check_digit(body)


def stdnum_check(module, *args):
    return lambda v: importlib.import_module(module).is_valid(v, *args)


def rvnr_is_valid(v):
    """The German pension insurance number: its birth date (DDMMYY, a real day in some century) and
    check digit (see generate.py's rvnr_validate)."""
    try:
        datetime.date(2000 + int(v[6:8]), int(v[4:6]), int(v[2:4]))
    except ValueError:
        return False
    digits = v[:8] + f"{ord(v[8]) - 64:02}" + v[9:11]
    weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    return sum(sum(divmod(int(c) * w, 10)) for c, w in zip(digits, weights)) % 10 == int(v[11])


def gstin_is_valid(v):
    """python-stdnum's in_.gstin, with the state codes it lacks (38 Ladakh, 97, 99; Faker writes 38)."""
    gstin = importlib.import_module("stdnum.in_.gstin")
    return gstin.is_valid(v) or (v[:2] in ("38", "97", "99") and gstin.is_valid("01" + v[2:]) and
                                 importlib.import_module("stdnum.luhn").is_valid(v, gstin._ALPHABET))


def kvnr_is_valid(v):
    """The German health insurance number's check digits (see generate.py's kvnr_validate)."""
    def check(part):
        digits = f"{ord(part[0]) - 64:02}" + part[1:-1]
        return sum(sum(divmod(int(c) * (1 + i % 2), 10)) for i, c in enumerate(digits)) % 10 == int(part[-1])
    return check(v[:10]) and (len(v) == 10 or check(v))


def es_nss_is_valid(v):
    return (1 <= int(v[:2]) <= 53 or v[:2] == "66") and int(v[:10]) % 97 == int(v[10:])


# Session 12: identifier kinds of Faker providers (and Presidio's IN_VOTER) that were not detected.
# Per locale: the value maker, the kind, frames in the locale's language and English (taken in
# turn), whether a bare value is reported, and the check that decides whether a random string of
# the same shape (each digit a random digit, each letter a random letter) is one. us_ein and mx_rfc
# have no checksum: their check is the prefix rule and the structure with the date.
FAKER_KINDS = [
    ("en_US", lambda f: f.ein(), "us_ein", ["My EIN is {v}", "Employer Identification Number: {v}",
                                            "Our federal tax ID is {v}.", "EIN: {v}"], False,
     stdnum_check("stdnum.us.ein")),
    ("es_MX", lambda f: f.rfc(), "mx_rfc", ["Mi RFC es {v}", "RFC: {v}", "My RFC is {v}",
                                            "Registro Federal de Contribuyentes: {v}"], False,
     stdnum_check("stdnum.mx.rfc")),
    ("es_MX", lambda f: f.rfc(natural=False), "mx_rfc", ["El RFC de la empresa es {v}", "Our RFC is {v}"], False,
     stdnum_check("stdnum.mx.rfc")),
    ("en_IN", lambda f: f.gstin(), "in_gstin", ["Our GSTIN is {v}", "GSTIN: {v}", "GST number {v}",
                                                "Please bill {v}"], True,
     gstin_is_valid),
    ("es_ES", lambda f: f.nuss(), "es_nss", ["Mi número de la Seguridad Social es {v}", "NUSS: {v}",
                                             "My Spanish social security number is {v}",
                                             "Número de afiliación: {v}"], False, es_nss_is_valid),
    ("de_DE", lambda f: f.rvnr(), "de_rvnr", ["Meine Rentenversicherungsnummer ist {v}", "Versicherungsnummer: {v}",
                                              "My German pension insurance number is {v}"], False,
     rvnr_is_valid),
    ("en_IN", epic_value, "in_epic", ["My voter ID is {v}", "EPIC No: {v}", "Voter ID card number: {v}"], False,
     stdnum_check("stdnum.in_.epic")),
    ("de_DE", lambda f: f.kvnr(), "de_kvnr", ["Meine Krankenversichertennummer ist {v}", "KVNR: {v}",
                                              "My health insurance number is {v}"], False, kvnr_is_valid),
]


def faker_kind_texts():
    """("faker", group, text, span or None): each provider's values after its frames (found), the
    same values alone (found only where the kind stands alone), and random strings of the same shape
    after the frames (found exactly when the check passes). Seeded, drawn after every other probe."""
    out = []
    rng = random.Random(2612)
    random.seed(2612)  # es_MX rfc() draws from the module's generator
    for loc, make, kind, frames, bare, check in FAKER_KINDS:
        fake = Faker(loc)
        fake.seed_instance(2026)
        label = f"{loc} {kind}"
        for i in range(40):
            value = make(fake)
            frame = frames[i % len(frames)]
            out.append(("faker", f"id {label}", frame.format(v=value), span_of(frame.format(v=value), value)))
            if bare:
                out.append(("faker", f"id {label} without a word", value, (0, len(value))))
            else:
                out.append(("faker", f"not a id {label} without a word", value, None))
            shaped = "".join(rng.choice(string.digits) if c.isdigit() else
                             rng.choice(string.ascii_uppercase) if c.isalpha() else c for c in value)
            text = frame.format(v=shaped)
            if check(shaped):
                out.append(("faker", f"id {label} random passing", text, span_of(text, shaped)))
            else:
                out.append(("faker", f"not a id {label} random failing", text, None))
    return out


def span_of(text, value):
    start = text.index(value)
    return (len(text[:start].encode()), len(text[:start].encode()) + len(value.encode()))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/chatguard"
    probes = texts(random.Random(2026))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "probes.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i, (_, _, text, _) in enumerate(probes):
                f.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
        run = subprocess.run([binary, "scan", "--jsonl", path], capture_output=True, check=True,
                             text=True)
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(lines) == len(probes), "one output line per input line"

    false_pos = collections.defaultdict(collections.Counter)
    totals = collections.Counter()
    hits = collections.Counter()
    flagged = []
    for (probe, group, text, span), line in zip(probes, lines):
        findings = line["findings"]
        totals[(probe, group)] += 1
        if probe == "templates":
            for start, end, label in span:
                if label not in ("negative", None):
                    totals[(probe, label)] += 1
                    hits[(probe, label)] += any(f["kind"] == label and f["start"] < end
                                                and f["end"] > start for f in findings)
            for f in findings:
                over = [label for start, end, label in span
                        if f["start"] < end and f["end"] > start]
                if f["kind"] not in over and None not in over:
                    false_pos[(probe, "all")][f["kind"]] += 1
            continue
        if probe == "support":
            if line["injection"]["verdict"] != "allow":
                flagged.append((line["injection"]["verdict"], text))
            continue
        if probe == "fields":
            # Names and e-mail addresses stand in these layouts too: only phones are scored.
            phones = [(f["start"], f["end"]) for f in findings if f["kind"] == "phone"]
            hits[(probe, group)] += span is not None and span in phones
            false_pos[(probe, group)]["phone"] += sum(p != span for p in phones)
            continue
        if group == "not a person":
            # Firms and jobs in a name's frame: only a person finding is wrong here.
            false_pos[(probe, group)].update(f["kind"] for f in findings if f["kind"] == "person")
            continue
        if span is None:
            for f in findings:
                false_pos[(probe, group)][f["kind"]] += 1
            continue
        if probe == "layouts":
            # "card …" → credit_card; "iban …", "email …" name their kind.
            want = "credit_card" if group.startswith("card") else group.split()[0]
        elif probe in ("faker", "streets", "shown", "marked", "prose"):
            first, *rest = group.split()
            if first == "person":
                # A person finding covering the name, titles and suffixes optional, inside the
                # value; other person findings are false positives.
                (start, end), (inner, inner_end) = span
                if any(f["kind"] == "person" and f["start"] <= inner and f["end"] >= inner_end
                       and f["start"] >= start and f["end"] <= end for f in findings):
                    hits[(probe, group)] += 1
                false_pos[(probe, group)].update(
                    f["kind"] for f in findings
                    if f["kind"] == "person" and (f["end"] <= start or f["start"] >= end))
                continue
            if first == "street":
                # As the eval matches: a street finding covering at least half the address.
                start, end = span
                covered = [min(f["end"], end) - max(f["start"], start) for f in findings]
                if any(f["kind"] == "street_address" and 2 * c >= end - start
                       for f, c in zip(findings, covered)):
                    hits[(probe, group)] += 1
                false_pos[(probe, group)].update(
                    f["kind"] for f, c in zip(findings, covered) if c <= 0)
                continue
            want = rest[1] if first == "id" else {"card": "credit_card", "phone": "phone",
                                                  "iban": "iban", "vat": "eu_vat",
                                                  "password": "secret"}[first]
        else:
            want = {"phones": "phone", "names": "person", "passwords": "secret",
                    "births": "date_of_birth"}[probe]
        if any(f["kind"] == want and (f["start"], f["end"]) == span for f in findings):
            hits[(probe, group)] += 1
        for f in findings:
            if (f["start"], f["end"]) != span:
                false_pos[(probe, group)][f["kind"]] += 1

    for probe in ("references", "random"):
        n = sum(v for (p, _), v in totals.items() if p == probe)
        fp = sum(sum(c.values()) for (p, _), c in false_pos.items() if p == probe)
        print(f"{probe}: {fp} findings in {n} texts ({100 * fp / n:.2f} %), all false positives")
        worst = sorted(((sum(c.values()), g, c) for (p, g), c in false_pos.items() if p == probe),
                       reverse=True)
        for count, group, kinds in worst[:12 if probe == "references" else 20]:
            print(f"  {group:32} {count:4}  {dict(kinds.most_common())}")
    for probe in ("phones", "names", "passwords", "births", "layouts", "faker", "streets", "shown",
                  "marked", "fields", "prose"):
        print(f"{probe}: recall per group")
        for (p, group), n in sorted(totals.items()):
            if p == probe and not group.startswith("not a "):
                print(f"  {group:28} {hits[(p, group)]:4} / {n}")
        fp = sum(sum(c.values()) for (p, g), c in false_pos.items()
                 if p == probe and g != "not a person")
        print(f"  other findings (false positives): {fp}")
        if probe == "faker":
            print(f"  person findings on Faker firms and jobs in the person frames:"
                  f" {sum(false_pos[(probe, 'not a person')].values())}"
                  f" / {totals[(probe, 'not a person')]}")
        if probe == "marked":
            print(f"  person findings on Faker firms, cities, countries, jobs and catch phrases"
                  f" and on capitalised phrases in these frames:"
                  f" {sum(false_pos[(probe, 'not a person')].values())}"
                  f" / {totals[(probe, 'not a person')]}")
        if probe == "prose":
            print(f"  person findings on Faker firms, cities, countries and jobs in these frames:"
                  f" {sum(false_pos[(probe, 'not a person')].values())}"
                  f" / {totals[(probe, 'not a person')]}")
        if probe == "shown":
            print(f"  person findings on Faker firms, jobs and cities in these frames:"
                  f" {sum(false_pos[(probe, 'not a person')].values())}"
                  f" / {totals[(probe, 'not a person')]}")
    print("templates: recall per kind (a finding of the kind overlapping the value)")
    for (p, kind), n in sorted(totals.items()):
        if p == "templates" and kind not in TEMPLATE_LOCALES:
            print(f"  {kind:28} {hits[(p, kind)]:4} / {n}")
    print(f"  other findings (false positives): {dict(false_pos[('templates', 'all')])}")
    print(f"support: {len(flagged)} of {totals[('support', 'message')]} messages not allowed"
          " by the injection check (false positives)")
    for verdict, text in flagged:
        print(f"  {verdict:5} {text}")


if __name__ == "__main__":
    main()
