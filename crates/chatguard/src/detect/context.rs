//! Bounded, explained context scoring: words near a candidate raise or lower its score.
//!
//! Each recognizer names its supporting words (in en, de, fr, es, it, nl and pt at least), split in
//! two: *specific* words name the format or its country ("nif", "tfn", "マイナンバー", "Norwegian"),
//! *generic* words name a class of numbers that many formats share ("tax number", "ID number",
//! "personal number"). A specific word always wins over a generic one, raises the score more, and
//! lets its candidate win over another kind claiming the same characters with only generic or no
//! support (see `overlap`). A small shared list of contrary words (order, tracking, invoice,
//! version, ISBN … in the same languages) lowers the score of candidates that have no supporting
//! word (street addresses excepted: parcels go to them). Every change is bounded and reported as a [`ContextHit`] naming the word.
//!
//! A phone number no word supports may still be given as one by the layout around it: alone on a
//! line of a signature block, or on a next-of-kin line (`Next of kin: Jane Doe (…)`); that
//! support is reported as a hit naming the sign-off or the label (see `with_layout`).
//!
//! Words are looked for within [`BEFORE`] bytes before and [`AFTER`] bytes after a candidate
//! (measured to the word's near edge) and on the candidate's own line: the line above counts only
//! when the candidate starts its line (a label above a value), the line below only when it ends
//! it. A word must start at a word boundary; Chinese, Japanese, Korean and Thai characters are each
//! their own boundary (those scripts write words without spaces), and a Hebrew or Arabic word may
//! carry attached one-letter prefixes (ה, ו, ב, ל … / ال, و, ب …).

use core::ops::Range;

use crate::automaton::{Case, MatchKind, Matcher};

use super::hay::{last_digit, next_digit};
use super::mentions::{address_slot, Mentions};
use super::{Candidate, ContextHit, Hay};
use crate::table::Table;

/// How far before a candidate supporting words are looked for, in bytes.
pub(crate) const BEFORE: usize = 64;
/// How far after a candidate supporting words are looked for, in bytes.
pub(crate) const AFTER: usize = 32;
/// The raise a specific supporting word gives, less two per byte of distance.
pub(crate) const SUPPORT: i16 = 350;
/// The raise a generic supporting word gives, less two per byte of distance.
pub(crate) const GENERIC_SUPPORT: i16 = 250;
/// How far a context word may reach beyond the window's edge: words count by their near edge, so
/// a long phrase that starts inside the window may end outside it. No context word is longer.
pub(crate) const LONGEST_WORD: usize = 64;
/// The drop a contrary word gives (only when no supporting word is present).
pub(crate) const CONTRARY: i16 = -400;

/// Words that suggest a number is a reference of some business object rather than personal data.
#[rustfmt::skip]
pub(crate) static CONTRARY_WORDS: &[&str] = &[
    // en
    "order", "tracking", "invoice", "ticket", "ref", "reference", "isbn", "version", "build", "sku", "serial",
    "part no", "model", "shipment", "parcel", "confirmation", "booking", "reservation", "case", "po", "txn",
    "transaction id", "item", "article", "product", "part number", "catalog no", "timestamp",
    "time stamp", "epoch", "unix time", "created_at", "updated_at", "log", "logged", "last seen",
    "last login", "expires", "package", "customer no", "customer number", "receipt", "voucher", "coupon",
    "batch", "waybill", "consignment", "policy no", "policy number", "membership", "member no",
    "member number", "contract no", "contract number", "meter", "barcode", "ean", "upc", "gtin", "quote no",
    "quote number", "container", "store no", "store number", "job no", "job number", "claim no",
    "claim number", "lot no", "lot number",
    // de
    "bestell", "sendung", "rechnung", "auftrag", "artikel", "produkt", "vorgang", "buchung",
    "art.-nr", "art.nr", "art. nr", "teilenummer", "materialnummer", "zeitstempel", "protokoll",
    "zuletzt gesehen", "letzte anmeldung", "paket", "kundennummer", "kunden-nr", "kundennr", "beleg",
    "gutschein", "seriennummer", "chargennummer", "frachtbrief", "vertragsnummer", "zähler", "filiale",
    "lieferschein", "mitgliedsnummer", "versicherungsschein", "policennummer", "losnummer",
    // fr
    "commande", "facture", "colis", "suivi", "référence", "réf", "produit", "dossier",
    "horodatage", "journal", "vu à", "dernière connexion", "numéro client", "numéro de client", "reçu",
    "numéro de série", "lettre de voiture", "contrat", "compteur", "magasin", "code-barres", "code barre",
    "devis", "adhérent", "bon de livraison", "numéro de lot",
    // es
    "pedido", "factura", "seguimiento", "envío", "referencia", "artículo", "producto",
    "marca de tiempo", "marca temporal", "última conexión", "paquete", "número de cliente", "recibo",
    "cupón", "número de serie", "lote", "albarán", "contrato", "contador", "lectura", "tienda",
    "código de barras", "expediente", "presupuesto", "número de socio", "póliza",
    // it
    "ordine", "fattura", "spedizione", "riferimento", "articolo", "prodotto", "cod. art",
    "marca temporale", "ultimo accesso", "pacco", "tracciamento", "codice cliente", "ricevuta", "buono",
    "numero di serie", "lotto", "bolla", "contratto", "contatore", "lettura", "negozio", "codice a barre",
    "preventivo", "polizza",
    // nl
    "bestelling", "bestelnummer", "factuur", "zending", "artikelnummer", "kenmerk", "referentie",
    "onderdeelnummer", "tijdstempel", "laatst gezien", "pakket", "trackingnummer", "track & trace",
    "ordernummer", "klantnummer", "waardebon", "kassabon", "serienummer", "vrachtbrief", "contractnummer",
    "meternummer", "meterstand", "winkel", "streepjescode", "dossiernummer", "offerte",
    "lidmaatschapsnummer", "polisnummer",
    // pt
    "encomenda", "fatura", "rastreio", "referência", "artigo", "produto", "carimbo de data", "último acesso",
    "pacote", "número do pedido", "número de cliente", "recibo", "número de série", "lote", "guia de remessa",
    "contrato", "contador", "leitura", "loja", "código de barras", "processo", "orçamento", "número de sócio",
    "apólice",
    // no, da, sv, fi
    "ordre", "bestilling", "beställning", "faktura", "kundenummer", "kundnummer", "tilaus", "lasku",
];

/// Whether [`CONTRARY_WORDS`] may lower `cand`. They say a number is a business reference; a
/// street address is a house number followed by street words, which no reference is, and the
/// words of parcels and deliveries stand before addresses as often as before references
/// (`The parcel is waiting at 356 Jennifer Hill`, `Ihr Paket geht an Hauptstraße 5`). A person's
/// name is no number either: it is found only where the text marks it as a name, and the words of
/// invoices and orders stand before names as often (`Please send the invoice to Jane Doe`).
/// Nor is a telephone number written in a shape only telephone numbers take (see
/// [`in_telephone_only_shape`]): `I placed an order but got no text on my registered
/// (981) 353-7639`.
fn contrary_words_apply(text: &str, cand: &Candidate) -> bool {
    !matches!(cand.kind, crate::Kind::StreetAddress | crate::Kind::Person)
        && !in_telephone_only_shape(text, cand)
}

