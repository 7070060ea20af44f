//! The stable names of everything the engine can find, and the data category each belongs to.
//!
//! Kind names are wire names: they appear in policies, reports, the CLI's JSON lines and audit
//! events, so they never change once published.

use core::fmt;

/// The data category a kind belongs to; consent and roles grant categories, not single kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Ways to reach a person: email, phone, street address.
    Contact,
    /// Payment instruments and accounts.
    Financial,
    /// Identifiers issued by a state: tax, social-security and identity numbers.
    GovernmentId,
    /// Health identifiers and data.
    Health,
    /// Passwords, API keys, tokens and private keys.
    Credentials,
    /// Where a person or device is.
    Location,
    /// Network identifiers: IP and MAC addresses, URLs.
    Network,
    /// Who a person is: name, date of birth.
    Identity,
    /// Device and vehicle identifiers: IMEI, VIN.
    Device,
    /// Kinds defined by a policy's custom patterns.
    Custom,
}

impl Category {
    /// Every category, in wire order.
    pub const ALL: [Category; 10] = [
        Category::Contact,
        Category::Financial,
        Category::GovernmentId,
        Category::Health,
        Category::Credentials,
        Category::Location,
        Category::Network,
        Category::Identity,
        Category::Device,
        Category::Custom,
    ];

    /// The category's wire name.
    pub const fn name(self) -> &'static str {
        match self {
            Category::Contact => "contact",
            Category::Financial => "financial",
            Category::GovernmentId => "government_id",
            Category::Health => "health",
            Category::Credentials => "credentials",
            Category::Location => "location",
            Category::Network => "network",
            Category::Identity => "identity",
            Category::Device => "device",
            Category::Custom => "custom",
        }
    }

    /// Looks a category up by its wire name.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident => $name:literal, $cat:ident, $validated:literal; )*) => {
        /// What a finding is. Built-in kinds have fixed wire names; `Custom(i)` is the policy's i-th
        /// custom pattern, whose name the [`Guard`](crate::Guard) knows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Kind {
            $( $(#[$doc])* $variant, )*
            /// A kind defined by the policy's custom patterns (index into them).
            Custom(u16),
        }

        impl Kind {
            /// Every built-in kind.
            pub const BUILTIN: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The wire name of a built-in kind; `None` for custom kinds.
            pub const fn builtin_name(self) -> Option<&'static str> {
                match self {
                    $( Kind::$variant => Some($name), )*
                    Kind::Custom(_) => None,
                }
            }

            /// The data category of this kind.
            pub const fn category(self) -> Category {
                match self {
                    $( Kind::$variant => Category::$cat, )*
                    Kind::Custom(_) => Category::Custom,
                }
            }

            /// True for kinds whose format carries a checksum or check character that every
            /// finding of the kind has passed.
            pub const fn is_checksum_validated(self) -> bool {
                match self {
                    $( Kind::$variant => $validated, )*
                    Kind::Custom(_) => false,
                }
            }

            /// The position of a built-in kind in [`Kind::BUILTIN`]; `None` for custom kinds.
            /// Inlined: asked for every candidate and finding (a compare and a copy once inlined).
            #[inline(always)]
            pub(crate) const fn builtin_index(self) -> Option<usize> {
                #[allow(non_camel_case_types, clippy::enum_variant_names)]
                enum Index { $( $variant, )* }
                match self {
                    $( Kind::$variant => Some(Index::$variant as usize), )*
                    Kind::Custom(_) => None,
                }
            }

            /// Looks a built-in kind up by its wire name. A search of [`Kind::BUILTIN`] by
            /// [`Kind::builtin_name`] rather than a `match` on the names: the same answer from
            /// the name table the module carries anyway (a string `match` compiled to 1.3 KB of
            /// comparisons in the browser module); only policies and vault imports look names up.
            pub fn from_name(name: &str) -> Option<Kind> {
                Kind::BUILTIN
                    .iter()
                    .copied()
                    .find(|k| k.builtin_name() == Some(name))
            }
        }
    };
}

