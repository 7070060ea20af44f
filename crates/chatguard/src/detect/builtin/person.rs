//! Person names that the text itself marks as names, without a model or a list of names.
//!
//! A name is reported only where the text says it is one: a self-introduction (`my name is`,
//! `I'm`, `je m'appelle`, `me llamo`, `mi chiamo`, `ik heet`, `me chamo`, `ich heiße`), a form
//! field (`Name:`, `Nom :`, `Nombre:`, `Nome:`, `Naam:`, `Nachname:` …), an honorific (`Mr`, `Dr`,
//! `Herr`, `Mme`, `Sra.`, `Sig.ra`, `Dhr.` …), or a letter's sign-off or salutation line
//! (`Regards,\nJane Doe`, `Mit freundlichen Grüßen\nMax Mustermann`, `Dear Jane,`).
//!
//! One Aho-Corasick pass over the view finds the trigger phrases, run only when the shared trigger
//! finder ([`super::triggers`]) saw one of them start a word; benign text costs its share of that
//! finder's pass and nothing else. At each trigger a local parser reads forward a name of one to four capitalised
//! words (Unicode letters, inner hyphens and apostrophes, initials such as `J.`, lowercase
//! particles such as `van`, `de`, `da`, `von` between them). Capitalised words that are not names
//! (`I'm Sorry`, `Dear Customer`, `Regards,\nThe Team`, days, months, nationalities, products) stop
//! the parse from a small stop list. The span covers the name only.

use std::sync::LazyLock;

use crate::automaton::{Case, MatchKind, Matcher};

use super::triggers;
use super::words::{
    char_at, char_before, in_list, in_packed, is_all_caps, is_apostrophe, is_capitalised,
    lower_into, skip_blanks, skip_blanks_back, word_end, word_start,
};
use crate::detect::hay::{Hay, HIGH, ONES};
use crate::detect::Candidate;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "name",
    "nom",
    "nombre",
    "nome",
    "naam",
    "called",
    "signed",
    "regards",
    "sincerely",
    "cheers",
    "thanks",
    "grüß",
    "gruß",
    "grüss",
    "cordialement",
    "saludos",
    "saluti",
    "groet",
    "atenciosamente",
    "mr",
    "mrs",
    "ms",
    "dr",
    "herr",
    "frau",
    "mme",
    "sr",
    "sra",
    "sig",
    "dhr",
    "mevr",
    "appelle",
    "llamo",
    "chiamo",
    "heet",
    "chamo",
    "heiße",
    "dear",
];

/// Everyday words that end a label trigger phrase (`Contact person:`, `Titular de la cuenta:`):
/// triggers for the stream redactor only as a `word:` label (see [`super::is_label_word`]), so
/// that prose with `person` or `cuenta` in it is not held.
pub(crate) const LABEL_WORDS: &[&str] = &[
    "person",
    "compte",
    "cuenta",
    "conta",
    "kund",
    "klient",
    "contact",
    "kontakt",
    "contacto",
    "contato",
    "contatto",
    "recipient",
    "kin",
    "prévenir",
    "angehöriger",
    "angehörige",
    "destinataire",
    "destinatario",
    "ontvanger",
    "interlocuteur",
    "interlocutrice",
    "referente",
    "contactpersoon",
    "firmado",
    "firmato",
    "getekend",
    "assinado",
    "assinada",
];

/// Lowercase words that open a name (see [`super::is_trigger_word`]); the stream redactor holds
/// text after them. Words with digits or non-ASCII letters are triggers anyway; a `word:` label
/// is one only when its word is listed here (or may name a secret's key), so every label trigger
/// phrase must be listed.
pub(crate) const TRIGGER_WORDS: &[&str] = &[
    // Labels and introductions.
    "bin",
    "soy",
    "sono",
    "ben",
    "sou",
    "suis",
    "c'est",
    "name",
    "name's",
    "nom",
    "nombre",
    "nome",
    "naam",
    "prenom",
    "vorname",
    "nachname",
    "surname",
    "firstname",
    "lastname",
    "fullname",
    "prénom",
    "heiße",
    "heißt",
    "señor",
    "señora",
    "señorita",
    "amitiés",
    "bien",
    "abraços",
    "abraço",
    "chère",
    "cognome",
    "apellido",
    "apellidos",
    "achternaam",
    "voornaam",
    "sobrenome",
    "holder",
    "cardholder",
    "kontoinhaber",
    "kontoinhaberin",
    "karteninhaber",
    "karteninhaberin",
    "ansprechpartner",
    "ansprechpartnerin",
    "titulaire",
    "titular",
    "intestatario",
    "rekeninghouder",
    // Recipient and signature labels with a non-ASCII letter, and the words of attention lines
    // (`Attn`, `z. Hd.`, `à l'attention de`, `t.a.v.`).
    "empfänger",
    "empfängerin",
    "destinatária",
    "destinatário",
    "signé",
    "signée",
    "attn",
    "hd",
    "z.hd",
    "händen",
    "l'attention",
    "atención",
    "atencion",
    "attenzione",
    "all'attenzione",
    "t.a.v",
    "attentie",
    "cuidado",
    "cuidados",
    "navn",
    "namn",
    "nazwisko",
    "heter",
    "hedder",
    "met",
    "nazywam",
    "spricht",
    "aqui",
    "i'm",
    "im",
    "am",
    "this",
    "heet",
    "appelle",
    "m'appelle",
    "s'appelle",
    "llamo",
    "llama",
    "chiamo",
    "chiama",
    "chamo",
    "chama",
    "heisse",
    "heisst",
    "hier",
    "ici",
    "hi",
    "hello",
    "hey",
    "hallo",
    "hoi",
    "hola",
    "bonjour",
    "salut",
    "ciao",
    "buongiorno",
    "olá",
    "hej",
    // Honorifics.
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sir",
    "herr",
    "frau",
    "m",
    "mme",
    "mlle",
    "monsieur",
    "madame",
    "mademoiselle",
    "sr",
    "sra",
    "srta",
    "sig",
    "sig.ra",
    "sig.na",
    "signor",
    "signora",
    "signorina",
    "dott",
    "dott.ssa",
    "dhr",
    "mevr",
    "mw",
    "meneer",
    "mevrouw",
    "senhor",
    "senhora",
    // Sign-offs and salutations.
    "regards",
    "best",
    "cheers",
    "thanks",
    "thank",
    "sincerely",
    "yours",
    "wishes",
    "greetings",
    "respectfully",
    "signed",
    "grüßen",
    "grüße",
    "gruß",
    "grussen",
    "gruesse",
    "grüssen",
    "grüsse",
    "gruss",
    "mfg",
    "cordialement",
    "salutations",
    "saludos",
    "saludo",
    "atentamente",
    "saluti",
    "cordialmente",
    "groet",
    "groeten",
    "groetjes",
    "atenciosamente",
    "cumprimentos",
    "pozdrawiam",
    "poważaniem",
    "hälsningar",
    "hilsen",
    "dear",
    "liebe",
    "lieber",
    "cher",
    "querido",
    "querida",
    "estimado",
    "estimada",
    "caro",
    "cara",
    "gentile",
    "beste",
    "prezado",
    "prezada",
    "colleague",
    "coworker",
    "wife",
    "husband",
    "kollege",
    "kollegin",
    "collègue",
    "compañero",
    "compañera",
    "femme",
    "mari",
    "esposa",
    "esposo",
    "marido",
    "collega",
    "moglie",
    "marito",
    "colega",
    "mulher",
];

const RULE_FIELD: &str = "person.field";
const RULE_INTRODUCTION: &str = "person.introduction";
const RULE_ANSWER: &str = "person.answer";
const RULE_HONORIFIC: &str = "person.honorific";
const RULE_SIGNATURE: &str = "person.signature";
const RULE_RELATION: &str = "person.relation";
const RULE_DISPLAY: &str = "person.display_name";
const RULE_ROLE: &str = "person.role";
const RULE_RECIPIENT: &str = "person.recipient";

/// How a trigger phrase introduces a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trigger {
    /// A name label followed by `:` (a form field).
    Label,
    /// A contact label followed by `:`, which takes only names of two words or more.
    ContactLabel,
    /// The label of who holds an account or a card, which also takes a copula: `Account holder:`,
    /// `The account holder is`, `Der Kontoinhaber ist`.
    Holder,
    /// A label that may also take a copula: `my name is`, `mein Name ist`, `mi nombre es`.
    NameIs,
    /// A verb meaning "to be called" after one of its pronouns: `me llamo`, `ik heet`.
    Called(&'static [&'static str]),
    /// French `appelle` after an elided pronoun: `je m'appelle`, `il s'appelle`.
    Elided,
    /// `I'm`, `I am`.
    IAm,
    /// "I am" in other languages (`ich bin`, `soy`, `sono`, `ik ben`, `sou`, `je suis`, `c'est`):
    /// these also introduce nationalities and jobs (`ich bin Lehrer`), so only a first and last
    /// name count.
    IAmFullName,
    /// `this is` (phone and chat introductions: `Hi, this is Jane from Acme`).
    ThisIs,
    /// A greeting, then a name and `here` (`Hi, Jane here.`, `Hallo, Jan hier`).
    GreetingHere,
    /// A person's role (`Patient`, `Customer`, `Mieterin`, `la cliente`, `paziente`, `klant`)
    /// right before a full name: `Patient Jane Doe, born …`, `Der Kunde Max Muster hat …`. The
    /// role words that also label a field (`Customer:`) read the label first.
    Role,
    /// An occupation written as a title before a full name (`Producer Jane Doe explained`,
    /// `songwriter Jane Doe`), read as a [`Role`] is. Capitalised, it also heads noun phrases
    /// (`Coach Class Tickets are sold out`), so then the name must open with a given name (feature
    /// `names`).
    Occupation,
    /// A word that sends, delivers or bills something (`send`, `parcel`, `Rechnung`, `livraison`,
    /// `consegna`), then up to three words, a preposition of recipients
    /// ([`RECIPIENT_PREPOSITIONS`]) and a full name: `Please send the invoice to Jane Doe at …`.
    Recipient,
    /// A courtesy title before a name.
    Honorific,
    /// The last word of a sign-off before the signature.
    SignOff,
    /// A letter's salutation: `Dear Jane,`.
    Salutation,
    /// A colleague or spouse after a possessive: `my colleague Jane Doe`, `ma femme Claire`.
    Relation,
    /// Dutch `met` after a greeting or `spreekt` (`Hallo, met Daan Bakker`, `u spreekt met …`).
    DutchCall,
    /// Who a letter or parcel is for, with or without a `:` (`Attn: Jane Doe`, `c/o Jane Doe`,
    /// `z. Hd. Max Muster`, `à l'attention de Jean Dupont`): a desk is as often named there
    /// (`Attn: Accounts Payable`), so only names of two words or more that end at no role or
    /// team word count.
    Attention,
}

use crate::table::Table;
use Trigger::{
    Attention, Called, ContactLabel, DutchCall, Elided, GreetingHere, Holder, Honorific, IAm,
    IAmFullName, Label, NameIs, Occupation, Recipient, Relation, Role, Salutation, SignOff, ThisIs,
};

