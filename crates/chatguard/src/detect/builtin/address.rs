//! Street addresses: a street-type word and a house number in the order a locale writes them,
//! optionally followed by a postcode and city.
//!
//! The shapes, by where the house number stands:
//!
//! * number first (en, fr): `221B Baker Street`, `1600 Pennsylvania Avenue NW`, `12 rue de la Paix`;
//! * type first, number last (es, it, pt, fr-BE, nl): `Calle de Alcalá 42`, `Via del Corso 12`,
//!   `Rua Augusta 100`, `Av. Paulista, 1578`, `C/ Mayor 5`, `Laan van Meerdervoort 5`;
//! * name with a street suffix, number last (de, nl): `Musterstraße 12`, `Hauptstr. 5a`,
//!   `Kalverstraat 92`, `Berliner Straße 12`;
//! * a bare street name and number (`Damrak 1`) only when a Dutch or British postcode follows;
//! * US military and diplomatic mail (`PSC 4950, Box 4286` / `APO AA 54849`, `USNS Flynn` / `FPO
//!   AE 90043`): `address.military`, see `military`.
//!
//! A postcode and city after the street (`75002 Paris`, `1012 LG Amsterdam`, `London SW1A 2AA`,
//! `Washington, DC 20500`, `CH-8001 Zürich`) makes it `address.with_postcode`. Street-type words
//! that are also ordinary words (`via`, `corso`, `place`, `way`) give a score below the threshold
//! unless a preposition (`in via Roma 10`), a postcode or an address context word supports them.
//!
//! Every address has a house number, so the scan starts from the number runs the shared
//! tokeniser already found; benign text without numbers costs nothing here.

use super::words::{
    char_at, char_before, in_list, in_packed, is_all_caps, is_capitalised, skip_blanks,
    skip_blanks_back, word_end, word_start,
};
use crate::detect::hay::{find_bytes_iter, Hay};
use crate::detect::Candidate;
use crate::table::Table;
use crate::{Kind, Score};

pub(crate) const CONTEXT: &[&str] = &[
    "address",
    "addr",
    "adresse",
    "anschrift",
    "wohne",
    "wohnhaft",
    "dirección",
    "direccion",
    "domicilio",
    "indirizzo",
    "residenza",
    "abito",
    "adres",
    "woon",
    "endereço",
    "endereco",
    "morada",
    "moro",
    "live at",
    "living at",
    "lives at",
    "located at",
    "ship to",
    "shipping",
    "deliver",
    "billing",
    "mailing",
    "postal",
    "liefer",
    "livr",
    "habite",
    "vivo en",
    "vivo in",
    "entrega",
    "consegna",
    "bezorg",
    "headquarters",
    "sede",
    // Address and delivery words of the languages whose streets have their own shapes below.
    "levering",
    "leverans",
    "bor på",
    "bor i",
    "cím",
    "címe",
    "naslov",
    "osoit",
    "aadress",
    "bydlím",
    "bývam",
    "адрес",
    "διεύθυνσ",
    "μένω",
];

/// Lowercase street-type words that open an address made of plain words (the type comes before
/// the name and the number may be more than three words later); number-first addresses start
/// with their number, which is a trigger by itself.
pub(crate) const TRIGGER_WORDS: &[&str] = &[
    // German types after an adjective (`Frankfurter Allee 3`): the address starts a word before.
    "allee",
    "platz",
    "gasse",
    "damm",
    "ufer",
    "chaussee",
    "allée",
    "località",
    "dirección",
    "endereço",
    "núm",
    "street",
    "st",
    "straße",
    "strasse",
    "str",
    "straat",
    "weg",
    "rue",
    "avenue",
    "av",
    "avda",
    "avenida",
    "boulevard",
    "bd",
    "chemin",
    "impasse",
    "quai",
    "calle",
    "c",
    "paseo",
    "plaza",
    "camino",
    "carrer",
    "ronda",
    "rambla",
    "via",
    "viale",
    "piazza",
    "piazzale",
    "corso",
    "largo",
    "vicolo",
    "rua",
    "rúa",
    "travessa",
    "praça",
    "alameda",
    "estrada",
    "laan",
    "strada",
    "contrada",
    "borgo",
    "callejón",
    "glorieta",
    "travesía",
    "avinguda",
    "urbanización",
    "pasaje",
    "pasadizo",
    "cuesta",
    "cañada",
    "acceso",
    "vial",
    "carretera",
    "lungomare",
    "lungotevere",
    "stretto",
    "incrocio",
    "rotonda",
    "canale",
    "vico",
    "traversa",
    "salita",
    "r",
    "beco",
    "rodovia",
    "ladeira",
    "viela",
    "viaduto",
    "loteamento",
    "aeroporto",
    "campo",
    "chácara",
    "colônia",
    "condomínio",
    "conjunto",
    "distrito",
    "esplanada",
    "estação",
    "favela",
    "fazenda",
    "feira",
    "jardim",
    "lago",
    "lagoa",
    "morro",
    "núcleo",
    "parque",
    "passarela",
    "pátio",
    "praia",
    "quadra",
    "recanto",
    "residencial",
    "setor",
    "sítio",
    "trecho",
    "trevo",
    "vale",
    "vereda",
    "vila",
    "ul",
    "ulica",
    "al",
    "aleja",
    "pl",
    "plac",
    "osiedle",
    // Danish types after a name (`Rahbeks Allé 1`).
    "allé",
    // Types written after the name as a word of their own are [`AFTER_NAME`]'s (see
    // [`is_type_after_name`]).
    // Romanian and Mexican types before the name (a Greek or Cyrillic word is a stream trigger
    // by its letters).
    "bulevardul",
    "aleea",
    "drumul",
    "soseaua",
    "șoseaua",
    "intrarea",
    "calea",
    "splaiul",
    "circuito",
    "periférico",
    "retorno",
    "circunvalación",
    "prolongación",
    "corredor",
    "cerrada",
    "andador",
    "privada",
    "calzada",
    "peatonal",
    "continuación",
    "viaducto",
    "ampliación",
    "diagonal",
];

/// Prepositions that open German street names (`Am Markt 5`, `An der Alster 12`, `Unter den
/// Linden 5`, `Zum Hafen 2`): the address starts two or three words before its number, so the
/// stream redactor holds text after these words until [`may_open_street`] rules a street out.
pub(crate) const STREET_PREPOSITIONS: &[&str] = &[
    "am", "an", "auf", "im", "in", "zum", "zur", "unter", "hinter", "vor", "beim", "über",
    // Czech and Slovak (`Na Topolce 2`, `V Tehovičkách 9`, `Za Pivovarem 4`, `U Vody 3`).
    "na", "za", "pod", "nad", "před", "u", "v", "k",
];

/// Articles between such a preposition and the street name (`An der Alster`).
const STREET_ARTICLES: &[&str] = &["der", "dem", "den", "die", "das"];

const RULE_STREET: &str = "address.street";
const RULE_POSTCODE: &str = "address.with_postcode";
const RULE_MILITARY: &str = "address.military";

/// Street-type words by how much they say: two word lists rather than one table of pairs (a
/// table of `(&str, Strength)` pairs costs the browser download a third more per word).
struct Types {
    /// Unambiguous types ([`Strength::Strong`]).
    strong: &'static [&'static str],
    /// Types that are also ordinary words ([`Strength::Weak`]).
    weak: &'static [&'static str],
    /// The [`Types::bit`] of every word of both lists: a word whose bit is clear is in
    /// neither, which most words after or before a house number are told at once.
    bits: u64,
}

impl Types {
    /// The lists, with their words' bits gathered at compile time.
    const fn new(strong: &'static [&'static str], weak: &'static [&'static str]) -> Types {
        let mut bits = 0;
        let mut i = 0;
        while i < strong.len() {
            bits |= 1 << Types::bit(strong[i].as_bytes());
            i += 1;
        }
        let mut i = 0;
        while i < weak.len() {
            bits |= 1 << Types::bit(weak[i].as_bytes());
            i += 1;
        }
        Types { strong, weak, bits }
    }

    /// A word's bit, from its length and its first byte (ASCII case folded): two words equal
    /// but for ASCII case share it.
    const fn bit(word: &[u8]) -> u32 {
        let first = match word.first() {
            Some(b) => b.to_ascii_lowercase(),
            None => 0,
        };
        (word.len() as u32 * 7 + first as u32) % 64
    }

    /// False when `word` is in neither list (ASCII case folded); true when it may be.
    fn may_hold(&self, word: &str) -> bool {
        self.bits & 1 << Types::bit(word.as_bytes()) != 0
    }

    /// Each word with its strength, strong ones first.
    fn words(&self) -> impl Iterator<Item = (&'static str, Strength)> {
        let strong = self.strong.iter().map(|&w| (w, Strength::Strong));
        strong.chain(self.weak.iter().map(|&w| (w, Strength::Weak)))
    }
}

/// [`Types`] packed into one string per strength with [`packed!`](crate::packed), for the long
/// English list: a lookup reads every byte, so only the list read once per name word after a
/// house number is packed.
struct PackedTypes {
    /// Unambiguous types.
    strong: &'static str,
    /// Types that are also ordinary words.
    weak: &'static str,
    /// Types that are ordinary words in many phrases ([`Strength::Plain`]).
    plain: &'static str,
}

/// How much a street shape alone says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Strength {
    /// An unambiguous street type (`Street`, `rue`, `Calle`, `-straße`).
    Strong,
    /// A street type that is also an ordinary word (`via`, `place`, `corso`).
    Weak,
    /// A weak type that a preposition does not support either, only an address word, a sending
    /// phrase or a postcode: a Norwegian compound (`at Copenhagen 2`, `in Schengen 2`), any type
    /// before or after a zero-padded number (`at 0930 Park Avenue`).
    Plain,
    /// No street type at all (`Damrak 1`): only with a postcode, or right after an address
    /// phrase (`My address is Orvokkitie 12`).
    Typeless,
}