/// Whether `cand` is a phone number with what no business reference is written with: a leading
/// `+`, a parenthesised group (`(981) 353-7639`, `+44 (0)20 …`) or an extension (`x5260`,
/// `ext. 12`; the only letters a phone candidate holds).
fn in_telephone_only_shape(text: &str, cand: &Candidate) -> bool {
    cand.kind == crate::Kind::Phone
        && text
            .as_bytes()
            .get(cand.start..cand.end)
            .is_some_and(|value| {
                value
                    .iter()
                    .any(|&b| b == b'+' || b == b'(' || b.is_ascii_alphabetic())
            })
}

/// A recognizer's supporting words: those naming its format, and those naming a class of numbers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Support<'w> {
    /// Words naming the format or its country.
    pub specific: &'w [&'static str],
    /// Words naming a class of numbers many formats share.
    pub generic: &'w [&'static str],
}

impl<'w> Support<'w> {
    /// Only specific words.
    pub(crate) const fn only(words: &'w [&'static str]) -> Support<'w> {
        Support {
            specific: words,
            generic: &[],
        }
    }
}

/// Applies supporting context to a candidate. Returns `None` when the candidate needs context
/// and has none. Contrary words are applied later, once all candidates are known
/// ([`apply_contrary_in`]).
pub(crate) fn apply(
    text: &str,
    cand: Candidate,
    support: Support<'static>,
    needs_context: bool,
) -> Option<(Candidate, Option<ContextHit>)> {
    with_layout(text, apply_with(text, None, cand, support, needs_context))
}

/// [`apply`] on the text of `hay`, answered from its one pass over the context words
/// ([`Hay::mentions`]) where it can be. A candidate dropped for want of context is noted on the
/// hay ([`Hay::note_passed_over`]): a redaction may yet bring a word within reach.
pub(crate) fn apply_in(
    hay: &Hay<'_>,
    cand: Candidate,
    support: Support<'static>,
    needs_context: bool,
) -> Option<(Candidate, Option<ContextHit>)> {
    let applied = apply_with(hay.text, hay.mentions(), cand, support, needs_context);
    let applied = with_layout(hay.text, applied);
    if applied.is_none() {
        hay.note_passed_over();
    }
    applied
}

fn apply_with(
    text: &str,
    mentions: Option<&Mentions>,
    cand: Candidate,
    support: Support<'static>,
    needs_context: bool,
) -> Option<(Candidate, Option<ContextHit>)> {
    let (start, end) = (cand.start, cand.end);
    let breaks = mentions.is_none_or(Mentions::has_line_breaks);
    // The window is cut only when a search needs it: the one pass tells at once, without it,
    // that no word of a list occurs in the text.
    let mut parts: Option<(Range<usize>, Range<usize>)> = None;
    let mut window: Option<Window> = None;
    let mut nearest = |words: &'static [&'static str]| {
        // No word of an empty list ever stands near (most recognizers list no generic words).
        if words.is_empty() {
            return None;
        }
        // The list looked up once for both questions asked about it.
        let listed = mentions.map(|m| (m, m.listed(words)));
        let found = match listed.and_then(|(m, list)| {
            m.nearest(
                text,
                end,
                || window_parts_once(&mut parts, text, start, end, breaks),
                list,
            )
        }) {
            Some(found) => found,
            None => {
                let (before, after) = window_parts_once(&mut parts, text, start, end, breaks);
                window
                    .get_or_insert_with(|| Window::of(text, before, after))
                    .nearest(words)
            }
        };
        // Most lists hold no word that counts only in capitals: the one pass knows which do.
        if listed.is_some_and(|(m, list)| !m.may_hold_capitals_only(list)) {
            return found;
        }
        let (before, after) = window_parts_once(&mut parts, text, start, end, breaks);
        let at = listed.and_then(|(m, list)| m.capitals_only_at(list));
        with_capitals(found, text, &before, &after, words, at)
    };
    // A specific word wins over any generic one; among words of one sort the nearest wins.
    let found = match nearest(support.specific) {
        Some((word, distance)) => Some((word, distance, true)),
        None => nearest(support.generic).map(|(word, distance)| (word, distance, false)),
    };
    if let Some((word, distance, specific)) = found {
        return Some(supported(cand, word, distance, specific));
    }
    if needs_context {
        return None;
    }
    Some((cand, None))
}

/// `cand` raised by a supporting `word` standing `distance` bytes from it, and the hit saying so.
fn supported(
    mut cand: Candidate,
    word: &'static str,
    distance: usize,
    specific: bool,
) -> (Candidate, Option<ContextHit>) {
    // Nearer words support more (by up to 0.128), so where two formats share a shape the one
    // whose name stands next to the value wins.
    let full = if specific { SUPPORT } else { GENERIC_SUPPORT };
    let delta = full - (distance.min(BEFORE) as i16) * 2;
    cand.score = cand.score.adjust(delta);
    let hit = ContextHit {
        word,
        delta,
        specific,
    };
    (cand, Some(hit))
}

/// `applied` with the support that comes from the layout around a phone number no word supports,
/// rather than from a word next to it: one alone on a line of a signature block is given as the
/// signer's phone as surely as one after `Tel:`, one on a next-of-kin line as that person's
/// ([`super::builtin::block_support`]). It counts as a word at the sign-off's or label's distance.
/// Asked after the word search, apart from it, which every candidate of every kind goes through.
fn with_layout(
    text: &str,
    applied: Option<(Candidate, Option<ContextHit>)>,
) -> Option<(Candidate, Option<ContextHit>)> {
    match applied {
        Some((cand, None)) if cand.kind == crate::Kind::Phone => {
            match super::builtin::block_support(text, cand.start, cand.end) {
                Some((word, distance, specific)) => Some(supported(cand, word, distance, specific)),
                None => Some((cand, None)),
            }
        }
        applied => applied,
    }
}

/// True when a supporting word stands near `start..end` by the same rules [`apply`] uses. For
/// recognizers that accept a form only with support while their other forms stand alone, or that
/// tell two look-alike formats apart by a word.
pub(crate) fn has_support(text: &str, start: usize, end: usize, support: Support<'static>) -> bool {
    if start > end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return false;
    }
    let (before, after) = window_parts(text, start, end, true);
    let window = Window::of(text, before.clone(), after.clone());
    [support.specific, support.generic]
        .into_iter()
        .any(|words| {
            with_capitals(window.nearest(words), text, &before, &after, words, None).is_some()
        })
}

/// [`apply_contrary_in`] searching each window on its own (the tests hold the one-pass answers
/// to it).
#[cfg(test)]
pub(crate) fn apply_contrary(
    text: &str,
    found: &mut [(Candidate, Option<ContextHit>)],
    passes: impl Fn(&Candidate) -> bool,
) {
    apply_contrary_with(text, None, found, passes);
}