/// The trigger phrases, matched ASCII-case-insensitively on word boundaries.
const TRIGGERS: &[(&str, Trigger)] = &[
    ("name", NameIs),
    ("nom", NameIs),
    ("nombre", NameIs),
    ("nome", NameIs),
    ("naam", NameIs),
    ("prénom", Label),
    ("prenom", Label),
    ("vorname", Label),
    ("nachname", Label),
    ("surname", Label),
    ("firstname", Label),
    ("lastname", Label),
    ("fullname", Label),
    ("cognome", Label),
    ("apellido", Label),
    ("apellidos", Label),
    ("achternaam", Label),
    ("voornaam", Label),
    ("sobrenome", Label),
    ("navn", Label),
    ("namn", Label),
    ("nazwisko", Label),
    ("imię i nazwisko", Label),
    // `Customer:` names a customer, a person or a company: the company rule
    // ([`names_a_company`]) tells them apart.
    ("klient", Label),
    // Who holds an account or a card, who to ask: form fields of a person. (Beneficiaries and
    // owners are as often companies, so their words are no labels here.)
    ("account holder", Holder),
    ("contact person", Label),
    // `Contact: Jane Doe | +1 …`: a contact line names a person, or a desk or a firm with a
    // single word (`Contact: Reception`), so only names of two words or more count.
    ("contact", ContactLabel),
    ("kontakt", ContactLabel),
    ("contacto", ContactLabel),
    ("contato", ContactLabel),
    ("contatto", ContactLabel),
    // Who receives, who to ask, who signed: `Recipient: Jane Doe`, `Interlocuteur : Jean Dupont`,
    // `Firmado: Lucía Pérez` (a desk or a firm as often, so two words or more, as for `Contact:`).
    ("recipient", ContactLabel),
    ("empfänger", ContactLabel),
    ("empfängerin", ContactLabel),
    ("destinataire", ContactLabel),
    ("destinatario", ContactLabel),
    ("destinatária", ContactLabel),
    ("destinatário", ContactLabel),
    ("ontvanger", ContactLabel),
    ("interlocuteur", ContactLabel),
    ("interlocutrice", ContactLabel),
    ("referente", ContactLabel),
    ("contactpersoon", ContactLabel),
    ("pessoa de contato", ContactLabel),
    // Whom to call in an emergency: `Next of kin: Jane Doe` (forms of clinics, schools, HR).
    ("next of kin", ContactLabel),
    ("personne à prévenir", ContactLabel),
    ("angehöriger", ContactLabel),
    ("angehörige", ContactLabel),
    ("signé", ContactLabel),
    ("signée", ContactLabel),
    ("firmado", ContactLabel),
    ("firmato", ContactLabel),
    ("getekend", ContactLabel),
    ("assinado", ContactLabel),
    ("assinada", ContactLabel),
    ("attn", Attention),
    ("c/o", Attention),
    ("z. hd.", Attention),
    ("z.hd.", Attention),
    ("zu händen", Attention),
    ("l'attention de", Attention),
    ("a la atención de", Attention),
    ("a la atencion de", Attention),
    ("alla cortese attenzione di", Attention),
    ("all'attenzione di", Attention),
    ("t.a.v.", Attention),
    ("ter attentie van", Attention),
    ("ao cuidado de", Attention),
    ("aos cuidados de", Attention),
    ("cardholder", Holder),
    ("card holder", Holder),
    ("kontoinhaber", Holder),
    ("kontoinhaberin", Holder),
    ("karteninhaber", Holder),
    ("karteninhaberin", Holder),
    ("ansprechpartner", Label),
    ("ansprechpartnerin", Label),
    ("titulaire", Holder),
    ("titular", Holder),
    ("intestatario", Holder),
    ("rekeninghouder", Holder),
    ("appelle", Elided),
    ("llamo", Called(&["me"])),
    ("llama", Called(&["se", "te"])),
    ("chiamo", Called(&["mi"])),
    ("chiama", Called(&["si", "ti"])),
    ("chamo", Called(&["me"])),
    ("chama", Called(&["se", "te"])),
    ("heet", Called(&["ik", "hij", "zij", "ze", "je", "u"])),
    ("heiße", Called(&["ich"])),
    ("heisse", Called(&["ich"])),
    ("heißt", Called(&["er", "sie", "du"])),
    ("heisst", Called(&["er", "sie", "du"])),
    ("heter", Called(&["jag", "han", "hon", "du"])),
    ("hedder", Called(&["jeg", "han", "hun", "du"])),
    ("nazywam się", IAm),
    // A Dutch phone call opens with a greeting and `met` and the caller's name.
    ("met", DutchCall),
    ("i'm", IAm),
    ("i\u{2019}m", IAm),
    ("i am", IAm),
    ("this is", ThisIs),
    ("ich bin", IAmFullName),
    ("soy", IAmFullName),
    ("sono", IAmFullName),
    ("ik ben", IAmFullName),
    ("sou", IAmFullName),
    ("sou o", IAmFullName),
    ("sou a", IAmFullName),
    ("je suis", IAmFullName),
    ("c'est", IAmFullName),
    ("hier ist", IAmFullName),
    ("hier spricht", IAmFullName),
    ("aqui é", IAmFullName),
    ("ici", IAmFullName),
    ("hi", GreetingHere),
    ("hello", GreetingHere),
    ("hey", GreetingHere),
    ("hallo", GreetingHere),
    ("hoi", GreetingHere),
    ("hola", GreetingHere),
    ("bonjour", GreetingHere),
    ("salut", GreetingHere),
    ("ciao", GreetingHere),
    ("buongiorno", GreetingHere),
    ("olá", GreetingHere),
    ("hej", GreetingHere),
    ("mr", Honorific),
    ("mrs", Honorific),
    ("ms", Honorific),
    ("miss", Honorific),
    ("mx", Honorific),
    ("dr", Honorific),
    ("prof", Honorific),
    ("sir", Honorific),
    ("herr", Honorific),
    ("frau", Honorific),
    ("m.", Honorific),
    ("mme", Honorific),
    ("mlle", Honorific),
    ("monsieur", Honorific),
    ("madame", Honorific),
    ("mademoiselle", Honorific),
    ("sr", Honorific),
    ("sra", Honorific),
    ("srta", Honorific),
    ("señor", Honorific),
    ("señora", Honorific),
    ("señorita", Honorific),
    ("sig", Honorific),
    ("sig.ra", Honorific),
    ("sig.na", Honorific),
    ("signor", Honorific),
    ("signora", Honorific),
    ("signorina", Honorific),
    ("dott", Honorific),
    ("dott.ssa", Honorific),
    ("dhr", Honorific),
    ("mevr", Honorific),
    ("mw", Honorific),
    ("meneer", Honorific),
    ("mevrouw", Honorific),
    ("senhor", Honorific),
    ("senhora", Honorific),
    ("regards", SignOff),
    ("best", SignOff),
    ("cheers", SignOff),
    ("thanks", SignOff),
    ("thank you", SignOff),
    ("sincerely", SignOff),
    ("yours", SignOff),
    ("wishes", SignOff),
    ("greetings", SignOff),
    ("respectfully", SignOff),
    ("signed", SignOff),
    ("grüßen", SignOff),
    ("grüssen", SignOff),
    ("grüße", SignOff),
    ("grüsse", SignOff),
    ("gruß", SignOff),
    ("gruss", SignOff),
    ("mfg", SignOff),
    ("cordialement", SignOff),
    ("salutations", SignOff),
    ("amitiés", SignOff),
    ("bien à vous", SignOff),
    ("saludos", SignOff),
    ("saludo", SignOff),
    ("atentamente", SignOff),
    ("saluti", SignOff),
    ("cordialmente", SignOff),
    ("groet", SignOff),
    ("groeten", SignOff),
    ("groetjes", SignOff),
    ("atenciosamente", SignOff),
    ("abraços", SignOff),
    ("abraço", SignOff),
    ("cumprimentos", SignOff),
    ("pozdrawiam", SignOff),
    ("poważaniem", SignOff),
    ("hälsningar", SignOff),
    ("hilsen", SignOff),
    ("dear", Salutation),
    ("liebe", Salutation),
    ("lieber", Salutation),
    ("cher", Salutation),
    ("chère", Salutation),
    ("querido", Salutation),
    ("querida", Salutation),
    ("estimado", Salutation),
    ("estimada", Salutation),
    ("caro", Salutation),
    ("cara", Salutation),
    ("gentile", Salutation),
    ("beste", Salutation),
    ("prezado", Salutation),
    ("prezada", Salutation),
    ("colleague", Relation),
    ("coworker", Relation),
    ("wife", Relation),
    ("husband", Relation),
    ("kollege", Relation),
    ("kollegin", Relation),
    ("collègue", Relation),
    ("femme", Relation),
    ("mari", Relation),
    ("compañero", Relation),
    ("compañera", Relation),
    ("esposa", Relation),
    ("esposo", Relation),
    ("marido", Relation),
    ("collega", Relation),
    ("moglie", Relation),
    ("marito", Relation),
    ("colega", Relation),
    ("mulher", Relation),
    // The stems of role words before a name ([`Role`]: `Patient Jane Doe`, `der Kunde Max
    // Muster`, `la locataire Marie Curie`), each a word alone or with one of [`ROLE_ENDINGS`]
    // (`kund` → `kunde`, `kundin`; `inquilin` → `inquilino`, `inquilina`; `student` →
    // `studentin`, `studente`). They are stream trigger words as they are written here, without
    // a list of their forms ([`is_role_word`]).
    ("patient", Role),
    ("customer", Role),
    ("client", Role),
    ("guest", Role),
    ("tenant", Role),
    ("passenger", Role),
    ("employee", Role),
    ("applicant", Role),
    ("member", Role),
    ("student", Role),
    ("kund", Role),
    ("klant", Role),
    ("mieter", Role),
    ("passagier", Role),
    ("mitarbeiter", Role),
    ("bewerber", Role),
    ("gast", Role),
    ("locataire", Role),
    ("employé", Role),
    ("étudiant", Role),
    ("membre", Role),
    ("pacient", Role),
    ("inquilin", Role),
    ("pasajer", Role),
    ("emplead", Role),
    ("pazient", Role),
    ("ospite", Role),
    ("passegger", Role),
    ("dipendente", Role),
    ("estudiant", Role),
    ("patiënt", Role),
    ("huurder", Role),
    ("medewerker", Role),
    ("passageir", Role),
    ("funcionári", Role),
    ("estudante", Role),
    // Occupations written before a full name as a title (`Producer Jane Doe explained`,
    // `songwriter Jane Doe`, `Senator Jane Doe`; `Journalistin`, `directora`, `journaliste`).
    ("producer", Occupation),
    ("director", Occupation),
    ("songwriter", Occupation),
    ("singer", Occupation),
    ("author", Occupation),
    ("writer", Occupation),
    ("editor", Occupation),
    ("reporter", Occupation),
    ("journalist", Occupation),
    ("actor", Occupation),
    ("commenter", Occupation),
    ("founder", Occupation),
    ("coach", Occupation),
    ("senator", Occupation),
    ("officer", Occupation),
    ("nurse", Occupation),
    // Words that send, deliver or bill something ([`Recipient`]), as written.
    ("send", Recipient),
    ("sent", Recipient),
    ("deliver", Recipient),
    ("delivered", Recipient),
    ("ship", Recipient),
    ("shipped", Recipient),
    ("forward", Recipient),
    ("forwarded", Recipient),
    ("addressed", Recipient),
    ("invoice", Recipient),
    ("parcel", Recipient),
    ("package", Recipient),
    ("letter", Recipient),
    ("delivery", Recipient),
    ("refund", Recipient),
    ("schicken", Recipient),
    ("senden", Recipient),
    ("lieferung", Recipient),
    ("rechnung", Recipient),
    ("paket", Recipient),
    ("brief", Recipient),
    ("envoyer", Recipient),
    ("livraison", Recipient),
    ("facture", Recipient),
    ("colis", Recipient),
    ("lettre", Recipient),
    ("enviar", Recipient),
    ("envíe", Recipient),
    ("entrega", Recipient),
    ("factura", Recipient),
    ("paquete", Recipient),
    ("carta", Recipient),
    ("inviare", Recipient),
    ("consegna", Recipient),
    ("fattura", Recipient),
    ("pacco", Recipient),
    ("lettera", Recipient),
    ("spedire", Recipient),
    ("sturen", Recipient),
    ("stuur", Recipient),
    ("bezorgen", Recipient),
    ("factuur", Recipient),
    ("pakket", Recipient),
    ("envie", Recipient),
    ("fatura", Recipient),
    ("pacote", Recipient),
    ("encomenda", Recipient),
    ("mail", Recipient),
    ("order", Recipient),
    ("consegnare", Recipient),
    ("envoyé", Recipient),
    ("enviado", Recipient),
    ("inviato", Recipient),
    ("entregar", Recipient),
];

/// The role stems of [`TRIGGERS`].
#[cfg(test)]
fn role_stems() -> impl Iterator<Item = &'static str> {
    TRIGGERS
        .iter()
        .filter(|t| matches!(t.1, Role | Occupation))
        .map(|t| t.0)
}

/// The words of [`TRIGGERS`] that send, deliver or bill something to a person
/// ([`Trigger::Recipient`]).
fn sending_words() -> impl Iterator<Item = &'static str> {
    TRIGGERS.iter().filter(|t| t.1 == Recipient).map(|t| t.0)
}

/// True when `word` (a whole word, any case) is one of [`sending_words`].
fn is_sending_word(word: &str) -> bool {
    sending_words().any(|w| w.eq_ignore_ascii_case(word))
}

/// The prepositions of a recipient after a [`sending_words`] word (`to`, `an`, `à`, `a`, `aan`,
/// `para`; `for`, `für`, `pour`, `per`, `voor`, `bij`, `naar`).
const RECIPIENT_PREPOSITIONS: &[&str] = &[
    "to", "for", "an", "für", "à", "pour", "a", "para", "per", "aan", "voor", "bij", "naar",
];

// [`recipient_name_at`] compares only words of up to four bytes with them.
const _: () = {
    let mut i = 0;
    while i < RECIPIENT_PREPOSITIONS.len() {
        assert!(RECIPIENT_PREPOSITIONS[i].len() <= 4);
        i += 1;
    }
};

/// The endings a role stem may take (feminine and Romance forms).
const ROLE_ENDINGS: &[&str] = &["in", "e", "a", "o", "essa"];

/// True when `word` (a whole word, any case) is a role stem alone or with one of its endings, or a
/// word of [`sending_words`].
pub(crate) fn is_role_word(word: &str) -> bool {
    // One pass over the trigger table for both kinds: the stream asks this of every word.
    TRIGGERS.iter().any(|&(phrase, trigger)| match trigger {
        Recipient => phrase.eq_ignore_ascii_case(word),
        Role | Occupation => {
            word.get(..phrase.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(phrase))
                && word
                    .get(phrase.len()..)
                    .is_some_and(|end| end.is_empty() || ROLE_ENDINGS.contains(&end))
        }
        _ => false,
    })
}

/// True when `lower_prefix` (the lowercased start of a word still arriving) may grow into a word
/// of [`is_role_word`].
pub(crate) fn may_grow_into_role_word(lower_prefix: &str) -> bool {
    TRIGGERS.iter().any(|&(phrase, trigger)| match trigger {
        Recipient => phrase.starts_with(lower_prefix),
        Role | Occupation => {
            phrase.starts_with(lower_prefix)
                || lower_prefix
                    .strip_prefix(phrase)
                    .is_some_and(|rest| ROLE_ENDINGS.iter().any(|end| end.starts_with(rest)))
        }
        _ => false,
    })
}

/// The length of a role ending at `at` that a non-letter follows (`kund|in `), or 0.
fn role_ending(text: &str, at: usize) -> usize {
    ROLE_ENDINGS
        .iter()
        .find(|end| starts_with_word(text, at, end))
        .map_or(0, |end| end.len())
}

/// The length in bytes of the longest trigger phrase.
const LONGEST_TRIGGER: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < TRIGGERS.len() {
        if TRIGGERS[i].0.len() > longest {
            longest = TRIGGERS[i].0.len();
        }
        i += 1;
    }
    longest
};

/// The position of the last byte of `bytes` that is an ASCII capital letter or not ASCII (part
/// of a character that may be a capital), eight bytes at a time from the end.
fn last_capital(bytes: &[u8]) -> Option<usize> {
    let mut end = bytes.len();
    while let Some(chunk) = end.checked_sub(8).and_then(|s| bytes.get(s..end)) {
        let mut lanes = [0u8; 8];
        lanes.copy_from_slice(chunk);
        let w = u64::from_le_bytes(lanes);
        // A capital, or a byte that is not ASCII (it may belong to one).
        let hit = w & HIGH | ascii_capital_lanes(w);
        if hit != 0 {
            return Some(end - 8 + (63 - hit.leading_zeros() as usize) / 8);
        }
        end -= 8;
    }
    bytes
        .get(..end)?
        .iter()
        .rposition(|&b| b.is_ascii_uppercase() || !b.is_ascii())
}

/// The high bit of every lane of `w` that holds an ASCII capital letter (`A`–`Z`).
fn ascii_capital_lanes(w: u64) -> u64 {
    // Per lane, on its low seven bits `x` (no carry leaves a lane): `x + (0x80 - 'A')` sets the
    // high bit from `A` up, `x + (0x7f - 'Z')` from past `Z` up; a byte with its own high bit set
    // is not ASCII.
    let x = w & !HIGH;
    let from_a = x + u64::from(0x80 - b'A') * ONES;
    let past_z = x + u64::from(0x7f - b'Z') * ONES;
    from_a & !past_z & !w & HIGH
}

static FINDER: LazyLock<Option<Matcher>> = LazyLock::new(|| {
    let triggers: Vec<&str> = TRIGGERS.iter().map(|t| t.0).collect();
    Matcher::new(
        &triggers,
        MatchKind::LeftmostLongest,
        Case::AsciiInsensitive,
    )
    .ok()
});

/// The trigger phrases for [`triggers`] but the sending words: each names a person only where it
/// starts a word.
pub(super) fn trigger_patterns() -> Vec<(&'static str, bool)> {
    TRIGGERS
        .iter()
        .filter(|t| t.1 != Recipient)
        .map(|&(phrase, _)| (phrase, true))
        .collect()
}