/// Street types written after the name in English (number first); their plurals are weak types
/// ([`en_type`]).
const EN_TYPES: PackedTypes = PackedTypes {
    strong: packed!(&[
        "street",
        "st",
        "road",
        "rd",
        "avenue",
        "ave",
        "lane",
        "ln",
        "drive",
        "dr",
        "boulevard",
        "blvd",
        "parkway",
        "pkwy",
        "crescent",
        "highway",
        "hwy",
        "turnpike",
        "mews",
        // More USPS street suffixes (Publication 28): mostly ordinary words, so weak.
        "expressway",
        "freeway",
        "stravenue",
        "trafficway",
        "causeway",
        // en_IN: `42/174, Sawhney Marg`, `H.No. 44, Sheth Nagar`; `Marg` (road) and `Chowk` (square)
        // are no English words.
        "marg",
        "chowk",
    ]),
    weak: packed!(&[
        // Australian types (Australia Post's list, as Faker's en_AU writes them); the ones that
        // are ordinary words in many phrases (`End`, `Top`, `Round`, `Access`, `Steps`,
        // `Reserve`) are plain types (below).
        "alleyway",
        "amble",
        "anchorage",
        "arcade",
        "basin",
        "bend",
        "brae",
        "broadway",
        "brow",
        "byway",
        "centreway",
        "chase",
        "circuit",
        "colonnade",
        "concourse",
        "copse",
        "courtyard",
        "crossway",
        "cruiseway",
        "cul-de-sac",
        "dell",
        "driveway",
        "esplanade",
        "fairway",
        "firetrail",
        "footway",
        "foreshore",
        "frontage",
        "glade",
        "grange",
        "gully",
        "highroad",
        "laneway",
        "lookout",
        "meander",
        "mew",
        "parade",
        "parklands",
        "pathway",
        "plateau",
        "promenade",
        "quadrant",
        "quay",
        "ramble",
        "ridgeway",
        "riverway",
        "riviera",
        "roadside",
        "roadway",
        "ronde",
        "rosebowl",
        "rotary",
        "strand",
        "subway",
        "tarn",
        "thoroughfare",
        "tollway",
        "tor",
        "trunkway",
        "vale",
        "walkway",
        "wynd",
        "trail",
        "alley",
        "loop",
        "plaza",
        "row",
        "way",
        "court",
        "ct",
        "place",
        "pl",
        "square",
        "sq",
        "terrace",
        "close",
        "circle",
        "grove",
        "bypass",
        "burg",
        "camp",
        "center",
        "cove",
        "creek",
        "crossing",
        "extension",
        "field",
        "forge",
        "fork",
        "fort",
        "gateway",
        "glen",
        "green",
        "harbor",
        "haven",
        "heights",
        "hill",
        "hollow",
        "island",
        "junction",
        "knoll",
        "landing",
        "lodge",
        "manor",
        "meadow",
        "mill",
        "mission",
        "motorway",
        "mount",
        "oval",
        "overpass",
        "pike",
        "point",
        "port",
        "prairie",
        "ranch",
        "ridge",
        "shoal",
        "shore",
        "skyway",
        "spring",
        "spur",
        "station",
        "summit",
        "throughway",
        "trace",
        "track",
        "tunnel",
        "underpass",
        "valley",
        "viaduct",
        "view",
        "village",
        "ville",
        "vista",
        "walk",
        // The rest of Publication 28's suffixes Faker writes (`582 Smith Cape`, `88 Ruth Mountains`):
        // ordinary words all, weak.
        "branch",
        "bridge",
        "brook",
        "canyon",
        "cape",
        "cliff",
        "club",
        "common",
        "corner",
        "course",
        "crest",
        "crossroad",
        "curve",
        "dale",
        "dam",
        "divide",
        "estate",
        "fall",
        "ferry",
        "flat",
        "ford",
        "forest",
        "garden",
        "inlet",
        "isle",
        "key",
        "lake",
        "land",
        "light",
        "loaf",
        "lock",
        "mall",
        "mountain",
        "neck",
        "orchard",
        "park",
        "pass",
        "passage",
        "path",
        "pine",
        "plain",
        "radial",
        "ramp",
        "rapid",
        "rest",
        "river",
        "route",
        "rue",
        "run",
        "stream",
        "union",
        "via",
        "wall",
        "well",
        "nagar",
        "ganj",
        "zila",
    ]),
    // Australian types that are ordinary words in many phrases (`Reserve`, `Round`, `Steps`,
    // `Gate`): a street only after a sending phrase or near an address word, never after a
    // preposition alone (`at 12 Main Gate`).
    plain: packed!(&[
        "access",
        "approach",
        "artery",
        "beach",
        "block",
        "brace",
        "break",
        "centre",
        "circlet",
        "circus",
        "corso",
        "cross",
        "cutting",
        "deviation",
        "dip",
        "distributor",
        "edge",
        "elbow",
        "end",
        "entrance",
        "follow",
        "formation",
        "front",
        "gap",
        "gate",
        "ground",
        "interchange",
        "intersection",
        "lees",
        "line",
        "link",
        "little",
        "lower",
        "nook",
        "outlook",
        "part",
        "piazza",
        "pocket",
        "quad",
        "quadrangle",
        "range",
        "reach",
        "reserve",
        "retreat",
        "ride",
        "ring",
        "rise",
        "round",
        "siding",
        "slope",
        "sound",
        "stairs",
        "steps",
        "strip",
        "top",
        "towers",
        "trailer",
        "triangle",
        "turn",
        "upper",
        "villas",
        "wade",
    ]),
};

/// The abbreviated English street types (`St.`, `Ave.`), which may carry a dot.
const EN_ABBREVIATIONS: &[&str] = &[
    "st", "rd", "ave", "ln", "dr", "blvd", "pkwy", "hwy", "ct", "pl", "sq",
];

/// French street types after a house number (`12 rue de la Paix`).
const FR_TYPES: Types = Types::new(
    &[
        "rue",
        "avenue",
        "av",
        "boulevard",
        "bd",
        "bld",
        "allée",
        "impasse",
        "quai",
        "chemin",
        "faubourg",
        "ruelle",
    ],
    &[
        "place",
        "route",
        "cours",
        "square",
        "passage",
        "voie",
        "esplanade",
        // fr_CA: `681 rang Georges`, `12 montée Tardif`.
        "rang",
        "montée",
    ],
);

/// Street types written before the name, with the number after it (es, it, pt, fr-BE, nl).
const TYPE_FIRST: Types = Types::new(
    &[
        "calle",
        "c/",
        "c.",
        "contrada",
        "località",
        "avenida",
        "avda.",
        "avda",
        "av.",
        "paseo",
        "carrer",
        "ronda",
        "rambla",
        "viale",
        "piazza",
        "piazzale",
        "vicolo",
        "rua",
        "rúa",
        "travessa",
        "praça",
        "alameda",
        "rue",
        "boulevard",
        "chemin",
        "laan",
        // es
        "callejón",
        "glorieta",
        "travesía",
        "avinguda",
        // it
        "lungomare",
        "lungotevere",
        // Brazilian logradouro types (`Ladeira Mendonça, 60`, `Jardim Cunha, 42`): the ones that are
        // also ordinary words (lake, park, beach, garden) are weak.
        "ladeira",
        "viela",
        "viaduto",
        "loteamento",
        // pl: `ul. Lwowska 56/19`, `aleja Kolejowa 8`, `plac Tuwima 15/10`, `osiedle Słoneczne 4`.
        // Not `os.`: every type here is a stream trigger, and the stream would hold text after
        // every Portuguese `os` (`al` costs Spanish and Italian streams 1.5 bytes held on average).
        "ul.",
        "ulica",
        "aleja",
        "plac",
        "osiedle",
        // ro: `Bulevardul Eftimie Tomescu Nr. 76` (`Strada` is weak, as in Italian).
        "bulevardul",
        "aleea",
        "drumul",
        "soseaua",
        "șoseaua",
        "intrarea",
        "calea",
        "splaiul",
        // es_MX: `Periférico Chiapas 998`, `Circuito Carvajal 776 Interior 317`.
        "circuito",
        "periférico",
        "retorno",
        "circunvalación",
        "prolongación",
        "andador",
        "calzada",
        "peatonal",
        "viaducto",
        // cs, sk: `Náměstí Míru 5`.
        "náměstí",
        "námestie",
        // el: `Λεωφόρος Χράνων 636`, `Πλ. Αμυκλών 3`; matched in any case.
        "λεωφόρος",
        "λεωφ.",
        "οδός",
        "πλατεία",
        "πλ.",
        "πάροδος",
        "πάρ.",
        // ru: `пер. Светлый, д. 2`; uk: `вулиця Художника Федорова, буд. 63`.
        "ул.",
        "пер.",
        "пр.",
        "просп.",
        "наб.",
        "ш.",
        "бул.",
        "алл.",
        "вул.",
        "вулиця",
        "провулок",
        "проспект",
        "площа",
        "шосе",
        "набережна",
        "узвіз",
        "аллея",
    ],
    &[
        "borgo",
        "via",
        "corso",
        "largo",
        "plaza",
        "camino",
        "av",
        "avenue",
        "estrada",
        "urbanización",
        "pasaje",
        "pasadizo",
        "cuesta",
        "cañada",
        "acceso",
        "vial",
        "carretera",
        "stretto",
        "incrocio",
        "rotonda",
        "canale",
        "vico",
        "traversa",
        "salita",
        // pt: `R. da Ribeira, 89` (`rua`), strong with its particle.
        "r.",
        "beco",
        "rodovia",
        "aeroporto",
        "campo",
        "chácara",
        "colônia",
        "condomínio",
        "conjunto",
        "distrito",
        "esplanada",
        "estação",
        "favela",
        "fazenda",
        "feira",
        "jardim",
        "lago",
        "lagoa",
        "morro",
        "núcleo",
        "parque",
        "passarela",
        "pátio",
        "praia",
        "quadra",
        "recanto",
        "residencial",
        "setor",
        "sítio",
        "trecho",
        "trevo",
        "vale",
        "vereda",
        "vila",
        "al.",
        "pl.",
        "strada",
        "corredor",
        "cerrada",
        "privada",
        "continuación",
        "ampliación",
        "diagonal",
        "сквер",
        "парк",
    ],
);

/// Portuguese particles after `R.` that only a street name has (`R. da Ribeira`).
const PT_PARTICLES: &[&str] = &["de", "da", "do", "dos", "das"];

/// German and Dutch street words that end a compound street name (`Musterstraße`, `Damstraat`).
const SUFFIXES: Types = Types::new(
    &[
        "straße",
        "strasse",
        "str",
        "gasse",
        "allee",
        "weg",
        "platz",
        "damm",
        "ufer",
        "chaussee",
        "straat",
        "gracht",
        "steeg",
        "kade",
        "dijk",
        "singel",
        "plein",
        "laan",
        "baan",
        "boulevard",
        "dreef",
        // Swedish, Danish and Norwegian (`Storgatan 77`, `Havnegade 87`, `Lyngbyvej 8`, `Storgata 5`,
        // `Kirkeveien 3`). `-gade` also ends English words (`Brigade 2`, `Renegade 5`): weak.
        "gatan",
        "vägen",
        "gränd",
        "torget",
        "stigen",
        "allén",
        "stræde",
        "vej",
        "torv",
        "gata",
        "veien",
        "vegen",
        "alléen",
        // Finnish (`Mannerheimintie 5` is below, with the genitive it needs).
        "katu",
        "kuja",
        "polku",
        "bulevardi",
        "väylä",
    ],
    &[
        "ring", "pad", "markt", "hof", "gade", "backen", "leden", "bakken", "plassen", "svingen",
    ],
);