/// Lowers candidates that have no supporting word but a contrary word before them. Words inside
/// other candidates that already pass their threshold do not count: those will be redacted, and
/// redacted text must scan the same as the original did. Windows are answered from the one pass
/// over the context words of `hay` ([`Hay::mentions`]) where it can be.
///
/// One sweep in order of start: the passing candidates that start before a candidate and reach
/// into its window are kept in a small active list, so each candidate looks only at those, never
/// at every passing candidate of the text.
pub(crate) fn apply_contrary_in(
    hay: &Hay<'_>,
    found: &mut [(Candidate, Option<ContextHit>)],
    passes: impl Fn(&Candidate) -> bool,
) {
    apply_contrary_with(hay.text, Some(hay), found, passes);
}

fn apply_contrary_with(
    text: &str,
    hay: Option<&Hay<'_>>,
    found: &mut [(Candidate, Option<ContextHit>)],
    passes: impl Fn(&Candidate) -> bool,
) {
    if found.iter().all(|(_, hit)| hit.is_some()) {
        return;
    }
    crate::scratch::lend(&SWEEP, |lists| {
        sweep_contrary(text, hay, found, passes, lists);
    });
}

/// The working lists of [`apply_contrary_with`]'s sweep, kept between calls (see
/// [`crate::scratch`]): each holds `(start, end, place in found)` or, for `near`,
/// `(place, start, end)`.
#[derive(Default)]
struct SweepLists {
    by_start: Vec<(usize, usize, usize)>,
    strong: Vec<(usize, usize, usize)>,
    active: Vec<(usize, usize, usize)>,
    near: Vec<(usize, usize, usize)>,
}

impl crate::scratch::Reuse for SweepLists {
    fn empty_for_reuse(&mut self) -> bool {
        let mut keep = true;
        for list in [
            &mut self.by_start,
            &mut self.strong,
            &mut self.active,
            &mut self.near,
        ] {
            keep &= list.empty_for_reuse();
        }
        keep
    }
}

std::thread_local! {
    /// The lists [`apply_contrary_with`] lends its sweep.
    static SWEEP: core::cell::Cell<Option<Box<SweepLists>>> = const { core::cell::Cell::new(None) };
}

/// The sweep of [`apply_contrary_with`], with its working lists (empty).
fn sweep_contrary(
    text: &str,
    hay: Option<&Hay<'_>>,
    found: &mut [(Candidate, Option<ContextHit>)],
    passes: impl Fn(&Candidate) -> bool,
    lists: &mut SweepLists,
) {
    let SweepLists {
        by_start,
        strong,
        active,
        near,
    } = lists;
    // All candidates by start, each with its place in `found`: the windows of those without a
    // supporting word start in this order too, and the passing ones enter the sweep in it.
    by_start.extend(
        found
            .iter()
            .enumerate()
            .map(|(at, (c, _))| (c.start, c.end, at)),
    );
    crate::sort::sort_by(by_start, Ord::cmp);
    strong.extend(
        by_start
            .iter()
            .filter(|&&(_, _, at)| found.get(at).is_some_and(|(c, _)| passes(c)))
            .copied(),
    );
    let mut next_strong = strong.iter().peekable();
    for &(_, _, at) in by_start.iter() {
        let Some((cand, hit)) = found.get_mut(at) else {
            continue;
        };
        if hit.is_some() || !contrary_words_apply(text, cand) {
            continue;
        }
        let from = floor_boundary(text, cand.start.saturating_sub(BEFORE));
        while let Some(&st) = next_strong.next_if(|st| st.0 < cand.start) {
            active.push(st);
        }
        // Ended before this window, so before every later one too.
        super::tally(active.len());
        active.retain(|&(_, e, _)| e > from);
        // Blanked in the order of `found`, as the words they hide were always blanked.
        near.clear();
        near.extend(
            active
                .iter()
                .filter(|&&(s, e, _)| (s, e) != (cand.start, cand.end))
                .map(|&(s, e, place)| (place, s, e)),
        );
        let fast = hay.and_then(Hay::mentions).and_then(|m| {
            let blanked = near
                .iter()
                .map(|&(_, s, e)| (s.max(from), e.min(cand.start)));
            m.first_listed(text, from..cand.start, CONTRARY_WORDS, blanked)
        });
        let first = match fast {
            Some(first) => first,
            None => {
                if near.len() > 1 {
                    crate::sort::sort_by(near, Ord::cmp);
                }
                let Some(window) = text.get(from..cand.start) else {
                    continue;
                };
                let mut before = without_placeholders(window);
                for &(_, s, e) in near.iter() {
                    let (s, e) = (s.max(from) - from, e.min(cand.start) - from);
                    // Lowercasing may change byte lengths outside ASCII; blank only what still
                    // lines up.
                    if e <= before.len() && before.is_char_boundary(s) && before.is_char_boundary(e)
                    {
                        before.replace_range(s..e, &" ".repeat(e - s));
                    }
                }
                first_listed(&before, CONTRARY_WORDS)
            }
        };
        if let Some(word) = first.and_then(|i| CONTRARY_WORDS.get(i).copied()) {
            cand.score = cand.score.adjust(CONTRARY);
            *hit = Some(ContextHit {
                word,
                delta: CONTRARY,
                specific: false,
            });
        }
    }
}

/// The lowercase text around a candidate, split at the candidate, cut at line breaks: the text
/// before it is `lower[..split]`, the text after it `lower[split..]` (one buffer for both).
struct Window {
    lower: String,
    split: usize,
}

/// Context words that are also everyday words of a supported language (Spanish *sin*, Italian
/// *ci*, English *run* and *inn*, German *nie* and *ein*, French *fin* …): they name a format only as the
/// acronym,
/// written in capitals (`SIN`, `CI`, `RUN`), and are searched for case-sensitively
/// ([`nearest_in_capitals`]); the lower-case searches skip them.
pub(crate) static CAPITALS_ONLY: &[&str] = &[
    "sin", "ci", "run", "nie", "fin", "tin", "pan", "ato", "inn", "ein",
];

/// True when `word` counts only written in capitals ([`CAPITALS_ONLY`]).
pub(crate) fn capitals_only(word: &str) -> bool {
    // Every one is two or three letters: most words are told apart by their length alone.
    word.len() <= 3 && CAPITALS_ONLY.contains(&word)
}