/// The sending words for the shared trigger pass, each starting a token; it asks
/// [`recipient_name_at`] before it counts one.
pub(super) fn recipient_patterns() -> Vec<(&'static str, bool)> {
    sending_words().map(|w| (w, true)).collect()
}

/// Words that may stand before a name label's `:` (`Full name:`, `Customer name:`); any other
/// word there makes it a label of something else (`Company name:`, `File name:`).
const FIELD_PREFIX: &[&str] = &[
    "full",
    "first",
    "last",
    "given",
    "family",
    "middle",
    "maiden",
    "legal",
    "real",
    "birth",
    "your",
    "my",
    "his",
    "her",
    "customer",
    "client",
    "patient",
    "contact",
    "emergency",
    "guest",
    "passenger",
    "applicant",
    "employee",
    "holder",
    "cardholder",
    "sender",
    "recipient",
    "tenant",
    "owner",
    "spouse",
    "child",
    "student",
    "member",
    "user",
    "and",
    "und",
    "et",
    "y",
    "e",
    "en",
    "or",
    "ihr",
    "dein",
    "mein",
    "vollständiger",
    "ganzer",
    "votre",
    "ton",
    "mon",
    "su",
    "tu",
    "mi",
    "il",
    "tuo",
    "suo",
    "mio",
    "uw",
    "je",
    "jouw",
    "mijn",
    "volledige",
    "seu",
    "teu",
    "meu",
    "o",
];

/// How many whitespace-delimited words after the last word of a trigger phrase the first word
/// with a capital of a name it opens can stand. [`parse_name`] skips up to three titles (`dr`,
/// `prof`, lowercase too) and then needs a capitalised word, so a name right after its trigger
/// (`I'm`, `this is`, `me llamo`, `Dear`) shows its capital within four words; an honorific may
/// chain three more titles and take a lowercase particle first (eight). Labels (qualifier,
/// copula or `:`) and sign-offs (three more words and a dash) are given ten, a margin over what
/// their parsers skip.
const fn capital_within(trigger: Trigger) -> usize {
    match trigger {
        IAm | IAmFullName | Called(_) | Elided | Salutation | ThisIs | GreetingHere | Relation
        | DutchCall => 4,
        Honorific | Attention => 8,
        Label | ContactLabel | Holder | NameIs | SignOff | Role | Occupation => 10,
        Recipient => 6,
    }
}

/// True when `lower` (a lowercased trigger word, punctuation trimmed) is a whole word of a trigger
/// phrase, so that [`may_open_name`] can tell when it no longer opens a name.
pub(crate) fn is_phrase_word(lower: &str) -> bool {
    is_role_word(lower)
        || TRIGGERS.iter().any(|(phrase, _)| {
            phrase.split(' ').any(|w| {
                w.trim_matches(|c: char| c.is_ascii_punctuation())
                    .eq_ignore_ascii_case(lower)
            })
        })
}

/// A whitespace-delimited word after a trigger word, for [`may_open_name`].
struct Next<'t> {
    text: &'t str,
    /// Whitespace follows it (it cannot grow any more).
    complete: bool,
    /// The whitespace before it holds a line break.
    new_line: bool,
}

/// Whether the trigger word `word` (as typed: `Thanks,`) may still open a name, given `rest`, the
/// text after it that has arrived so far (more may follow). False only when every trigger phrase
/// holding the word is ruled out by what arrived: the phrase does not go on as written, a sign-off
/// has no separator or line break where [`sign_off`] needs one, or the words in which the name's
/// first capital would have to stand ([`capital_within`]) are all there without one (every
/// reported name starts with a capital, see [`scan`]). The stream redactor stops holding text for
/// a trigger word once this is false.
pub(crate) fn may_open_name(word: &str, rest: &str) -> bool {
    let lower = word.trim_matches(|c: char| c.is_ascii_punctuation());
    let mut next = Vec::new();
    let mut i = 0;
    let bytes = rest.as_bytes();
    while i < bytes.len() {
        let gap = i;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let new_line = bytes[gap..i].iter().any(|&b| b == b'\n' || b == b'\r');
        let s = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i > s {
            next.push(Next {
                text: rest.get(s..i).unwrap_or_default(),
                complete: i < bytes.len(),
                new_line,
            });
        }
    }
    // A sending word is read after the loop ([`marking_goes_on`]).
    for &(phrase, trigger) in TRIGGERS.iter().filter(|t| t.1 != Recipient) {
        let words: Vec<&str> = phrase
            .split(' ')
            .map(|w| w.trim_matches(|c: char| c.is_ascii_punctuation()))
            .collect();
        let Some(at) = words.iter().position(|w| w.eq_ignore_ascii_case(lower)) else {
            continue;
        };
        let phrase_rest = &words[at + 1..];
        let mut goes_on = true;
        for (k, expected) in phrase_rest.iter().enumerate() {
            match next.get(k) {
                Some(n) if n.complete => {
                    if !starts_with_phrase_word(n.text, expected) {
                        goes_on = false;
                        break;
                    }
                }
                _ => return true,
            }
        }
        if !goes_on {
            continue;
        }
        let last = phrase_rest
            .len()
            .checked_sub(1)
            .and_then(|k| next.get(k))
            .map_or(word, |n| n.text);
        let after = &next[phrase_rest.len()..];
        if trigger == SignOff {
            match sign_off_goes_on(last, after) {
                Some(true) => {}
                Some(false) => continue,
                None => return true,
            }
        }
        if trigger == GreetingHere {
            match greeting_here_goes_on(after) {
                Some(true) => return true,
                Some(false) => continue,
                None => return true,
            }
        }
        if capital_may_follow(trigger, after) {
            return true;
        }
    }
    is_role_word(lower) && marking_goes_on(word, lower, &next)
}

