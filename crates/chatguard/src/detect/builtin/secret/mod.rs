//! Secrets: provider API keys and tokens, private-key blocks, JWTs, passwords and the password
//! part of connection strings, bearer and basic credentials, and high-entropy values assigned to
//! secret-looking names.
//!
//! One table, built once, holds every fixed prefix (`ghp_`, `AKIA`, `sk_live_` …, see [`rules`]),
//! every key word (`password`, `api_key`, `token` …) and the few structural markers (`eyJ`,
//! `-----BEGIN`, `://`, `bearer`, `basic`). The shared trigger finder ([`super::triggers`]) reports
//! their ASCII-case-insensitive occurrences that can pass a check — those starting a token or a
//! name segment — with one SWAR pass and a 4 KiB gate instead of an automaton (the tests hold it
//! to the automaton's answers).
//! Benign text without a hit costs that one pass; each hit is then checked case-sensitively with
//! bounded work. Four formats without a prefix (Discord bot tokens, Twilio API keys, Telegram bot tokens,
//! Asana tokens) are found from the shared word and number lists instead.
//!
//! Values that start with `[` (what redaction writes: `[SECRET]`, `[SECRET_1]`, `[SECRET#…]`) and
//! other placeholders (`<password>`, `${VAR}`, `****`) are never reported, so redacted output
//! rescans clean. Nothing is ever verified over the network.

#[cfg(test)]
mod equivalence;
#[cfg(test)]
mod perf;
mod rules;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use self::rules::{
    end_ok, start_ok, take, PrefixRule, Set, Shape, BASE64_PAD, HEX_ANY, MID_TOKEN, PROVIDERS,
    RULES, URLSAFE,
};
use super::triggers::{self, Hit, Owner};
use crate::detect::context::{ceil_boundary, floor_boundary};
use crate::detect::hay::{count_bit, find_bytes, Hay, Word};
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "passwort",
    "kennwort",
    "mot de passe",
    "mdp",
    "contraseña",
    "contrasena",
    "clave",
    "senha",
    "wachtwoord",
    "parola d'ordine",
    "secret",
    "secreto",
    "segreto",
    "segredo",
    "geheim",
    "token",
    "jeton",
    "api key",
    "api_key",
    "apikey",
    "api-key",
    "access key",
    "access_key",
    "key",
    "clé",
    "chiave",
    "schlüssel",
    "sleutel",
    "chave",
    "llave",
    "credential",
    "credenciales",
    "credenziali",
    "identifiants",
    "zugangsdaten",
    "inloggegevens",
    "credenciais",
    "auth",
    "bearer",
    "private key",
    "ssh",
    "login",
];

/// Words whose assigned value is a password; prose separators (`is`, `ist`, `est` …) allowed.
const PASSWORD_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "passcode",
    "passwort",
    "kennwort",
    "mot de passe",
    "mot_de_passe",
    "motdepasse",
    "contraseña",
    "contrasena",
    "clave",
    "senha",
    "wachtwoord",
    "parola d'ordine",
    "parola d’ordine",
    "hasło",
    "haslo",
    "heslo",
    "lösenord",
    "losenord",
    "passord",
    "adgangskode",
    "salasana",
    "пароль",
];

/// Short password words, only with an explicit `=` or `:` after them.
const PASSWORD_SHORT: &[&str] = &["pwd", "pw", "mdp"];

/// A numeric code named by its words: a PIN or a card security code.
struct Code {
    /// The words that name it.
    words: &'static [&'static str],
    /// How many digits its value has.
    min: usize,
    max: usize,
    /// Whether a value written straight after the word, with no `:` or `is`, is read too.
    bare: bool,
    rule: &'static str,
}

/// The numeric codes. A PIN (a card's or an account's) is 4 to 8 digits after `:`, `=` or
/// `is`; a card security code (CVV, CVC) 3 or 4 digits, also right after its word (`cvv 123`).
const CODES: &[Code] = &[
    Code {
        words: &["pin", "pincode", "pin code", "geheimzahl"],
        min: 4,
        max: 8,
        bare: false,
        rule: "secret.pin",
    },
    Code {
        words: &[
            "cvv",
            "cvv2",
            "cvc",
            "cvc2",
            // American Express prints its four-digit code as the CID (card identification).
            "cid",
            "cvn",
            "csc",
            "security code",
            "kartenprüfnummer",
            "cryptogramme visuel",
            "código de seguridad",
            "codice di sicurezza",
            "código de segurança",
            "beveiligingscode",
        ],
        min: 3,
        max: 4,
        bare: true,
        rule: "secret.card_security_code",
    },
];

/// Words before `pass` that make it a ticket, not a password (`boarding pass: AB12CD`).
const PASS_NOT: &[&str] = &[
    "boarding",
    "bus",
    "day",
    "season",
    "ski",
    "backstage",
    "press",
    "guest",
    "visitor",
    "park",
    "museum",
    "gym",
    "metro",
    "train",
    "rail",
    "travel",
    "hall",
    "event",
    "festival",
    "weekly",
    "monthly",
    "annual",
    "battle",
    "free",
];

/// Words whose assigned value is a secret when it looks random enough.
const GENERIC_WORDS: &[&str] = &[
    "api_key",
    "apikey",
    "api-key",
    "api key",
    "secret",
    "token",
    "auth",
    "authorization",
    "access_key",
    "accesskey",
    "access-key",
    "private_key",
    "privatekey",
    "credential",
    "credentials",
    "signing_key",
    "encryption_key",
    "master_key",
];

/// Copulas that introduce a value in prose: `my password is …`, `das Passwort ist …`.
/// Longer ones first: `is now` before `is`.
const COPULAS: &[&str] = &[
    "is now",
    "will be",
    "should be",
    "is",
    "ist",
    "est",
    "es",
    "é",
    "è",
    "era",
    "was",
    "lautet",
    "wird",
    "sera",
    "será",
    "sarà",
    "wordt",
    "to",
];

/// Values that are names of things, not secrets.
const STOPWORDS: &[&str] = &[
    "password",
    "passwd",
    "pass",
    "pwd",
    "secret",
    "token",
    "null",
    "none",
    "nil",
    "undefined",
    "true",
    "false",
    "required",
    "optional",
    "string",
    "empty",
    "redacted",
    "hidden",
    "masked",
    "example",
    "placeholder",
    "your_password",
    "yourpassword",
    "your-password",
];

/// Bytes of a token-like value (base64, base64url, hex, dotted tokens).
const TOKEN: Set = Set::of("A-Za-z0-9_+/=.~-");

/// Generic high-entropy values: floor for hexadecimal values, bits per byte.
const HEX_ENTROPY: f32 = 3.0;
/// Generic high-entropy values: floor for mixed alphabets, bits per byte.
const MIXED_ENTROPY: f32 = 3.5;