/// The [`CAPITALS_ONLY`] word of `words` nearest to a value whose window parts are `before` and
/// `after`, written in capitals and standing as a word, as `(distance, index in words)`.
/// `at`, when known, lists the positions of those words in `words`.
fn nearest_in_capitals(
    text: &str,
    before: &Range<usize>,
    after: &Range<usize>,
    words: &[&'static str],
    at: Option<&[usize]>,
) -> Option<(usize, usize)> {
    let bytes = Table(text.as_bytes());
    let word_char = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphanumeric);
    let mut best: Option<(usize, usize)> = None;
    let mut search = |i: usize, w: &str| {
        let mut upper = [0u8; 8];
        let Some(needle) = upper.get_mut(..w.len()) else {
            return;
        };
        needle.copy_from_slice(w.as_bytes());
        needle.make_ascii_uppercase();
        let needle = &*needle;
        for (lo, hi, is_before) in [
            (before.start, before.end, true),
            (after.start, after.end, false),
        ] {
            let Some(part) = bytes.get(lo..hi) else {
                continue;
            };
            let Some(&first) = needle.first() else {
                continue;
            };
            for at in memchr::memchr_iter(first, part) {
                if !part.get(at..).is_some_and(|rest| rest.starts_with(needle)) {
                    continue;
                }
                let (s, e) = (lo + at, lo + at + needle.len());
                let stands = (s == lo || !word_char(s - 1)) && (e == hi || !word_char(e));
                let d = if is_before { hi - e } else { s - lo };
                if stands
                    && d <= if is_before { BEFORE } else { AFTER }
                    && best.is_none_or(|b| (d, i) < b)
                {
                    best = Some((d, i));
                }
            }
        }
    };
    match at {
        Some(at) => {
            for &i in at {
                if let Some(w) = words.get(i) {
                    search(i, w);
                }
            }
        }
        None => {
            for (i, w) in words.iter().enumerate().filter(|(_, w)| capitals_only(w)) {
                search(i, w);
            }
        }
    }
    best
}

/// The nearer of a lower-case search's answer and [`nearest_in_capitals`], between equally
/// near words the one listed first.
fn with_capitals(
    found: Option<(&'static str, usize)>,
    text: &str,
    before: &Range<usize>,
    after: &Range<usize>,
    words: &'static [&'static str],
    at: Option<&[usize]>,
) -> Option<(&'static str, usize)> {
    let Some((d, i)) = nearest_in_capitals(text, before, after, words, at) else {
        return found;
    };
    let listed = |w: &str| words.iter().position(|x| *x == w).unwrap_or(usize::MAX);
    match found {
        Some((w, fd)) if (fd, listed(w)) <= (d, i) => Some((w, fd)),
        _ => words.get(i).map(|w| (*w, d)),
    }
}

/// Words that join the values of a list, in the supported languages: between two values they
/// keep the first one's label for the second.
const LIST_JOINERS: &[&str] = &[
    "and", "or", "und", "oder", "et", "ou", "y", "o", "e", "ed", "en", "of",
];

/// [`window_parts`], cut on first use and kept in `parts`.
fn window_parts_once(
    parts: &mut Option<(Range<usize>, Range<usize>)>,
    text: &str,
    start: usize,
    end: usize,
    breaks: bool,
) -> (Range<usize>, Range<usize>) {
    parts
        .get_or_insert_with(|| window_parts(text, start, end, breaks))
        .clone()
}

/// The parts of `text` searched for words around `start..end`: before the candidate (ending at
/// `start`) and after it (starting at `end`), cut at line breaks.
///
/// A word names the value it stands next to: words before another value (a digit between them
/// and this one) are that value's unless only a list's separators stand between the two
/// (`SSN: 123-45-6789, 987-65-4321`), and after this one the search stops at the next value's
/// label, the two words right before it (`SIN 450577309. passport no. 944037290`: `SIN` names
/// the first, `passport no.` the second).
///
/// `breaks` is false only when the text holds no line break (then none is looked for).
fn window_parts(
    text: &str,
    start: usize,
    end: usize,
    breaks: bool,
) -> (Range<usize>, Range<usize>) {
    let from = floor_boundary(text, start.saturating_sub(BEFORE + LONGEST_WORD));
    let to = ceil_boundary(text, (end + AFTER + LONGEST_WORD).min(text.len()));
    (
        before_part(text, from, start, breaks),
        after_part(text, end, to, breaks),
    )
}

/// The part before a value starting at `start`, from `from` on, cut at line breaks (when
/// `breaks`) and at the last digit (see [`window_parts`]).
fn before_part(text: &str, from: usize, start: usize, breaks: bool) -> Range<usize> {
    let text = Table(text);
    let bytes = Table(text.as_bytes());
    let mut before = from..start;
    if let Some(nl) = breaks
        .then(|| memchr::memrchr(b'\n', &bytes[from..start]))
        .flatten()
    {
        // A value that starts its line sees the line above (its label), no further.
        let cut = if is_blank(&text[from + nl + 1..start]) {
            memchr::memrchr(b'\n', &bytes[from..from + nl]).map_or(0, |p| p + 1)
        } else {
            nl + 1
        };
        before = from + cut..start;
    }
    if let Some(digit) = last_digit(&bytes[before.clone()]) {
        if !only_list_joiners(&text[before.start + digit + 1..before.end]) {
            // Letters glued to that digit (`a2cf`) are the rest of its word, never a word of
            // their own: the part starts after them, as the one pass ([`Mentions`]) reads it.
            let mut cut = before.start + digit + 1;
            while cut < before.end && bytes[cut].is_ascii_alphanumeric() {
                cut += 1;
            }
            before = cut..before.end;
        }
    }
    before
}

/// The part after a value ending at `end`, up to `to`, cut at line breaks (when `breaks`) and
/// at the label of the next value (see [`window_parts`]).
fn after_part(text: &str, end: usize, to: usize, breaks: bool) -> Range<usize> {
    let text = Table(text);
    let bytes = Table(text.as_bytes());
    let mut after = end..to;
    if let Some(nl) = breaks
        .then(|| memchr::memchr(b'\n', &bytes[end..to]))
        .flatten()
    {
        // A value that ends its line sees the line below, no further.
        let cut = if is_blank(&text[end..end + nl]) {
            memchr::memchr(b'\n', &bytes[end + nl + 1..to]).map_or(to - end, |p| nl + 1 + p)
        } else {
            nl
        };
        after = end..end + cut;
    }
    if let Some(digit) = next_digit(&bytes[..after.end], after.start) {
        after = after.start..label_start(&bytes, after.start, digit);
    }
    after
}

/// Where the label of a value whose first digit is at `digit` starts: the two words right before
/// it, not before `from`.
fn label_start(bytes: &[u8], from: usize, digit: usize) -> usize {
    let bytes = Table(bytes);
    let mut label = digit;
    for _ in 0..2 {
        while label > from && bytes[label - 1].is_ascii_whitespace() {
            label -= 1;
        }
        while label > from && !bytes[label - 1].is_ascii_whitespace() {
            label -= 1;
        }
    }
    label
}

/// True when the words of `between` (the text between two values) are all [`LIST_JOINERS`].
fn only_list_joiners(between: &str) -> bool {
    let joiner = |w: &[u8]| {
        w.is_empty()
            || LIST_JOINERS
                .iter()
                .any(|j| w.eq_ignore_ascii_case(j.as_bytes()))
    };
    if !between.is_ascii() {
        return between
            .split(|c: char| !c.is_alphabetic())
            .all(|w| joiner(w.as_bytes()));
    }
    // The same words: on ASCII, `is_alphabetic` is `is_ascii_alphabetic`.
    let bytes = Table(between.as_bytes());
    let mut at = 0;
    while at < bytes.len() {
        let len = bytes[at..]
            .iter()
            .position(|b| !b.is_ascii_alphabetic())
            .unwrap_or(bytes.len() - at);
        if !joiner(&bytes[at..at + len]) {
            return false;
        }
        at += len + 1;
    }
    true
}