kinds! {
    /// An email address, also in `name (at) example (dot) com` form.
    Email => "email", Contact, false;
    /// A telephone number in E.164 or a supported national format.
    Phone => "phone", Contact, false;
    /// A postal street address.
    StreetAddress => "street_address", Location, false;
    /// A person's name, found from context (self-introductions, signatures, deny lists).
    Person => "person", Identity, false;
    /// A date with birth context.
    DateOfBirth => "date_of_birth", Identity, false;
    /// A payment card number (Luhn, issuer prefix and length).
    CreditCard => "credit_card", Financial, true;
    /// An International Bank Account Number (ISO 13616 mod 97, per-country length).
    Iban => "iban", Financial, true;
    /// A US ABA routing transit number.
    UsAbaRouting => "us_aba_routing", Financial, true;
    /// A cryptocurrency wallet address (base58check, bech32/bech32m, EIP-55).
    CryptoWallet => "crypto_wallet", Financial, true;
    /// An International Securities Identification Number.
    Isin => "isin", Financial, true;
    /// An IPv4 or IPv6 address.
    IpAddress => "ip_address", Network, false;
    /// A MAC address.
    MacAddress => "mac_address", Network, false;
    /// A URL.
    Url => "url", Network, false;
    /// A device IMEI (Luhn).
    Imei => "imei", Device, true;
    /// A credential: API key, token, password, private key.
    Secret => "secret", Credentials, false;
    /// A passport number (reported only with context).
    Passport => "passport", GovernmentId, false;
    /// US Social Security Number (area, group and serial rules; no check digit).
    UsSsn => "us_ssn", GovernmentId, false;
    /// US Individual Taxpayer Identification Number (area and group ranges; no check digit).
    UsItin => "us_itin", GovernmentId, false;
    /// US National Provider Identifier (health care).
    UsNpi => "us_npi", Health, true;
    /// UK National Insurance number (prefix and suffix rules; no check digit).
    UkNino => "uk_nino", GovernmentId, false;
    /// UK NHS number (mod 11).
    UkNhs => "uk_nhs", Health, true;
    /// Spanish DNI (check letter).
    EsDni => "es_dni", GovernmentId, true;
    /// Spanish NIE (check letter).
    EsNie => "es_nie", GovernmentId, true;
    /// Italian codice fiscale (check character).
    ItFiscalCode => "it_fiscal_code", GovernmentId, true;
    /// French NIR / social security number (key).
    FrNir => "fr_nir", GovernmentId, true;
    /// German tax identification number (Steuer-IdNr, check digit).
    DeTaxId => "de_tax_id", GovernmentId, true;
    /// Dutch BSN (11-proof).
    NlBsn => "nl_bsn", GovernmentId, true;
    /// Polish PESEL.
    PlPesel => "pl_pesel", GovernmentId, true;
    /// Swedish personnummer (Luhn).
    SePersonnummer => "se_personnummer", GovernmentId, true;
    /// Brazilian CPF.
    BrCpf => "br_cpf", GovernmentId, true;
    /// Brazilian CNPJ (company).
    BrCnpj => "br_cnpj", GovernmentId, true;
    /// Indian Aadhaar (Verhoeff).
    InAadhaar => "in_aadhaar", GovernmentId, true;
    /// Indian PAN (structure and holder type; no public check character).
    InPan => "in_pan", GovernmentId, false;
    /// EU VAT identification number (per-country check algorithms).
    EuVat => "eu_vat", GovernmentId, true;
    /// Australian Tax File Number.
    AuTfn => "au_tfn", GovernmentId, true;
    /// Australian Business Number.
    AuAbn => "au_abn", GovernmentId, true;
    /// Canadian Social Insurance Number (Luhn).
    CaSin => "ca_sin", GovernmentId, true;
    /// Swiss AHV/AVS number (EAN-13).
    ChAhv => "ch_ahv", GovernmentId, true;
    /// Belgian national register number.
    BeNn => "be_nn", GovernmentId, true;
    /// Danish CPR number.
    DkCpr => "dk_cpr", GovernmentId, true;
    /// Finnish personal identity code (HETU).
    FiHetu => "fi_hetu", GovernmentId, true;
    /// Norwegian national identity number (fødselsnummer).
    NoFnr => "no_fnr", GovernmentId, true;
    /// Portuguese NIF.
    PtNif => "pt_nif", GovernmentId, true;
    /// Irish PPS number.
    IePps => "ie_pps", GovernmentId, true;
    /// Mexican CURP.
    MxCurp => "mx_curp", GovernmentId, true;
    /// Chilean RUT.
    ClRut => "cl_rut", GovernmentId, true;
    /// Chinese resident identity card number.
    CnRic => "cn_ric", GovernmentId, true;
    /// South Korean resident registration number.
    KrRrn => "kr_rrn", GovernmentId, true;
    /// Singapore NRIC/FIN.
    SgNric => "sg_nric", GovernmentId, true;
    /// South African identity number (Luhn).
    ZaId => "za_id", GovernmentId, true;
    /// Turkish identity number (T.C. Kimlik No).
    TrTckn => "tr_tckn", GovernmentId, true;
    /// Austrian social insurance number.
    AtSvnr => "at_svnr", GovernmentId, true;
    /// Bulgarian personal number (EGN).
    BgEgn => "bg_egn", GovernmentId, true;
    /// Romanian personal numeric code (CNP).
    RoCnp => "ro_cnp", GovernmentId, true;
    /// Croatian personal identification number (OIB, ISO 7064 mod 11,10).
    HrOib => "hr_oib", GovernmentId, true;
    /// Estonian personal identification code (isikukood).
    EeIk => "ee_ik", GovernmentId, true;
    /// Lithuanian personal code (asmens kodas).
    LtAsmens => "lt_asmens", GovernmentId, true;
    /// Czech/Slovak birth number (rodné číslo).
    CzRc => "cz_rc", GovernmentId, true;
    /// Icelandic kennitala.
    IsKennitala => "is_kennitala", GovernmentId, true;
    /// Israeli identity number.
    IlId => "il_id", GovernmentId, true;
    /// Argentine CUIT/CUIL.
    ArCuit => "ar_cuit", GovernmentId, true;
    /// New Zealand IRD number.
    NzIrd => "nz_ird", GovernmentId, true;
    /// Japanese My Number (individual number).
    JpMyNumber => "jp_my_number", GovernmentId, true;
    /// Thai personal identification number.
    ThPin => "th_pin", GovernmentId, true;
    /// Colombian NIT.
    CoNit => "co_nit", GovernmentId, true;
    /// Peruvian RUC.
    PeRuc => "pe_ruc", GovernmentId, true;
    /// Uruguayan cédula de identidad.
    UyCi => "uy_ci", GovernmentId, true;
    /// Latvian personal code.
    LvPk => "lv_pk", GovernmentId, true;
    /// A vehicle identification number (ISO 3779, with the North American check digit).
    Vin => "vin", Device, true;
    /// Greek social security number (AMKA).
    GrAmka => "gr_amka", GovernmentId, true;
    /// Ukrainian individual taxpayer number (РНОКПП).
    UaRntrc => "ua_rntrc", GovernmentId, true;
    /// Unique master citizen number of Serbia, Bosnia and Herzegovina, Montenegro, North
    /// Macedonia (JMBG, ЕМБГ) and Slovenia (EMŠO).
    RsJmbg => "rs_jmbg", GovernmentId, true;
    /// Taiwan national identification number (and the resident certificate number of its form).
    TwId => "tw_id", GovernmentId, true;
    /// Russian insurance number of an individual ledger account (СНИЛС).
    RuSnils => "ru_snils", GovernmentId, true;
    /// Russian taxpayer identification number (ИНН), of a person or an organisation.
    RuInn => "ru_inn", GovernmentId, true;
    /// Greek tax identification number (ΑΦΜ).
    GrAfm => "gr_afm", GovernmentId, true;
    /// Mexican social security number (IMSS NSS).
    MxNss => "mx_nss", GovernmentId, true;
    /// Polish tax identification number (NIP).
    PlNip => "pl_nip", GovernmentId, true;
    /// Polish statistical number of economic units (REGON).
    PlRegon => "pl_regon", GovernmentId, true;
    /// Spanish tax identification code of organisations (CIF).
    EsCif => "es_cif", GovernmentId, true;
    /// US employer identification number (EIN), of an organisation or a sole proprietor.
    UsEin => "us_ein", GovernmentId, false;
    /// Mexican taxpayer registry code (RFC), of a person or an organisation.
    MxRfc => "mx_rfc", GovernmentId, false;
    /// Indian goods and services tax identification number (GSTIN).
    InGstin => "in_gstin", GovernmentId, true;
    /// Spanish social security number (NUSS).
    EsNss => "es_nss", GovernmentId, true;
    /// German pension insurance number (Rentenversicherungsnummer).
    DeRvnr => "de_rvnr", GovernmentId, true;
    /// Indian voter identity card number (EPIC).
    InEpic => "in_epic", GovernmentId, true;
    /// German health insurance number (Krankenversichertennummer).
    DeKvnr => "de_kvnr", GovernmentId, true;
}