/// Whether a role or sending word as typed (`word`, `lower` without its punctuation) may still open
/// a name given the words `after` it, as [`role`], [`label`] and [`recipient`] read them: a
/// role's name or `:` right after it, a sending word's preposition within four words and a
/// capital right after that.
fn marking_goes_on(word: &str, lower: &str, after: &[Next<'_>]) -> bool {
    let glued = word
        .trim_start_matches(|c: char| c.is_ascii_punctuation())
        .get(lower.len()..)
        .unwrap_or_default();
    if !is_sending_word(lower) {
        return match glued {
            ":" => capital_may_follow(Label, after),
            "" => after
                .first()
                .is_none_or(|n| may_be_name_word(n.text) || n.text.starts_with(':')),
            _ => false,
        };
    }
    if !glued.is_empty() {
        return false;
    }
    for (k, n) in after.iter().enumerate() {
        if in_list(RECIPIENT_PREPOSITIONS, n.text.trim_end_matches(':')) {
            return after.get(k + 1).is_none_or(|m| may_be_name_word(m.text));
        }
        if !n.complete {
            return true;
        }
        if k >= 3 || !n.text.chars().all(char::is_alphabetic) {
            return false;
        }
    }
    true
}

/// True when a name's first capital may still come in the words `after` a trigger phrase
/// ([`capital_within`]).
fn capital_may_follow(trigger: Trigger, after: &[Next<'_>]) -> bool {
    let within = capital_within(trigger);
    after.iter().take(within).any(|n| may_be_name_word(n.text))
        || after.len() < within
        || after.get(within - 1).is_some_and(|n| !n.complete)
}

/// True when `text` begins with the phrase word `expected` (ASCII case aside) and no letter or
/// digit follows it.
fn starts_with_phrase_word(text: &str, expected: &str) -> bool {
    text.get(..expected.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(expected))
        && !text
            .get(expected.len()..)
            .and_then(|tail| tail.chars().next())
            .is_some_and(char::is_alphanumeric)
}

/// True when a word could hold a name's first capital: an ASCII capital or any non-ASCII
/// character.
fn may_be_name_word(word: &str) -> bool {
    word.bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
}

/// Whether [`sign_off`] finds its separator or line break after a sign-off ending in `last`
/// (`Thanks,`, `again`), given the words `after` it: `None` while that is not known yet.
fn sign_off_goes_on(last: &str, after: &[Next<'_>]) -> Option<bool> {
    let is_sep = |c: char| matches!(c, ',' | '!' | '-' | '\u{2013}');
    // What follows the last letter of a word glued to it decides at once.
    let glued = |w: &str| {
        let end = w
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        w.get(end..).and_then(|t| t.chars().next())
    };
    if let Some(c) = glued(last) {
        return Some(is_sep(c));
    }
    let mut more = 0;
    for n in after {
        if n.new_line {
            return Some(true);
        }
        let first = n.text.chars().next()?;
        if is_sep(first) {
            return Some(true);
        }
        let head = n.text.trim_end_matches(|c: char| !c.is_alphanumeric());
        if more < 3 && in_list(SIGNOFF_MORE, head) {
            if !n.complete {
                return None;
            }
            more += 1;
            if let Some(c) = glued(n.text) {
                return Some(is_sep(c));
            }
            continue;
        }
        // A longer word that starts like a listed one may still be growing.
        return if n.complete { Some(false) } else { None };
    }
    None
}

/// Whether [`greeting_here`] may still find `<Name> here` in the words `after` a greeting:
/// one to four words that may hold a name's capital, then `here` or `hier`, or the last of them
/// with a comma or `!` glued to it (`Hi Jane,`). `None` while that is not known yet.
fn greeting_here_goes_on(after: &[Next<'_>]) -> Option<bool> {
    for (k, n) in after.iter().enumerate() {
        if !n.complete {
            return None;
        }
        if k > 0 && HERE.iter().any(|w| starts_with_phrase_word(n.text, w)) {
            return Some(true);
        }
        if k >= 4 || !(may_be_name_word(n.text) || in_list(PARTICLES, n.text)) {
            return Some(false);
        }
        if may_be_name_word(n.text) && n.text.contains([',', '!']) {
            return Some(true);
        }
    }
    None
}

/// The words after a greeting's name that make it an introduction (`Hi, Jane here`).
const HERE: &[&str] = &["here", "hier"];

/// Words that may follow `<Name> here` (`Hi, Jane here from Acme`); `Click here to …` is no
/// introduction.
const HERE_FOLLOW: &[&str] = &[
    "from", "with", "again", "and", "speaking", "at", "of", "von", "aus", "van", "met",
];

/// Words that may stand before `name is` (possessives and `full`/`first`/`last`).
const POSSESSIVES: &[&str] = &[
    "my", "your", "his", "her", "their", "our", "full", "first", "last", "given", "real", "legal",
    "mein", "meine", "dein", "sein", "ihr", "unser", "voller", "mon", "ton", "son", "notre",
    "votre", "mi", "tu", "su", "nuestro", "mio", "tuo", "suo", "mia", "mijn", "jouw", "je", "zijn",
    "haar", "onze", "uw", "meu", "teu", "seu", "minha", "nosso",
];

/// Copulas between a name label and the name.
const COPULAS: &[&str] = &[
    "is", "ist", "es", "est", "è", "é", "e", "was", "war", "era", "être",
];

/// Words that may follow a name label before its `:` or copula (`Nombre completo:`).
const QUALIFIERS: &[&str] = &[
    "completo",
    "complet",
    "completa",
    "de famille",
    "e cognome",
    "y apellidos",
    "e sobrenome",
    "und vorname",
    // `Titulaire du compte :`, `Titular de la cuenta:`, `Titular da conta:`.
    "du compte",
    "de la cuenta",
    "da conta",
];

/// Words that may follow a sign-off word before the signature (`Thanks again,`).
const SIGNOFF_MORE: &[&str] = &[
    "you",
    "again",
    "so",
    "much",
    "a",
    "lot",
    "in",
    "advance",
    "regards",
    "wishes",
    "truly",
    "sincerely",
    "faithfully",
    "yours",
    "all",
    // `Saludos cordiales,`, `Saluti cordiali,`.
    "cordiales",
    "cordiali",
];

/// Words after `this is <Name>` that make it an introduction (`this is Jane from Acme`).
const THIS_IS_FOLLOW: &[&str] = &[
    "from", "with", "at", "of", "here", "speaking", "calling", "and",
];

/// Words that, on the line before `this is`, make it a greeting's introduction.
const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "morning",
    "afternoon",
    "evening",
    "yes",
    "hallo",
    "hola",
    "bonjour",
    "ciao",
    "hoi",
    "olá",
    "oi",
    "salut",
];

/// Words after a one-word name that `I'm <Name>` accepts (`I'm Jane and …`, `I'm Jane from …`).
const I_AM_FOLLOW: &[&str] = &["and", "from", "here", "speaking", "with", "at", "of"];

/// Lowercase determiners that make `Frau`/`Herr` a noun (`eine Frau`, `der Herr`).
const DETERMINERS: &[&str] = &[
    "die", "der", "den", "dem", "des", "eine", "einer", "einem", "einen", "ein", "jede", "jeder",
    "keine", "kein", "diese", "dieser", "welche", "jene", "alte", "junge", "the", "a",
    // Dative possessives: `meiner Frau Bescheid sagen`, `Ihrer Frau Blumen schenken` (the wife).
    "meiner", "deiner", "seiner", "ihrer", "unserer", "eurer",
];

/// Lowercase particles allowed inside a name (`Jan van der Berg`, `João da Silva`).
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "des", "dos", "das", "do",
    "le", "la", "bin", "binti", "ibn", "al", "el", "ter", "ten", "zu", "y", "af", "av", "st",
];

/// Honorific words (without their dot) that may follow another (`Prof. Dr. Hans Meier`).
const HONORIFIC_WORDS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sir", "herr", "frau", "mme", "mlle", "sr", "sra", "srta",
    "sig", "dott", "dhr", "mevr", "mw", "med", "ing", "mag", "dipl",
];

/// Capitalised words that are not names: function words, greetings and sign-offs, moods and
/// states (`I'm Sorry`), roles and teams (`Dear Customer`, `Regards,\nThe Team`), nationalities,
/// days, months, headings and products. Lowercase; sorted at first use.
const STOP: &[&str] = &[
    // English function words.
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "always",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "each",
    "even",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "let",
    "like",
    "may",
    "maybe",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "please",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "yes",
    "yet",
    "you",
    "your",
    "new",
    "next",
    "last",
    "first",
    "one",
    "two",
    "see",
    "get",
    "got",
    "use",
    "using",
    // Greetings and sign-offs.
    "morning",
    "afternoon",
    "evening",
    "hallo",
    "hola",
    "ciao",
    "hoi",
    "olá",
    "oi",
    "salut",
    "moin",
    "servus",
    "buenas",
    "best",
    "bye",
    "cheers",
    "dear",
    "goodbye",
    "greetings",
    "hello",
    "hey",
    "hi",
    "kind",
    "love",
    "many",
    "regards",
    "sincerely",
    "thank",
    "thanks",
    "warm",
    "warmly",
    "wishes",
    "yours",
    "welcome",
    "ok",
    "okay",
    "sorry",
    "respectfully",
    "cordially",
    "faithfully",
    "truly",
    "grüße",
    "grüßen",
    "grüsse",
    "gruß",
    "mfg",
    "cordialement",
    "saludos",
    "saluti",
    "groet",
    "groeten",
    "groetjes",
    "atenciosamente",
    "atentamente",
    "cumprimentos",
    // Moods and states after "I'm".
    "able",
    "afraid",
    "alive",
    "alone",
    "angry",
    "available",
    "awake",
    "aware",
    "back",
    "bad",
    "big",
    "bored",
    "busy",
    "calling",
    "certain",
    "clear",
    "cold",
    "confused",
    "cool",
    "curious",
    "dead",
    "down",
    "excited",
    "fine",
    "free",
    "full",
    "glad",
    "going",
    "good",
    "great",
    "happy",
    "home",
    "hot",
    "hungry",
    "ill",
    "interested",
    "late",
    "looking",
    "lost",
    "nervous",
    "nice",
    "old",
    "open",
    "pleased",
    "positive",
    "pretty",
    "proud",
    "ready",
    "really",
    "right",
    "sad",
    "safe",
    "scared",
    "serious",
    "sick",
    "single",
    "stuck",
    "sure",
    "super",
    "tired",
    "totally",
    "trying",
    "unable",
    "unsure",
    "upset",
    "well",
    "working",
    "worried",
    "writing",
    "wrong",
    "young",
    "actually",
    "currently",
    "definitely",
    "almost",
    "never",
    "still",
    "kinda",
    "literally",
    "honestly",
    "having",
    "getting",
    "thinking",
    "feeling",
    "planning",
    "wondering",
    "hoping",
    "leaving",
    "coming",
    "gonna",
    "alright",
    "grateful",
    "thankful",
    "lucky",
    "hopeful",
    "done",
    "finished",
    "stressed",
    "new",
    "online",
    "offline",
    "away",
    "ai",
    "human",
    "bot",
    "sick",
    "fed",
    "in",
    "out",
    "speaking",
    "talking",
    "calling",
    "married",
    "retired",
    "pregnant",
    "sure",
    "not",
    "only",
    "also",
    "no",
    "yes",
    "a",
    // Nationalities, faiths, groups.
    "african",
    "american",
    "arab",
    "asian",
    "australian",
    "austrian",
    "belgian",
    "brazilian",
    "british",
    "canadian",
    "catholic",
    "chinese",
    "christian",
    "danish",
    "dutch",
    "english",
    "european",
    "filipino",
    "finnish",
    "french",
    "german",
    "greek",
    "hindu",
    "indian",
    "irish",
    "italian",
    "japanese",
    "jewish",
    "korean",
    "latino",
    "mexican",
    "muslim",
    "norwegian",
    "polish",
    "portuguese",
    "russian",
    "scottish",
    "spanish",
    "swedish",
    "swiss",
    "turkish",
    "ukrainian",
    "vegan",
    "vegetarian",
    "welsh",
    "buddhist",
    "atheist",
    "democrat",
    "republican",
    "liberal",
    "conservative",
    // Roles, teams, organisations.
    "admin",
    "administrator",
    "agent",
    "assistant",
    "bank",
    "board",
    "boss",
    "ceo",
    "chair",
    "chairman",
    "client",
    "clients",
    "colleague",
    "colleagues",
    "company",
    "corp",
    "corporation",
    "customer",
    "customers",
    "department",
    "desk",
    "director",
    "everyone",
    "everybody",
    "friend",
    "friends",
    "folks",
    "gmbh",
    "guest",
    "guys",
    "helpdesk",
    "hr",
    "inc",
    "llc",
    "ltd",
    "madam",
    "management",
    "manager",
    "member",
    "members",
    "office",
    "officer",
    "president",
    "sales",
    "secretary",
    "service",
    "services",
    "sir",
    "sirs",
    "staff",
    "student",
    "support",
    "team",
    // Openers the stream redactor lets go early (`stream::PLAIN_OPENERS`).
    "certainly",
    "absolutely",
    // Verbs and mail words that open a line before a name and its address (`Contact Jane Doe
    // <…>`, `Cc Jane Doe <…>`).
    "contact",
    "email",
    "call",
    "ask",
    "write",
    "forward",
    "forwarding",
    "reply",
    "cc",
    "bcc",
    "fwd",
    "fw",
    "re",
    // Job title words (`Destinatario: Chief Executive Officer`).
    "chief",
    "executive",
    "vice",
    "senior",
    "junior",
    // Desks and departments named on attention and recipient lines (`Attn: Accounts Payable`).
    "accounts",
    "accounting",
    "payable",
    "receivable",
    "billing",
    "purchasing",
    "procurement",
    "reception",
    "finance",
    "legal",
    "marketing",
    "payroll",
    "shipping",
    "returns",
    "logistics",
    "warehouse",
    "operations",
    "buchhaltung",
    "einkauf",
    "vertrieb",
    "kundenservice",
    "kundendienst",
    "personalabteilung",
    "comptabilité",
    "contabilidad",
    "compras",
    "acquisti",
    "contabilità",
    "amministrazione",
    "inkoop",
    "boekhouding",
    "administratie",
    "financeiro",
    "faturamento",
    "user",
    "users",
    "valued",
    "world",
    "hiring",
    "resources",
    "minister",
    "mayor",
    "governor",
    "speaker",
    "doctor",
    "professor",
    "nurse",
    "teacher",
    "partner",
    "owner",
    "applicant",
    "candidate",
    "recipient",
    "sender",
    "unknown",
    "none",
    "null",
    "test",
    "example",
    "sample",
    "redacted",
    "anonymous",
    "tbd",
    "direction",
    "équipe",
    "equipo",
    "equipe",
    "equipa",
    "ufficio",
    "servizio",
    "afdeling",
    "klantenservice",
    "kundenservice",
    "kundendienst",
    "geschäftsleitung",
    "verwaltung",
    "doktor",
    "präsident",
    "direktor",
    "kollege",
    "kollegin",
    "ober",
    "pfarrer",
    "bürgermeister",
    "nachbar",
    "nachbarin",
    "atención",
    "atendimento",
    "mom",
    "dad",
    "mum",
    "mama",
    "papa",
    "mother",
    "father",
    "sister",
    "brother",
    "baby",
    "honey",
    "darling",
    "sweetie",
    "mate",
    "buddy",
    "dude",
    "bro",
    "man",
    "sweetheart",
    "darling",
    "lady",
    "ladies",
    "gentlemen",
    "gentleman",
    "sirs",
    "madams",
    "people",
    "family",
    // Everyone in a greeting: `Hallo zusammen,`, `Hola amigos,`.
    "zusammen",
    "allerseits",
    "leute",
    "amigos",
    "amigas",
    "chicos",
    "todos",
    "tous",
    "tout",
    "ragazzi",
    "tutti",
    "pessoal",
    "gente",
    "allemaal",
    "iedereen",
    "alle",
    "allihopa",
    "allesammen",
    "there",
    "all",
    "community",
    "neighbour",
    "neighbor",
    "reader",
    "readers",
    "editor",
    "organizer",
    "committee",
    "council",
    "court",
    "judge",
    "officer",
    "police",
    "citizen",
    // Personal and household pronouns, articles of other languages.
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "ich",
    "wir",
    "sie",
    "es",
    "ihr",
    "ihre",
    "dein",
    "deine",
    "euer",
    "eure",
    "bitte",
    "danke",
    "vielen",
    "mit",
    "und",
    "oder",
    "aber",
    "auch",
    "le",
    "la",
    "les",
    "un",
    "une",
    "je",
    "nous",
    "vous",
    "votre",
    "merci",
    "bonjour",
    "bien",
    "el",
    "los",
    "las",
    "una",
    "yo",
    "por",
    "gracias",
    "muchas",
    "tu",
    "su",
    "il",
    "lo",
    "gli",
    "io",
    "grazie",
    "buongiorno",
    "het",
    "een",
    "ik",
    "wij",
    "bedankt",
    "dank",
    "eu",
    "um",
    "uma",
    "obrigado",
    "obrigada",
    "seu",
    "sua",
    "o",
    "os",
    // Academic and professional titles (`Dipl.-Ing.`, `Univ.-Prof.`, `Ph.D.`).
    "dipl",
    "ing",
    "univ",
    "mag",
    "phd",
    "msc",
    "bsc",
    "mba",
    "med",
    "rer",
    "nat",
    "jur",
    "phil",
    "dott",
    "avv",
    "arch",
    "eng",
    "lic",
    "mr",
    "ir",
    "drs",
    // Honorifics (a salutation such as "Dear Mr. Smith" is the honorific rule's).
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "herr",
    "frau",
    "mme",
    "mlle",
    "monsieur",
    "madame",
    "mademoiselle",
    "sr",
    "sra",
    "srta",
    "señor",
    "señora",
    "sig",
    "signor",
    "signora",
    "dhr",
    "mevr",
    "mevrouw",
    "meneer",
    "senhor",
    "senhora",
    "miss",
    // Days and months (en, de).
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "today",
    "tomorrow",
    "yesterday",
    // Headings and document words.
    "section",
    "chapter",
    "part",
    "page",
    "step",
    "note",
    "notes",
    "summary",
    "introduction",
    "overview",
    "conclusion",
    "appendix",
    "table",
    "figure",
    "agenda",
    "update",
    "question",
    "questions",
    "answer",
    "details",
    "info",
    "information",
    "subject",
    "re",
    "fw",
    "fwd",
    "attachment",
    "attached",
    "ps",
    "p.s",
    "regarding",
    "order",
    "account",
    "number",
    "date",
    "address",
    "email",
    "phone",
    "name",
    // Products and assistants.
    "alexa",
    "siri",
    "google",
    "chatgpt",
    "claude",
    "copilot",
    "gemini",
    "cortana",
    "bard",
    "gpt",
    "openai",
    "microsoft",
    "apple",
    "amazon",
    "windows",
    "linux",
    "python",
    "java",
    "excel",
    "slack",
    "zoom",
    "teams",
    "github",
    "android",
    "iphone",
    // Type names in code (`name: String,`, `name: Cow<'a, str>`).
    "string",
    "str",
    "cow",
    "option",
    "vec",
    "box",
    "self",
    "none",
    "null",
    "nil",
    "undefined",
    "object",
    "integer",
    "boolean",
    "bool",
    "void",
    // Everyday German nouns: German capitalises every noun, so `Herr Hund`, `Frau Küche` in a
    // sentence are no names. Nouns that are also common surnames (Koch, Bauer, Sommer, Winter,
    // Vogel, Stein, Berg, Mann …) are not listed.
    "haus",
    "hund",
    "katze",
    "geld",
    "tier",
    "küche",
    "bein",
    "auto",
    "zeit",
    "jahr",
    "tag",
    "woche",
    "monat",
    "stunde",
    "minute",
    "kind",
    "welt",
    "leben",
    "hand",
    "arbeit",
    "schule",
    "stadt",
    "land",
    "wasser",
    "essen",
    "brot",
    "buch",
    "tisch",
    "stuhl",
    "tür",
    "fenster",
    "zimmer",
    "bett",
    "weg",
    "frage",
    "antwort",
    "problem",
    "spiel",
    "ball",
    "wald",
    "feld",
    "himmel",
    "sonne",
    "mond",
    "regen",
    "schnee",
    "wind",
    "luft",
    "feuer",
    "erde",
    "blume",
    "garten",
    "glas",
    "teller",
    "tasse",
    "kaffee",
    "tee",
    "milch",
    "bier",
    "wein",
    "fleisch",
    "obst",
    "apfel",
    "kopf",
    "auge",
    "ohr",
    "nase",
    "mund",
    "fuß",
    "herz",
    "bauch",
    "rücken",
    "gesicht",
    "körper",
    "arzt",
    "lehrer",
    "schüler",
    "freund",
    "familie",
    "mutter",
    "vater",
    "mama",
    "papa",
    "bruder",
    "schwester",
    "sohn",
    "tochter",
    "eltern",
    "kinder",
    "leute",
    "polizei",
    "zug",
    "bus",
    "fahrrad",
    "schiff",
    "flugzeug",
    "geschenk",
    "geburtstag",
    "musik",
    "film",
    "bild",
    "farbe",
    "klasse",
    "gruppe",
    "firma",
    "büro",
    "telefon",
    "brief",
    "papier",
    "uhr",
    "schuh",
    "hose",
    "hemd",
    "kleid",
    "jacke",
    "tasche",
    "schlüssel",
    "nacht",
    "abend",
    "mittag",
    "frühling",
    "herbst",
    "eis",
    "kuchen",
    "zucker",
    "salz",
    "suppe",
    "gemüse",
    "käse",
    "butter",
    "geschichte",
    "sprache",
    "wort",
    "satz",
    "beispiel",
    "idee",
    "ende",
    "anfang",
    "teil",
    "stück",
    "ding",
    "sache",
    "grund",
    "zahl",
    "nummer",
    "preis",
    "markt",
    "laden",
    "geschäft",
    "karte",
    "reise",
    "urlaub",
    "hotel",
    "strand",
    "insel",
    "fluss",
    "brücke",
    "kirche",
    "turm",
    "dorf",
    "platz",
    "pferd",
    "kuh",
    "schwein",
    "maus",
    "bär",
    "löwe",
    "boden",
    "wand",
    "dach",
    "wohnung",
    "straße",
    "wetter",
    "frühstück",
    "mittagessen",
    "hunger",
    "durst",
    "glück",
    "angst",
    "liebe",
    "spaß",
    "fehler",
    "hilfe",
    "sport",
    "fußball",
    "wagen",
];

static STOP_SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    const STOP_PACKED: &str = packed!(STOP);
    let mut v: Vec<&'static str> = STOP_PACKED.split('\n').collect();
    crate::sort::sort_by(&mut v, |a, b| a.cmp(b));
    v.dedup();
    v
});

/// What a finished parse found: a name's span, its rule and base score.
struct Found {
    start: usize,
    end: usize,
    milli: u16,
    rule: &'static str,
}

impl Found {
    /// `name` as a self-introduction (`My name is …`, `This is … from`, `Hi, … here`).
    fn introduction(name: &Name) -> Found {
        Found {
            start: name.start,
            end: name.end,
            milli: 850,
            rule: RULE_INTRODUCTION,
        }
    }
}

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    // Every trigger that can introduce a name starts a word (`appelle` follows an apostrophe),
    // where the shared finder looks: without one of its hits, there is nothing to read.
    let spread = triggers::person_spread(hay);
    if spread != Some(None) {
        scan_spread(hay, spread, out);
    }
}