/// Street names made of a name and a word for a place, mostly Norwegian (`Lundskogen 4`,
/// `Paulsenlia 2C`, `Myhremarka 88`): weak suffixes that a preposition does not support
/// ([`Strength::Plain`]), as they are ordinary nouns (wood, hillside, field) and Norwegian
/// surnames are made the same way (`Nordhagen`, `Bakken`); with a house number of at most
/// [`PLACE_SUFFIX_DIGITS`] digits.
const PLACE_SUFFIXES: &[&str] = &[
    "haugen", "hagen", "berget", "bråten", "eggen", "engen", "ekra", "faret", "flata", "gjerdet",
    "grenda", "gropa", "havna", "holtet", "høgda", "jordet", "kollen", "kroken", "lia", "lunden",
    "lyngen", "løkka", "marka", "moen", "myra", "ringen", "roa", "røa", "skogen", "skrenten",
    "spranget", "stien", "stranda", "stubben", "stykket", "tjernet", "toppen", "tunet", "vollen",
    "vika", "åsen",
    // Flemish `-lei` (`Frankrijklei 12`) and Finnish `-tie` (`Hämeentie 3`): short endings of
    // other names too (`Galilei`, `Christie`).
    "lei", "tie",
];

/// Weak suffixes that also end Romance and Indian names after a vowel (`Australia`, `Amelia`,
/// `Thüringen`, `Sébastien`, `Figueroa`, `Bhavika`, `Danimarka`, `Galilei`): a street only after
/// a consonant (`Paulsenlia`, `Vikringen`, `Eliassenstien`, `Thomaslei`).
const AFTER_CONSONANT: &[&str] = &["lia", "ringen", "stien", "roa", "vika", "marka", "lei"];

/// The most digits a house number after a [`PLACE_SUFFIXES`] compound has: Norwegian house
/// numbers stay below a thousand, and `Moen 2024` is a year.
const PLACE_SUFFIX_DIGITS: usize = 3;

/// German street words written as a word of their own after an adjective (`Berliner Straße 12`).
const DE_TYPES: &[&str] = &[
    "straße", "strasse", "str", "allee", "weg", "platz", "gasse", "damm", "ufer", "chaussee",
    // Danish: `Rahbeks Allé 1`.
    "allé",
];

/// Street types written as a word of their own after the name, mostly in small letters, with the
/// number after (`Szabadság utca 12.`, `Tomačevska cesta 98`, `Eerik Pyhän tie 5`, `Výhledské
/// Nám. 4`): Hungarian, Slovenian, Croatian, Czech, Slovak and Finnish.
const AFTER_NAME: Types = Types::new(
    &[
        "utca",
        "körút",
        "ulica",
        "cesta",
        "náměstí",
        "námestie",
        "nám",
        "katu",
        "tänav",
        "maantee",
        "puiestee",
        "caddesi",
        "cadde",
        "sokağı",
        "sokak",
        "bulvarı",
        "kuja",
        "polku",
        "bulevardi",
        "puistokatu",
        "puistotie",
        "puistokuja",
        "puistopolku",
        "puistobulevardi",
    ],
    &["út", "tér", "köz", "steza", "trg", "tie"],
);

/// Particles inside street and city names (`rue de la Paix`, `Via del Corso`, `Frankfurt am Main`).
const PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "los", "las", "l", "d", "au", "aux", "del", "della",
    "dei", "degli", "delle", "dello", "di", "da", "do", "dos", "das", "van", "der", "den", "het",
    "am", "an", "im", "sur", "en", "upon", "on", "y", "e", "of", "the",
];

/// Italian particles after `via` that only an Italian street name has (`Via del Corso`).
const IT_PARTICLES: &[&str] = &["del", "della", "dei", "degli", "delle", "dello", "di"];

/// Prepositions before a street that make a weak type an address (`abito in via Roma 10`).
const PREPOSITIONS: &[&str] = &[
    "in", "en", "em", "na", "no", "à", "a", "au", "nella", "della", "alla", "sulla", "dalla", "di",
    "at", "on", "op", "aan", "an", "auf", "der", "calle",
];

/// Words before a house number that mark it (`Calle Mayor nº 5`, `Via Roma n. 10`).
const NUMBER_MARKS: &[&str] = &[
    "nº", "n°", "n.", "no.", "nr.", "nr", "núm.", "num.", "n", "д.", "буд.",
];
/// The first bytes of [`NUMBER_MARKS`]: `n`, `N` and the lead byte of `д`/`б` in UTF-8.
const MARK_FIRST_BYTES: &[u8] = b"nN\xD0";
/// How far back from a house number [`NUMBER_MARKS`] are looked for: more than the longest mark
/// (`núm.`, five bytes) and the space before it.
const MARK_WINDOW: usize = 8;

/// Compass directions after an English street type (`Pennsylvania Avenue NW`).
const DIRECTIONS: &[&str] = &[
    "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
];

/// Lowercase words after a number that make it a quantity, not a house number.
const UNITS: &[&str] = &[
    "km", "m", "mi", "miles", "kg", "g", "min", "mins", "minutes", "hours", "h", "hrs", "days",
    "weeks", "months", "years", "times", "people", "persons", "euros", "eur", "usd", "dollars",
    "pm", "am", "x", "percent", "stars", "pages", "points", "items", "anni", "años", "anos",
    "jahre", "ans", "jaar", "minuti", "minutos", "minuten", "ore", "horas", "uur", "stunden",
    "uhr", "tage", "wochen", "monate", "euro", "mal", "prozent", "stück", "personen",
];

/// Capitalised words that are not street or city names.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "my",
    "our",
    "your",
    "this",
    "that",
    // Hungarian `az` (the): `Az utca 5 perc`.
    "az",
    "version",
    "chapter",
    "section",
    "page",
    "step",
    "room",
    "gate",
    "platform",
    "terminal",
    "level",
    "floor",
    "apt",
    "suite",
    "unit",
    "flat",
    "box",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "windows",
    "iphone",
    "python",
    "java",
    "season",
    "episode",
    "part",
    "volume",
    "vol",
    "no",
    "nr",
];

pub(crate) fn scan(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let first = out.len();
    scan_numbers(hay, out);
    without_number(hay.text, first, out);
    unnumbered(hay, first, out);
}

/// Street types that open a street written without a house number right after an address
/// phrase (`J'habite rue Thomas`, `My address is boulevard Denise Jourdan`): the unambiguous
/// French types and the Brazilian ones Faker's pt_BR writes (`Meu endereço é Alameda Fogaça`,
/// `Travessa de Abreu`, `Chácara de Oliveira`), found by the shared trigger pass.
pub(crate) const UNNUMBERED_TYPES: &[&str] = &[
    "rue",
    "avenue",
    "boulevard",
    "chemin",
    "impasse",
    "quai",
    "rua",
    "avenida",
    "alameda",
    "travessa",
    "viela",
    "estrada",
    "rodovia",
    "praça",
    "largo",
    "ladeira",
    "chácara",
    "sítio",
    "fazenda",
    "residencial",
    "loteamento",
    "favela",
    "condomínio",
    "esplanada",
    "viaduto",
    "passarela",
    "vereda",
    "conjunto",
    "vila",
];

/// Words for an address before `:` or `is` (`Address: rue Thomas`, `mon adresse est …`).
const ADDRESS_NOUNS: &[&str] = &[
    "address",
    "addr",
    "adresse",
    "adres",
    "domicile",
    "endereço",
    "endereco",
    "morada",
    "dirección",
    "direccion",
    "indirizzo",
    "anschrift",
];

/// Verbs of living that take the street as their object (`j'habite rue …`, `moro na Rua …`),
/// and English ones before `at`/`on` (`I live at …`).
const LIVING: &[&str] = &[
    "habite",
    "habites",
    "habitons",
    "habitez",
    "habitent",
    "réside",
    "résidons",
    "demeure",
    "live",
    "lives",
    "living",
    "located",
    "reside",
    "resides",
    "moro",
    "mora",
    "moramos",
];

/// Streets without a house number (`rue Thomas`, `avenue de Parent`), only right after an address
/// phrase ([`address_phrase_before`]) or a sending phrase; a postcode and city may follow.
fn unnumbered(hay: &Hay<'_>, first: usize, out: &mut Vec<Candidate>) {
    // Most texts hold no hit at all: they cost one test.
    if super::triggers::no_hits(hay) {
        return;
    }
    let text = hay.text;
    let mut found = Vec::new();
    let mut look = |start: usize, end: usize| {
        if text.as_bytes().get(end) != Some(&b' ')
            || !(address_phrase_before(text, start) || sent_to(text, start))
        {
            return;
        }
        let Some(name_end) = name_forward(text, end + 1, 4) else {
            return;
        };
        let (end, milli, rule) = match tail(text, name_end) {
            Some(Tail::Postcode { end, .. }) => (end, 850, RULE_POSTCODE),
            Some(Tail::City { end }) => (end, 600, RULE_STREET),
            None => (name_end, 600, RULE_STREET),
        };
        found.push(Found {
            start,
            end,
            milli,
            rule,
        });
    };
    match super::triggers::hits(hay, super::triggers::Owner::Address) {
        Some(hits) => hits.for_each(|(end, start, _)| look(start, end)),
        None => {
            for word in UNNUMBERED_TYPES {
                for at in find_bytes_iter(text.as_bytes(), word.as_bytes()) {
                    let bounded = !text.as_bytes()[..at]
                        .last()
                        .is_some_and(u8::is_ascii_alphanumeric);
                    if bounded {
                        look(at, at + word.len());
                    }
                }
            }
        }
    }
    for f in found {
        let taken = out
            .get(first..)
            .unwrap_or_default()
            .iter()
            .find(|c| c.start < f.end && f.start < c.end);
        match taken {
            None => out.push(f.candidate()),
            // `rue Riou Rotonda Vecellio, 6`: the name ran on into the numbered street found
            // after it; once that one is redacted, `rue Riou` stands alone.
            Some(c) if c.start > f.start => super::pass_over(),
            Some(_) => {}
        }
    }
}

/// True when an address phrase ends right before `start`: `Address:`, `adresse`, `my address
/// is`, `mon adresse est`, `I live at`, `j'habite`, a sending label (`Ship to:`, `Deliver to:`).
fn address_phrase_before(text: &str, start: usize) -> bool {
    let word_before = |end: usize| {
        let j = skip_blanks_back(text, end);
        let ws = (j < end).then(|| word_start(text, j)).flatten()?;
        Some((ws, text.get(ws..j)?))
    };
    let j = skip_blanks_back(text, start);
    // `adresse boulevard Raymond`: the word for an address right before the street.
    let noun = word_start(text, j)
        .and_then(|ws| text.get(ws..j))
        .is_some_and(|w| in_list(ADDRESS_NOUNS, w));
    if j < start && noun {
        return true;
    }
    if j < start && char_before(text, j) == Some(':') {
        let noun = skip_blanks_back(text, j - 1);
        return word_start(text, noun)
            .and_then(|ws| text.get(ws..noun))
            .is_some_and(|w| in_list(ADDRESS_NOUNS, w))
            || sent_to(text, start);
    }
    let Some((ws, word)) = word_before(start) else {
        return false;
    };
    // `J'habite`: the verb after an elided pronoun.
    let verb = word.rsplit(['\'', '’']).next().unwrap_or(word);
    if in_list(LIVING, verb) && !matches!(verb, "live" | "lives" | "living" | "located") {
        return true;
    }
    let Some((_, before)) = word_before(ws) else {
        return false;
    };
    match word {
        "is" | "est" | "é" | "es" | "è" | "ist" => in_list(ADDRESS_NOUNS, before),
        "at" | "on" => in_list(LIVING, before),
        _ => false,
    }
}