/// What a keyword hit means.
#[derive(Clone, Copy)]
enum Trigger {
    /// A fixed prefix of a rule, with the exact spelling to check.
    Prefix(&'static PrefixRule, &'static str),
    /// A word in a key name.
    Key(Key),
    /// `eyJ`: the start of a JWT.
    Jwt,
    /// `-----BEGIN`: a PEM block.
    Pem,
    /// `://`: a URL that may carry `user:password@`.
    Url,
    /// `bearer`: an `Authorization: Bearer` credential.
    Bearer,
    /// `basic`: an `Authorization: Basic` credential.
    Basic,
}

/// What a key word says about the value assigned to its key name.
#[derive(Clone, Copy)]
enum Key {
    /// A password; `prose` when `is`-style separators are allowed.
    Password { prose: bool },
    /// The ambiguous word `pass`: a password only with a password-like value and not after
    /// `boarding`, `day`, `ski` ….
    Pass,
    /// Some secret; reported when the value looks random.
    Generic,
    /// A numeric code: reported when the value has its number of digits.
    Code(&'static Code),
    /// A provider from [`PROVIDERS`], by index.
    Provider(u8),
}

struct Prefilter {
    /// The patterns, searched for by [`triggers`] (and by the tests' reference automaton).
    patterns: Vec<&'static str>,
    /// Per pattern, whether it only matters where it starts a token or a name segment.
    starts_token: Vec<bool>,
    triggers: Vec<Vec<Trigger>>,
}

/// Every prefix and key word with what a hit on it means, built on first use.
static PREFILTER: LazyLock<Option<Prefilter>> = LazyLock::new(build_prefilter);

fn build_prefilter() -> Option<Prefilter> {
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut triggers: Vec<Vec<Trigger>> = Vec::new();
    let mut add =
        |p: &'static str, t: Trigger| match patterns.iter().position(|q| q.eq_ignore_ascii_case(p))
        {
            Some(i) => triggers[i].push(t),
            None => {
                patterns.push(p);
                triggers.push(vec![t]);
            }
        };
    for rule in RULES {
        for &p in rule.prefixes {
            add(p, Trigger::Prefix(rule, p));
        }
    }
    for &w in PASSWORD_WORDS {
        add(w, Trigger::Key(Key::Password { prose: true }));
    }
    for &w in PASSWORD_SHORT {
        add(w, Trigger::Key(Key::Password { prose: false }));
    }
    add("pass", Trigger::Key(Key::Pass));
    for &w in GENERIC_WORDS {
        add(w, Trigger::Key(Key::Generic));
    }
    for code in CODES {
        for &w in code.words {
            add(w, Trigger::Key(Key::Code(code)));
        }
    }
    for (i, p) in PROVIDERS.iter().enumerate() {
        let i = u8::try_from(i).ok()?;
        for &w in p.words {
            add(w, Trigger::Key(Key::Provider(i)));
        }
    }
    add("eyJ", Trigger::Jwt);
    add("-----BEGIN", Trigger::Pem);
    add("://", Trigger::Url);
    add("bearer", Trigger::Bearer);
    add("basic", Trigger::Basic);
    // Every check but those of the mid-token prefixes rejects a hit glued to a letter or digit
    // before it (camel-case humps aside): `start_ok`, `segment_ok`, `jwt`.
    let starts_token: Vec<bool> = triggers
        .iter()
        .map(|ts| {
            ts.iter()
                .all(|t| !matches!(t, Trigger::Prefix(_, p) if MID_TOKEN.contains(p)))
        })
        .collect();
    Some(Prefilter {
        patterns,
        starts_token,
        triggers,
    })
}

/// The patterns for [`triggers`], each with whether it only matters where it starts a token or
/// a name segment; none when the table cannot be built (then nothing is reported).
pub(super) fn trigger_patterns() -> Vec<(&'static str, bool)> {
    PREFILTER.as_ref().map_or_else(Vec::new, |pf| {
        pf.patterns
            .iter()
            .copied()
            .zip(pf.starts_token.iter().copied())
            .collect()
    })
}

/// True when `lower` (a lowercased word, punctuation trimmed) holds a key word, or a part of a
/// key word written in several words (`api key`, `mot de passe`), so that a `:` after it may
/// assign a secret. A superset of what the scanner keys on: the stream redactor keeps such
/// `word:` labels as triggers and lets other labels (`said:`, `**Note:**`) pass.
pub(crate) fn may_name_key(lower: &str) -> bool {
    // The words of `CODES` are not needed here: their values are digits, which hold the stream
    // by themselves.
    let lists: [&[&str]; 4] = [
        PASSWORD_WORDS,
        PASSWORD_SHORT,
        GENERIC_WORDS,
        &["pass", "bearer", "basic"],
    ];
    let names = lists
        .into_iter()
        .flatten()
        .copied()
        .chain(PROVIDERS.iter().flat_map(|p| p.words.iter().copied()));
    names.into_iter().any(|name| {
        name.split([' ', '_', '-', '\'', '\u{2019}']).any(|part| {
            if part.len() >= 3 {
                find_bytes(lower.as_bytes(), part.as_bytes()).is_some()
            } else {
                lower == part
            }
        })
    })
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let Some(pf) = PREFILTER.as_ref() else {
        return;
    };
    let Some(mut hits) = triggers::hits(hay, Owner::Secret) else {
        return;
    };
    match hits.next() {
        // No prefix, key word or marker (most chat): only the formats without one may be there,
        // read from the word and number lists (empty without a digit).
        None => {
            if !hay.words.is_empty() || !hay.numbers.is_empty() {
                shapeless(hay, out);
            }
        }
        Some(first) => act(pf, hay, core::iter::once(first).chain(hits), out),
    }
}

/// Checks the hits, in the order an overlapping search reports them, and reports what they open.
#[inline(never)]
fn act(
    pf: &Prefilter,
    hay: &Hay<'_>,
    hits: impl IntoIterator<Item = Hit>,
    out: &mut Vec<Candidate>,
) {
    let text = hay.text;
    let bytes = text.as_bytes();
    let first = out.len();
    // Context-based hits wait until every exact format is known, so they never re-report one.
    let mut deferred: Vec<(usize, usize, Trigger)> = Vec::new();
    let mut pem_until = 0;
    for (e, s, p) in hits {
        let Some(triggers) = pf.triggers.get(usize::from(p)) else {
            continue;
        };
        for &t in triggers {
            match t {
                Trigger::Prefix(rule, prefix) => {
                    if let Some(span) = prefix_rule(bytes, s, e, rule, prefix) {
                        push(text, out, span, rule.id, rule.score);
                    }
                }
                Trigger::Jwt => {
                    if let Some(span) = jwt(bytes, s) {
                        push(text, out, span, "secret.jwt", 950);
                    }
                }
                Trigger::Pem => {
                    if s >= pem_until {
                        if let Some(span) = pem(bytes, s, e) {
                            pem_until = span.1;
                            push(text, out, span, "secret.private_key", 980);
                        }
                    }
                }
                _ => deferred.push((s, e, t)),
            }
        }
    }
    shapeless(hay, out);
    if deferred.is_empty() {
        return;
    }
    let taken = Taken::new(out.get(first..).unwrap_or_default());
    let mut group: Option<Group> = None;
    // Key words inside a value already read are part of that value (and skipping them keeps
    // `token=token=token=…` linear).
    let mut read_until = 0;
    for &(s, e, t) in &deferred {
        let found = match t {
            Trigger::Key(key) => {
                if s < read_until || !segment_ok(bytes, s, e) {
                    continue;
                }
                let (ks, ke) = key_name(bytes, s, e);
                if is_placeholder_key(bytes, ks, ke) {
                    continue;
                }
                match group.as_mut() {
                    Some(g) if g.start == ks && g.end == ke => g.add(key),
                    _ => {
                        if let Some(g) = group.take() {
                            read_until = read_until.max(g.flush(text, &taken, out));
                        }
                        let mut g = Group::new(ks, ke);
                        g.add(key);
                        group = Some(g);
                    }
                }
                continue;
            }
            Trigger::Bearer => bearer(bytes, s, e).map(|sp| (sp, "secret.bearer_token", 850)),
            Trigger::Basic => basic_auth(bytes, s, e).map(|sp| (sp, "secret.basic_auth", 850)),
            Trigger::Url => connection(bytes, s, e).map(|sp| (sp, "secret.connection_string", 900)),
            Trigger::Prefix(..) | Trigger::Jwt | Trigger::Pem => None,
        };
        if let Some((span, rule, score)) = found {
            if !taken.overlaps(span) {
                push(text, out, span, rule, score);
            }
        }
    }
    if let Some(g) = group {
        g.flush(text, &taken, out);
    }
}

/// Pushes a secret candidate, widening the span to char boundaries (over-redact, never split).
fn push(
    text: &str,
    out: &mut Vec<Candidate>,
    span: (usize, usize),
    rule: &'static str,
    score: u16,
) {
    let start = floor_boundary(text, span.0.min(text.len()));
    let end = ceil_boundary(text, span.1.min(text.len()));
    if start >= end {
        return;
    }
    out.push(Candidate {
        kind: Kind::Secret,
        start,
        end,
        score: Score::from_milli(score),
        rule,
        validated: false,
    });
}

/// Checks a fixed-prefix hit against its rule; returns the span.
fn prefix_rule(
    bytes: &[u8],
    s: usize,
    e: usize,
    rule: &PrefixRule,
    prefix: &str,
) -> Option<(usize, usize)> {
    let hit = bytes.get(s..e)?;
    let same = if rule.nocase {
        hit.eq_ignore_ascii_case(prefix.as_bytes())
    } else {
        hit == prefix.as_bytes()
    };
    if !same {
        return None;
    }
    let span = match rule.shape {
        Shape::Segs(segs) => {
            // Not glued to the text before, and never inside an earlier token's body (which also
            // keeps repeated prefixes inside one long run from being re-read: linear time).
            let glued = match (segs.first(), s.checked_sub(1).and_then(|i| bytes.get(i))) {
                (Some(rules::Seg::Run(set, ..)), Some(&b)) => set.has(b),
                _ => false,
            };
            if glued || !start_ok(bytes, s) {
                return None;
            }
            (s, rules::match_segs(bytes, e, segs)?)
        }
        Shape::Custom(f) => f(bytes, s, e)?,
    };
    // Placeholder bodies (`xxxx…`, `0000…`) are examples, not keys.
    let body_start = if span.0 == s { e.min(span.1) } else { span.0 };
    let body = bytes.get(body_start..span.1)?;
    (body.len() < 16 || distinct(body) >= 6).then_some(span)
}

/// How many different bytes `v` has.
fn distinct(v: &[u8]) -> u32 {
    let mut seen = [0u128; 2];
    for &b in v {
        seen[usize::from(b >> 7)] |= 1u128 << (b & 127);
    }
    seen[0].count_ones() + seen[1].count_ones()
}

/// Candidates already found, for skipping context-based hits on the same bytes.
struct Taken {
    spans: Vec<(usize, usize)>,
    max_end: Vec<usize>,
}

impl Taken {
    fn new(found: &[Candidate]) -> Taken {
        let mut spans: Vec<(usize, usize)> = found.iter().map(|c| (c.start, c.end)).collect();
        crate::sort::sort_by(&mut spans, Ord::cmp);
        let mut m = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                m = m.max(s.1);
                m
            })
            .collect();
        Taken { spans, max_end }
    }

    fn overlaps(&self, (s, e): (usize, usize)) -> bool {
        let i = self.spans.partition_point(|x| x.0 < e);
        i > 0 && self.max_end.get(i - 1).is_some_and(|&m| m > s)
    }
}