/// A detector pack: a group of built-in kinds whose recognizers a build may leave out, so that a
/// browser widget for one region does not ship every country's detectors. Each pack is the Cargo
/// feature of the same name on `chatguard` (and `chatguard-web`); all are in the default feature
/// set, so only a build that asks for fewer (`--no-default-features --features ...`) lacks any.
/// Kinds outside every pack (email, card, IBAN, phone, IP and MAC addresses, URLs) are always
/// built. Kind names stay known in every build: a policy naming a kind whose pack is missing is
/// rejected with an error saying so (see [`crate::Guard::new`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pack {
    /// National and tax identifiers of European countries and the EU VAT number.
    IdsEurope,
    /// National and tax identifiers of the Americas (US, Canada, Latin America), with the US ABA
    /// routing number.
    IdsAmericas,
    /// National and tax identifiers of Asia-Pacific (India, China, Japan, Korea, Singapore,
    /// Thailand, Australia, New Zealand).
    IdsApac,
    /// National identifiers of the Middle East and Africa (Turkey, Israel, South Africa).
    IdsMea,
    /// Credentials: API keys, tokens, passwords, private keys.
    Secrets,
    /// Person names.
    Person,
    /// Street addresses.
    Address,
    /// Dates of birth.
    Dob,
    /// Passport numbers.
    Passport,
    /// Securities and crypto: ISINs and cryptocurrency wallet addresses.
    Finance,
    /// Device and vehicle identifiers: IMEI, VIN.
    Device,
}