impl Window {
    /// The lowercased window made of the parts [`window_parts`] returns.
    fn of(text: &str, before: Range<usize>, after: Range<usize>) -> Window {
        let before = text.get(before).unwrap_or_default();
        let after = text.get(after).unwrap_or_default();
        let mut lower = String::with_capacity(before.len() + after.len());
        push_without_placeholders(&mut lower, before);
        let split = lower.len();
        push_without_placeholders(&mut lower, after);
        Window { lower, split }
    }

    fn before(&self) -> &str {
        self.lower.get(..self.split).unwrap_or_default()
    }

    fn after(&self) -> &str {
        self.lower.get(self.split..).unwrap_or_default()
    }

    /// The word nearest to the candidate, with its distance in bytes from the word's near edge.
    /// Words farther than [`BEFORE`] / [`AFTER`] do not count.
    fn nearest(&self, words: &'static [&'static str]) -> Option<(&'static str, usize)> {
        if words.is_empty() {
            return None;
        }
        let ac = automaton(words);
        // Nearest first; between equally near words, the one listed first.
        let mut best: Option<(usize, usize)> = None;
        let mut offer = |d: usize, i: usize| {
            if best.is_none_or(|b| (d, i) < b) {
                best = Some((d, i));
            }
        };
        let lower_case = |i: usize| words.get(i).is_some_and(|w| !capitals_only(w));
        let before = self.before();
        each_match(before, words, ac.as_deref(), |i, _, e| {
            let d = before.len() - e;
            if d <= BEFORE && lower_case(i) {
                offer(d, i);
            }
        });
        each_match(self.after(), words, ac.as_deref(), |i, s, _| {
            if s <= AFTER && lower_case(i) {
                offer(s, i);
            }
        });
        best.map(|(d, i)| (words[i], d))
    }
}

/// True when `s` holds no letter or digit (only spaces, bullets, colons …).
fn is_blank(s: &str) -> bool {
    !s.chars().any(char::is_alphanumeric)
}

/// Lowercases `text` and blanks out redaction placeholders (`[CREDIT_CARD_1]`, `[EMAIL#abc]`), whose
/// kind names must not count as context: redacted text has to scan the same as it did before.
pub(crate) fn without_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_without_placeholders(&mut out, text);
    out
}

/// Appends [`without_placeholders`]`(text)` to `out`.
fn push_without_placeholders(out: &mut String, text: &str) {
    let from = out.len();
    crate::normalize::push_lower(out, text);
    // Both are ASCII, so looking at bytes finds what `contains(['[', ']'])` finds.
    if memchr::memchr2(b'[', b']', &out.as_bytes()[from..]).is_none() {
        return;
    }
    // Placeholders are ASCII, so blanking them keeps every other byte where it was.
    let bytes = &out.as_bytes()[from..];
    let is_inner = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'#';
    let mut blank = Vec::new();
    // A placeholder cut off by the window's start: `card_1] …`.
    if let Some(close) = bytes.iter().position(|&b| !is_inner(b)) {
        if bytes[close] == b']' && close > 0 {
            blank.push((0, close + 1));
        }
    }
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'[' {
            let len = bytes[i + 1..].iter().position(|&b| !is_inner(b));
            match len {
                // A whole placeholder.
                Some(len) if len > 0 && bytes[i + 1 + len] == b']' => {
                    blank.push((i, i + len + 2));
                    i += len + 2;
                    continue;
                }
                // A placeholder cut off by the window's end: `… [credit_ca`.
                None => {
                    blank.push((i, bytes.len()));
                    break;
                }
                _ => {}
            }
        }
        i += 1;
    }
    for (s, e) in blank {
        out.replace_range(from + s..from + e, &" ".repeat(e - s));
    }
}

/// True when a context word whose last word has four or more letters also matches as a prefix
/// (`phone` matches `phones`); shorter ones (`inn`, `инн`, `tél`) must end at a word boundary too,
/// whatever their bytes (`инн` is no mention in `инновации`), and so must phrases ending in a
/// short word (`customer no` is no mention in `Customer Noah`).
#[inline]
pub(crate) fn matches_as_prefix(word: &str) -> bool {
    // The last four characters, none a space: the last word has four letters or more.
    let mut tail = word.chars().rev();
    (0..4).all(|_| tail.next().is_some_and(|c| c != ' '))
}

/// True when `word` occurs in `hay` starting at a word boundary; see [`matches_as_prefix`] for
/// where it must end.
pub(crate) fn contains_word(hay: &str, word: &str) -> bool {
    find_word(hay, word, false).is_some()
}

/// The position of the first (or, with `last`, the last) occurrence of `word` in `hay` as a word.
/// The empty string is no word: it would match at every position, and stepping past it one byte
/// at a time would run off the end or into the middle of a character.
fn find_word(hay: &str, word: &str, last: bool) -> Option<usize> {
    let first_len = word.chars().next()?.len_utf8();
    let mut from = 0;
    let mut found = None;
    while let Some(at) = find_from(hay, word, from) {
        let end = at + word.len();
        if is_word_at(hay, at, end, word) {
            found = Some(at);
            if !last {
                break;
            }
        }
        from = at + first_len;
    }
    found
}