/// True when a key word at `s..e` starts and ends a segment of its key name: `DB_PASSWORD`,
/// `dbPassword` and `password2` qualify, `compass` and `passenger` do not.
fn segment_ok(bytes: &[u8], s: usize, e: usize) -> bool {
    let before = s == 0
        || match (bytes.get(s - 1), bytes.get(s)) {
            (Some(&p), Some(&c)) => {
                !p.is_ascii_alphanumeric()
                    || (p.is_ascii_lowercase() || p.is_ascii_digit()) && c.is_ascii_uppercase()
            }
            _ => false,
        };
    let after = match (bytes.get(e), bytes.get(e.wrapping_sub(1))) {
        (None, _) => true,
        (Some(&n), Some(&l)) => {
            !n.is_ascii_alphabetic() || n.is_ascii_uppercase() && l.is_ascii_lowercase()
        }
        (Some(_), None) => false,
    };
    before && after
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-')
}

/// The key name around a key word: identifier bytes on both sides, at most 64 each way.
fn key_name(bytes: &[u8], s: usize, e: usize) -> (usize, usize) {
    let mut ks = s;
    while ks > 0 && s - ks < 64 && bytes.get(ks - 1).is_some_and(|&b| is_ident(b)) {
        ks -= 1;
    }
    let mut ke = e;
    while ke - e < 64 && bytes.get(ke).is_some_and(|&b| is_ident(b)) {
        ke += 1;
    }
    (ks, ke)
}

/// True when the key name at `ks..ke` is a redaction placeholder (`[SECRET]`, `[PASSWORD#ab]`):
/// the redacted text must scan as the original did, so `[SECRET] : DE89…` opens no value.
fn is_placeholder_key(bytes: &[u8], ks: usize, ke: usize) -> bool {
    ks > 0
        && bytes[ks - 1] == b'['
        && bytes
            .get(ke..)
            .unwrap_or_default()
            .iter()
            .find(|&&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'#'))
            == Some(&b']')
}

/// Key words found in one key name.
struct Group {
    start: usize,
    end: usize,
    password: bool,
    password_prose: bool,
    pass: bool,
    generic: bool,
    code: Option<&'static Code>,
    providers: u64,
}

impl Group {
    fn new(start: usize, end: usize) -> Group {
        Group {
            start,
            end,
            password: false,
            password_prose: false,
            pass: false,
            generic: false,
            code: None,
            providers: 0,
        }
    }