impl Pack {
    /// Every pack, in the order of their features in `Cargo.toml`.
    pub const ALL: [Pack; 11] = [
        Pack::IdsEurope,
        Pack::IdsAmericas,
        Pack::IdsApac,
        Pack::IdsMea,
        Pack::Secrets,
        Pack::Person,
        Pack::Address,
        Pack::Dob,
        Pack::Passport,
        Pack::Finance,
        Pack::Device,
    ];

    /// The pack's name: the name of its Cargo feature.
    pub const fn name(self) -> &'static str {
        match self {
            Pack::IdsEurope => "ids-europe",
            Pack::IdsAmericas => "ids-americas",
            Pack::IdsApac => "ids-apac",
            Pack::IdsMea => "ids-mea",
            Pack::Secrets => "secrets",
            Pack::Person => "person",
            Pack::Address => "address",
            Pack::Dob => "dob",
            Pack::Passport => "passport",
            Pack::Finance => "finance",
            Pack::Device => "device",
        }
    }

    /// True when this build carries the pack's recognizers (its feature is on).
    pub const fn is_built(self) -> bool {
        match self {
            Pack::IdsEurope => cfg!(feature = "ids-europe"),
            Pack::IdsAmericas => cfg!(feature = "ids-americas"),
            Pack::IdsApac => cfg!(feature = "ids-apac"),
            Pack::IdsMea => cfg!(feature = "ids-mea"),
            Pack::Secrets => cfg!(feature = "secrets"),
            Pack::Person => cfg!(feature = "person"),
            Pack::Address => cfg!(feature = "address"),
            Pack::Dob => cfg!(feature = "dob"),
            Pack::Passport => cfg!(feature = "passport"),
            Pack::Finance => cfg!(feature = "finance"),
            Pack::Device => cfg!(feature = "device"),
        }
    }
}