/// The first byte offset at or after `from` where `needle` occurs in `hay`. Windows are a few
/// hundred bytes and words short, so comparing at each occurrence of the first byte beats setting
/// up a two-way searcher per word. A match of a whole UTF-8 string always starts at a character
/// boundary, so this finds what `str::find` finds.
fn find_from(hay: &str, needle: &str, from: usize) -> Option<usize> {
    if !hay.is_char_boundary(from) {
        return None;
    }
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let (&first, rest) = needle.split_first()?;
    let mut at = from;
    while let Some(p) = hay.get(at..)?.iter().position(|&b| b == first) {
        let i = at + p;
        if hay.get(i + 1..i + needle.len()) == Some(rest) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// True when a word may start at `at`: after a non-word character, after a character of a script
/// written without spaces, or (Hebrew, Arabic) after up to three attached prefix letters that
/// themselves follow a boundary.
/// True when `word`, found at `at..end` of `hay`, stands there as a word: it starts at a word
/// boundary, and short words (under four letters) also end at one.
fn is_word_at(hay: &str, at: usize, end: usize, word: &str) -> bool {
    let hay = Table(hay);
    starts_word(&hay, at, word)
        && (matches_as_prefix(word) || hay[end..].chars().next().is_none_or(|c| !continues_word(c)))
}

/// Multi-word search for the word lists: one automaton per list, built on first use, found by the
/// list's address and length. Lists are `'static` (the built-in ones are constants, a custom
/// pattern's is leaked once per guard), and `'static` data is never freed or changed, so its
/// address and length name its content. The cache is an open-addressing table probed from
/// [`address_slot`] on, as the one pass's list registry is (no hash map: the browser module then
/// links one hash table less); it is bounded, and lists past the bound are searched word by word.
fn automaton(words: &'static [&'static str]) -> Option<std::sync::Arc<Matcher>> {
    use std::sync::{Arc, Mutex};
    /// The cached lists: how many, and the table (empty until first used).
    type Cache = (usize, Vec<Option<((usize, usize), Arc<Matcher>)>>);
    const MAX_CACHED: usize = 512;
    /// Slots of the table: twice the lists it holds, a power of two.
    const SLOTS: usize = 2 * MAX_CACHED;
    static CACHE: Mutex<Cache> = Mutex::new((0, Vec::new()));
    let mut guard = CACHE.lock().ok()?;
    let (cached, table) = &mut *guard;
    if table.is_empty() {
        table.resize(SLOTS, None);
    }
    let key = (words.as_ptr() as usize, words.len());
    let mut at = address_slot(key, SLOTS);
    loop {
        match table.get(at)? {
            Some((k, ac)) if *k == key => return Some(Arc::clone(ac)),
            Some(_) => at = (at + 1) % SLOTS,
            None => break,
        }
    }
    if *cached >= MAX_CACHED {
        return None;
    }
    let ac = Arc::new(Matcher::new(words, MatchKind::Standard, Case::Exact).ok()?);
    *table.get_mut(at)? = Some((key, Arc::clone(&ac)));
    *cached += 1;
    Some(ac)
}

/// Calls `found(word index, start, end)` for the matches of `words` in `hay` that stand as words,
/// searching with `ac` (the list's automaton) when there is one, word by word (first and last
/// occurrence of each) when not.
fn each_match(
    hay: &str,
    words: &[&'static str],
    ac: Option<&Matcher>,
    mut found: impl FnMut(usize, usize, usize),
) {
    match ac {
        Some(ac) => {
            for m in ac.find_overlapping_iter(hay) {
                let (i, s, e) = (m.pattern().as_usize(), m.start(), m.end());
                if words
                    .get(i)
                    .is_some_and(|w| !w.is_empty() && is_word_at(hay, s, e, w))
                {
                    found(i, s, e);
                }
            }
        }
        None => {
            for (i, w) in words.iter().enumerate() {
                if let Some(at) = find_word(hay, w, false) {
                    found(i, at, at + w.len());
                }
                if let Some(at) = find_word(hay, w, true) {
                    found(i, at, at + w.len());
                }
            }
        }
    }
}

/// The index of the first-listed word of `words` that stands as a word in `hay`.
fn first_listed(hay: &str, words: &'static [&'static str]) -> Option<usize> {
    let ac = automaton(words);
    let mut first: Option<usize> = None;
    each_match(hay, words, ac.as_deref(), |i, _, _| {
        if first.is_none_or(|f| i < f) {
            first = Some(i);
        }
    });
    first
}

fn starts_word(hay: &str, at: usize, word: &str) -> bool {
    let hay = Table(hay);
    let mut before = hay[..at].chars().rev();
    let Some(prev) = before.next() else {
        return true;
    };
    if !continues_word(prev) {
        return true;
    }
    let Some(first) = word.chars().next() else {
        return false;
    };
    let prefix: fn(char) -> bool = match first {
        '\u{05D0}'..='\u{05EA}' => |c| "ובהכלמש".chars().any(|p| p == c),
        '\u{0620}'..='\u{064A}' => |c| "والبكف".chars().any(|p| p == c),
        _ => return false,
    };
    if !prefix(prev) {
        return false;
    }
    for _ in 0..2 {
        match before.next() {
            None => return true,
            Some(c) if !continues_word(c) => return true,
            Some(c) if prefix(c) => {}
            Some(_) => return false,
        }
    }
    before.next().is_none_or(|c| !continues_word(c))
}

/// True when `c` joins the letters around it into one word: letters and digits, except those of
/// scripts written without spaces between words (each of their characters is its own boundary).
fn continues_word(c: char) -> bool {
    c.is_alphanumeric() && !is_unspaced(c)
}

/// Chinese, Japanese, Korean, Thai, Lao, Khmer and Myanmar characters.
pub(crate) fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'       // Thai, Lao
        | '\u{1000}'..='\u{109F}'     // Myanmar
        | '\u{1100}'..='\u{11FF}'     // Hangul Jamo
        | '\u{1780}'..='\u{17FF}'     // Khmer
        | '\u{3040}'..='\u{31FF}'     // Hiragana, Katakana, Bopomofo, Hangul compatibility
        | '\u{3400}'..='\u{4DBF}'     // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'     // CJK unified ideographs
        | '\u{AC00}'..='\u{D7AF}'     // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'     // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}'     // half-width Katakana
        | '\u{20000}'..='\u{3FFFF}'   // CJK extensions B and later
    )
}