    fn add(&mut self, key: Key) {
        match key {
            Key::Password { prose } => {
                self.password = true;
                self.password_prose |= prose;
            }
            Key::Pass => self.pass = true,
            Key::Generic => self.generic = true,
            Key::Code(code) => self.code = Some(code),
            Key::Provider(i) => self.providers |= 1u64 << (i & 63),
        }
    }

    /// Reports the value assigned to this key name, if it is a secret. Returns where the value
    /// read ends (the key name's end when there is none).
    fn flush(&self, text: &str, taken: &Taken, out: &mut Vec<Candidate>) -> usize {
        let bytes = text.as_bytes();
        let Some((at, sep)) = assignment(bytes, self.start, self.end) else {
            if self.password && self.password_prose {
                if let Some(span) = value_before(text, self.start).filter(|&s| !taken.overlaps(s)) {
                    push(text, out, span, "secret.password_assignment", 800);
                }
            }
            return self.bare(text, taken, out).unwrap_or(self.end);
        };
        let mut report = |span: (usize, usize), rule: &'static str, score: u16| {
            if !taken.overlaps(span) {
                push(text, out, span, rule, score);
            }
        };
        let token = token_value(bytes, at);
        let read = token.map_or(at, |t| t.1);
        if self.providers != 0 {
            if let Some((s, e)) = token {
                let v = bytes.get(s..e).unwrap_or_default();
                let hit = PROVIDERS
                    .iter()
                    .enumerate()
                    .find(|&(i, p)| self.providers >> i & 1 == 1 && (p.value)(v));
                if let Some((_, p)) = hit {
                    report((s, e), p.id, 850);
                    return read;
                }
            }
        }
        let password = self.password && (sep != Sep::Prose || self.password_prose);
        let pass = !self.password
            && self.pass
            && sep != Sep::Prose
            && !ticket(bytes, self.start, self.end);
        if password || pass {
            let span = password_value(bytes, at, sep).filter(|&(s, e)| {
                password
                    || bytes.get(s..e).is_some_and(|v| {
                        let mixed_case = v.iter().skip(1).any(u8::is_ascii_uppercase)
                            && v.iter().any(u8::is_ascii_lowercase);
                        v.len() >= 6
                            && v.iter().any(u8::is_ascii_alphabetic)
                            && (v.iter().any(|b| !b.is_ascii_alphabetic())
                                || mixed_case && v.len() >= 10)
                    })
            });
            if let Some(span) = span {
                report(span, "secret.password_assignment", 800);
                return read.max(span.1);
            }
        }
        if let Some(code) = self.code {
            if let Some(span) = digits_value(bytes, at, code.min, code.max) {
                report(span, code.rule, 800);
                return read.max(span.1);
            }
        }
        if self.generic || self.providers != 0 {
            if let Some((s, e)) = token {
                if generic_ok(bytes.get(s..e).unwrap_or_default()) {
                    report((s, e), "secret.generic_high_entropy", 750);
                }
            }
        }
        read
    }

    /// Reports a value written straight after the key name, with no `:`, `=` or `is` between:
    /// `the API key 9fK2…`, `password Tr0ub4dor&3`, `cvv 123`. The next word is most often just a
    /// word (`password reset`, `token expired`), so only values that cannot be one are read: a
    /// random-looking token, a password with letters and digits, a card security code's digits.
    /// Returns where the value ends.
    fn bare(&self, text: &str, taken: &Taken, out: &mut Vec<Candidate>) -> Option<usize> {
        let bytes = text.as_bytes();
        if !matches!(bytes.get(self.end), Some(b' ' | b'\t')) {
            return None;
        }
        let at = skip_blank(bytes, self.end, 4);
        let (span, rule, score) = if let Some(code) = self.code.filter(|c| c.bare) {
            (digits_value(bytes, at, code.min, code.max)?, code.rule, 800)
        } else if self.generic || self.password {
            let value = |span: (usize, usize)| bytes.get(span.0..span.1).unwrap_or_default();
            // A password reads to the next blank (`Tr0ub4dor&3` whole), a token to its last
            // token byte.
            if let Some(span) = token_value(bytes, at).filter(|&t| generic_ok(value(t))) {
                (span, "secret.generic_high_entropy", 750)
            } else if let Some(span) = password_value(bytes, at, Sep::Prose)
                .filter(|&p| self.password && bare_password_ok(value(p)))
            {
                (span, "secret.password_assignment", 800)
            } else {
                return None;
            }
        } else {
            return None;
        };
        if taken.overlaps(span) {
            return None;
        }
        push(text, out, span, rule, score);
        Some(span.1)
    }
}