impl fmt::Display for Pack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Kind {
    /// The pack that holds this kind's recognizers; `None` for kinds every build finds (email,
    /// card, IBAN, phone, IP and MAC addresses, URLs) and for custom kinds.
    pub const fn pack(self) -> Option<Pack> {
        use Kind::*;
        Some(match self {
            Email | CreditCard | Iban | Phone | IpAddress | MacAddress | Url | Custom(_) => {
                return None
            }
            PlPesel | BeNn | ChAhv | AtSvnr | BgEgn | RoCnp | HrOib | EeIk | LtAsmens | LvPk
            | CzRc | EuVat | UkNino | UkNhs | EsDni | EsNie | ItFiscalCode | FrNir | DeTaxId
            | NlBsn | SePersonnummer | DkCpr | FiHetu | NoFnr | IsKennitala | PtNif | IePps
            | GrAmka | UaRntrc | RsJmbg | RuSnils | RuInn | GrAfm | PlNip | PlRegon | EsCif
            | EsNss | DeRvnr | DeKvnr => Pack::IdsEurope,
            UsSsn | UsItin | UsNpi | UsAbaRouting | CaSin | BrCpf | BrCnpj | MxCurp | ClRut
            | ArCuit | CoNit | PeRuc | UyCi | MxNss | UsEin | MxRfc => Pack::IdsAmericas,
            InAadhaar | InPan | AuTfn | AuAbn | CnRic | KrRrn | SgNric | JpMyNumber | ThPin
            | NzIrd | TwId | InGstin | InEpic => Pack::IdsApac,
            TrTckn | IlId | ZaId => Pack::IdsMea,
            Secret => Pack::Secrets,
            Person => Pack::Person,
            StreetAddress => Pack::Address,
            DateOfBirth => Pack::Dob,
            Passport => Pack::Passport,
            Isin | CryptoWallet => Pack::Finance,
            Imei | Vin => Pack::Device,
        })
    }

    /// True when this build has the recognizers of the kind (its pack, if any, is built).
    pub const fn is_built(self) -> bool {
        match self.pack() {
            Some(pack) => pack.is_built(),
            None => true,
        }
    }
}

impl Kind {
    /// True for kinds that can be written without any ASCII digit (after normalisation): an
    /// email address, a URL, a credential, a name, a MAC or IPv6 address of hex letters. Every
    /// other kind carries digits, so a text without digits skips their recognizers.
    pub(crate) const fn may_lack_digits(self) -> bool {
        matches!(
            self,
            Kind::Email
                | Kind::Url
                | Kind::Secret
                | Kind::Person
                | Kind::StreetAddress
                | Kind::MacAddress
                | Kind::IpAddress
                | Kind::CryptoWallet
                | Kind::ItFiscalCode
                | Kind::Custom(_)
        )
    }

    /// The number of built-in kinds validated by a checksum or check character.
    pub fn validated_count() -> usize {
        Kind::BUILTIN
            .iter()
            .filter(|k| k.is_checksum_validated())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &kind in Kind::BUILTIN {
            let name = kind.builtin_name().expect("builtin has a name");
            assert!(seen.insert(name), "duplicate kind name {name}");
            assert_eq!(Kind::from_name(name), Some(kind));
            assert!(name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
        }
        assert_eq!(Kind::from_name("nope"), None);
    }

    #[test]
    fn builtin_index_is_the_position() {
        for (i, k) in Kind::BUILTIN.iter().enumerate() {
            assert_eq!(k.builtin_index(), Some(i));
        }
        assert_eq!(Kind::Custom(3).builtin_index(), None);
    }

    #[test]
    fn categories_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_name(c.name()), Some(c));
        }
    }
}