/// [`scan`] of a text where the shared finder saw a trigger phrase (`spread`), or could not look.
#[inline(never)]
fn scan_spread(hay: &Hay<'_>, spread: Option<Option<triggers::Spread>>, out: &mut Vec<Candidate>) {
    let Some(finder) = FINDER.as_ref() else {
        return;
    };
    let text = hay.text;
    // Every name this recognizer reports has a capitalised or all-caps word after its trigger,
    // so only a trigger that ends at or before the last capital letter (or non-ASCII byte, which
    // may belong to one) can introduce one. All-lowercase ASCII text (most typed chat) has none;
    // otherwise the search stops once every trigger starting before that letter is decided.
    let Some(last) = last_capital(text.as_bytes()) else {
        return;
    };
    let searched = text
        .as_bytes()
        .get(..last.saturating_add(LONGEST_TRIGGER))
        .unwrap_or(text.as_bytes());
    // The automaton needs to read only from a byte no trigger holds (no match runs across it)
    // before the first hit to the end of the last inside the searched part.
    let Some(Some(spread)) = spread else {
        scan_triggers(finder, text, 0, searched.len(), out);
        return;
    };
    if spread.min_end > searched.len() {
        return;
    }
    let end = spread.max_end.min(searched.len());
    let from = searched
        .get(..spread.first_start)
        .and_then(|before| before.iter().rposition(|&b| !may_be_in_trigger(b)))
        .map_or(0, |at| at + 1);
    scan_triggers(finder, text, from, end, out);
}

/// False for the bytes no trigger phrase holds: no match of the automaton runs across one, so a
/// search from just after one finds what a search from further back does. The window also ends
/// at the end of the last hit: no trigger phrase holds, after a word's start, another one and
/// more (the tests check both), so a match past it cannot hide a trigger before it.
fn may_be_in_trigger(b: u8) -> bool {
    !b.is_ascii() || b.is_ascii_alphabetic() || matches!(b, b' ' | b'\'' | b'.' | b'/')
}

/// Reports the names introduced by the triggers found in `text[from..to]`.
fn scan_triggers(finder: &Matcher, text: &str, from: usize, to: usize, out: &mut Vec<Candidate>) {
    let searched = text.as_bytes().get(from..to).unwrap_or_default();
    for m in finder.find_iter(searched) {
        let Some(&(pattern, trigger)) = TRIGGERS.get(m.pattern().as_usize()) else {
            continue;
        };
        let (s, mut e) = (from + m.start(), from + m.end());
        if matches!(trigger, Role | Occupation) {
            e += role_ending(text, e);
        }
        let left_ok = trigger == Elided
            || !char_before(text, s).is_some_and(|c| c.is_alphanumeric() || c == '_');
        let right_ok =
            pattern.ends_with('.') || !char_at(text, e).is_some_and(|c| c.is_alphanumeric());
        if !left_ok || !right_ok {
            continue;
        }
        let found = match trigger {
            Label => label(text, s, e, false),
            Role => label(text, s, e, false).or_else(|| role(text, s, e)),
            Occupation => label(text, s, e, false).or_else(|| occupation(text, s, e)),
            Recipient => recipient(text, e),
            ContactLabel => label(text, s, e, false)
                .filter(|f| text.get(f.start..f.end).is_some_and(is_full_name)),
            Holder => holder(text, s, e),
            NameIs => label(text, s, e, true),
            Called(pronouns) => called(text, s, e, pronouns),
            Elided => elided(text, s, e),
            IAm => i_am(text, e),
            IAmFullName => i_am(text, e).filter(|f| f.milli > 750),
            ThisIs => this_is(text, s, e),
            GreetingHere => greeting_here(text, s, e),
            Honorific => honorific(text, s, e, pattern),
            SignOff => sign_off(text, s, e),
            Salutation => salutation(text, s, e),
            Relation => relation(text, s, e),
            DutchCall => dutch_call(text, s, e),
            Attention => attention(text, e),
        };
        let Some(f) = found else {
            continue;
        };
        // `Customer: Jones Ltd`, `Regards,\nWard, Cox and Murphy`: a firm named after people.
        if names_a_company(
            text,
            f.start,
            f.end,
            !matches!(trigger, Salutation | GreetingHere),
        ) {
            super::pass_over();
            continue;
        }
        // Candidates come in text order: only the last few can overlap.
        if out
            .iter()
            .rev()
            .take(4)
            .any(|c| c.start < f.end && f.start < c.end)
        {
            continue;
        }
        out.push(Candidate {
            kind: Kind::Person,
            start: f.start,
            end: f.end,
            score: Score::from_milli(f.milli),
            rule: f.rule,
            validated: false,
        });
    }
}

/// A parsed name: its span, how many capitalised words and initials it has, and whether the parse
/// ended at a stop word (`Jane Support`), which introductions and signatures do not accept.
struct Name {
    start: usize,
    end: usize,
    tokens: usize,
    first_end: usize,
    stopped: bool,
}

/// Reads a name of one to four capitalised words starting at `i`. `caps` accepts all-capital
/// words (`DOE`), which only form fields use. `None` when there is no name there, the first word
/// is a stop word, or five or more capitalised words follow each other (a Title Case heading).
fn parse_name(text: &str, i: usize, caps: bool) -> Option<Name> {
    parse_name_with(text, i, caps, false)
}

/// Titles skipped before a name (`Dr. Jane Doe`, `Dipl.-Ing. Rico Schuster`); those in the second
/// list only with their dot.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "herr", "frau", "mme", "dhr", "hr",
    "fru", "herra", "rouva", "härra", "proua", "doña",
];
const DOTTED_TITLES: &[&str] = &[
    "dipl", "ing", "univ", "mag", "med", "mlle", "sr", "sra", "srta", "sig", "dott", "mevr", "mw",
    "dra", "lic", "mtro", "srita", "dña", "bc", "mgr", "judr", "mudr", "mvdr", "phdr", "rndr",
    "engr",
];
/// Polish, Czech and Slovak courtesy titles, as written in running text (`pani Janina Siara`,
/// `pan Jan Novák`): only in small letters, as `Pan` may be a name (`Pan Wei`).
const SMALL_TITLES: &[&str] = &["pan", "pani", "paní", "pán", "slečna"];

/// Skips courtesy and academic titles at `i` (at most three).
fn skip_titles(text: &str, mut i: usize) -> usize {
    for _ in 0..3 {
        let Some(we) = word_end(text, i) else {
            return i;
        };
        let Some(word) = text.get(i..we) else {
            return i;
        };
        let dotted = char_at(text, we) == Some('.');
        if !(in_list(TITLES, word)
            || dotted && in_list(DOTTED_TITLES, word)
            || SMALL_TITLES.contains(&word))
        {
            return i;
        }
        let mut j = we + usize::from(dotted);
        // `Dipl.-Ing.`, `Univ.-Prof.`
        if dotted && char_at(text, j) == Some('-') {
            if let Some(we2) = word_end(text, j + 1) {
                if char_at(text, we2) == Some('.') {
                    j = we2 + 1;
                }
            }
        }
        let n = skip_blanks(text, j);
        if n == j {
            return i;
        }
        i = n;
    }
    i
}

/// True when an honorific trigger opens the name at `i` (`Bonjour M. Petit,`): the honorific
/// rule reports it.
fn honorific_at(text: &str, i: usize) -> bool {
    word_at(text, i).is_some_and(|w| {
        in_list(HONORIFIC_WORDS, w) || w == "M" && char_at(text, i + 1) == Some('.')
    })
}

/// True when a title the honorific rule is triggered by opens the name at `i` (`Mr.`, `Dr`,
/// `Sra.`): that rule reports the name, not the sign-off or salutation around it. A name after
/// any other title (`Dra.`, `Lic.`, `Dipl.-Ing.`, `pani`, `Fru`) is read by the rule around it,
/// which skips the title.
fn courtesy_title_at(text: &str, i: usize) -> bool {
    skip_titles(text, i) != i
        && word_at(text, i).is_some_and(|w| {
            TRIGGERS
                .iter()
                .any(|&(p, t)| t == Honorific && p.eq_ignore_ascii_case(w))
        })
}

/// Stop words that are also given names, as Faker and parents write them: `June Foster`, `Dear
/// Christian Bradley`. Lowercase.
const ALSO_GIVEN_NAMES: &[&str] = &["april", "christian", "june", "may"];

/// Stop words that are also surnames: `Contact: Amaira Date |`, `Mark Young`, `Joana Sales`.
/// Lowercase.
const ALSO_SURNAMES: &[&str] = &["date", "love", "page", "sales", "young"];

/// Whether the stop word `lower` ending at `we` is a name word here: a given name
/// ([`ALSO_GIVEN_NAMES`]) as the first word of a name when a capitalised word that is no stop word
/// follows it (`June Foster`, not `May I`), or a given name or surname ([`ALSO_SURNAMES`]) as its
/// last when a name word comes before it (`tokens`) and nothing but the end of the line,
/// punctuation or a lower-case word comes after it (`Amaira Date |`, `Mark Young and`, not `Jane
/// Young 5th`, `Jane Doe Date: 05/06`).
fn also_a_name(text: &str, lower: &str, tokens: usize, we: usize) -> bool {
    let given = ALSO_GIVEN_NAMES.contains(&lower);
    if !(given || tokens > 0 && ALSO_SURNAMES.contains(&lower)) {
        return false;
    }
    let bytes = text.as_bytes();
    if tokens == 0 {
        let mut buf = String::new();
        return bytes.get(we) == Some(&b' ')
            && word_at(text, we + 1).is_some_and(|next| {
                is_capitalised(next)
                    && STOP_SORTED
                        .binary_search(&lower_into(next, &mut buf))
                        .is_err()
            });
    }
    match bytes.get(we) {
        None | Some(b'\n' | b'\r' | b',' | b'.' | b';' | b')' | b'|') => true,
        Some(b' ') => bytes
            .get(we + 1)
            .is_none_or(|&b| b.is_ascii_lowercase() || matches!(b, b'|' | b'(' | b'-')),
        _ => false,
    }
}

/// [`parse_name`], optionally accepting a lowercase particle first (`Mevr. de Vries`).
fn parse_name_with(text: &str, i: usize, caps: bool, particle_first: bool) -> Option<Name> {
    let bytes = Table(text.as_bytes());
    let i = skip_titles(text, i);
    // A first word in lower case is neither an initial nor capitalised (nor all caps), and a
    // particle first needs `particle_first`: no name (`I'm sorry`). Only an elided `d'`/`l'`
    // can hide a capital after a lower-case letter.
    if !particle_first
        && bytes
            .get(i)
            .is_some_and(|&b| b.is_ascii_lowercase() && b != b'd' && b != b'l')
    {
        return None;
    }
    let mut pos = i;
    let mut start = None;
    let mut end = i;
    let mut first_end = i;
    let mut last_full_end = i;
    // Where the name ends without its last full word, and how many tokens it then has.
    let mut shorter = (i, 0usize);
    let mut tokens = 0usize;
    let mut full = 0usize;
    let mut particles = 0usize;
    let mut stopped = false;
    let mut buf = String::new();
    // A name has at most four words, two particles between any two of them.
    for _ in 0..12 {
        let Some(we) = word_end(text, pos) else {
            break;
        };
        let word = text.get(pos..we)?;
        let after = char_at(text, we);
        let next;
        let single_upper = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if single_upper && after == Some('.') {
            // An initial: `J.`
            tokens += 1;
            start.get_or_insert(pos);
            end = we + 1;
            particles = 0;
            next = we + 1;
        } else if in_list(PARTICLES, word)
            && (tokens > 0 || particle_first || is_capitalised(word))
            && particles < 2
            && (tokens > 0 || particles == 0)
        {
            if tokens == 0 {
                start.get_or_insert(pos);
            }
            particles += 1;
            next = we;
        } else if is_capitalised(word) || caps && is_all_caps(word) {
            // `Colleen Russell PhD`: a degree after a name ends it (see `after_name_suffixes`).
            if tokens > 0 && NAME_SUFFIXES.contains(&word) {
                break;
            }
            if STOP_SORTED
                .binary_search(&lower_into(word, &mut buf))
                .is_ok()
                && !also_a_name(text, &buf, tokens, we)
            {
                stopped = true;
                break;
            }
            if after == Some(':') {
                break;
            }
            shorter = (end, tokens);
            tokens += 1;
            full += 1;
            start.get_or_insert(pos);
            end = we;
            last_full_end = we;
            if full == 1 {
                first_end = we;
            }
            particles = 0;
            next = we;
        } else {
            break;
        }
        if tokens > 4 {
            super::pass_over();
            return None;
        }
        if bytes.get(next) == Some(&b' ') && bytes.get(next + 1).is_some_and(|&b| b != b' ') {
            pos = next + 1;
        } else {
            break;
        }
    }
    if full == 0 {
        return None;
    }
    let start = start?;
    // Initials glued to more letters (`Jane Doe B.A.`) are a degree, not part of the name.
    if end > last_full_end && char_at(text, end).is_some_and(char::is_alphanumeric) {
        end = last_full_end;
    }
    // A last word glued to digits or an underscore is a code, not a name word: `Jane Doe
    // AIza0k12…` names Jane Doe, as `Jane Doe [SECRET]` does once the key is redacted.
    if full > 1
        && end == last_full_end
        && char_at(text, end).is_some_and(|c| c.is_alphanumeric() || c == '_')
    {
        (end, tokens) = shorter;
    }
    // `Jane2`, `jane_doe`, `jane@…`, `Doe.com` are handles, not names.
    match char_at(text, end) {
        // `Holzwirt*in`, `Technische*r`: a German job title written for every gender.
        Some(c) if c.is_alphanumeric() || matches!(c, '_' | '@' | '*') => return None,
        Some('.') if char_at(text, end + 1).is_some_and(char::is_alphanumeric) => return None,
        _ => {}
    }
    Some(Name {
        start,
        end,
        tokens,
        first_end,
        stopped,
    })
}

/// The word before `at` on the same line (blanks skipped), if any.
fn prev_word(text: &str, at: usize) -> Option<&str> {
    let j = skip_blanks_back(text, at);
    let ws = word_start(text, j)?;
    text.get(ws..j)
}

/// The start of the line containing `at`, if it is at most `max` bytes back.
fn line_start(text: &str, at: usize, max: usize) -> Option<usize> {
    let bytes = Table(text.as_bytes());
    let from = at.saturating_sub(max + 1);
    let mut i = at.min(bytes.len());
    while i > from {
        if bytes[i - 1] == b'\n' {
            return Some(i);
        }
        i -= 1;
    }
    (i == 0).then_some(0)
}