/// True when the word before `pass` makes it a ticket (`boarding pass`, `day-pass`), inside the
/// key name `ks..ke` or before it.
fn ticket(bytes: &[u8], ks: usize, ke: usize) -> bool {
    let key = bytes.get(ks..ke).unwrap_or_default();
    if key.len() > 4 && key[key.len() - 4..].eq_ignore_ascii_case(b"pass") {
        let head = key[..key.len() - 4].trim_ascii_end();
        let head = head
            .strip_suffix(b"-")
            .or(head.strip_suffix(b"_"))
            .unwrap_or(head);
        if PASS_NOT.iter().any(|w| {
            head.len() >= w.len() && head[head.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
        }) {
            return true;
        }
    }
    let mut e = ks;
    while e > 0 && ks - e < 4 && matches!(bytes.get(e - 1), Some(b' ' | b'\t' | b'-')) {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && e - s < 16 && bytes.get(s - 1).is_some_and(u8::is_ascii_alphabetic) {
        s -= 1;
    }
    let word = bytes.get(s..e).unwrap_or_default();
    !word.is_empty()
        && PASS_NOT
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

/// How a value is attached to its key name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sep {
    /// `=`, `:=`, `=>`.
    Equals,
    /// `:`.
    Colon,
    /// `is`, `ist`, `est` … in a sentence.
    Prose,
    /// `<password>value</password>`.
    Markup,
    /// `--password value`.
    Flag,
}

fn skip_blank(bytes: &[u8], mut i: usize, max: usize) -> usize {
    let from = i;
    while i - from < max && matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// Finds where the value assigned to the key name `ks..ke` starts, and how it is attached.
fn assignment(bytes: &[u8], ks: usize, ke: usize) -> Option<(usize, Sep)> {
    let mut i = ke;
    let mut closers = 0;
    while closers < 3 && matches!(bytes.get(i), Some(b'"' | b'\'' | b'`' | b']' | b'\\')) {
        i += 1;
        closers += 1;
    }
    let gap = i;
    i = skip_blank(bytes, i, 4);
    match bytes.get(i) {
        Some(b'=') => {
            i += 1;
            if matches!(bytes.get(i), Some(b'>' | b'=')) {
                i += 1;
            }
            return Some((skip_blank(bytes, i, 4), Sep::Equals));
        }
        Some(b':') => {
            i += 1;
            let sep = if bytes.get(i) == Some(&b'=') {
                i += 1;
                Sep::Equals
            } else {
                Sep::Colon
            };
            return Some((skip_blank(bytes, i, 4), sep));
        }
        Some(b'>') if closers == 0 && i == gap && ks > 0 && bytes.get(ks - 1) == Some(&b'<') => {
            return Some((i + 1, Sep::Markup));
        }
        _ => {}
    }
    if i == gap || i >= bytes.len() {
        return None;
    }
    if bytes.get(ks..ks + 2) == Some(b"--") {
        return Some((i, Sep::Flag));
    }
    let rest = bytes.get(i..)?;
    for cop in COPULAS {
        let c = cop.as_bytes();
        if rest.len() > c.len() && rest[..c.len()].eq_ignore_ascii_case(c) && rest[c.len()] == b' '
        {
            let mut j = skip_blank(bytes, i + c.len(), 4);
            if bytes.get(j) == Some(&b':') {
                j = skip_blank(bytes, j + 1, 4);
            }
            return Some((j, Sep::Prose));
        }
    }
    None
}

/// Words that may stand between `as` and a password word (`as the password`, `als neues Passwort`).
const VALUE_BEFORE_DETERMINERS: &[&str] = &[
    "the", "my", "your", "a", "new", "our", "das", "dein", "mein", "ein", "neues", "le", "mon",
    "ton", "votre", "un", "nouveau", "el", "mi", "tu", "su", "il", "la", "mia", "tua", "het", "je",
    "mijn", "o", "meu", "minha", "nova", "nuevo", "nueva", "nuova",
];

/// Words that make the value before them a password (`use X as the password`).
const VALUE_BEFORE_AS: &[&str] = &["as", "als", "comme", "como", "come"];

/// Verbs and prepositions before such a value (`use`, `with`, `nimm`, `utilise` …).
const VALUE_BEFORE_VERBS: &[&str] = &[
    "use",
    "using",
    "try",
    "choose",
    "pick",
    "enter",
    "type",
    "put",
    "with",
    "verwende",
    "verwenden",
    "nimm",
    "nehmen",
    "benutze",
    "benutzen",
    "mit",
    "utilise",
    "utilisez",
    "utiliser",
    "prends",
    "prenez",
    "avec",
    "usa",
    "usar",
    "utiliza",
    "utilizar",
    "con",
    "pon",
    "usare",
    "metti",
    "gebruik",
    "neem",
    "met",
    "coloca",
    "com",
];

/// The password written before its word: `use Tr0ub4dor&3 as the password`, `nimm Sommer#24 als
/// Passwort`, `utilise Soleil2023! comme mot de passe`. The key word starts at `ks`; before it,
/// up to two determiners, an `as` word, the value, and a verb or preposition. The value must be a
/// word the stream redactor holds by itself (a digit or a value character), so that streamed text
/// is redacted as one-shot text is, and strong (see [`password_ok`]).
fn value_before(text: &str, ks: usize) -> Option<(usize, usize)> {
    let mut words = text
        .get(..ks)?
        .rsplit([' ', '\t'])
        .filter(|w| !w.is_empty());
    let mut word = words.next()?;
    for _ in 0..2 {
        if !super::words::in_list(VALUE_BEFORE_DETERMINERS, word) {
            break;
        }
        word = words.next()?;
    }
    if !super::words::in_list(VALUE_BEFORE_AS, word) {
        return None;
    }
    let value = words.next()?;
    let verb = words.next()?;
    if !super::words::in_list(VALUE_BEFORE_VERBS, verb) {
        return None;
    }
    let start = value.as_ptr() as usize - text.as_ptr() as usize;
    let (quoted, inner) = match value.as_bytes() {
        [q @ (b'"' | b'\'' | b'`'), .., last] if last == q && value.len() > 2 => {
            (true, value.get(1..value.len() - 1)?)
        }
        _ => (false, value),
    };
    let s = start + usize::from(quoted);
    let e = s + inner.len();
    (crate::stream::is_builtin_trigger(inner)
        && password_ok(inner.as_bytes(), Sep::Prose, quoted, false))
    .then_some((s, e))
}

/// A token-like value at `at`, quoted or not: `(start, end)` of its bytes.
fn token_value(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let at = skip_escape(bytes, at);
    let first = *bytes.get(at)?;
    if matches!(first, b'"' | b'\'' | b'`') {
        let s = at + 1;
        // Without its closing quote the value is still taken (fail closed).
        let e = take(bytes, s, TOKEN, 1, 1024)?;
        if bytes.get(e) == Some(&b'\\') && bytes.get(e + 1) == Some(&first) {
            return Some((s, e));
        }
        let closed = bytes.get(e) == Some(&first);
        let open = matches!(bytes.get(e), None | Some(b'\n' | b'\r' | b' ' | b'\t'));
        return (closed || open).then_some((s, e));
    }
    let mut e = take(bytes, at, TOKEN, 1, 1024)?;
    while e > at && bytes.get(e - 1) == Some(&b'.') {
        e -= 1;
    }
    (e > at).then_some((at, e))
}

/// A [`Code`]'s value at `at`: `min` to `max` digits, quoted or not, not glued to
/// a letter, digit or a decimal point and digit after (`PIN: 1234.5` is a number, not a PIN).
fn digits_value(bytes: &[u8], at: usize, min: usize, max: usize) -> Option<(usize, usize)> {
    let at = skip_escape(bytes, at);
    let s = if matches!(bytes.get(at), Some(b'"' | b'\'' | b'`')) {
        at + 1
    } else {
        at
    };
    let mut e = s;
    while e - s <= max && bytes.get(e).is_some_and(u8::is_ascii_digit) {
        e += 1;
    }
    let glued = bytes.get(e).is_some_and(|&b| {
        b.is_ascii_alphanumeric()
            || matches!(b, b'.' | b',' | b'/' | b'-')
                && bytes.get(e + 1).is_some_and(u8::is_ascii_digit)
    });
    ((min..=max).contains(&(e - s)) && !glued).then_some((s, e))
}

/// A password written straight after its word (`password Tr0ub4dor&3`), on top of what
/// [`password_value`] checks for prose: at least eight bytes with a letter and a digit, so that
/// the word after `password` in a sentence (`password reset`, `password manager`) is not read as
/// one. (The digit also makes the stream redactor hold the value.)
fn bare_password_ok(v: &[u8]) -> bool {
    v.len() >= 8 && v.iter().any(u8::is_ascii_alphabetic) && v.iter().any(u8::is_ascii_digit)
}

/// Steps over the backslash of an escaped quote (`\"` inside a JSON string).
fn skip_escape(bytes: &[u8], at: usize) -> usize {
    if bytes.get(at) == Some(&b'\\') && matches!(bytes.get(at + 1), Some(b'"' | b'\'')) {
        at + 1
    } else {
        at
    }
}

/// True for values that stand for a secret instead of being one: what redaction writes
/// (`[SECRET_1]`), templates (`<password>`, `${PASS}`, `{{ token }}`, `%s`), masks (`****`).
fn is_placeholder(v: &[u8]) -> bool {
    let Some(&first) = v.first() else {
        return true;
    };
    if matches!(first, b'[' | b'<' | b'{') || v.starts_with("•".as_bytes()) {
        return true;
    }
    // `(hidden)`, `(see vault)`, `(none)`; generated passwords open with `(` too (`(3bW+3Rn`,
    // `(o)%(&%!66cTxl`): those hold a digit and do not close the bracket at their end.
    if first == b'(' && (v.ends_with(b")") || !v.iter().any(u8::is_ascii_digit)) {
        return true;
    }
    // `*****` and markdown emphasis (`**bold**`, `**see below**`) are no password; `*K3yBR1n`,
    // `**5x2QXp` and `*k&#tiJb+a20)O*` (a digit) are.
    if first == b'*'
        && (v.starts_with(b"**") && v.ends_with(b"**")
            || (v.ends_with(b"*") || v.starts_with(b"**")) && !v.iter().any(u8::is_ascii_digit))
    {
        return true;
    }
    if first == b'%' {
        // `%s`, `%(password)s`, `%DB_PASS%`, `%{pw}`: a format slot or variable. `%mdYx*689` is a
        // password.
        let rest = v.get(1..).unwrap_or_default();
        let slot =
            rest.len() <= 1 || matches!(rest.first(), Some(b'(' | b'{')) || rest.ends_with(b"%");
        if slot {
            return true;
        }
    }
    if first == b'$' {
        // `${X}`, `$(cmd)`, `$DB_PASS`: a variable. `$ecret9` is a password.
        let rest = v.get(1..).unwrap_or_default();
        let var = rest.first().is_some_and(|b| matches!(b, b'{' | b'('))
            || !rest.is_empty()
                && rest
                    .iter()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_');
        if var {
            return true;
        }
    }
    if v.iter().all(|&b| b == first) {
        return true;
    }
    STOPWORDS
        .iter()
        .any(|w| v.eq_ignore_ascii_case(w.as_bytes()))
}

/// True when the byte at `i` ends a bare password: whitespace, a quote, `<`, or a `&`, `;` or
/// `,` that is followed by space or by the next `name=` / `name:` pair.
fn ends_value(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        None => true,
        Some(&b) if b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'`' | b'<') => true,
        Some(&sep @ (b'&' | b';' | b',')) => {
            let mut j = i + 1;
            // A `&` closing the text or a word is the password's last character (`NbfB1Eam&`);
            // between query pairs (`pw=x&user=y`) it separates them.
            match bytes.get(j) {
                None => return sep != b'&',
                Some(b) if b.is_ascii_whitespace() => return sep != b'&',
                _ => {}
            }
            while j - i < 64 && bytes.get(j).is_some_and(|&b| is_ident(b) || b == b' ') {
                j += 1;
            }
            j > i + 1 && matches!(bytes.get(j), Some(b'=' | b':'))
        }
        Some(_) => false,
    }
}

/// True when the text after a bare value reads as a sentence going on (`forgotten, please reset
/// it`) rather than a value followed by the next `name:` pair or the end of the line.
fn prose_follows(bytes: &[u8], e: usize) -> bool {
    let mut k = e;
    if bytes.get(k) == Some(&b',') {
        k += 1;
    }
    k = skip_blank(bytes, k, 4);
    if !bytes.get(k).is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let mut j = k;
    while j - k < 64 && bytes.get(j).is_some_and(|&b| is_ident(b)) {
        j += 1;
    }
    !matches!(bytes.get(j), Some(b'=' | b':'))
}

/// The password assigned at `at`: quoted (may hold spaces) or up to a delimiter.
fn password_value(bytes: &[u8], at: usize, sep: Sep) -> Option<(usize, usize)> {
    let at = skip_escape(bytes, at);
    let first = *bytes.get(at)?;
    let unquoted = |s: usize| {
        let mut e = s;
        while e - s < 256 && !ends_value(bytes, e) {
            e += 1;
        }
        e
    };
    let (s, e, quoted) = if matches!(first, b'"' | b'\'' | b'`') {
        let s = at + 1;
        let mut e = s;
        while e - s < 256 && bytes.get(e).is_some_and(|&b| b != first && b != b'\n') {
            e += 1;
        }
        if bytes.get(e) == Some(&first) {
            let escaped = e > s && bytes.get(e - 1) == Some(&b'\\');
            (s, if escaped { e - 1 } else { e }, true)
        } else {
            (s, unquoted(s), false)
        }
    } else {
        (at, unquoted(at), false)
    };
    let e = if quoted { e } else { trim_value(bytes, s, e) };
    // A generic type in code (`password: Option<String>`).
    if !quoted && bytes.get(e) == Some(&b'<') && bytes.get(e + 1) != Some(&b'/') {
        return None;
    }
    let v = bytes.get(s..e)?;
    password_ok(v, sep, quoted, prose_follows(bytes, e)).then_some((s, e))
}

/// Drops sentence punctuation and unbalanced closing brackets from the end of a bare value.
fn trim_value(bytes: &[u8], s: usize, mut e: usize) -> usize {
    while e > s {
        let v = bytes.get(s..e).unwrap_or_default();
        let drop = match v.last() {
            Some(b'.' | b':') => true,
            Some(b')') => !v.contains(&b'('),
            Some(b']') => !v.contains(&b'['),
            Some(b'}') => !v.contains(&b'{'),
            _ => false,
        };
        if !drop {
            break;
        }
        e -= 1;
    }
    e
}

/// True for a function call in code (`get_password()`, `os.getenv('DB_PASS')`, `input("Enter`,
/// `hash(pw`): a name of at least two identifier bytes opening with a letter or `_`, then `(`
/// and an argument list (closed at the end, or opening with a quote, a bracket, a lower-case
/// name or `)`). A generated password with a bracket (`fHOFQeanD(2v`, `_%ZP&zw(6)Bc0`,
/// `M4(9XZIl@n`) has a symbol or a one-letter name before it, or a digit or capital after it.
fn is_call(v: &[u8]) -> bool {
    let Some(open) = v.iter().position(|&b| b == b'(') else {
        return false;
    };
    let name = &v[..open];
    let is_name = name.len() >= 2
        && (name[0].is_ascii_alphabetic() || name[0] == b'_')
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':'));
    is_name
        && (v.ends_with(b")")
            || v.get(open + 1).is_none_or(|&b| {
                b.is_ascii_lowercase()
                    || matches!(
                        b,
                        b'_' | b')' | b'"' | b'\'' | b'`' | b'[' | b'{' | b'$' | b'*' | b'&'
                    )
            }))
}