/// Streets written without a house number, `s/n` ("sin número", "sem número"): `Rua Matos,
/// S/N`, `Calle Mayor s/n`. Rare: looked for only where a `/` stands between the two letters.
fn without_number(text: &str, first: usize, out: &mut Vec<Candidate>) {
    let bytes = Table(text.as_bytes());
    for slash in memchr::memchr_iter(b'/', &bytes) {
        let (Some(s), e) = (slash.checked_sub(1), slash + 2) else {
            continue;
        };
        let letters = matches!(bytes.get(s), Some(b's' | b'S'))
            && matches!(bytes.get(slash + 1), Some(b'n' | b'N'));
        let bounded = !s
            .checked_sub(1)
            .and_then(|b| bytes.get(b))
            .is_some_and(u8::is_ascii_alphanumeric)
            && !bytes.get(e).is_some_and(u8::is_ascii_alphanumeric);
        if !letters || !bounded {
            continue;
        }
        let Some(found) = before_number(text, s, e)
            .filter(|street| street.strength != Strength::Typeless)
            .and_then(|street| finish(text, street))
        else {
            continue;
        };
        let taken = out
            .get(first..)
            .unwrap_or_default()
            .iter()
            .any(|c| c.start < found.end && found.start < c.end);
        if !taken {
            out.push(found.candidate());
        }
    }
}

/// Streets around the text's house numbers.
fn scan_numbers(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    let text = hay.text;
    for run in &hay.numbers {
        if run.plus {
            continue;
        }
        if let Some(found) = military::ending_at(text.as_bytes(), run.groups) {
            out.push(found.candidate());
        }
        for (g, &(s, e)) in run.groups.iter().enumerate() {
            // Only groups standing as words or opening a range (`2-4`, `8/4`): `1.5` and the
            // second half of `12/27` are not house numbers.
            let sep_before = g > 0 && text.as_bytes().get(s.wrapping_sub(1)) != Some(&b' ');
            let sep_after = g + 1 < run.groups.len()
                && !matches!(text.as_bytes().get(e), Some(b' ' | b'-' | b'/'));
            if sep_before || sep_after {
                continue;
            }
            // Inside a card or account number (`4590 1391 0580 4300`) neither shape can match:
            // the group before leaves no street name to end at this number, and a group of four
            // digits or more after it no word to start one.
            let street_before = g == 0;
            let street_after = !(text.as_bytes().get(e) == Some(&b' ')
                && run.groups.get(g + 1).is_some_and(|&(ns, ne)| ne - ns >= 4));
            if !street_before && !street_after {
                continue;
            }
            // Candidates come in text order: only the last few can overlap.
            let taken = |found: &Found| {
                out.iter()
                    .rev()
                    .take(4)
                    .any(|c| c.start < found.end && found.start < c.end)
            };
            // `929, rue Lelièvre, 12 rue de la Paix, 75002 Paris`: when the street before `12`
            // is the one already found, `12` starts the next (as it does once the first is
            // redacted).
            let mut before = street_before;
            let found = loop {
                match at_number(text, s, e, before, street_after) {
                    Some(found) if before && taken(&found) => before = false,
                    found => break found,
                }
            };
            let Some(found) = found else {
                continue;
            };
            // `DE89 3704 0044 0532 0130 00 Piazza Calbo, 99`: a reading that starts inside an
            // account number is dropped with the rest of its candidates (`run_recognizers`), so
            // it must not hide the street after it either.
            if super::continues_iban_shape(text.as_bytes(), found.start) || taken(&found) {
                continue;
            }
            out.push(found.candidate());
        }
    }
}

struct Found {
    start: usize,
    end: usize,
    milli: u16,
    rule: &'static str,
}

impl Found {
    /// The street address candidate this is.
    fn candidate(&self) -> Candidate {
        Candidate {
            kind: Kind::StreetAddress,
            start: self.start,
            end: self.end,
            score: Score::from_milli(self.milli),
            rule: self.rule,
            validated: false,
        }
    }
}

/// A street found around a house number: where it starts and ends, how strong its type is, and
/// whether it is the English number-first shape (which must not run on into more capitals).
#[derive(Clone, Copy)]
struct Street {
    start: usize,
    end: usize,
    strength: Strength,
    english: bool,
}

/// The address around the house number at `s..e`; the street is looked for before the number
/// only when `street_before`, after it only when `street_after` (the caller knows the other
/// reading cannot match).
fn at_number(
    text: &str,
    s: usize,
    e: usize,
    street_before: bool,
    street_after: bool,
) -> Option<Found> {
    let num_end = house_number(text, s, e)?;
    let digits = e - s;
    // `Bäckgatan 07`, `034 Gonzalez Summit`: Faker pads house numbers with zeros, real ones never
    // are; such a number is read only with a street type, and only an address word, a sending
    // phrase or a postcode makes it an address (`Meet at 0930 Park Avenue` is a time).
    let padded = text.as_bytes().get(s) == Some(&b'0');
    let typed = |street: Street| match street.strength {
        _ if !padded => Some(street),
        Strength::Typeless => None,
        _ => Some(Street {
            strength: Strength::Plain,
            ..street
        }),
    };
    // `Visit 1 Infinite Loop, …`: a bare name before the number that leads nowhere gives way to
    // the number-first reading (`My address is Studio 87, Smith Ridges`), and is read last, as a
    // street only an address phrase makes one.
    let before = (street_before && digits <= 4)
        .then(|| before_number(text, s, num_end))
        .flatten()
        .and_then(typed);
    before
        .and_then(|street| finish(text, street))
        .or_else(|| {
            let street = typed(street_after.then(|| number_first(text, s, num_end))??)?;
            finish(text, flat_before(text, street))
        })
        .or_else(|| announced(text, before?))
        // Checked last: most numbers are no address anyway, and the word list is long.
        .filter(|_| !unit_after(text, num_end))
}

/// A street without a type (`Orvokkitie 12`, `21 Katherine Trailer`) that an address phrase
/// right before it announces (`My address is …`, `Address: …`, `I live at …`), ending its
/// clause or followed by a city: `My address is Springen 17B Rad gelb.` is no address, and a
/// sending phrase is not enough (`forward it to Sprint 12`, `mail it to Azure 365`).
fn announced(text: &str, street: Street) -> Option<Found> {
    if street.strength != Strength::Typeless || !address_phrase_before(text, street.start) {
        return None;
    }
    let end = match tail(text, street.end) {
        Some(Tail::City { end }) => end,
        Some(Tail::Postcode { .. }) => return None,
        None => street.end,
    };
    // A number running on, or the placeholder of one redacted (`[CREDIT_CARD_1]`), so that the
    // redacted text reads as the original did.
    let runs_on = next_is_capitalised(text, end)
        || text.as_bytes().get(end) == Some(&b' ')
            && text
                .as_bytes()
                .get(end + 1)
                .is_some_and(|b| b.is_ascii_digit() || *b == b'[');
    (!runs_on).then_some(Found {
        start: street.start,
        end,
        milli: 600,
        rule: RULE_STREET,
    })
}

/// Scores a street with what follows it, or `None` when the shape alone is not an address.
fn finish(text: &str, street: Street) -> Option<Found> {
    // A unit after the number (`Suite 230`, `Piso 2`, `Appartamento 9`) belongs to the address
    // and says it is one.
    let unit = unit_end(text, street.end);
    let street = Street {
        end: unit,
        strength: if unit > street.end
            && matches!(street.strength, Strength::Weak | Strength::Plain)
        {
            Strength::Strong
        } else {
            street.strength
        },
        ..street
    };
    let tail = tail(text, street.end);
    let (end, milli, rule) = match (tail, street.strength) {
        (Some(Tail::Postcode { end, distinctive }), Strength::Typeless) => {
            // `ship it to Brekkeflata 98, 7719 Abrahamsen`: sent there, an address.
            let milli = if distinctive {
                800
            } else if sent_to(text, street.start) {
                600
            } else {
                450
            };
            (end, milli, RULE_POSTCODE)
        }
        (Some(Tail::Postcode { end, .. }), _) => (end, 850, RULE_POSTCODE),
        // `My address is 21 Katherine Trailer`: English words after the number, no type.
        (_, Strength::Typeless) => return street.english.then(|| announced(text, street))?,
        (tail, strength) => {
            if street.english && tail.is_none() && next_is_capitalised(text, street.end) {
                // `42 Wall Street Journal`: a name that merely contains a street. Unless the
                // capitalised word is redacted: `60327 Ray Ridge Hauptstraße 5` holds two streets.
                super::pass_over();
                return None;
            }
            let end = match tail {
                Some(Tail::City { end }) => end,
                _ => street.end,
            };
            let strong = strength == Strength::Strong
                || strength == Strength::Weak && preposition_before(text, street.start)
                || sent_to(text, street.start);
            (end, if strong { 600 } else { 450 }, RULE_STREET)
        }
    };
    Some(Found {
        start: street.start,
        end,
        milli,
        rule,
    })
}

/// Checks the house number at `s..e` and returns its end, with a one-letter suffix (`221B`, `5a`).
fn house_number(text: &str, s: usize, e: usize) -> Option<usize> {
    let bytes = Table(text.as_bytes());
    if e <= s || e - s > 5 {
        return None;
    }
    match char_before(text, s) {
        None => {}
        Some(c) if c.is_whitespace() || c == '(' || c == ',' => {}
        _ => return None,
    }
    // `3x` is a count (three times), not a house number with a letter.
    let letter = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|&b| b.is_ascii_alphabetic() && b != b'x')
            && !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)
    };
    let mut end = e;
    if letter(end) {
        end += 1;
    }
    // A range or a sub-number: `2-4`, `12/1`, `5a-5c`.
    if matches!(bytes.get(end), Some(b'-' | b'/')) {
        let n = digits_at(&bytes, end + 1);
        if (1..=4).contains(&n) {
            end += 1 + n;
            if letter(end) {
                end += 1;
            }
        }
    }
    match bytes.get(end) {
        None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b')' | b';') => {}
        // `Szabadság utca 12.`: Hungarian writes a dot after the number, before a comma too.
        Some(b'.')
            if bytes
                .get(end + 1)
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b',') => {}
        _ => return None,
    }
    Some(end)
}

/// Whether a unit follows the house number ending at `end`: `12 km`, `5 minutes`, `3 pm` are
/// quantities.
fn unit_after(text: &str, end: usize) -> bool {
    text.as_bytes().get(end) == Some(&b' ')
        && word_end(text, end + 1)
            .and_then(|we| text.get(end + 1..we))
            .is_some_and(|w| in_packed(packed!(UNITS), w))
}

/// A word made of letters, optionally ending in `.` or `/` (`Str.`, `Avda.`, `C/`), that ends at
/// `end`: returns its start and the word without that punctuation.
fn token_before(text: &str, end: usize) -> Option<(usize, &str, &str)> {
    let bare_end = match char_before(text, end) {
        Some('.' | '/') => end - 1,
        _ => end,
    };
    let start = word_start(text, bare_end)?;
    Some((start, text.get(start..bare_end)?, text.get(start..end)?))
}