/// True when `text[i..]` starts with `needle`, ASCII-case-insensitively, followed by a non-letter.
fn starts_with_word(text: &str, i: usize, needle: &str) -> bool {
    let Some(rest) = text.get(i..) else {
        return false;
    };
    rest.len() >= needle.len()
        && rest.as_bytes()[..needle.len()].eq_ignore_ascii_case(needle.as_bytes())
        && !char_at(text, i + needle.len()).is_some_and(char::is_alphanumeric)
}

/// The word starting at `i`, if any.
fn word_at(text: &str, i: usize) -> Option<&str> {
    text.get(i..word_end(text, i)?)
}

/// Skips an opening quote before a name (`my name is "Jane"`).
fn skip_quote(text: &str, i: usize) -> usize {
    match char_at(text, i) {
        Some(c @ ('"' | '\u{201C}' | '\u{AB}' | '\u{2018}')) => skip_blanks(text, i + c.len_utf8()),
        _ => i,
    }
}

fn label(text: &str, s: usize, e: usize, copula_ok: bool) -> Option<Found> {
    let mut i = skip_blanks(text, e);
    if let Some(q) = QUALIFIERS.iter().find(|q| starts_with_word(text, i, q)) {
        i = skip_blanks(text, i + q.len());
    }
    // `Upstream-Name:`, `display_name:`, `user.name:` label something else.
    if char_before(text, s).is_some_and(|c| matches!(c, '-' | '_' | '.' | '/' | '@')) {
        return None;
    }
    let prev = prev_word(text, s);
    if char_at(text, i) == Some(':') {
        if prev.is_some_and(|p| !in_packed(packed!(FIELD_PREFIX), p)) {
            return None;
        }
        // `Name:` at a line's end with the value on the next line is a form layout too.
        let mut j = skip_blanks(text, i + 1);
        if char_at(text, j) == Some('\r') {
            j += 1;
        }
        if char_at(text, j) == Some('\n') {
            j = skip_blanks(text, j + 1);
        }
        let name = parse_name(text, skip_quote(text, j), true)?;
        if name.tokens == 1 && lowercase_words_end_line(text, name.end) {
            // `Contact person: Warehouse manager`, `Name: Nature conservation officer`: a job
            // or a noun phrase, not a name.
            return None;
        }
        return Some(Found {
            start: name.start,
            end: name.end,
            milli: 850,
            rule: RULE_FIELD,
        });
    }
    // `your name?`, `the name on the account?`, not `the file name?` or `the name of the file?`.
    let asked = prev.is_some_and(|p| in_list(POSSESSIVES, p))
        || prev.is_some_and(|p| p.eq_ignore_ascii_case("the")) && starts_with_word(text, i, "on");
    if copula_ok && asked {
        if let Some(found) = answered_name(text, i) {
            return Some(found);
        }
    }
    if !copula_ok || !prev.is_some_and(|p| in_list(POSSESSIVES, p)) {
        return None;
    }
    // `name's` or `name is`; a capitalised copula (`My Name Is Earl`) is a title.
    let j = if text.get(e..).is_some_and(|r| r.starts_with("'s ")) {
        e + 2
    } else {
        let word = word_at(text, i)?;
        if !COPULAS.contains(&word) {
            return None;
        }
        i + word.len()
    };
    let k = skip_blanks(text, j);
    if k == j {
        return None;
    }
    let name = parse_name(text, skip_quote(text, k), false)?;
    if name.stopped && name.tokens == 0 {
        return None;
    }
    Some(Found::introduction(&name))
}

/// The answer to a question for a name whose word `name` (or `nom`, `nombre` …) ends at `i`: up
/// to five small words or commas, `?`, then, after at most one line break and a speaker's
/// label (`User:`, `A:`), a name that is the whole answer (`What's your name? Jane Doe`, `What's
/// the name on the account?⏎User: Jane Doe`, `¿Cuál es su nombre? Lucía Pérez.`).
fn answered_name(text: &str, mut i: usize) -> Option<Found> {
    for _ in 0..5 {
        match char_at(text, i) {
            Some('?') => break,
            Some(',') => i = skip_blanks(text, i + 1),
            _ => {
                let we = word_end(text, i).filter(|_| starts_lowercase(text, i))?;
                i = skip_blanks(text, we);
            }
        }
    }
    if char_at(text, i) != Some('?') {
        return None;
    }
    let mut j = skip_blanks(text, i + 1);
    j += usize::from(char_at(text, j) == Some('\r'));
    if char_at(text, j) == Some('\n') {
        j = skip_blanks(text, j + 1);
    }
    if let Some(we) = word_end(text, j).filter(|&we| char_at(text, we) == Some(':')) {
        j = skip_blanks(text, we + 1);
    }
    let name = parse_name(text, skip_quote(text, j), false)?;
    if !matches!(
        char_at(text, name.end),
        None | Some('\n' | '\r' | '.' | '!' | ',')
    ) {
        return None;
    }
    Some(Found {
        start: name.start,
        end: name.end,
        milli: 850,
        rule: RULE_ANSWER,
    })
}

/// True when the character at `i` is a lowercase letter.
fn starts_lowercase(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(char::is_lowercase)
}

/// True when one or more lowercase words (no particle first) and then the end of the line follow
/// `end` after a single blank.
fn lowercase_words_end_line(text: &str, end: usize) -> bool {
    let Some(mut i) = text
        .as_bytes()
        .get(end)
        .filter(|&&b| b == b' ')
        .map(|_| end + 1)
    else {
        return false;
    };
    let mut words = 0;
    while let Some(we) = word_end(text, i) {
        let Some(word) = text.get(i..we) else {
            return false;
        };
        if !word.starts_with(char::is_lowercase) || words == 0 && in_list(PARTICLES, word) {
            return false;
        }
        words += 1;
        i = skip_blanks(text, we);
        if matches!(char_at(text, i), None | Some('\n' | '\r')) {
            return true;
        }
    }
    false
}

/// An account or card holder: a form field (`Account holder: Jane Doe`) or, after a copula, a
/// sentence (`The account holder is Jane Doe`, `Der Kontoinhaber ist Max Muster`), read as `I am`
/// reads its name (a state such as `is Responsible` is none).
fn holder(text: &str, s: usize, e: usize) -> Option<Found> {
    if let Some(found) = label(text, s, e, false) {
        return Some(found);
    }
    // The copula right after the holder word (`titulaire du compte est` is left out: the stream
    // redactor looks at most three words back from a name for its trigger).
    let i = skip_blanks(text, e);
    let word = word_at(text, i)?;
    if !COPULAS.contains(&word) {
        return None;
    }
    i_am(text, i + word.len()).map(|f| Found {
        rule: RULE_FIELD,
        ..f
    })
}

/// Legal forms and the words of firms named after people (lowercase, without a trailing dot):
/// `Ltd`, `GmbH & Co. KG`, `S.A.`, `s.r.l.`, `Sp. z o.o.`, `A/S`. Letters-only forms count
/// only written with a capital (`AG`, `Inc`), dotted ones in any case (`e.V.`, `s.r.l.`).
const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "limited",
    "llc",
    "llp",
    "lllp",
    "pllc",
    "plc",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "group",
    "holdings",
    "holding",
    "gmbh",
    "mbh",
    "ag",
    "kg",
    "kgaa",
    "ohg",
    "gbr",
    "gesbr",
    "e.v",
    "eg",
    "ug",
    "se",
    "stiftung",
    "sa",
    "s.a",
    "sas",
    "s.a.s",
    "sarl",
    "s.a.r.l",
    "snc",
    "s.n.c",
    "eurl",
    "sca",
    "s.l",
    "s.l.u",
    "slu",
    "s.coop",
    "s.c",
    "sc",
    "a.c",
    "s.a.b",
    "c.v",
    "spa",
    "s.p.a",
    "srl",
    "s.r.l",
    "sapa",
    "bv",
    "b.v",
    "nv",
    "n.v",
    "vof",
    "v.o.f",
    "ltda",
    "lda",
    "s/a",
    "eireli",
    "sp",
    "o.o",
    "sp.j",
    "ab",
    "hb",
    "kb",
    "a/s",
    "aps",
    "i/s",
    "k/s",
    "asa",
    "oy",
    "oyj",
    "og",
    "s.l.n.e",
    "slne",
    "s.c.p",
    "scp",
    "s.com",
    "r.l",
    "ei",
    "groep",
    "commv",
    "gruppe",
    "groupe",
];

/// Words that name a firm's family or partners after a joiner (`and Sons`, `e figli`, `et Fils`,
/// `y asociados`, `i syn`, `& Søn`).
const FIRM_FAMILY: &[&str] = &[
    "sons",
    "son",
    "söhne",
    "sohn",
    "fils",
    "figli",
    "figlio",
    "filhos",
    "filho",
    "hijos",
    "hijo",
    "hnos",
    "hermanos",
    "irmãos",
    "zonen",
    "zn",
    "syn",
    "synowie",
    "søn",
    "sønner",
    "partners",
    "partner",
    "associates",
    "asociados",
    "associados",
    "associati",
    "associés",
    "wspólnicy",
];

/// Words that open the name of a firm (`Laboratorios Razo y Muñiz`, `Stichting Lelijveld`,
/// `Fundacja Bartela`).
const FIRM_HEADS: &[&str] = &[
    "laboratorios",
    "laboratorio",
    "consultoría",
    "consultora",
    "talleres",
    "proyectos",
    "inversiones",
    "instalaciones",
    "corporación",
    "corporacin",
    "despacho",
    "grupo",
    "gruppo",
    "grupa",
    "industrias",
    "construcciones",
    "distribuciones",
    "promociones",
    "comercial",
    "comercializadora",
    "hermanos",
    "hnos",
    "stichting",
    "koninklijke",
    "fundacja",
    "fundación",
    "fundação",
    "fondazione",
    "spółdzielnia",
    "firma",
    "studio",
    "club",
    "banco",
    "bank",
];

/// Joiners between the names in a firm's name (`Ward, Cox and Murphy`, `Schatz & Kölbl`).
const FIRM_JOINERS: &[&str] = &["and", "und", "&", "e", "et", "y", "i", "en", "og", "och"];

/// True when the name at `start..end` is (part of) a firm's name: a word of it or of the
/// capitalised words, joiners and legal forms that go on after it on its line is a legal form
/// (`Jones Ltd`, `Brandl & Messner AG`, `Pellico s.r.l.`), a firm's family after a joiner
/// (`Roberts and Sons`), or its first word opens firm names (`Stichting Lelijveld`); or, when
/// `lists` allows it, a comma and a second name joined to a third follow (`Ward, Cox and
/// Murphy`) — a salutation to three people reads the same, so greetings pass `false`.
fn names_a_company(text: &str, start: usize, end: usize, lists: bool) -> bool {
    let mut buf = String::new();
    if word_at(text, start).is_some_and(|w| in_packed(packed!(FIRM_HEADS), lower_into(w, &mut buf)))
    {
        return true;
    }
    let mut i = start;
    let mut joined = false;
    for _ in 0..12 {
        let token_end = text
            .get(i..)
            .and_then(|rest| rest.find(|c: char| c.is_whitespace()))
            .map_or(text.len(), |n| i + n);
        let Some(token) = text.get(i..token_end).filter(|t| !t.is_empty()) else {
            return false;
        };
        let bare = token.trim_end_matches([',', ':', '!', '?', ';']);
        let core = bare.strip_suffix('.').unwrap_or(bare);
        let lower = lower_into(core, &mut buf);
        let capital = core.starts_with(char::is_uppercase);
        // (`e.G.` is a cooperative, `e.g.` an example.)
        if (capital || core.contains(['.', '/'])) && in_packed(packed!(LEGAL_FORMS), lower)
            || core == "e.G"
        {
            return true;
        }
        if joined && in_packed(packed!(FIRM_FAMILY), lower) {
            return true;
        }
        joined = in_list(FIRM_JOINERS, lower);
        if token_end >= end && !(capital || joined) {
            return false;
        }
        if bare.len() < token.len() {
            // A comma ends the name unless a list of names follows (`Ward, Cox and Murphy`).
            return lists
                && token.ends_with(',')
                && token_end >= end
                && lists_a_firm(text, token_end);
        }
        // The firm's words go on along the line, one blank apart.
        if text.as_bytes().get(token_end) != Some(&b' ') {
            return false;
        }
        i = token_end + 1;
    }
    false
}

/// True when ` Cox and Murphy` (a capitalised word, a joiner, a capitalised word) follows `at`.
fn lists_a_firm(text: &str, at: usize) -> bool {
    let words: Vec<&str> = text
        .get(at..)
        .unwrap_or_default()
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    matches!(words.as_slice(), [a, j, b] if is_capitalised(a) && in_list(FIRM_JOINERS, j)
        && b.starts_with(char::is_uppercase))
}

fn introduction(text: &str, at: usize) -> Option<Found> {
    let k = skip_blanks(text, at);
    if k == at {
        return None;
    }
    let name = parse_name(text, skip_quote(text, k), false)?;
    if name.stopped {
        return None;
    }
    Some(Found::introduction(&name))
}

fn called(text: &str, s: usize, e: usize, pronouns: &[&str]) -> Option<Found> {
    if prev_word(text, s).is_some_and(|p| in_list(pronouns, p)) {
        return introduction(text, e);
    }
    // European Portuguese puts the pronoun after the verb: `Chamo-me Inês`, `chama-se Rui`.
    let rest = text.get(e..)?.strip_prefix('-')?;
    let pronoun = pronouns.iter().find(|p| {
        rest.get(..p.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(p))
            && !char_at(rest, p.len()).is_some_and(char::is_alphanumeric)
    })?;
    introduction(text, e + 1 + pronoun.len())
}

fn elided(text: &str, s: usize, e: usize) -> Option<Found> {
    // `m'appelle`, `s’appelle`: an apostrophe, then m/s/t alone.
    let apo = char_before(text, s).filter(|&c| is_apostrophe(c))?;
    let p = s - apo.len_utf8();
    let pronoun =
        char_before(text, p).filter(|c| matches!(c, 'm' | 's' | 't' | 'M' | 'S' | 'T'))?;
    if char_before(text, p - pronoun.len_utf8()).is_some_and(char::is_alphanumeric) {
        return None;
    }
    introduction(text, e)
}

/// True when a word after `I'm` reads as a state rather than a name (`Exhausted`, `Hopeful`).
fn looks_like_adjective(word: &str) -> bool {
    let mut buf = String::new();
    let lower = lower_into(word, &mut buf);
    lower.chars().count() >= 6
        && [
            "ing", "ed", "ful", "ous", "ive", "able", "ible", "ish", "less", "ant", "ent",
        ]
        .iter()
        .any(|suffix| lower.ends_with(suffix))
}