/// Type names a password field is declared with in code, never a password itself.
const TYPE_NAMES: &[&[u8]] = &[
    b"&str",
    b"&[u8]",
    b"&String",
    b"str",
    b"String",
    b"string",
    b"Option<String>",
    b"Vec<u8>",
    b"SecretString",
    b"SecretBox<str>",
    b"Zeroizing<String>",
    b"bytes",
    b"char[]",
    b"[]byte",
];

fn password_ok(v: &[u8], sep: Sep, quoted: bool, word_follows: bool) -> bool {
    if v.len() < 4 || is_placeholder(v) {
        return false;
    }
    // Paths (`PWD=/home/x`) and code (`password = get_password()`, `self.password`).
    if v.starts_with(b"/") || v.starts_with(b"~/") || v.starts_with(b"./") || is_call(v) {
        return false;
    }
    // Type annotations in code (`fn hash(password: &str)`, `password: String,`).
    if !quoted
        && (TYPE_NAMES.contains(&v)
            || [&b"&'"[..], b"&mut ", b"&dyn "]
                .iter()
                .any(|p| v.starts_with(p)))
    {
        return false;
    }
    let digit = v.iter().any(u8::is_ascii_digit);
    let symbol = v.iter().any(|&b| !b.is_ascii_alphanumeric());
    let inner_upper =
        v.iter().skip(1).any(u8::is_ascii_uppercase) && v.iter().any(u8::is_ascii_lowercase);
    let dotted_ident = v.contains(&b'.')
        && v.iter()
            .all(|&b| b.is_ascii_alphabetic() || matches!(b, b'_' | b'.'));
    if !quoted && dotted_ident {
        return false;
    }
    let strong = digit || symbol || inner_upper;
    // `case-sensitive`, `user-defined`: a hyphenated word says what a password is, not what it is.
    let hyphenated_word = v.iter().filter(|&&b| b == b'-').count() == 1
        && v.iter().all(|&b| b.is_ascii_lowercase() || b == b'-');
    match sep {
        Sep::Prose => strong && v.len() >= 6 && !hyphenated_word,
        Sep::Colon => quoted || strong || !word_follows,
        Sep::Equals | Sep::Markup | Sep::Flag => true,
    }
}