/// The strength of an English street type: a plural of a type (`Brooks`, `Lakes`, `Streets`) is
/// a weak one, of a plain one (`Gates`) a plain one.
fn en_type(word: &str) -> Option<Strength> {
    let listed = |w: &str| {
        if in_packed(EN_TYPES.strong, w) {
            Some(Strength::Strong)
        } else if in_packed(EN_TYPES.weak, w) {
            Some(Strength::Weak)
        } else {
            in_packed(EN_TYPES.plain, w).then_some(Strength::Plain)
        }
    };
    listed(word).or_else(|| {
        listed(word.strip_suffix('s')?).map(|s| match s {
            Strength::Plain => Strength::Plain,
            _ => Strength::Weak,
        })
    })
}

/// The lookup of a type word (with or without its trailing `.`/`/`) in `table`, in any case.
fn type_of(table: &Types, bare: &str, full: &str) -> Option<Strength> {
    let lowered;
    // Only a word opening with a letter outside ASCII (`Λεωφόρος`, `Вулиця`) needs lowering: the
    // rest of the listed words' letters are small already (`Náměstí` is `náměstí` by its bytes).
    let (bare, full) = if full.as_bytes().first().is_none_or(u8::is_ascii) {
        (bare, full)
    } else {
        lowered = crate::normalize::lower_str(full);
        let punct = full.len() != bare.len();
        let lowered_bare = if punct {
            lowered.get(..lowered.len() - 1).unwrap_or("")
        } else {
            &lowered
        };
        (lowered_bare, lowered.as_str())
    };
    if !table.may_hold(full) && (bare.len() == full.len() || !table.may_hold(bare)) {
        return None;
    }
    table
        .words()
        // `bare` is `full` without its last byte, or `full` itself.
        .find(|(w, _)| {
            w.eq_ignore_ascii_case(full) || bare.len() != full.len() && w.eq_ignore_ascii_case(bare)
        })
        .map(|(_, s)| s)
}

/// True for a capitalised word that can be part of a street or city name.
fn is_name_word(word: &str) -> bool {
    (is_capitalised(word) || is_all_caps(word) && word.chars().count() <= 12)
        && !in_packed(packed!(NOT_NAMES), word)
}

/// The shapes with the number last: type first, suffix compound, German type word, bare name.
fn before_number(text: &str, s: usize, num_end: usize) -> Option<Street> {
    let mut j = skip_blanks_back(text, s);
    if j == s {
        return None;
    }
    if char_before(text, j) == Some(',') {
        j = skip_blanks_back(text, j - 1);
    }
    // Another number right before (the groups of a card or account number): no mark ends in a
    // digit and no word does, so no shape below can match.
    if j > 0 && text.as_bytes().get(j - 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // `nº 5`, `n. 10`. A mark is at most five bytes, so only the last few bytes are searched for
    // the space before it (a search back through the whole text would make a long line without
    // spaces quadratic).
    let window = j.saturating_sub(MARK_WINDOW);
    let space = text
        .as_bytes()
        .get(window..j)
        .and_then(|near| near.iter().rposition(|&b| b == b' '));
    let mut marked = false;
    if let Some(we) = space.map(|at| window + at) {
        let mark = text.get(we + 1..j).unwrap_or("");
        // Every mark opens with one of a few bytes: most words before a number are told at once.
        let may_mark = mark
            .as_bytes()
            .first()
            .is_some_and(|b| MARK_FIRST_BYTES.contains(b));
        if may_mark && (in_list(NUMBER_MARKS, mark) || mark == "nº" || mark == "n°") {
            j = skip_blanks_back(text, we + 1);
            marked = true;
            // `пер. Светлый, д. 2`: a comma before the mark.
            if j > 0 && char_before(text, j) == Some(',') {
                j = skip_blanks_back(text, j - 1);
            }
        }
    }
    // Every shape below ends in a capitalised (or all-capital) word: most numbers in chat have
    // none before them and are rejected before the words further back are read. A word of
    // small ASCII letters standing alone (`card 4590`) is told so from its bytes.
    let bytes = Table(text.as_bytes());
    let bare_end = j - usize::from(j > 0 && matches!(bytes[j - 1], b'.' | b'/'));
    let lower_from = bytes[..bare_end]
        .iter()
        .rposition(|b| !b.is_ascii_lowercase())
        .map_or(0, |at| at + 1);
    // `Szabadság utca 12.`, `Tomačevska cesta 98`, `Výhledské Nám. 4`: a type of its own after
    // the name.
    let after_name_type = |(type_start, bare, full): (usize, &str, &str)| {
        let strength = type_of(&AFTER_NAME, bare, full)?;
        after_name(text, type_start, strength).map(|start| Street {
            start,
            end: num_end,
            strength,
            english: false,
        })
    };
    if lower_from < bare_end
        && (lower_from == 0 || matches!(bytes[lower_from - 1], b' ' | b'\t' | b'\n' | b',' | b'('))
    {
        // Only the ASCII types in small letters (`utca`, `ulica`, `cesta`, `tie`, `puiestee`,
        // `puistobulevardi` …) have three to fifteen letters, and a name stands before them.
        let word_before = lower_from > 1
            && (bytes[lower_from - 2].is_ascii_alphabetic() || !bytes[lower_from - 2].is_ascii());
        let word = text.get(lower_from..bare_end).unwrap_or("");
        let listed = word_before
            && (3..=15).contains(&word.len())
            && type_of(&AFTER_NAME, word, word).is_some();
        return listed
            .then(|| token_before(text, j))
            .flatten()
            .and_then(after_name_type);
    }
    let nearest_token = token_before(text, j)?;
    let nearest = nearest_token.1;
    if !is_capitalised(nearest) && !is_name_word(nearest) {
        return (!nearest.is_ascii())
            .then(|| after_name_type(nearest_token))
            .flatten();
    }
    if let Some(street) = after_name_type(nearest_token) {
        return Some(street);
    }
    // Up to seven words before the number, nearest first.
    let mut toks: [(usize, &str, &str); 7] = [(0, "", ""); 7];
    let mut n = 0;
    let mut at = j;
    while n < toks.len() {
        let Some(tok) = token_before(text, at) else {
            break;
        };
        toks[n] = tok;
        n += 1;
        let back = skip_blanks_back(text, tok.0);
        if back == tok.0 {
            break;
        }
        at = back;
    }
    let toks = toks.get(..n)?;
    let &(t0_start, t0_bare, t0_full) = toks.first()?;
    // The nearest word is read by several shapes below: whether it may be a name (a look-up in
    // the long list of words that are not) is decided once.
    let t0_named = is_name_word(t0_bare);
    // Type first: `Calle de Alcalá 42`, `Via del Corso 12`, `C/ Mayor 5`.
    if t0_named && t0_full == t0_bare {
        for i in 1..toks.len() {
            let (start, bare, full) = toks[i];
            if let Some(strength) = type_of(&TYPE_FIRST, bare, full) {
                let mut strength = strength;
                let after = toks[i - 1].1;
                if bare.eq_ignore_ascii_case("via") && in_list(IT_PARTICLES, after) {
                    strength = Strength::Strong;
                }
                if full.ends_with('.') && bare.eq_ignore_ascii_case("av") {
                    strength = Strength::Strong;
                }
                if full.eq_ignore_ascii_case("r.") && in_list(PT_PARTICLES, after) {
                    strength = Strength::Strong;
                }
                // `Strada Popescu Nr. 76`, `Via Roma n. 10`: a number mark says it is a street.
                if marked && strength == Strength::Weak {
                    strength = Strength::Strong;
                }
                return Some(Street {
                    start,
                    end: num_end,
                    strength,
                    english: false,
                });
            }
            if !(is_name_word(bare) || in_list(PARTICLES, bare)) {
                break;
            }
        }
    }
    // The nearest word in small letters, for the shapes that need it capitalised.
    let t0_lower = is_capitalised(t0_bare).then(|| crate::normalize::lower_str(t0_bare));
    // Suffix compound: `Musterstraße 12`, `Hauptstr. 5a`, `Kalverstraat 92`.
    if let Some(lower) = &t0_lower {
        let short_number = digits_at(text.as_bytes(), s) <= PLACE_SUFFIX_DIGITS;
        let places: &[&str] = if short_number { PLACE_SUFFIXES } else { &[] };
        let lists = [
            (SUFFIXES.strong, Strength::Strong),
            (SUFFIXES.weak, Strength::Weak),
            (places, Strength::Plain),
        ];
        let last_byte = lower.as_bytes().last();
        // Strong suffixes first, then weak, then places (as `Types::words`); the last byte tells
        // most suffixes apart without comparing the whole suffix.
        let candidates = lists.iter().flat_map(|&(list, strength)| {
            list.iter()
                .filter(|w| w.as_bytes().last() == last_byte)
                .map(move |&w| (w, strength))
        });
        for (suffix, strength) in candidates {
            if let Some(prefix) = lower.strip_suffix(suffix) {
                // A long suffix says more: `Nygatan`, `Ekgränd` have two letters before it; a
                // Norwegian one does not (`Springen`, `Schagen`).
                let least = if suffix.len() >= 5 && strength != Strength::Plain {
                    2
                } else {
                    3
                };
                let last = prefix.chars().next_back().unwrap_or(' ');
                let unlikely = in_list(AFTER_CONSONANT, suffix)
                    && "aeiouyæøåäöüéèáíóú".chars().any(|v| v == last)
                    // Finnish `-tie` after the genitive `-n` (`Christie`, `Mattie` are names).
                    || suffix == "tie" && last != 'n';
                if !unlikely && prefix.chars().filter(|c| c.is_alphabetic()).count() >= least {
                    // A street named after a person (`Konrad-Adenauer-Ring`): weak types too.
                    let strength = if t0_bare.matches('-').count() >= 2 {
                        Strength::Strong
                    } else {
                        strength
                    };
                    return Some(Street {
                        start: t0_start,
                        end: num_end,
                        strength,
                        english: false,
                    });
                }
            }
        }
    }
    // A German type word after an adjective: `Berliner Straße 12`, `Frankfurter Allee 3`.
    if t0_lower
        .as_deref()
        .is_some_and(|lower| in_list(DE_TYPES, lower))
    {
        if let Some(&(start, bare, full)) = toks.get(1) {
            // `Anna. Allé 92`: a sentence ends before the type, no adjective.
            if is_name_word(bare) && full == bare {
                return Some(Street {
                    start,
                    end: num_end,
                    strength: Strength::Strong,
                    english: false,
                });
            }
        }
    }
    // A German street opening with a preposition: `Am Markt 5`, `An der Alster 12`, `Am Alten
    // Markt 3`. Many such words are ordinary (`Im Jahr 2020`): a weak shape.
    if let Some(start) = preposition_street(toks, t0_named) {
        return Some(Street {
            start,
            end: num_end,
            strength: Strength::Weak,
            english: false,
        });
    }
    // A bare street name: `Damrak 1`, reported only with a distinctive postcode; a Czech, Slovak
    // or Croatian adjective (`Plzeňská 70`, `Koclířova 77`) or a Greek name (`Βράσκου 1`) with a
    // short number also with an address word, a sending phrase or any postcode.
    // (For a capitalised word, `t0_named` is exactly "not in `NOT_NAMES`".)
    if is_capitalised(t0_bare) && t0_named && t0_full == t0_bare {
        let short_number = digits_at(text.as_bytes(), s) <= PLACE_SUFFIX_DIGITS;
        let slavic = SLAVIC_ENDINGS.iter().any(|e| t0_bare.ends_with(e));
        let greek = t0_bare.starts_with(|c| matches!(c, '\u{386}'..='\u{3ce}'));
        return Some(Street {
            start: t0_start,
            end: num_end,
            strength: if short_number && (slavic || greek) {
                Strength::Plain
            } else {
                Strength::Typeless
            },
            english: false,
        });
    }
    None
}

/// Endings of the Czech, Slovak and Croatian adjectives that name most streets without a type
/// word (`Plzeňská`, `Vlčická`, `Koclířova`, `Zamenhofova`, `Podlučinského`).
const SLAVIC_ENDINGS: &[&str] = &["ská", "cká", "ska", "cka", "ová", "ova", "eva", "ého"];

/// Where a street whose type stands after its name as a word of its own (the type starts at
/// `type_start`) begins: at the capitalised word before the type (`Tomačevska cesta`), or at a
/// word in small letters that follows a capitalised one before a strong type (Faker's `Arany
/// jános utca`: the stream redactor holds one word before a trigger, so the street starts there).
fn after_name(text: &str, type_start: usize, strength: Strength) -> Option<usize> {
    let j = skip_blanks_back(text, type_start);
    if j == type_start {
        return None;
    }
    let (start, bare, full) = token_before(text, j)?;
    if full != bare {
        return None;
    }
    if is_name_word(bare) {
        return Some(start);
    }
    let lower = strength == Strength::Strong
        && is_lowercase_word(bare)
        && bare.chars().count() >= 3
        && !in_list(PARTICLES, bare);
    let k = skip_blanks_back(text, start);
    let capital_before =
        k < start && token_before(text, k).is_some_and(|(_, b, f)| f == b && is_capitalised(b));
    (lower && capital_before).then_some(start)
}

/// Where a German street that opens with a preposition starts, given the words before its
/// number (nearest first): a capitalised name, optionally one capitalised word before it, an
/// optional article, then one of [`STREET_PREPOSITIONS`]. `first_named` is [`is_name_word`] of
/// the nearest word, which the caller has decided already.
fn preposition_street(toks: &[(usize, &str, &str)], first_named: bool) -> Option<usize> {
    let &(_, name, full) = toks.first()?;
    // A capitalised word is a name word exactly when it is not in `NOT_NAMES`.
    if !is_capitalised(name) || !first_named || full != name {
        return None;
    }
    let mut adjective = false;
    let mut article = false;
    for &(start, bare, full) in toks.get(1..)?.iter().take(3) {
        if full != bare {
            return None;
        }
        if in_list(STREET_PREPOSITIONS, bare) {
            return Some(start);
        }
        if !article && !adjective && in_list(STREET_ARTICLES, bare) && is_lowercase_word(bare) {
            article = true;
        } else if !article && !adjective && is_name_word(bare) {
            adjective = true;
        } else {
            return None;
        }
    }
    None
}

/// True when `word` is a street type written before the street's name (`Calle`, `Piazza`, `Rua`,
/// `Avenida`): a person recognizer's name does not open with one.
pub(crate) fn is_type_first(word: &str) -> bool {
    type_of(&TYPE_FIRST, word, word).is_some()
}

/// True when `word` is an unambiguous English street type (`Road`, `Street`, `Avenue`): a name
/// ending with one after `Ship to` is a street's.
pub(crate) fn is_strong_en_type(word: &str) -> bool {
    en_type(word) == Some(Strength::Strong)
}

/// True when `word` is an English street type of any strength (`Street`, `Heights`, `Vista`): a
/// run of capitalised words holding one names a street (`Joshua Vista Street`), not a person.
#[cfg(feature = "names")]
pub(crate) fn is_en_type(word: &str) -> bool {
    en_type(word).is_some()
}

/// The endings of [`SUFFIXES`] that end no family name: `-dijk`, `-laan`, `-baan`, `-steeg` do
/// (`Noordijk`, `Vanderlaan`, `Verbaan`, `Oversteeg`).
const COMPOUND_ONLY: &[&str] = &[
    "straße",
    "strasse",
    "gasse",
    "platz",
    "allee",
    "chaussee",
    "straat",
    "gracht",
    "plein",
    "gatan",
    "vägen",
    "gata",
    "veien",
    "stræde",
    "katu",
    "bulevardi",
];

/// True when `words` end in a compound street name: a name joined to a street word that ends no
/// family name ([`COMPOUND_ONLY`]: `Jaegersstraat`, `Maria Garcia Femstraat`, `Storgatan`).
pub(crate) fn is_street_compound(words: &str) -> bool {
    let word = words.rsplit(' ').next().unwrap_or(words);
    COMPOUND_ONLY
        .iter()
        .any(|suffix| word.len() >= suffix.len() + 3 && word.ends_with(suffix))
}

/// True when `word` is a street type written as a word of its own after the street's name
/// (`utca`, `katu`, `tie`): the words before it name a street, not a person.
pub(crate) fn is_type_after_name(word: &str) -> bool {
    type_of(&AFTER_NAME, word, word).is_some()
}

/// True when `lower_prefix` (the lowercased start of a word still arriving) may grow into a
/// street type written after the name ([`is_type_after_name`]).
pub(crate) fn may_grow_into_type_after_name(lower_prefix: &str) -> bool {
    AFTER_NAME.words().any(|(w, _)| w.starts_with(lower_prefix))
}

/// True when `word` has no capital letter.
fn is_lowercase_word(word: &str) -> bool {
    !word.chars().any(char::is_uppercase)
}

/// Whether a word of [`STREET_PREPOSITIONS`] may still open a street, given `rest`, the text after
/// it that has arrived so far (more may follow): an optional article, one or two capitalised
/// words, then a word starting with a digit. False once a complete word rules that out; the
/// stream redactor then stops holding text for the preposition.
pub(crate) fn may_open_street(rest: &str) -> bool {
    let complete_all = rest.ends_with(|c: char| c.is_whitespace());
    let words: Vec<&str> = rest.split_whitespace().collect();
    let mut names = 0;
    let mut article = false;
    for (i, word) in words.iter().enumerate() {
        if i + 1 == words.len() && !complete_all {
            return true;
        }
        if names > 0 && word.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        if names == 0 && !article && in_list(STREET_ARTICLES, word) && is_lowercase_word(word) {
            article = true;
        } else if names < 2 && word.starts_with(char::is_uppercase) {
            names += 1;
        } else {
            return false;
        }
    }
    true
}

/// A street name forward from `i`: capitalised words and particles joined by single spaces, at
/// most `max` capitalised words, ending at a capitalised word. Returns its end.
fn name_forward(text: &str, i: usize, max: usize) -> Option<usize> {
    let bytes = Table(text.as_bytes());
    let mut pos = i;
    let mut end = None;
    let mut caps = 0;
    for _ in 0..max + 3 {
        // French puts a space before `?`, `!`, `:` and `;` (`rue de Guérin ?`): the name ends there.
        let Some(we) = word_end(text, pos) else {
            break;
        };
        let word = text.get(pos..we)?;
        if char_at(text, we).is_some_and(char::is_alphanumeric) {
            // `SW1A`: a code, not a word.
            break;
        }
        if is_name_word(word) {
            caps += 1;
            end = Some(we);
        } else if !in_list(PARTICLES, word) {
            break;
        }
        if caps >= max {
            break;
        }
        // `rue d'Alésia`, `l'Église`: an elided particle is part of the next word already.
        if bytes.get(we) == Some(&b' ') && bytes.get(we + 1).is_some_and(|&b| b != b' ') {
            pos = we + 1;
        } else {
            break;
        }
    }
    end
}

/// The word (or ordinal such as `5th`) at `i` and its end.
fn word_or_ordinal(text: &str, i: usize) -> Option<(usize, &str)> {
    let bytes = Table(text.as_bytes());
    let mut d = i;
    while bytes.get(d).is_some_and(u8::is_ascii_digit) && d - i < 3 {
        d += 1;
    }
    if d > i {
        let suffix = text.get(d..d + 2)?;
        let ok = ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(suffix));
        if !ok || bytes.get(d + 2).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        return Some((d + 2, text.get(i..d + 2)?));
    }
    let we = word_end(text, i)?;
    Some((we, text.get(i..we)?))
}