fn i_am(text: &str, e: usize) -> Option<Found> {
    let k = skip_blanks(text, e);
    if k == e {
        return None;
    }
    let name = parse_name(text, k, false)?;
    let first = text.get(name.start..name.first_end)?;
    // `I'm Exhausted` is a state; `c'est Vincent Joubert` a first name that ends like one,
    // followed by a surname.
    let full = text.get(name.start..name.end)?;
    let last = full
        .get(memchr::memrchr(b' ', full.as_bytes()).map_or(0, |space| space + 1)..)
        .unwrap_or(first);
    if name.stopped
        || looks_like_adjective(first) && (name.tokens == 1 || looks_like_adjective(last))
    {
        return None;
    }
    let mut milli = 850;
    if name.tokens == 1 {
        let n = skip_blanks(text, name.end);
        let ok = match char_at(text, n) {
            None | Some('.' | ',' | '!' | ';' | ')' | '\n' | '\r' | '-' | '(') => true,
            Some(_) => I_AM_FOLLOW.iter().any(|w| starts_with_word(text, n, w)),
        };
        if !ok {
            return None;
        }
        milli = 750;
    }
    Some(Found {
        start: name.start,
        end: name.end,
        milli,
        rule: RULE_INTRODUCTION,
    })
}

/// `Hi, Jane here.`, `Hallo Jan de Vries hier`: a greeting, a name, then `here` or `hier`; or a
/// greeting that opens its line and a name with a comma or `!` glued to it (`Hi Jane,`, `Hola
/// Lucía Pérez!`), a letter's salutation.
fn greeting_here(text: &str, s: usize, e: usize) -> Option<Found> {
    let mut k = e;
    if text.as_bytes().get(k) == Some(&b',') {
        k += 1;
    }
    let name = parse_name(text, skip_blanks(text, k), false)?;
    if name.stopped {
        return None;
    }
    if matches!(char_at(text, name.end), Some(',' | '!'))
        && short_word_line(text, s, 20)
        && !honorific_at(text, name.start)
    {
        return Some(Found {
            milli: 700,
            rule: RULE_SIGNATURE,
            ..Found::introduction(&name)
        });
    }
    let n = skip_blanks(text, name.end);
    let here = HERE.iter().find(|w| starts_with_word(text, n, w))?;
    if n == name.end {
        return None;
    }
    let after = n + here.len();
    let m = skip_blanks(text, after);
    let introduces = match char_at(text, after) {
        None | Some('.' | ',' | '!' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}' | '\n' | '\r') => {
            true
        }
        Some(' ' | '\t') => {
            char_at(text, m)
                .is_none_or(|c| matches!(c, '\n' | '\r' | '-' | '(' | '\u{2013}' | '\u{2014}'))
                || HERE_FOLLOW.iter().any(|w| starts_with_word(text, m, w))
        }
        Some(_) => false,
    };
    if !introduces {
        return None;
    }
    Some(Found::introduction(&name))
}

fn this_is(text: &str, s: usize, e: usize) -> Option<Found> {
    // `This Is` / `THIS IS` is a heading.
    if text.as_bytes().get(s + 5) != Some(&b'i') {
        return None;
    }
    let k = skip_blanks(text, e);
    let name = parse_name(text, k, false)?;
    if name.stopped {
        return None;
    }
    let n = skip_blanks(text, name.end);
    let followed = THIS_IS_FOLLOW.iter().any(|w| starts_with_word(text, n, w))
        || char_at(text, n) == Some(',')
            && ["your", "the", "a", "an"]
                .iter()
                .chain(THIS_IS_FOLLOW)
                .any(|w| starts_with_word(text, skip_blanks(text, n + 1), w));
    let greeted = line_start(text, s, 40).is_some_and(|ls| {
        let mut i = ls;
        let mut found = false;
        while i < s {
            match word_end(text, i) {
                Some(we) => {
                    found |= text.get(i..we).is_some_and(|w| in_list(GREETINGS, w));
                    i = we;
                }
                None => i += char_at(text, i).map_or(1, char::len_utf8),
            }
        }
        found
    });
    if !followed && !greeted {
        return None;
    }
    Some(Found::introduction(&name))
}

fn honorific(text: &str, s: usize, e: usize, pattern: &str) -> Option<Found> {
    let title = text.get(s..e)?;
    if is_all_caps(title) {
        // `MS Word`, `DR` in a table: not a courtesy title.
        return None;
    }
    // `M. Petit`, `Miss Jane Doe`, `Mx Sam Lee`; not `I'll miss Jane Doe`, `mx record`.
    if matches!(pattern, "m." | "miss" | "mx") && text.as_bytes().get(s) != Some(&b'M') {
        return None;
    }
    if pattern == "m." && char_before(text, s).is_some_and(|c| c == '.' || c == '\'') {
        return None;
    }
    // `Sean M. Burke`: after a capitalised first name, `M.` is a middle initial.
    if pattern == "m."
        && prev_word(text, s).is_some_and(|p| {
            is_capitalised(p) && !in_list(GREETINGS, p) && !in_list(&["bonsoir", "cher"], p)
        })
    {
        return None;
    }
    let lower = pattern.to_ascii_lowercase();
    if lower == "dr" && house_number_before(text, s) {
        // `123 Main Dr. Springfield`: Drive. Once a number before it is redacted, a title.
        super::pass_over();
        return None;
    }
    if (lower == "frau" || lower == "herr")
        && prev_word(text, s).is_some_and(|p| in_list(DETERMINERS, p))
    {
        return None;
    }
    let mut i = e;
    if !pattern.ends_with('.') && char_at(text, i) == Some('.') {
        i += 1;
    }
    let mut k = skip_blanks(text, i);
    if k == i {
        return None;
    }
    // Chained titles: `Prof. Dr. Hans Meier`, `Dr. med. Anna Schmidt`.
    for _ in 0..3 {
        let Some(we) = word_end(text, k) else {
            break;
        };
        let Some(word) = text.get(k..we) else {
            break;
        };
        if !in_list(HONORIFIC_WORDS, word) {
            break;
        }
        let mut j = we;
        if char_at(text, j) == Some('.') {
            j += 1;
        }
        let n = skip_blanks(text, j);
        if n == j {
            break;
        }
        k = n;
    }
    let name = parse_name_with(text, k, false, true)?;
    // `Dr. Jaegersstraat 475`: a street named after a doctor. `Dr. Maria Garcia Femstraat 4` names
    // a person before her street: once the street is redacted, the name is read alone.
    if super::address::is_street_compound(&text[name.start..name.end]) {
        super::pass_over();
        return None;
    }
    Some(Found {
        start: name.start,
        end: name.end,
        milli: 800,
        rule: RULE_HONORIFIC,
    })
}

/// True when one of the three words before `at` on its line is a house number: it starts with a
/// digit, has at most five characters besides a trailing comma (`12`, `221B`, `12-14,`) and is no
/// group of a longer number. An id (`30-67493653-9 Dr. Maria Garcia`, `669 441 377 Dr. …`) is
/// none, as its placeholder is none once it is redacted.
fn house_number_before(text: &str, at: usize) -> bool {
    let bytes = Table(text.as_bytes());
    let mut i = at.min(bytes.len());
    let mut words = 0;
    while i > 0 && words < 3 {
        while i > 0 && bytes[i - 1] == b' ' {
            i -= 1;
        }
        let end = i;
        while i > 0 && !bytes[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        if i == end {
            return false;
        }
        if bytes[i].is_ascii_digit() {
            let word = bytes[i..end].strip_suffix(b",").unwrap_or(&bytes[i..end]);
            let before = bytes[..i].trim_ascii_end();
            let grouped = before.last().is_some_and(u8::is_ascii_digit);
            return word.len() <= 5 && !grouped;
        }
        words += 1;
    }
    false
}

/// True when the line before `at` holds only letters and blanks (a sign-off or salutation line),
/// at most `max` bytes of them.
fn short_word_line(text: &str, at: usize, max: usize) -> bool {
    let Some(ls) = line_start(text, at, max) else {
        return false;
    };
    text.get(ls..at).is_some_and(|prefix| {
        prefix
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '\t' || c == '>' || c == '\r')
    })
}

/// True when at most `max` bytes of letters and blanks stand between the end of a sentence or
/// clause on the same line (`.`, `!`, `?`, `;` or a dash, then a blank) and `at`: `Sent it. Best
/// regards,`, `Danke – viele Grüße`.
fn short_word_sentence(text: &str, at: usize, max: usize) -> bool {
    let bytes = Table(text.as_bytes());
    let mut i = at.min(bytes.len());
    let mut blank = false;
    while at - i <= max {
        match char_before(text, i) {
            Some(c) if c.is_alphabetic() => i -= c.len_utf8(),
            Some(' ' | '\t') => {
                blank = true;
                i -= 1;
            }
            Some('.' | '!' | '?' | ';' | '\u{2013}' | '\u{2014}') => return blank && i < at,
            // A dash between blanks (normalisation folds `–` to `-`): `Danke - viele Grüße`.
            Some('-') => return blank && char_before(text, i - 1).is_some_and(char::is_whitespace),
            _ => return false,
        }
    }
    false
}

/// True when the name ends its line: only blanks, or punctuation that starts a title or company
/// (`Jane Doe, Acme`, `Jane Doe | Sales`), follow it.
fn ends_line(text: &str, end: usize) -> bool {
    let n = skip_blanks(text, end);
    // `Steuer-IdNr.: 9184…` is a label.
    if text.get(n..).is_some_and(|rest| rest.starts_with(".:")) {
        return false;
    }
    matches!(
        char_at(text, n),
        None | Some('\n' | '\r' | ',' | '.' | '!' | '|' | '(' | '-' | '\u{2013}' | '/')
    )
}

/// Generational and degree suffixes after a name, as written (`Jane Doe Jr.`, `Colleen Russell
/// PhD`, `Melissa Zorbach B.A.`), without a last dot.
const NAME_SUFFIXES: &[&str] = &[
    "Jr", "Sr", "II", "III", "IV", "PhD", "Ph.D", "MD", "DDS", "DVM", "MBA", "Esq", "B.A", "B.Sc",
    "B.Eng", "BSc", "M.A", "M.Sc", "MSc", "LL.M",
];

/// The end of the suffixes ([`NAME_SUFFIXES`], at most two) written after a name ending at `end`,
/// or `end`.
fn after_name_suffixes(text: &str, end: usize) -> usize {
    let mut i = end;
    for _ in 0..2 {
        let j = skip_blanks(text, i);
        let token_end = text
            .get(j..)
            .and_then(|rest| rest.find(|c: char| c.is_whitespace() || c == ','))
            .map_or(text.len(), |k| j + k);
        let token = text.get(j..token_end).unwrap_or_default();
        if j == i || !NAME_SUFFIXES.contains(&token.strip_suffix('.').unwrap_or(token)) {
            break;
        }
        i = token_end;
    }
    i
}

/// The most lines of the block (the signature's name, a title, a firm, an address) that
/// [`signature_above`] walks up from a number's line, the sign-off's line not counted.
const SIGNATURE_LINES: usize = 4;

/// The sign-off opening the signature block that goes on to the line starting at `line`: a
/// sign-off (`Best regards,`) under which [`sign_off`] reads a signature (`Jane Doe`), then lines
/// of title, firm or address, none blank, and then this line, at most [`SIGNATURE_LINES`] lines
/// in all, from at most [`super::phone::BLOCK_REACH`] bytes back (what a stream keeps). Returns
/// the sign-off phrase and where it ends. A sign-off without a name under it opens no block:
/// `Thanks,\n0151 2345678` is as often the last line of a message about a number.
pub(crate) fn signature_above(text: &str, line: usize) -> Option<(&'static str, usize)> {
    let bytes = Table(text.as_bytes());
    let reach = line.saturating_sub(super::phone::BLOCK_REACH);
    let mut below = line;
    for _ in 0..=SIGNATURE_LINES {
        // `below` starts a line after a line break: the line above ends there.
        let end = below
            .checked_sub(1)
            .filter(|&nl| bytes.get(nl) == Some(&b'\n'))?;
        let start = memchr::memrchr(b'\n', &bytes[..end]).map_or(0, |p| p + 1);
        // A line that starts out of reach may be cut (the start of a stream's window).
        let above = text.get(start..end).filter(|_| start >= reach)?;
        if above.trim().is_empty() {
            return None;
        }
        if let Some((phrase, s, e)) = sign_off_phrase_in(text, start, end) {
            let name_end = match sign_off(text, s, e) {
                Some(name) => name.end,
                None => titled_signature(text, s, e, end)?,
            };
            return (name_end < line).then_some((phrase, e));
        }
        below = start;
    }
    None
}

/// Where the name ends of a signature that opens with a courtesy title under a sign-off ending
/// its line at `line_end` (`Best regards,\nDr. Jane Doe`): [`sign_off`] leaves those to the
/// honorific rule, which reports the name, but they sign a block all the same.
fn titled_signature(text: &str, s: usize, e: usize, line_end: usize) -> Option<usize> {
    let rest = text.get(e..line_end)?.trim_end_matches('\r');
    if !short_word_line(text, s, 40) || !matches!(rest.trim(), "" | "," | "!") {
        return None;
    }
    let i = skip_blanks(text, line_end + 1);
    let name = parse_name(text, i, false).filter(|_| courtesy_title_at(text, i))?;
    (!name.stopped && ends_line(text, after_name_suffixes(text, name.end))).then_some(name.end)
}