/// The largest char boundary at or below `at`.
pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary at or above `at`.
pub(crate) fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The pairwise `apply_contrary` this module had before the sweep: the oracle the differential
/// tests hold it to.
#[cfg(test)]
pub(crate) fn apply_contrary_pairwise(
    text: &str,
    found: &mut [(Candidate, Option<ContextHit>)],
    passes: impl Fn(&Candidate) -> bool,
) {
    let strong: Vec<(usize, usize)> = found
        .iter()
        .filter(|(c, _)| passes(c))
        .map(|(c, _)| (c.start, c.end))
        .collect();
    for (cand, hit) in found.iter_mut() {
        if hit.is_some() || !contrary_words_apply(text, cand) {
            continue;
        }
        let from = floor_boundary(text, cand.start.saturating_sub(BEFORE));
        let mut before = without_placeholders(&text[from..cand.start]);
        super::tally(strong.len());
        for &(s, e) in &strong {
            if s < cand.start && e > from && (s, e) != (cand.start, cand.end) {
                let (s, e) = (s.max(from) - from, e.min(cand.start) - from);
                // Lowercasing may change byte lengths outside ASCII; blank only what still lines up.
                if e <= before.len() && before.is_char_boundary(s) && before.is_char_boundary(e) {
                    before.replace_range(s..e, &" ".repeat(e - s));
                }
            }
        }
        if let Some(word) = first_listed(&before, CONTRARY_WORDS).map(|i| CONTRARY_WORDS[i]) {
            cand.score = cand.score.adjust(CONTRARY);
            *hit = Some(ContextHit {
                word,
                delta: CONTRARY,
                specific: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_from_finds_what_str_find_finds() {
        let hays = [
            "",
            "a",
            "aaa",
            "tax number, tax no: ab",
            "numéro fiscal numéro",
            "マイナンバー番号マイナンバー",
            "ה מספר זהות",
        ];
        let needles = [
            "a",
            "aa",
            "tax",
            "no",
            "numéro",
            "é",
            "マイナンバー",
            "ナ",
            "זהות",
            "x",
            "ab",
        ];
        for hay in hays {
            for needle in needles {
                for from in 0..=hay.len() + 1 {
                    let want = hay
                        .get(from..)
                        .and_then(|r| r.find(needle))
                        .map(|p| p + from);
                    assert_eq!(
                        find_from(hay, needle, from),
                        want,
                        "{hay:?} {needle:?} {from}"
                    );
                }
            }
        }
    }
    use crate::{Kind, Score};

    fn only(words: &'static [&'static str]) -> Support<'static> {
        Support::only(words)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Synthetic texts of contrary words, numbers, placeholders and letters whose lowercase
        /// is longer (`İ`), with overlapping candidates: the sweep changes exactly what the
        /// pairwise version changed.
        #[test]
        fn contrary_words_as_the_pairwise_version(
            pieces in proptest::collection::vec(0..8usize, 1..60),
            picks in proptest::collection::vec((0..1000usize, 0..40usize, 0..1000u16, 0..3u8), 0..40),
        ) {
            const PIECES: [&str; 8] =
                ["order ", "4111 1111 ", "İİ ", "[EMAIL_1] ", "ref: ", "\n", "Ticket ", "é 12 "];
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let found: Vec<(Candidate, Option<ContextHit>)> = picks
                .iter()
                .map(|&(at, len, score, hit)| {
                    let start = bounds[at % bounds.len()];
                    let end = bounds[(at % bounds.len() + len).min(bounds.len() - 1)];
                    let mut c = cand(start, end);
                    c.score = Score::from_milli(score);
                    let hit = (hit == 0).then_some(ContextHit { word: "bsn", delta: 100, specific: false });
                    (c, hit)
                })
                .collect();
            let passes = |c: &Candidate| c.score >= Score::from_milli(500);
            let mut fast = found.clone();
            let mut pairwise = found;
            apply_contrary(&text, &mut fast, passes);
            apply_contrary_pairwise(&text, &mut pairwise, passes);
            proptest::prop_assert_eq!(fast, pairwise);
        }
    }

    fn cand(start: usize, end: usize) -> Candidate {
        Candidate {
            kind: Kind::NlBsn,
            start,
            end,
            score: Score::from_milli(400),
            rule: "t",
            validated: true,
        }
    }

    #[test]
    fn an_empty_context_word_matches_nothing_and_does_not_panic() {
        // Found by the `policy` fuzz target (tests/fuzz/testdata/policy/crash-empty-context-word):
        // a custom pattern's context word "" made `find_word` step past the end of the window.
        for text in ["employee EMP-123", "EMP-123", "é EMP-123 ü", ""] {
            assert_eq!(find_word(text, "", false), None);
            assert_eq!(find_word(text, "", true), None);
        }
        let text = "employee EMP-123 vale";
        assert_eq!(
            apply(text, cand(9, 16), Support::only(&["", "vale"]), true)
                .map(|(_, h)| h.map(|h| h.word)),
            Some(Some("vale"))
        );
        assert_eq!(apply(text, cand(9, 16), Support::only(&[""]), true), None);
    }

    #[test]
    fn supporting_word_raises_and_is_explained() {
        let text = "mijn BSN is 111222333";
        let (c, hit) = apply(text, cand(12, 21), only(&["bsn"]), true).expect("kept");
        assert_eq!(c.score, Score::from_milli(400 + 350 - 8));
        assert_eq!(
            hit,
            Some(ContextHit {
                word: "bsn",
                delta: 342,
                specific: true,
            })
        );
    }

    #[test]
    fn the_nearest_supporting_word_wins() {
        let text = "Steuer-ID oder OIB: 111222333";
        let (_, hit) = apply(text, cand(20, 29), only(&["steuer-id", "oib"]), true).expect("kept");
        assert_eq!(hit.map(|h| h.word), Some("oib"));
    }

    #[test]
    fn needed_context_missing_drops() {
        assert!(apply("number 111222333", cand(7, 16), only(&["bsn"]), true).is_none());
    }

    #[test]
    fn contrary_word_lowers_when_no_support() {
        let text = "order 111222333";
        let mut found = [apply(text, cand(6, 15), only(&["bsn"]), false).expect("kept")];
        apply_contrary(text, &mut found, |_| false);
        assert_eq!(found[0].0.score, Score::ZERO);
        assert_eq!(found[0].1.map(|h| h.word), Some("order"));
    }

    #[test]
    fn contrary_words_leave_street_addresses_alone() {
        // A synthetic address: the parcel goes to it, it is no parcel number.
        let text = "The parcel is waiting at 356 Jennifer Hill";
        let mut street = cand(25, 42);
        street.kind = crate::Kind::StreetAddress;
        let mut found = [(street, None)];
        apply_contrary(text, &mut found, |_| false);
        assert_eq!(found[0].0.score, Score::from_milli(400));
        assert_eq!(found[0].1, None);
        let mut pairwise = [(street, None)];
        apply_contrary_pairwise(text, &mut pairwise, |_| false);
        assert_eq!(pairwise, found);
    }

    #[test]
    fn contrary_words_inside_passing_candidates_do_not_count() {
        let text = "jane.order@example.com 111222333";
        let mut found = [(cand(0, 22), None), (cand(23, 32), None)];
        found[0].0.score = Score::from_milli(950);
        apply_contrary(text, &mut found, |c| c.score >= Score::from_milli(500));
        assert_eq!(found[1].0.score, Score::from_milli(400));
        assert_eq!(found[1].1, None);
    }

    #[test]
    fn placeholders_are_not_context() {
        assert_eq!(
            without_placeholders("Card [CREDIT_CARD_1] x"),
            "card                 x"
        );
        assert_eq!(
            without_placeholders("[EMAIL_1] [CREDIT_CA"),
            "                    "
        );
        assert_eq!(without_placeholders("IT_CARD_1] card"), "           card");
        assert_eq!(without_placeholders("[see card]"), "[see card]");
    }

    #[test]
    fn everyday_words_name_a_format_only_as_capital_acronyms() {
        // Synthetic values. Spanish "sin" (without) and Italian "ci" name nothing.
        let words: &'static [&'static str] = &["social insurance", "sin"];
        let support = Support::only(words);
        let at = |text: &str| {
            let start = text.find("450").expect("value");
            apply(text, cand(start, start + 9), support, true).map(|(_, hit)| hit.map(|h| h.word))
        };
        assert_eq!(at("my SIN is 450577309"), Some(Some("sin")));
        assert_eq!(at("450577309 (SIN)"), Some(Some("sin")));
        assert_eq!(at("factura 450577309, sin prisa"), None);
        assert_eq!(at("Sin 450577309"), None);
        assert_eq!(at("SINGLE 450577309"), None);
        assert!(has_support("my SIN: 450577309", 8, 17, support));
        assert!(!has_support("sin 450577309", 4, 13, support));
        for w in CAPITALS_ONLY {
            assert!(
                w.len() <= 8 && w.bytes().all(|b| b.is_ascii_lowercase()),
                "{w}"
            );
        }
    }

    #[test]
    fn words_need_a_left_boundary() {
        assert!(contains_word("my phone:", "phone"));
        assert!(contains_word("telephones", "tele"));
        assert!(!contains_word("microphone", "phone"));
        assert!(!contains_word("reform", "ref"));
        assert!(contains_word("ref: ", "ref"));
        // Short words end at a boundary in any script: letters count, not bytes.
        assert!(contains_word("мой инн: ", "инн") && contains_word("инн", "инн"));
        assert!(!contains_word("инновации", "инн"));
        assert!(!contains_word("télévision", "tél"));
        assert!(contains_word("телефонът", "телефон"));
        // A phrase ending in a short word ends at a boundary too (a synthetic name).
        assert!(contains_word("customer no. 12", "customer no"));
        assert!(!contains_word("customer noah scott", "customer no"));
        assert!(contains_word("social insurances", "social insurance"));
    }

    #[test]
    fn a_specific_word_beats_a_nearer_generic_one_and_raises_more() {
        let support = Support {
            specific: &["portuguese"],
            generic: &["tax number"],
        };
        // The generic phrase stands nearer, the specific word still wins.
        let text = "my Portuguese tax number: 111222333";
        let (c, hit) = apply(text, cand(26, 35), support, true).expect("kept");
        let hit = hit.expect("hit");
        assert_eq!((hit.word, hit.specific), ("portuguese", true));
        assert_eq!(hit.delta, SUPPORT - 2 * 13);
        assert_eq!(c.score, Score::from_milli(400 + 324));
        // Only a generic word: a smaller raise, marked as generic.
        let text = "tax number: 111222333";
        let (c, hit) = apply(text, cand(12, 21), support, true).expect("kept");
        assert_eq!(
            hit.map(|h| (h.word, h.specific)),
            Some(("tax number", false))
        );
        assert_eq!(c.score, Score::from_milli(400 + 250 - 4));
    }

    #[test]
    fn words_count_by_their_near_edge() {
        // A long phrase that starts within 32 bytes after the value counts even if it ends later.
        let text = "he puesto 850.294.576-5 como número de identificación tributaria";
        let words = &["número de identificación tributaria"];
        assert!(apply(text, cand(10, 23), only(words), true).is_some());
        // One that ends more than 64 bytes before the value does not.
        let far = format!("nif{} 111222333", " ".repeat(70));
        assert!(apply(&far, cand(74, 83), only(&["nif"]), true).is_none());
    }

    #[test]
    fn context_stays_on_the_line_unless_the_value_starts_or_ends_it() {
        let text = "個人番号：6153 4187 8394\ntry 630423902810 instead";
        let second = text.find("6304").expect("value");
        assert!(apply(text, cand(second, second + 12), only(&["個人番号"]), true).is_none());
        // A label on the line above a value alone on its line counts.
        let text = "BSN:\n  111222333";
        assert!(apply(text, cand(7, 16), only(&["bsn"]), true).is_some());
        // Two lines above does not.
        let text = "BSN:\nsee below\n111222333";
        assert!(apply(text, cand(15, 24), only(&["bsn"]), true).is_none());
        // A value ending its line sees a word on the next one.
        let text = "111222333\n(that is my BSN)";
        assert!(apply(text, cand(0, 9), only(&["bsn"]), true).is_some());
    }

    #[test]
    fn unspaced_scripts_are_their_own_word_boundaries() {
        assert!(contains_word("私のマイナンバーは", "マイナンバー"));
        assert!(contains_word("我的身份证号码是", "身份证"));
        assert!(contains_word("เลขบัตรประชาชนของฉันคือ", "เลขบัตรประชาชน"));
        assert!(contains_word("내주민등록번호", "주민등록번호"));
        // Latin and Cyrillic words still need a boundary.
        assert!(!contains_word("microphone", "phone"));
        assert!(!contains_word("переговор", "егн"));
        // Punctuation outside ASCII is a boundary too.
        assert!(contains_word("¿cuit?", "cuit"));
    }

    #[test]
    fn hebrew_and_arabic_words_may_carry_attached_prefixes() {
        assert!(contains_word("הת.ז. שלי", "ת.ז"));
        assert!(contains_word("ובתעודת זהות", "תעודת זהות"));
        assert!(contains_word("البطاقة", "بطاقة"));
        // A prefix letter must follow a boundary, and only a few letters are prefixes.
        assert!(!contains_word("אבגת.ז", "ת.ז"));
        assert!(!contains_word("רת.ז", "ת.ז"));
    }

    use crate::detect::builtin::shape::testing::pipeline as reported;

    #[test]
    fn the_named_format_wins_among_same_shape_kinds_end_to_end() {
        use crate::Kind;
        // Synthetic, generated with python-stdnum: 281451460 is a valid Portuguese NIF and a
        // valid Australian TFN; 16108299812 a valid Norwegian fødselsnummer and Croatian OIB.
        assert_eq!(
            reported("my Portuguese tax number is 281451460"),
            [(Kind::PtNif, "281451460")]
        );
        assert_eq!(
            reported("my TFN is 281451460"),
            [(Kind::AuTfn, "281451460")]
        );
        assert_eq!(
            reported("Norwegian national ID number: 16108299812"),
            [(Kind::NoFnr, "16108299812")]
        );
        assert_eq!(
            reported("moj OIB je 16108299812"),
            [(Kind::HrOib, "16108299812")]
        );
        // Synthetic (python-stdnum jp.in_, th.pin): context glued to Japanese and Thai text.
        assert_eq!(
            reported("私のマイナンバーは 2336 6813 2744 です"),
            [(Kind::JpMyNumber, "2336 6813 2744")]
        );
        assert_eq!(
            reported("เลขบัตรประชาชนของฉันคือ 5763706946941"),
            [(Kind::ThPin, "5763706946941")]
        );
    }

    #[test]
    fn context_tables_are_well_formed() {
        for rec in crate::detect::builtin::RECOGNIZERS {
            for &w in rec.context.iter().chain(rec.generic) {
                assert!(
                    !w.is_empty() && w.len() <= LONGEST_WORD,
                    "{:?}: {w:?}",
                    rec.kind
                );
                assert_eq!(w, w.to_lowercase(), "{:?}: not lowercase", rec.kind);
                let view = crate::normalize::Normalized::new(w);
                assert_eq!(
                    view.text(),
                    w,
                    "{:?}: not as the engine sees text",
                    rec.kind
                );
            }
            for &w in rec.generic {
                assert!(!rec.context.contains(&w), "{:?}: {w:?} twice", rec.kind);
            }
        }
    }

    #[test]
    fn has_support_uses_the_scoring_rules() {
        let t = "my ssn is 123456789";
        assert!(has_support(t, 10, 19, only(&["ssn"])));
        assert!(!has_support(t, 10, 19, only(&["bsn"])));
        assert!(!has_support(t, 10, 99, only(&["ssn"])));
        let generic = Support {
            specific: &["bsn"],
            generic: &["ssn"],
        };
        assert!(has_support(t, 10, 19, generic));
    }
}