/// The shapes with the number first: `221B Baker Street`, `12 rue de la Paix`.
fn number_first(text: &str, s: usize, num_end: usize) -> Option<Street> {
    let bytes = Table(text.as_bytes());
    let mut i = num_end;
    if bytes.get(i) == Some(&b',') {
        i += 1;
    }
    let mut k = skip_blanks(text, i);
    // `Flat 6\nHussain Road`, `H.No. 51\nMane Road`, `My address is 54/22\nNigam Nagar`: Faker's
    // British flats and Indian house numbers put the street on the next line. A number alone
    // before a line break is read so only after a unit word, a house mark, an address phrase or a
    // sending phrase.
    let next_line = k == i
        && bytes.get(i) == Some(&b'\n')
        && (unit_word_before(text, s, false).is_some()
            || house_mark_before(text, s).is_some()
            || address_phrase_before(text, s)
            || sent_to(text, s));
    if next_line {
        k = i + 1;
    } else if k == i || k - i > 2 {
        return None;
    }
    // French: `12 rue de la Paix`, `8, boulevard Haussmann`, `3 av. Foch` (type words are
    // letters: a number after the number is none).
    if let Some(we) = Some(k)
        .filter(|&k| !bytes.get(k).is_some_and(u8::is_ascii_digit))
        .and_then(|k| word_end(text, k))
    {
        let word = text.get(k..we)?;
        if let Some(strength) = type_of(&FR_TYPES, word, word) {
            let mut after = we;
            if bytes.get(after) == Some(&b'.') {
                after += 1;
            }
            if bytes.get(after) == Some(&b' ') {
                if let Some(end) = name_forward(text, after + 1, 5) {
                    return Some(Street {
                        start: s,
                        end,
                        strength,
                        english: false,
                    });
                }
            }
        }
    }
    let english = english_number_first(text, s, k);
    if english
        .as_ref()
        .is_some_and(|street| street.strength != Strength::Typeless)
    {
        return english;
    }
    turned_around(text, s, k).or(english)
}