/// The last sign-off phrase ([`SignOff`] in [`TRIGGERS`]) on the line `start..end`, at word
/// boundaries, ASCII-case-insensitively (as the trigger search finds them): the phrase and its
/// range.
fn sign_off_phrase_in(
    text: &str,
    start: usize,
    end: usize,
) -> Option<(&'static str, usize, usize)> {
    let line = text.get(start..end)?.as_bytes();
    let mut last: Option<(&'static str, usize, usize)> = None;
    for &(phrase, _) in TRIGGERS.iter().filter(|(_, t)| *t == SignOff) {
        let n = phrase.len();
        for at in 0..line.len().saturating_sub(n - 1) {
            // Compared first: a phrase starts and ends on character boundaries.
            if line[at..at + n].eq_ignore_ascii_case(phrase.as_bytes())
                && !char_before(text, start + at).is_some_and(char::is_alphanumeric)
                && !char_at(text, start + at + n).is_some_and(char::is_alphanumeric)
                && last.is_none_or(|(_, _, e)| e < start + at + n)
            {
                last = Some((phrase, start + at, start + at + n));
            }
        }
    }
    last
}

fn sign_off(text: &str, s: usize, e: usize) -> Option<Found> {
    // After a sentence on the same line (`Sent it. Best regards,`), the name must be alone on
    // its line (`Thanks!\nOlá, NIE …` is a greeting).
    let mid_line = !short_word_line(text, s, 40);
    if mid_line && !short_word_sentence(text, s, 40) {
        return None;
    }
    let mut i = e;
    for _ in 0..3 {
        let j = skip_blanks(text, i);
        match word_end(text, j) {
            Some(we) if text.get(j..we).is_some_and(|w| in_list(SIGNOFF_MORE, w)) => i = we,
            _ => break,
        }
    }
    i = skip_blanks(text, i);
    let mut separated = false;
    if let Some(c @ (',' | '!' | '-' | '\u{2013}')) = char_at(text, i) {
        i = skip_blanks(text, i + c.len_utf8());
        separated = true;
    }
    let mut lines = 0;
    while lines < 3 {
        match char_at(text, i) {
            Some('\r') => i += 1,
            Some('\n') => {
                i = skip_blanks(text, i + 1);
                lines += 1;
            }
            _ => break,
        }
    }
    if !separated && lines == 0 {
        return None;
    }
    if courtesy_title_at(text, i) {
        return None;
    }
    let name = parse_name(text, i, false)?;
    let line_end = after_name_suffixes(text, name.end);
    if name.stopped || !ends_line(text, line_end) {
        return None;
    }
    let alone = || {
        matches!(
            char_at(text, skip_blanks(text, line_end)),
            None | Some('\n' | '\r')
        )
    };
    if mid_line && !alone() {
        return None;
    }
    Some(Found {
        start: name.start,
        end: name.end,
        milli: 700,
        rule: RULE_SIGNATURE,
    })
}

fn salutation(text: &str, s: usize, e: usize) -> Option<Found> {
    if !short_word_line(text, s, 20) {
        return None;
    }
    let k = skip_blanks(text, e);
    if k == e {
        return None;
    }
    if courtesy_title_at(text, k) {
        return None;
    }
    let mut name = parse_name(text, k, false)?;
    if name.stopped {
        return None;
    }
    let mut n = skip_blanks(text, after_name_suffixes(text, name.end));
    // `Estimado Lucas Barroso:` (the name's last word before its `:` ends the parse).
    if let Some(we) = word_end(text, n).filter(|_| name.tokens < 4) {
        let glued_colon = char_at(text, we) == Some(':')
            && matches!(char_at(text, we + 1), None | Some('\n' | '\r'));
        if glued_colon && text.get(n..we).is_some_and(is_capitalised) {
            name.end = we;
            n = we;
        }
    }
    if !matches!(char_at(text, n), None | Some(',' | '!' | ':' | '\n' | '\r')) {
        return None;
    }
    Some(Found {
        start: name.start,
        end: name.end,
        milli: 700,
        rule: RULE_SIGNATURE,
    })
}

/// The words before Dutch `met` that make it a caller's introduction.
const DUTCH_CALL_OPENERS: &[&str] = &[
    "hallo",
    "hoi",
    "dag",
    "goedemorgen",
    "goedemiddag",
    "goedenavond",
    "spreekt",
    "ja",
];

/// `Hallo, met Daan Bakker.`, `Goedemiddag, u spreekt met Jan.`: read as `I am` reads its name.
fn dutch_call(text: &str, s: usize, e: usize) -> Option<Found> {
    let before = text.get(..s)?.trim_end_matches([' ', ',']);
    // The letters ending `before`.
    let letters_from = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(at, c)| at + c.len_utf8());
    let opener = before
        .get(letters_from..)
        .filter(|w| in_list(DUTCH_CALL_OPENERS, w))?;
    // The greeting opens its line, or `spreekt` stands in its sentence.
    if !opener.eq_ignore_ascii_case("spreekt")
        && !short_word_line(text, before.len() - opener.len(), 0)
    {
        return None;
    }
    i_am(text, e)
}

/// True when `name` has two words or more besides particles (`J. Doe`, not `La Rioja`) and does
/// not open like a place name ([`PLACE_HEADS`]): what a contact, recipient or attention line, or a
/// name shown with an e-mail address, must be to count as a person's.
fn is_full_name(name: &str) -> bool {
    name.split(' ').filter(|w| !in_list(PARTICLES, w)).count() >= 2 && !opens_place(name)
}

/// The first words of place names (`East Bryan`, `Port Rose`, `San Olivia de la Montaña`,
/// `Villa San Giuseppe`): a name on a contact, recipient or attention line, or shown with an
/// e-mail address, does not start with one.
const PLACE_HEADS: &[&str] = &[
    "north", "south", "east", "west", "port", "lake", "mount", "fort", "new", "san", "santa",
    "santo", "são", "saint", "sainte", "villa", "vila", "nueva", "nuevo", "vieja", "viejo", "bad",
    "sankt",
];

/// True when the name `name` starts with a word of [`PLACE_HEADS`].
fn opens_place(name: &str) -> bool {
    name.split(' ')
        .next()
        .is_some_and(|w| in_packed(packed!(PLACE_HEADS), w.trim_end_matches('.')))
}

/// `Attn: Jane Doe`, `c/o Jane Doe`, `z. Hd. Max Muster`: an attention line's name, after an
/// optional `.` and `:`, of two words or more that ends at no stop word (`Attn: Accounts
/// Payable`, `c/o Customer Service`). A title before a single name is the honorific rule's.
fn attention(text: &str, e: usize) -> Option<Found> {
    let mut i = e;
    if char_at(text, i) == Some('.') {
        i += 1;
    }
    if char_at(text, i) == Some(':') {
        i += 1;
    }
    let k = skip_blanks(text, i);
    if k == e || honorific_at(text, k) {
        return None;
    }
    let name = parse_name(text, skip_quote(text, k), false)?;
    let shown = text.get(name.start..name.end)?;
    if name.stopped || !is_full_name(shown) {
        return None;
    }
    Some(Found {
        start: name.start,
        end: name.end,
        milli: 850,
        rule: RULE_FIELD,
    })
}

/// Possessives before a colleague or spouse (`my colleague`, `meine Kollegin`, `ma femme`).
const RELATION_OWNERS: &[&str] = &[
    "my", "our", "your", "his", "her", "their", "mein", "meine", "meinen", "unser", "unsere",
    "unseren", "dein", "deine", "ihr", "ihre", "mon", "ma", "notre", "votre", "mi", "nuestro",
    "nuestra", "su", "mio", "mia", "nostro", "nostra", "suo", "sua", "mijn", "onze", "meu",
    "minha", "nosso", "nossa", "seu",
];

/// `my colleague Jane Doe`, `meine Kollegin Anna`, `mi esposa Lucía`: a possessive, a colleague
/// or spouse, and a name right after it.
fn relation(text: &str, s: usize, e: usize) -> Option<Found> {
    if !prev_word(text, s).is_some_and(|p| in_list(RELATION_OWNERS, p)) {
        return None;
    }
    let k = skip_blanks(text, e);
    if k == e || courtesy_title_at(text, k) {
        return None;
    }
    let name = parse_name(text, k, false)?;
    if name.stopped {
        return None;
    }
    Some(Found {
        start: name.start,
        end: name.end,
        milli: 750,
        rule: RULE_RELATION,
    })
}

/// Words that make a role word and the capitalised words after it a compound noun, not a role
/// and a name (`Patient Portal Access`, `Client Relations Manager`, `Guest Wi-Fi Network`,
/// `Student Loan Services`, `Member States`, `Czech Republic`). Kept short for the core's size:
/// the frequent heads of such compounds only.
const ROLE_COMPOUNDS: &[&str] = &[
    "portal",
    "relations",
    "care",
    "success",
    "access",
    "network",
    "wi-fi",
    "benefits",
    "program",
    "loan",
    "states",
    "republic",
    "islands",
    "staten",
    "guinea",
    "data",
    "card",
    "guinée",
    "guiné",
    "kingdom",
    "royal",
    "grande",
    "casa",
    "lago",
    "alegre",
    "paulista",
    "island",
    "arabia",
    "antillen",
    "antilles",
];

/// `Patient Jane Doe, born …`, `Customer Jane Doe paid with …`, `der Kunde Max Muster hat …`, `la
/// locataire Marie Curie` — a role word, one blank, and a full name ([`is_full_name`]) with no
/// word of a compound noun ([`ROLE_COMPOUNDS`]) that ends its clause or goes on in lower case
/// (`born`, `paid`), as a sentence about the person goes on. A capitalised role word after a
/// capitalised word longer than an article, not a possessive (`Der Kunde`, `Unsere Mieterin`,
/// `Our Client`), is part of a Title Case
/// heading (`Premium Customer Jane Doe`), and so is one whose name ends its line (`Customer
/// Success Stories`). A title after the role word is the honorific
/// rule's.
#[inline(never)]
fn role(text: &str, s: usize, e: usize) -> Option<Found> {
    let capital = text.as_bytes().get(s)?.is_ascii_uppercase();
    if capital
        && prev_word(text, s)
            .is_some_and(|p| is_capitalised(p) && p.len() > 3 && !in_list(RELATION_OWNERS, p))
        || text.as_bytes().get(e) != Some(&b' ')
        || courtesy_title_at(text, e + 1)
    {
        return None;
    }
    name_after(text, e + 1, capital, RULE_ROLE)
}

/// A name after an [`Occupation`]: as after a role, and when the occupation is capitalised, one
/// that opens with a given name.
fn occupation(text: &str, s: usize, e: usize) -> Option<Found> {
    let found = role(text, s, e)?;
    let titled = text.as_bytes().get(s)?.is_ascii_uppercase();
    #[cfg(feature = "names")]
    let given = word_at(text, found.start).is_some_and(given::is_given_name);
    #[cfg(not(feature = "names"))]
    let given = false;
    (!titled || given).then_some(found)
}

/// A full name ([`is_full_name`]) right at `at` after a role or a recipient's preposition, with no
/// word of a compound noun or a country ([`ROLE_COMPOUNDS`]), that ends its clause or goes on in
/// lower case (`born`, `paid`, `at`), at the end of a line only when the word before it was not
/// `capital`ised (a heading's). A street (`Piazza Pellico, 59`; after a recipient's preposition
/// also `Via Verdi 12`) and a firm with its legal form after a dash (`Oliveira Melo - ME`) are no
/// name.
fn name_after(text: &str, at: usize, capital: bool, rule: &'static str) -> Option<Found> {
    let name = parse_name(text, at, false)?;
    let shown = text.get(name.start..name.end)?;
    if name.stopped
        || !is_full_name(shown)
        || shown
            .split(' ')
            .any(|w| in_packed(packed!(ROLE_COMPOUNDS), w))
    {
        return None;
    }
    // `Piazza Pellico, 59`, `Rua de Pinho, S/N`, `Ida Ekmanin katu 61`, `Ship to Hussain
    // Road`: a street.
    if cfg!(feature = "address")
        && (word_at(text, at).is_some_and(super::address::is_type_first)
            || word_at(text, skip_blanks(text, name.end))
                .is_some_and(super::address::is_type_after_name)
            || rule == RULE_RECIPIENT
                && shown
                    .rsplit(' ')
                    .next()
                    .is_some_and(super::address::is_strong_en_type))
        || text.get(name.end..).is_some_and(|rest| {
            rest.strip_prefix(", ").is_some_and(|n| {
                n.starts_with(|c: char| c.is_ascii_digit()) || n.starts_with("S/N")
            })
        })
    {
        // Its name may still have begun with a person's: `Ship to: Olivia Payne Canale Valeria,
        // 25` holds one once the street is redacted.
        super::pass_over();
        return None;
    }
    // `Oliveira Melo - ME`: a Brazilian firm's legal form after a dash.
    if text.get(name.end..).is_some_and(|rest| {
        rest.strip_prefix(" - ")
            .and_then(|form| word_at(form, 0))
            .is_some_and(|form| form.len() <= 3 && is_all_caps(form))
    }) {
        return None;
    }
    let next = skip_blanks(text, name.end);
    let goes_on = match char_at(text, next) {
        None | Some('\n' | '\r') => !capital,
        // A number after a recipient makes a street of it: `to Via Verdi 12`. Unless the number
        // or the capitalised word is a value redaction replaces: `send it to Ilona Niemelä 0118
        // 496 0139`, `Ship to: Adam Stanclik GB21 …`.
        Some(c) => {
            let runs_on = c.is_uppercase() || rule == RULE_RECIPIENT && c.is_ascii_digit();
            if runs_on {
                super::pass_over();
            }
            !runs_on
        }
    };
    goes_on.then_some(Found {
        start: name.start,
        end: name.end,
        milli: 800,
        rule,
    })
}

/// `Please send the invoice to Jane Doe at …`, `The parcel for Jane Doe is waiting`, `Rechnung an
/// Max Muster`, `Consegna a Mario Rossi, Via …`: after a sending word, a name where
/// [`recipient_name_at`] places one, read as after a role word ([`name_after`]). Places (`New
/// York`, `Porto Alegre`) and firms (`Acme GmbH`) read the same and are told apart as there.
fn recipient(text: &str, e: usize) -> Option<Found> {
    let at = recipient_name_at(text.as_bytes(), e)?;
    if courtesy_title_at(text, at) {
        return None;
    }
    name_after(text, at, false, RULE_RECIPIENT)
}

/// Where a recipient's name may start after a sending word ending at `e`: up to three words
/// (`the invoice`, `it over`, `Sie die Unterlagen`) each after one blank, a recipient's
/// preposition ([`RECIPIENT_PREPOSITIONS`]), one blank (or `: `) and a capital (or a byte of a
/// character that may be one). Bytes alone decide, so the shared trigger pass asks it too before
/// the person recognizer reads a text for a sending word.
pub(crate) fn recipient_name_at(bytes: &[u8], e: usize) -> Option<usize> {
    let is_letter = |b: &u8| b.is_ascii_alphabetic() || !b.is_ascii();
    let mut i = e;
    for _ in 0..4 {
        if bytes.get(i) != Some(&b' ') {
            return None;
        }
        let rest = bytes.get(i + 1..)?;
        let len = rest
            .iter()
            .position(|b| !is_letter(b))
            .unwrap_or(rest.len());
        let word = rest.get(..len).filter(|w| !w.is_empty())?;
        i += 1 + len;
        if word.len() <= 4
            && RECIPIENT_PREPOSITIONS
                .iter()
                .any(|p| p.as_bytes().eq_ignore_ascii_case(word))
        {
            if bytes.get(i) == Some(&b':') {
                i += 1;
            }
            let first = *bytes.get(i + 1)?;
            return (bytes.get(i) == Some(&b' ')
                && (first.is_ascii_uppercase() || !first.is_ascii()))
            .then_some(i + 1);
        }
    }
    None
}

mod display;
#[cfg(feature = "names")]
pub(crate) mod given;
pub(crate) use display::{
    around_address, may_be_name_word as may_be_display_name_word, NAME_WORDS,
};

#[cfg(test)]
mod tests;