/// Shannon entropy of `v` in bits per byte.
fn entropy(v: &[u8]) -> f32 {
    let mut counts = [0u32; 256];
    for &b in v {
        counts[usize::from(b)] += 1;
    }
    let n = v.len() as f32;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f32 / n;
            -p * p.log2()
        })
        .sum()
}

/// A value assigned to a secret-looking name that looks random: long enough, letters and
/// digits, high entropy, not an identifier made of words.
fn generic_ok(v: &[u8]) -> bool {
    if v.len() < 20 || is_placeholder(v) || v.starts_with(b"/") {
        return false;
    }
    if !v.iter().any(u8::is_ascii_alphabetic) || !v.iter().any(u8::is_ascii_digit) {
        return false;
    }
    if looks_like_words(v) {
        return false;
    }
    let floor = if HEX_ANY.all(v) {
        HEX_ENTROPY
    } else {
        MIXED_ENTROPY
    };
    entropy(v) >= floor
}

/// `my_secret_value_2024`, `PROD_API_TOKEN_V2`: one case, separators, and word-like pieces.
fn looks_like_words(v: &[u8]) -> bool {
    let upper = v.iter().any(u8::is_ascii_uppercase);
    let lower = v.iter().any(u8::is_ascii_lowercase);
    if upper && lower {
        return false;
    }
    let seps = v
        .iter()
        .filter(|&&b| matches!(b, b'_' | b'-' | b'.'))
        .count();
    if seps < 2 {
        return false;
    }
    let wordy = v
        .split(|&b| matches!(b, b'_' | b'-' | b'.'))
        .filter(|p| p.len() >= 3 && p.iter().all(u8::is_ascii_alphabetic) && !HEX_ANY.all(p))
        .count();
    wordy >= 2
}

/// `Bearer <token>`: the token.
fn bearer(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    if !start_ok(bytes, s) || !matches!(bytes.get(e), Some(b' ' | b'\t')) {
        return None;
    }
    let vs = skip_blank(bytes, e, 4);
    let mut ve = take(bytes, vs, Set::of("A-Za-z0-9._~+/-"), 16, 4096)?;
    while ve - vs < 4100 && bytes.get(ve) == Some(&b'=') {
        ve += 1;
    }
    while ve > vs && bytes.get(ve - 1) == Some(&b'.') {
        ve -= 1;
    }
    let v = bytes.get(vs..ve)?;
    let ok = v.iter().any(u8::is_ascii_alphabetic)
        && v.iter().any(u8::is_ascii_digit)
        && !is_placeholder(v)
        && entropy(v) >= HEX_ENTROPY
        && end_ok(bytes, ve, None);
    ok.then_some((vs, ve))
}

/// `Basic <base64 of user:password>`: the encoded credential.
fn basic_auth(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    if !start_ok(bytes, s) || !matches!(bytes.get(e), Some(b' ' | b'\t')) {
        return None;
    }
    let vs = skip_blank(bytes, e, 4);
    let ve = take(bytes, vs, BASE64_PAD, 8, 1024)?;
    if !end_ok(bytes, ve, None) {
        return None;
    }
    let decoded = decode_base64(bytes.get(vs..ve)?, false)?;
    let colon = decoded.iter().position(|&b| b == b':')?;
    let printable = decoded.iter().all(|&b| b >= 0x20 && b != 0x7f);
    (printable && colon > 0 && colon + 1 < decoded.len()).then_some((vs, ve))
}