/// A street of a language that writes its number last, written number first at `k` (`1276 Via
/// Turno`, `232 Mäekõrtsi maantee`): weak, so found only with a preposition, an address word, a
/// sending phrase or a postcode.
fn turned_around(text: &str, s: usize, k: usize) -> Option<Street> {
    let text = Table(text);
    // A capital letter, ASCII or not, opens the street.
    if !text
        .as_bytes()
        .get(k)
        .is_some_and(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return None;
    }
    let we = word_end(&text, k)?;
    let word = text.get(k..we)?;
    if !is_capitalised(word) || char_at(&text, we).is_some_and(char::is_alphanumeric) {
        return None;
    }
    // `2 Hauptstraße Cafés`, `3 Via Roma fans`: a word after the street makes it a name or a
    // count. Checked before the word lists, which are long.
    let word_after =
        |end: usize| text.as_bytes().get(end) == Some(&b' ') && word_end(&text, end + 1).is_some();
    let street = |end: usize| Street {
        start: s,
        end,
        strength: Strength::Weak,
        english: false,
    };
    if !word_after(we) {
        return None;
    }
    // `232 Mäekõrtsi maantee`: a type of its own after the name.
    let te = word_end(&text, we + 1)?;
    if !word_after(te) && type_of(&AFTER_NAME, &text[we + 1..te], &text[we + 1..te]).is_some() {
        return Some(street(te));
    }
    let end = name_forward(&text, we + 1, 4)?;
    (!word_after(end) && type_of(&TYPE_FIRST, word, word).is_some()).then(|| street(end))
}

/// The English shapes after the number at `s` (the first word at `k`): `221B Baker Street`.
fn english_number_first(text: &str, s: usize, k: usize) -> Option<Street> {
    let bytes = Table(text.as_bytes());
    // The English shapes open with a capitalised word (`d'Arcy` counts after its particle) or an
    // ordinal: another lower-case word (`and`) or punctuation after the number leaves nothing.
    if bytes.get(k).is_some_and(|&b| {
        b.is_ascii_lowercase() && !matches!(b, b'd' | b'l')
            || b.is_ascii() && !b.is_ascii_alphanumeric()
    }) {
        return None;
    }
    // English: one to four name words, then the type. Without a known type the words may still
    // be a street when a British postcode or a US state and ZIP follows (`60 Nicole Ports, …`).
    // A type word followed by another capitalised word may be part of the name (`500 Lake Shore
    // Drive`, `12 River Park Road`): the last type within reach ends the street.
    let mut typed: Option<Street> = None;
    let typeless = |typed: Option<Street>, names: usize, end: usize| {
        typed.or((names > 0).then_some(Street {
            start: s,
            end,
            strength: Strength::Typeless,
            english: true,
        }))
    };
    let mut pos = k;
    let mut last = k;
    for names in 0..5 {
        let Some((we, word)) = word_or_ordinal(text, pos) else {
            return typeless(typed, names, last);
        };
        // A type in small letters after capitalised names is a word of a sentence (`2011 Ortiz
        // River She drive`); only an abbreviation is often written so (`12 Main st`).
        let lowercase =
            word.starts_with(|c: char| c.is_lowercase()) && !in_list(EN_ABBREVIATIONS, word);
        if names > 0 && !lowercase {
            if let Some(strength) = en_type(word) {
                let mut end = we;
                // The dot of `St.` belongs to it; after `Street` it ends the sentence.
                if bytes.get(end) == Some(&b'.') && in_list(EN_ABBREVIATIONS, word) {
                    end += 1;
                }
                // `Pennsylvania Avenue NW`
                if bytes.get(end) == Some(&b' ') {
                    if let Some(de) = word_end(text, end + 1) {
                        let dir = text.get(end + 1..de).unwrap_or("");
                        if in_list(DIRECTIONS, dir)
                            && dir.chars().next().is_some_and(char::is_uppercase)
                            && !char_at(text, de).is_some_and(char::is_alphanumeric)
                        {
                            end = de;
                        }
                    }
                }
                let street = Street {
                    start: s,
                    end,
                    strength,
                    english: true,
                };
                if end > we || names == 4 || !next_is_capitalised(text, end) {
                    return Some(street);
                }
                typed = Some(street);
            }
        }
        let ordinal = word.starts_with(|c: char| c.is_ascii_digit());
        if !(ordinal || is_capitalised(word) && !in_packed(packed!(NOT_NAMES), word)) {
            return typeless(typed, names, last);
        }
        last = we;
        if bytes.get(we) == Some(&b' ') {
            pos = we + 1;
        } else {
            return typeless(typed, names + 1, last);
        }
    }
    typed
}

/// What follows a street.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tail {
    /// A postcode and city; `distinctive` for Dutch and British postcodes.
    Postcode { end: usize, distinctive: bool },
    /// A city after ` - ` (`Av. Paulista, 1578 - São Paulo`).
    City { end: usize },
}

fn tail(text: &str, from: usize) -> Option<Tail> {
    // `Szabadság utca 12., H-1051 Budapest`: the dot after a Hungarian house number.
    let from = from
        + usize::from(matches!(
            text.as_bytes().get(from..from + 2),
            Some(b".," | b".\n")
        ));
    let mut i = skip_blanks(text, from);
    let mut dash = false;
    match char_at(text, i) {
        Some(',') => i += 1,
        Some('-' | '\u{2013}') => {
            i += char_at(text, i).map_or(1, char::len_utf8);
            dash = true;
        }
        Some('\r' | '\n') => {}
        _ if i > from => {}
        _ => return None,
    }
    i = skip_blanks(text, i);
    if char_at(text, i) == Some('\r') {
        i += 1;
    }
    if char_at(text, i) == Some('\n') {
        i = skip_blanks(text, i + 1);
    }
    // `75002 Paris`, `1012 LG Amsterdam`, `CH-8001 Zürich`, `01310-100 São Paulo`.
    if let Some(tail) = postcode_and_city(text, i) {
        return Some(tail);
    }
    // `SW1A 2AA` alone.
    if let Some(end) = uk_postcode(text, i) {
        return Some(Tail::Postcode {
            end,
            distinctive: true,
        });
    }
    // `London SW1A 2AA`, `Washington, DC 20500`; a bairro (`Vila Canto Do Sabiá`) may be longer.
    let city_end = name_forward(text, i, 4)?;
    // `Hosur 850166`, `Bhimavaram-059981`: an Indian PIN after the city.
    if let Some(end) = indian_pin(text, city_end) {
        return Some(Tail::Postcode {
            end,
            distinctive: false,
        });
    }
    let j = next_part(text, city_end);
    if j > city_end {
        if let Some(end) = uk_postcode(text, j).or_else(|| region_postcode(text, j)) {
            return Some(Tail::Postcode {
                end,
                distinctive: true,
            });
        }
        // A Brazilian bairro between the street and the CEP: `Rua X, 12, Casa Branca, 72679-496
        // Vasconcelos / TO`.
        if let Some(tail) = postcode_and_city(text, j) {
            return Some(tail);
        }
    }
    (dash
        && matches!(
            char_at(text, skip_blanks(text, city_end)),
            None | Some('\n' | '\r' | ',' | '.' | ';' | ')' | '-')
        ))
    .then_some(Tail::City { end: city_end })
}

/// A postcode and city at `i` (`75002 Paris`, `80054, Caprile`, `01310-100 São Paulo / SP`). A
/// CEP written without its dash (`54407554`) is eight bare digits: only with the state after
/// the city.
fn postcode_and_city(text: &str, i: usize) -> Option<Tail> {
    let (pc_end, distinctive) = postcode(text, i)?;
    let c = next_part(text, pc_end);
    if c == pc_end {
        return None;
    }
    let city_end = name_forward(text, c, 3)?;
    let end = state_after(text, city_end);
    let bare_digits = text
        .as_bytes()
        .get(i..pc_end)
        .is_some_and(|pc| pc.len() == 8 && pc.iter().all(u8::is_ascii_digit));
    (!bare_digits || end > city_end).then_some(Tail::Postcode { end, distinctive })
}

/// Where the next part of an address starts after `i`: past blanks and one comma or one line break
/// (`Gillside\nTF7W 3AZ`, `7455 VG\nBruinisse`: Faker's `address()` puts them on lines of their
/// own).
fn next_part(text: &str, i: usize) -> usize {
    let mut j = skip_blanks(text, i);
    match text.as_bytes().get(j) {
        Some(b',' | b'\n') => j += 1,
        Some(b'\r') if text.as_bytes().get(j + 1) == Some(&b'\n') => j += 2,
        _ => {}
    }
    skip_blanks(text, j)
}

/// An Indian PIN (six digits) after a space or dash at `i`: its end.
fn indian_pin(text: &str, i: usize) -> Option<usize> {
    let bytes = Table(text.as_bytes());
    if !matches!(bytes.get(i), Some(b' ' | b'-')) || digits_at(&bytes, i + 1) != 6 {
        return None;
    }
    let end = i + 7;
    (!bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)).then_some(end)
}

/// The end of a Brazilian state after a city (` / SP`), or `end` when there is none.
fn state_after(text: &str, end: usize) -> usize {
    let bytes = Table(text.as_bytes());
    let state = bytes.get(end..end + 5);
    let ok =
        state.is_some_and(|s| s.starts_with(b" / ") && s[3..].iter().all(u8::is_ascii_uppercase));
    if ok && !bytes.get(end + 5).is_some_and(u8::is_ascii_alphanumeric) {
        end + 5
    } else {
        end
    }
}

/// A Canadian postcode (`K1A 0B1`, `K1A0B1`) at `i`: its end.
fn ca_postcode(bytes: &[u8], i: usize) -> Option<usize> {
    // Letter, digit, letter, then digit, letter, digit.
    let is = |at: usize, letter: bool| {
        bytes.get(at).is_some_and(|b| {
            if letter {
                b.is_ascii_uppercase()
            } else {
                b.is_ascii_digit()
            }
        })
    };
    let second = i + 3 + usize::from(bytes.get(i + 3) == Some(&b' '));
    let first_half = is(i, true) && is(i + 1, false) && is(i + 2, true);
    let second_half = is(second, false) && is(second + 1, true) && is(second + 2, false);
    (first_half && second_half).then_some(second + 3)
}

fn digits_at(bytes: &[u8], i: usize) -> usize {
    bytes
        .get(i..)
        .map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count())
}

/// A continental postcode at `i`: its end and whether it is distinctive (Dutch `1012 LG`).
fn postcode(text: &str, i: usize) -> Option<(usize, bool)> {
    let bytes = Table(text.as_bytes());
    let mut p = i;
    // Country prefix: `D-`, `CH-`, `F-`.
    let letters = bytes.get(p..).map_or(0, |r| {
        r.iter().take_while(|b| b.is_ascii_uppercase()).count()
    });
    if (1..=2).contains(&letters) && bytes.get(p + letters) == Some(&b'-') {
        p += letters + 1;
    }
    let n = digits_at(&bytes, p);
    let mut end = p + n;
    let mut distinctive = false;
    match n {
        5 => {
            // Brazilian CEP `01310-100`, US ZIP+4 `20500-0003`.
            if bytes.get(end) == Some(&b'-') && matches!(digits_at(&bytes, end + 1), 3 | 4) {
                end += 1 + digits_at(&bytes, end + 1);
            }
        }
        4 => {
            let mut q = end;
            if bytes.get(q) == Some(&b' ') {
                q += 1;
            }
            let two_upper = bytes
                .get(q..q + 2)
                .is_some_and(|r| r.iter().all(u8::is_ascii_uppercase));
            if two_upper && !bytes.get(q + 2).is_some_and(u8::is_ascii_alphanumeric) {
                end = q + 2;
                distinctive = true;
            } else if bytes.get(end) == Some(&b'-') && digits_at(&bytes, end + 1) == 3 {
                end += 4;
            }
        }
        // A Brazilian CEP without its dash: `54407554`.
        8 => {}
        // Czech, Slovak, Swedish `100 80`.
        3 if bytes.get(end) == Some(&b' ') && digits_at(&bytes, end + 1) == 2 => end += 3,
        // Polish `19-225`.
        2 if bytes.get(end) == Some(&b'-') && digits_at(&bytes, end + 1) == 3 => end += 4,
        _ => return None,
    }
    if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some((end, distinctive))
}

/// A British postcode (`SW1A 2AA`, `M1 1AE`, `EC1A 1BB`) at `i`: its end.
fn uk_postcode(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes().get(i..)?;
    let upper = |k: usize| b.get(k).is_some_and(u8::is_ascii_uppercase);
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    if !upper(0) {
        return None;
    }
    let mut k = if upper(1) { 2 } else { 1 };
    if !digit(k) {
        return None;
    }
    k += 1;
    if digit(k) || upper(k) {
        k += 1;
    }
    if b.get(k) != Some(&b' ') {
        return None;
    }
    k += 1;
    if !(digit(k) && upper(k + 1) && upper(k + 2)) {
        return None;
    }
    k += 3;
    if b.get(k).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(i + k)
}

/// A state or province and its postcode at `i`: US `DC 20500`, `IL 62704-1234`, Canadian `ON
/// K1A 0B1` (`K1A0B1`), Australian `VIC 3000` (`NSW, 2000`): its end.
fn region_postcode(text: &str, i: usize) -> Option<usize> {
    let bytes = Table(text.as_bytes());
    let letters = bytes
        .get(i..)?
        .iter()
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    if !(2..=3).contains(&letters) {
        return None;
    }
    let mut z = i + letters;
    if bytes.get(z) == Some(&b',') {
        z += 1;
    }
    if bytes.get(z) != Some(&b' ') {
        return None;
    }
    z += 1;
    let mut end = match digits_at(&bytes, z) {
        5 if letters == 2 => z + 5,
        4 => z + 4,
        _ => ca_postcode(&bytes, z)?,
    };
    if bytes.get(end) == Some(&b'-') && digits_at(&bytes, end + 1) == 4 {
        end += 5;
    }
    if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(end)
}

/// The end of a unit designator after an English street (`Suite 574`, `, Apt. 4B`, ` #12`), or
/// `end` when there is none.
fn unit_end(text: &str, end: usize) -> usize {
    // `Nr. 9 Bl. 10 Sc. 7 Ap. 408`, `776 Edif. 039 , Depto. 802`: up to three units in a row.
    let mut end = end;
    for _ in 0..3 {
        match one_unit_end(text, end) {
            next if next > end => end = next,
            _ => break,
        }
    }
    end
}

/// [`unit_end`] for one unit.
fn one_unit_end(text: &str, end: usize) -> usize {
    let bytes = Table(text.as_bytes());
    let mut i = skip_blanks(text, end);
    if bytes.get(i) == Some(&b',') {
        i += 1;
    } else {
        i = end;
    }
    let k = skip_blanks(text, i);
    if k == i {
        return end;
    }
    let mut j = if bytes.get(k) == Some(&b'#') {
        k + 1
    } else {
        match word_end(text, k) {
            Some(we) if text.get(k..we).is_some_and(|w| in_list(UNIT_WORDS, w)) => {
                let we = we + usize::from(bytes.get(we) == Some(&b'.'));
                skip_blanks(text, we)
            }
            _ => return end,
        }
    };
    let start = j;
    while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) && j - start < 6 {
        j += 1;
    }
    if j == start
        || !bytes[start..j].iter().any(u8::is_ascii_digit)
        || bytes.get(j).is_some_and(u8::is_ascii_alphanumeric)
    {
        return end;
    }
    j
}

/// A number-first street with the flat or house-number mark before its number: `Flat 23b, Martyn
/// Plains` (Faker's British flats), `H.No. 622, Mohan` (an Indian house number, whose street is
/// often a bare name). The mark belongs to the address, and a sending phrase before it supports
/// the street; after `H.No.` a bare name is a weak street.
fn flat_before(text: &str, street: Street) -> Street {
    let j = skip_blanks_back(text, street.start);
    // `Flat 93 364 Sabrina Walk`, `Level 7 6 Brian Siding`, `Apt. 329 92 Katherine Cruiseway`:
    // Faker's Australian flats, the unit's number right before the house number.
    let digits = text
        .as_bytes()
        .get(..j)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if (1..=4).contains(&digits) && j + 1 == street.start {
        if let Some(unit) = unit_word_before(text, j - digits, true) {
            return Street {
                start: unit,
                ..street
            };
        }
    }
    if let Some(mark) = house_mark_before(text, street.start) {
        let strength = match street.strength {
            Strength::Typeless => Strength::Weak,
            strength => strength,
        };
        return Street {
            start: mark,
            strength,
            ..street
        };
    }
    match unit_word_before(text, street.start, false) {
        Some(unit) => Street {
            start: unit,
            ..street
        },
        None => street,
    }
}

/// The start of an Indian house-number mark (`H.No.`) before `at`, blanks between, if one is
/// there.
fn house_mark_before(text: &str, at: usize) -> Option<usize> {
    let j = skip_blanks_back(text, at);
    let (start, _, full) = (j < at).then(|| token_before(text, j)).flatten()?;
    let before = text.get(..start)?;
    (full.eq_ignore_ascii_case("no.")
        && (before.ends_with("H.") || before.ends_with("h."))
        && !char_before(text, start - 2).is_some_and(char::is_alphanumeric))
    .then(|| start - 2)
}

/// The start of a capitalised unit word before `at`, blanks between (see [`is_unit_word`]; with
/// its dot too when `dotted`: `Apt. 329 92 …`).
fn unit_word_before(text: &str, at: usize, dotted: bool) -> Option<usize> {
    let j = skip_blanks_back(text, at);
    let (start, bare, full) = (j < at).then(|| token_before(text, j)).flatten()?;
    let dot = dotted && full.len() == bare.len() + 1 && full.ends_with('.');
    is_unit_word(bare, if dot { bare } else { full }).then_some(start)
}

/// True for a capitalised unit word before a flat's number (`Flat`, `Studio`, `Apt`), as
/// [`token_before`] gives it (`bare` without, `full` with its trailing `.`/`/`): no dot.
fn is_unit_word(bare: &str, full: &str) -> bool {
    (in_list(UNIT_WORDS, bare) || bare.eq_ignore_ascii_case("studio"))
        && is_capitalised(bare)
        && full == bare
}

/// Words that introduce a unit inside a building.
const UNIT_WORDS: &[&str] = &[
    "apt",
    "suite",
    "ste",
    "unit",
    "flat",
    "fl",
    "floor",
    "room",
    "piso",
    "puerta",
    "planta",
    "apto",
    "apartamento",
    "andar",
    "piano",
    "appartamento",
    "interno",
    "scala",
    "etage",
    "level",
    // ro `Bl. 10 Sc. 70 Ap. 408`, es_MX `Edif. 978, Depto. 690`, `Interior 317`, ru/uk `к. 770`,
    // `кв. 150`.
    "bl",
    "sc",
    "ap",
    "edif",
    "depto",
    "interior",
    "к",
    "кв",
    "стр",
];

/// True when the word after `end` (one space) starts with a capital letter and holds no digit:
/// a code (`DE89 3704 …`) is no name running on, and its placeholder (`[IBAN_1]`) would not be
/// either.
fn next_is_capitalised(text: &str, end: usize) -> bool {
    text.as_bytes().get(end) == Some(&b' ')
        && char_at(text, end + 1).is_some_and(char::is_uppercase)
        && !text.as_bytes()[end + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .any(u8::is_ascii_digit)
}

/// True when the word before `start` is a preposition that introduces a place.
fn preposition_before(text: &str, start: usize) -> bool {
    let j = skip_blanks_back(text, start);
    j < start
        && word_start(text, j)
            .and_then(|ws| text.get(ws..j))
            .is_some_and(|w| in_list(PREPOSITIONS, w))
}

/// Prepositions that end a sending phrase before a street (`ship it to`, `envíalo a`, `envoyer à`,
/// `stuur het naar`, `schicken an`).
const SEND_PREPOSITIONS: &[&str] = &["to", "a", "à", "para", "naar", "an", "til", "till"];

/// The starts of sending verbs in seven languages (`send`, `shipped`, `mailing`, `envíalo`,
/// `spedisci`, `stuur`, `schicken`, `expédier`), and of moving verbs, which take a new address
/// the same way (`Our office moved to 310 Cole Valleys`, `nos mudamos a`, `verhuisd naar`).
const SEND_STEMS: &[&str] = &[
    "send",
    "sent",
    "ship",
    "mail",
    "post",
    "forward",
    "deliver",
    "envi",
    "enví",
    "envoy",
    "expédi",
    "mand",
    "sped",
    "invi",
    "stuur",
    "stur",
    "schick",
    "verschick",
    "skick",
    "liefer",
    "mov",
    "relocat",
    "déménag",
    "mud",
    "trasfer",
    "verhuis",
];

/// How far before a street a sending verb is looked for, in bytes: within the already-emitted
/// text a stream keeps for context.
const SEND_WINDOW: usize = 48;

/// True when a sending phrase ends right before `start`: one of [`SEND_PREPOSITIONS`] and, at most
/// four words and [`SEND_WINDOW`] bytes before it with no punctuation between, a sending verb
/// (`Please ship it to 14 Rice Brook`, `envíalo a Rambla de Eulalia Correa 43`), also as a label
/// (`Ship to: 14 Rice Brook`, `Envoyer à : …`). A sending word elsewhere in the text (`Send it to
/// me. We have 12 Hope Lakes left.`) says nothing.
fn sent_to(text: &str, start: usize) -> bool {
    let from = start.saturating_sub(SEND_WINDOW);
    let mut end = skip_blanks_back(text, start);
    if end < start && char_before(text, end) == Some(':') {
        end = skip_blanks_back(text, end - 1);
    }
    let Some(mut at) = (end < start).then(|| word_start(text, end)).flatten() else {
        return false;
    };
    if !text
        .get(at..end)
        .is_some_and(|w| in_list(SEND_PREPOSITIONS, w))
    {
        return false;
    }
    for _ in 0..4 {
        let end = skip_blanks_back(text, at);
        let Some(ws) = (end < at).then(|| word_start(text, end)).flatten() else {
            return false;
        };
        if ws < from {
            return false;
        }
        let word = text.get(ws..end).unwrap_or("");
        let sends = SEND_STEMS.iter().any(|stem| {
            word.get(..stem.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(stem))
        });
        if sends {
            return true;
        }
        at = ws;
    }
    false
}

pub(crate) mod military;

#[cfg(test)]
mod tests;