/// The password in `scheme://user:password@host`.
fn connection(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let mut k = s;
    while k > 0
        && s - k < 32
        && bytes
            .get(k - 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
    {
        k -= 1;
    }
    if s - k < 2 || !bytes.get(k).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut i = e;
    let mut at = None;
    let mut colon = None;
    while i - e < 512 {
        match bytes.get(i) {
            None => break,
            Some(&b) if b.is_ascii_whitespace() => break,
            Some(b'/' | b'?' | b'#' | b'"' | b'\'' | b'<' | b'>' | b'`') => break,
            Some(b'@') => at = Some(i),
            Some(b':') if colon.is_none() => colon = Some(i),
            Some(_) => {}
        }
        i += 1;
    }
    let (at, colon) = (at?, colon?);
    if colon > at {
        return None;
    }
    let v = bytes.get(colon + 1..at)?;
    let placeholder = is_placeholder(v) && !v.eq_ignore_ascii_case(b"pass");
    (v.len() >= 3 && !placeholder).then_some((colon + 1, at))
}

/// A JWT (or JWE) at `s`: base64url parts joined by dots whose header decodes to a JSON object
/// with an `"alg"` member.
fn jwt(bytes: &[u8], s: usize) -> Option<(usize, usize)> {
    if bytes.get(s..s + 3) != Some(b"eyJ") {
        return None;
    }
    if s > 0
        && bytes
            .get(s - 1)
            .is_some_and(|&b| URLSAFE.has(b) || b == b'.')
    {
        return None;
    }
    let h_end = take(bytes, s, URLSAFE, 10, 2048)?;
    if bytes.get(h_end) != Some(&b'.') {
        return None;
    }
    let mut end = take(bytes, h_end + 1, URLSAFE, 2, 16384)?;
    // The signature (possibly empty for `alg: none`), and for JWE two more parts.
    let mut parts = 2;
    while parts < 5 && bytes.get(end) == Some(&b'.') {
        end = take(bytes, end + 1, URLSAFE, 0, 16384)?;
        parts += 1;
    }
    if parts < 3 || !end_ok(bytes, end, Some(URLSAFE)) {
        return None;
    }
    let header = decode_base64(bytes.get(s..h_end)?, true)?;
    let trimmed = header.trim_ascii_start();
    let is_json = trimmed.first() == Some(&b'{') && header.windows(5).any(|w| w == b"\"alg\"");
    is_json.then_some((s, end))
}

/// A PEM private-key block from `-----BEGIN … PRIVATE KEY-----` to its END line; without an END
/// line, to the end of the text (fail closed).
fn pem(bytes: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let window = bytes.get(e..bytes.len().min(e + 80))?;
    let close = find_bytes(window, b"-----")?;
    let label = window.get(..close)?.trim_ascii();
    if !(label.ends_with(b"PRIVATE KEY") || label.ends_with(b"PRIVATE KEY BLOCK")) {
        return None;
    }
    let body = e + close + 5;
    let Some(end_at) = find_bytes(bytes.get(body..)?, b"-----END") else {
        return Some((s, bytes.len()));
    };
    let end_line = body + end_at + 8;
    let tail = bytes.get(end_line..bytes.len().min(end_line + 80))?;
    let end = match find_bytes(tail, b"-----") {
        Some(k) => end_line + k + 5,
        None => end_line + memchr::memchr(b'\n', tail).unwrap_or(tail.len()),
    };
    Some((s, end))
}

/// Decodes base64 (standard, or URL-safe when `url`), padding optional. `None` when a byte is
/// outside the alphabet or the length cannot be base64.
pub(crate) fn decode_base64(input: &[u8], url: bool) -> Option<Vec<u8>> {
    let mut data = input;
    while let Some((b'=', rest)) = data.split_last() {
        data = rest;
    }
    if data.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for &b in data {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' if !url => 62,
            b'/' if !url => 63,
            b'-' if url => 62,
            b'_' if url => 63,
            _ => return None,
        };
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xff) as u8);
        }
    }
    Some(out)
}

/// Formats without a prefix, found from the shared word and number lists.
fn shapeless(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let text = hay.text;
    let bytes = text.as_bytes();
    // A Twilio key is a word of 34 characters, a Discord token opens with one of 23 to 28.
    const WORD_LENS: u64 = count_bit(34) | (count_bit(29) - count_bit(23));
    if hay.counts.word_lens & WORD_LENS != 0 {
        for w in &hay.words {
            if let Some(span) = twilio(bytes, w) {
                push(text, out, span, "secret.twilio_api_key", 900);
            } else if let Some(span) = discord_bot(bytes, w) {
                push(text, out, span, "secret.discord_bot_token", 900);
            }
        }
    }
    // Telegram and Asana tokens have a `:` right after their number run.
    if !hay.may_contain(b':') {
        return;
    }
    for run in &hay.numbers {
        if run.plus {
            continue;
        }
        if let Some(span) = telegram(bytes, run.groups.last().copied(), run.end) {
            push(text, out, span, "secret.telegram_bot_token", 850);
        }
        if let Some(span) = asana(bytes, run.groups, run.start, run.end) {
            push(text, out, span, "secret.asana_pat", 900);
        }
    }
}

/// True when the word is glued to a larger identifier (`x_SK…`, `SK…-y`).
fn glued(bytes: &[u8], s: usize, e: usize) -> bool {
    s > 0 && matches!(bytes.get(s - 1), Some(b'_' | b'-' | b'.' | b'/'))
        || matches!(bytes.get(e), Some(b'_' | b'-'))
}

/// Twilio API key SID: `SK` + 32 lowercase hex digits.
fn twilio(bytes: &[u8], w: &Word) -> Option<(usize, usize)> {
    let v = bytes.get(w.start..w.end)?;
    let ok = v.len() == 34
        && v.starts_with(b"SK")
        && rules::HEX.all(v.get(2..)?)
        && distinct(v.get(2..)?) >= 6
        && !glued(bytes, w.start, w.end);
    ok.then_some((w.start, w.end))
}

/// Discord bot token: base64 of the numeric bot id, a 6-byte timestamp, an HMAC.
fn discord_bot(bytes: &[u8], w: &Word) -> Option<(usize, usize)> {
    if !(23..=28).contains(&w.len())
        || !matches!(bytes.get(w.start), Some(b'M' | b'N' | b'O'))
        || bytes.get(w.end) != Some(&b'.')
        || w.start > 0 && matches!(bytes.get(w.start - 1), Some(b'_' | b'-' | b'.'))
    {
        return None;
    }
    let id = decode_base64(bytes.get(w.start..w.end)?, true)?;
    if !(17..=20).contains(&id.len()) || !id.iter().all(u8::is_ascii_digit) || id[0] == b'0' {
        return None;
    }
    let ts_end = take(bytes, w.end + 1, URLSAFE, 6, 6)?;
    if bytes.get(ts_end) != Some(&b'.') {
        return None;
    }
    let end = take(bytes, ts_end + 1, URLSAFE, 27, 40)?;
    end_ok(bytes, end, Some(URLSAFE)).then_some((w.start, end))
}

/// Telegram bot token: 8–10 digit bot id, `:`, 35 token bytes.
fn telegram(bytes: &[u8], last: Option<(usize, usize)>, run_end: usize) -> Option<(usize, usize)> {
    let (gs, ge) = last?;
    if ge != run_end || !(8..=10).contains(&(ge - gs)) || bytes.get(ge) != Some(&b':') {
        return None;
    }
    if gs > 0
        && bytes
            .get(gs - 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b':')
    {
        return None;
    }
    let end = take(bytes, ge + 1, URLSAFE, 35, 35)?;
    let secret = bytes.get(ge + 1..end)?;
    (end_ok(bytes, end, Some(URLSAFE))
        && secret.iter().any(u8::is_ascii_alphabetic)
        && distinct(secret) >= 6)
        .then_some((gs, end))
}

/// Asana personal access token: `1/<id>:<32 hex>` or `2/<id>/<id>:<32 hex>`.
fn asana(
    bytes: &[u8],
    groups: &[(usize, usize)],
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let (&(fs, fe), rest) = groups.split_first()?;
    if fe - fs != 1 || !matches!(bytes.get(fs), Some(b'1' | b'2')) || !(1..=2).contains(&rest.len())
    {
        return None;
    }
    if rest
        .iter()
        .any(|&(s, e)| e - s < 6 || bytes.get(s - 1) != Some(&b'/'))
    {
        return None;
    }
    if start > 0
        && bytes
            .get(start - 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'/')
    {
        return None;
    }
    if bytes.get(end) != Some(&b':') {
        return None;
    }
    let tail = take(bytes, end + 1, rules::HEX, 32, 32)?;
    (end_ok(bytes, tail, None) && distinct(bytes.get(end + 1..tail)?) >= 6).then_some((start, tail))
}
