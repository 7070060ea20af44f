//! Street addresses: realistic sentences per locale and rule, and a table of hard negatives.
//! Addresses are well-known public landmarks (Downing Street, the White House, …) or synthetic.

use super::*;
use crate::detect::builtin::tables;

/// The findings a default policy keeps: scan, context, threshold 0.5.
fn found(text: &str) -> tables::Kept<'_> {
    tables::kept(text, scan, CONTEXT)
}

/// (sentence, the address it must yield, rule).
const POSITIVE: &[(&str, &str, &str)] = &[
    // en
    (
        "Send it to 221B Baker Street please.",
        "221B Baker Street",
        RULE_STREET,
    ),
    (
        "The address is 1600 Pennsylvania Avenue NW, Washington, DC 20500.",
        "1600 Pennsylvania Avenue NW, Washington, DC 20500",
        RULE_POSTCODE,
    ),
    (
        "Write to 10 Downing St, London SW1A 2AA today",
        "10 Downing St, London SW1A 2AA",
        RULE_POSTCODE,
    ),
    (
        "I live at 42 Oak Lane, near the park.",
        "42 Oak Lane",
        RULE_STREET,
    ),
    (
        "I live at 123 Church Street.",
        "123 Church Street",
        RULE_STREET,
    ),
    ("Ship to 12 Elm Ave. tomorrow", "12 Elm Ave.", RULE_STREET),
    (
        "Office: 350 5th Avenue, New York, NY 10118",
        "350 5th Avenue, New York, NY 10118",
        RULE_POSTCODE,
    ),
    (
        "ship to 12 St Mary's Road",
        "12 St Mary's Road",
        RULE_STREET,
    ),
    ("deliver to 7 Elm Way tomorrow", "7 Elm Way", RULE_STREET),
    // de / at / ch
    (
        "Ich wohne in der Musterstraße 12.",
        "Musterstraße 12",
        RULE_STREET,
    ),
    (
        "Adresse: Hauptstr. 5a, 10115 Berlin",
        "Hauptstr. 5a, 10115 Berlin",
        RULE_POSTCODE,
    ),
    // USPS suffixes, units after the number, more type-first words (synthetic addresses).
    (
        "my home address is 6447 Gibson Harbors Suite 230",
        "6447 Gibson Harbors Suite 230",
        RULE_STREET,
    ),
    ("ship to 751 Curtis Locks", "751 Curtis Locks", RULE_STREET),
    (
        "indirizzo Incrocio Bembo, 712, grazie",
        "Incrocio Bembo, 712",
        RULE_STREET,
    ),
    (
        "Strada Salvi, 180 Appartamento 55",
        "Strada Salvi, 180 Appartamento 55",
        RULE_STREET,
    ),
    (
        "mi dirección: Callejón de Joaquín Bernat 25",
        "Callejón de Joaquín Bernat 25",
        RULE_STREET,
    ),
    (
        "endereço R. da Ribeira, 89",
        "R. da Ribeira, 89",
        RULE_STREET,
    ),
    (
        "adres Noëlledreef 668, bedankt",
        "Noëlledreef 668",
        RULE_STREET,
    ),
    // Without a house number (synthetic addresses).
    ("endereço: Rua Matos, S/N", "Rua Matos, S/N", RULE_STREET),
    (
        "vivo en Calle Mayor s/n, Madrid",
        "Calle Mayor s/n",
        RULE_STREET,
    ),
    // German streets that open with a preposition (synthetic addresses).
    ("Ich wohne Am Markt 5.", "Am Markt 5", RULE_STREET),
    (
        "Lieferadresse: An der Alster 12, 20099 Hamburg",
        "An der Alster 12, 20099 Hamburg",
        RULE_POSTCODE,
    ),
    (
        "Meine Adresse ist Am Alten Markt 3a",
        "Am Alten Markt 3a",
        RULE_STREET,
    ),
    (
        "wohnhaft Zum Hafen 2, 24103 Kiel",
        "Zum Hafen 2, 24103 Kiel",
        RULE_POSTCODE,
    ),
    (
        "Lieferadresse: Berliner Straße 12\n10115 Berlin",
        "Berliner Straße 12\n10115 Berlin",
        RULE_POSTCODE,
    ),
    (
        "Wir sind in der Karl-Marx-Allee 90, 10243 Berlin",
        "Karl-Marx-Allee 90, 10243 Berlin",
        RULE_POSTCODE,
    ),
    (
        "Bahnhofstrasse 1, CH-8001 Zürich",
        "Bahnhofstrasse 1, CH-8001 Zürich",
        RULE_POSTCODE,
    ),
    (
        "Stephansplatz 3, 1010 Wien",
        "Stephansplatz 3, 1010 Wien",
        RULE_POSTCODE,
    ),
    // fr
    (
        "J'habite au 12 rue de la Paix, 75002 Paris.",
        "12 rue de la Paix, 75002 Paris",
        RULE_POSTCODE,
    ),
    (
        "Rendez-vous au 8 boulevard Haussmann.",
        "8 boulevard Haussmann",
        RULE_STREET,
    ),
    (
        "adresse : 15, avenue des Champs-Élysées",
        "15, avenue des Champs-Élysées",
        RULE_STREET,
    ),
    (
        "Livraison au 3 chemin des Vignes, 69000 Lyon",
        "3 chemin des Vignes, 69000 Lyon",
        RULE_POSTCODE,
    ),
    (
        "Avenue Louise 54, 1050 Bruxelles",
        "Avenue Louise 54, 1050 Bruxelles",
        RULE_POSTCODE,
    ),
    // es
    (
        "Mi dirección es Calle de Alcalá 42, 28014 Madrid.",
        "Calle de Alcalá 42, 28014 Madrid",
        RULE_POSTCODE,
    ),
    ("Vivo en C/ Mayor 5, 3º B.", "C/ Mayor 5", RULE_STREET),
    (
        "Enviar a Avda. de América 10",
        "Avda. de América 10",
        RULE_STREET,
    ),
    (
        "La oficina está en Paseo de la Castellana 100",
        "Paseo de la Castellana 100",
        RULE_STREET,
    ),
    (
        "Nos vemos en la Plaza Mayor 1, 28012 Madrid",
        "Plaza Mayor 1, 28012 Madrid",
        RULE_POSTCODE,
    ),
    // it
    (
        "Indirizzo: Via del Corso 12, 00186 Roma",
        "Via del Corso 12, 00186 Roma",
        RULE_POSTCODE,
    ),
    ("Abito in via Garibaldi 7.", "via Garibaldi 7", RULE_STREET),
    (
        "Viale Trastevere 45, Roma",
        "Viale Trastevere 45",
        RULE_STREET,
    ),
    (
        "Ci vediamo in Piazza Navona 1",
        "Piazza Navona 1",
        RULE_STREET,
    ),
    (
        "La sede è in corso Vittorio Emanuele 21",
        "corso Vittorio Emanuele 21",
        RULE_STREET,
    ),
    // nl
    (
        "Ons kantoor: Damrak 1, 1012 LG Amsterdam",
        "Damrak 1, 1012 LG Amsterdam",
        RULE_POSTCODE,
    ),
    (
        "Ik woon op de Kalverstraat 92.",
        "Kalverstraat 92",
        RULE_STREET,
    ),
    (
        "Herengracht 50, 1015 BN Amsterdam",
        "Herengracht 50, 1015 BN Amsterdam",
        RULE_POSTCODE,
    ),
    (
        "Laan van Meerdervoort 5, Den Haag",
        "Laan van Meerdervoort 5",
        RULE_STREET,
    ),
    ("bezorgen op Stationsweg 3", "Stationsweg 3", RULE_STREET),
    // pt / br
    (
        "Moro na Rua Augusta 100, Lisboa",
        "Rua Augusta 100",
        RULE_STREET,
    ),
    (
        "Endereço: Av. Paulista, 1578 - São Paulo",
        "Av. Paulista, 1578 - São Paulo",
        RULE_STREET,
    ),
    (
        "Avenida da Liberdade 110, 1250-146 Lisboa",
        "Avenida da Liberdade 110, 1250-146 Lisboa",
        RULE_POSTCODE,
    ),
    (
        "Rua Oscar Freire 379, 01426-001 São Paulo",
        "Rua Oscar Freire 379, 01426-001 São Paulo",
        RULE_POSTCODE,
    ),
    // ranges, units, bare US/UK streets with a state and ZIP or postcode (synthetic)
    (
        "Wilhelmplatz 8/4, 7563 Bruck an der Leitha",
        "Wilhelmplatz 8/4, 7563 Bruck an der Leitha",
        RULE_POSTCODE,
    ),
    (
        "Lieferung an Hauptstraße 2-4, 10115 Berlin",
        "Hauptstraße 2-4, 10115 Berlin",
        RULE_POSTCODE,
    ),
    (
        "6507 Jackson Crescent Suite 34, Lake John, MO 65579",
        "6507 Jackson Crescent Suite 34, Lake John, MO 65579",
        RULE_POSTCODE,
    ),
    (
        "Visit 1 Infinite Loop, Cupertino, CA 95014.",
        "1 Infinite Loop, Cupertino, CA 95014",
        RULE_POSTCODE,
    ),
    (
        "mail it to 12 Acacia Hill, Springfield, IL 62704",
        "12 Acacia Hill, Springfield, IL 62704",
        RULE_POSTCODE,
    ),
    (
        "4 Kirby Lights, Danielmouth, DA9 7BH",
        "4 Kirby Lights, Danielmouth, DA9 7BH",
        RULE_POSTCODE,
    ),
    (
        "Hannahbaan 8, 9590NC, Colmschate",
        "Hannahbaan 8, 9590NC, Colmschate",
        RULE_POSTCODE,
    ),
    ("Vivo en C. de Alcalá 8.", "C. de Alcalá 8", RULE_STREET),
    // The rest of USPS Publication 28 (weak: a unit, a preposition or an address word supports
    // them), a type inside the name, French punctuation after a space (synthetic addresses).
    (
        "I live at 582 Smith Cape Apt. 707",
        "582 Smith Cape Apt. 707",
        RULE_STREET,
    ),
    (
        "ship to 88 Ruth Mountains",
        "88 Ruth Mountains",
        RULE_STREET,
    ),
    (
        "Please ship it to 14 Rice Brook, thanks.",
        "14 Rice Brook",
        RULE_STREET,
    ),
    (
        "could you mail the keys to 7 Garcia Orchard?",
        "7 Garcia Orchard",
        RULE_STREET,
    ),
    // A bare name and number (no street type) right after an address phrase, ending its clause.
    ("My address is Orvokkitie 12.", "Orvokkitie 12", RULE_STREET),
    ("Address: Herfsttuin 3", "Herfsttuin 3", RULE_STREET),
    ("I live at Piesočná 4 since May.", "Piesočná 4", RULE_STREET),
    (
        "My address is 21 Katherine Trailer",
        "21 Katherine Trailer",
        RULE_STREET,
    ),
    ("address: Italia 90", "Italia 90", RULE_STREET),
    (
        "We flew to Australia 2 times; address: Amelia 5",
        "Amelia 5",
        RULE_STREET,
    ),
    // A flat before a street still reads number first.
    (
        "My address is Studio 87, Smith Ridges",
        "Studio 87, Smith Ridges",
        RULE_STREET,
    ),
    (
        "Ship it to Brekkeflata 98, 7719 Abrahamsen",
        "Brekkeflata 98, 7719 Abrahamsen",
        RULE_POSTCODE,
    ),
    (
        "envíalo a Rambla de Eulalia Correa 43",
        "Rambla de Eulalia Correa 43",
        RULE_STREET,
    ),
    (
        "Torsten-Ritter-Ring 2",
        "Torsten-Ritter-Ring 2",
        RULE_STREET,
    ),
    (
        "Send it to 7 Garcia Orchard Suite 4",
        "7 Garcia Orchard Suite 4",
        RULE_STREET,
    ),
    (
        "I live at 500 Lake Shore Drive.",
        "500 Lake Shore Drive",
        RULE_STREET,
    ),
    (
        "c'est quoi le souci avec adresse 36, chemin Audrey Delannoy ?",
        "36, chemin Audrey Delannoy",
        RULE_STREET,
    ),
    (
        "indirizzo Vicolo Stefano, 58, 80054, Caprile (NA)",
        "Vicolo Stefano, 58, 80054, Caprile",
        RULE_POSTCODE,
    ),
    // pt-BR logradouros, with a bairro between the street and the CEP.
    (
        "Endereço: Ladeira Mendonça, 60",
        "Ladeira Mendonça, 60",
        RULE_STREET,
    ),
    ("moro no Jardim Cunha, 42", "Jardim Cunha, 42", RULE_STREET),
    (
        "Favela Aragão, 38, Casa Branca, 72679-496 Vasconcelos do Galho / TO",
        "Favela Aragão, 38, Casa Branca, 72679-496 Vasconcelos do Galho / TO",
        RULE_POSTCODE,
    ),
    (
        "Endereço: Morro Pimenta, 482, Cruzeiro, 90312379 Sampaio Alegre / MT",
        "Morro Pimenta, 482, Cruzeiro, 90312379 Sampaio Alegre / MT",
        RULE_POSTCODE,
    ),
    // sv, da, no: compound suffixes; Danish `Allé` as a word of its own.
    (
        "Jag bor på Storgatan 77, 62355 Sundsvall",
        "Storgatan 77, 62355 Sundsvall",
        RULE_POSTCODE,
    ),
    ("adress: Ekgränd 2", "Ekgränd 2", RULE_STREET),
    ("Skolvägen 669", "Skolvägen 669", RULE_STREET),
    ("Jeg bor på Lyngbyvej 883", "Lyngbyvej 883", RULE_STREET),
    ("adresse: Havnegade 87", "Havnegade 87", RULE_STREET),
    ("adresse: Rahbeks Allé 1", "Rahbeks Allé 1", RULE_STREET),
    (
        "Kirkeveien 3, 0155 Oslo",
        "Kirkeveien 3, 0155 Oslo",
        RULE_POSTCODE,
    ),
    // no: a name and a word for a place (synthetic, Faker-style), with an address word, a sending
    // phrase or a postcode; Faker pads house numbers with zeros.
    ("I live at Lundskogen 4.", "Lundskogen 4", RULE_STREET),
    ("Address: Paulsenlia 2C", "Paulsenlia 2C", RULE_STREET),
    (
        "Please ship it to Eliassenstien 3, thanks.",
        "Eliassenstien 3",
        RULE_STREET,
    ),
    ("adresse: Vikringen 7", "Vikringen 7", RULE_STREET),
    // Galician `Rúa` (synthetic, mimesis-style).
    (
        "Please ship it to Rúa Escura, 970.",
        "Rúa Escura, 970",
        RULE_STREET,
    ),
    // A sending label says what its value is as `Address:` does (synthetic, mimesis-style).
    ("Deliver to: Dovenetel 1190", "Dovenetel 1190", RULE_STREET),
    ("Ship to: 317 Bellister Av", "317 Bellister Av", RULE_STREET),
    (
        "Aunegjerdet 00, 9815 Sindreodden",
        "Aunegjerdet 00, 9815 Sindreodden",
        RULE_POSTCODE,
    ),
    (
        "My address is Fabriksgatan 07, 63645 Lidingö",
        "Fabriksgatan 07, 63645 Lidingö",
        RULE_POSTCODE,
    ),
    (
        "I live at 034 Gonzalez Summit Apt. 337.",
        "034 Gonzalez Summit Apt. 337",
        RULE_STREET,
    ),
    // Streets without a house number, right after an address or sending phrase.
    ("My address is rue Thomas.", "rue Thomas", RULE_STREET),
    (
        "Bonjour, adresse boulevard Raymond, merci",
        "boulevard Raymond",
        RULE_STREET,
    ),
    ("Address: avenue de Parent", "avenue de Parent", RULE_STREET),
    (
        "J'habite boulevard Denise Jourdan.",
        "boulevard Denise Jourdan",
        RULE_STREET,
    ),
    (
        "Please ship it to chemin Anouk Morvan, thanks.",
        "chemin Anouk Morvan",
        RULE_STREET,
    ),
    (
        "J’habite impasse de la Gare, 75002 Paris",
        "impasse de la Gare, 75002 Paris",
        RULE_POSTCODE,
    ),
    (
        "I live at Rua Olivia Ramos.",
        "Rua Olivia Ramos",
        RULE_STREET,
    ),
    // Faker's `address()` with the postcode and city on lines of their own.
    (
        "Address: Amirastraat 6\n9697 HZ\nAppelscha",
        "Amirastraat 6\n9697 HZ\nAppelscha",
        RULE_POSTCODE,
    ),
    (
        "I live at 12 Grace Road\nGillside\nTF7W 3AZ.",
        "12 Grace Road\nGillside\nTF7W 3AZ",
        RULE_POSTCODE,
    ),
    // Australian types; Finnish and Flemish suffixes (synthetic, Faker-style).
    (
        "I live at 88 Nicole Roadway.",
        "88 Nicole Roadway",
        RULE_STREET,
    ),
    (
        "Address: 5 Angela Frontage",
        "5 Angela Frontage",
        RULE_STREET,
    ),
    (
        "I live at Nelikkobulevardi 1.",
        "Nelikkobulevardi 1",
        RULE_STREET,
    ),
    ("osoite: Winqvistinkuja 5", "Winqvistinkuja 5", RULE_STREET),
    ("My address is Hämeentie 3", "Hämeentie 3", RULE_STREET),
    ("I live at Thomaslei 77.", "Thomaslei 77", RULE_STREET),
    // After a moving verb, as after a sending one (synthetic, Faker-style streets).
    (
        "Our office moved to 310 Cole Valleys, London.",
        "310 Cole Valleys",
        RULE_STREET,
    ),
    (
        "We are relocating to 5 Cheryl Orchard next month",
        "5 Cheryl Orchard",
        RULE_STREET,
    ),
    // A flat or house-number mark before a number-first street; a sending phrase before it.
    (
        "Please ship it to Flat 76f, Ball Plaza, thanks.",
        "Flat 76f, Ball Plaza",
        RULE_STREET,
    ),
    (
        "Please ship it to Studio 15G, McCarthy Viaduct",
        "Studio 15G, McCarthy Viaduct",
        RULE_STREET,
    ),
    (
        "My address is H.No. 622, Mohan",
        "H.No. 622, Mohan",
        RULE_STREET,
    ),
    // pl: the type first, the number (often `56/19`) last, `NN-NNN` postcodes.
    (
        "mieszkam przy ul. Lwowska 56/19",
        "ul. Lwowska 56/19",
        RULE_STREET,
    ),
    (
        "al. Sowia 93/28, 19-225 Tarnobrzeg",
        "al. Sowia 93/28, 19-225 Tarnobrzeg",
        RULE_POSTCODE,
    ),
    ("aleja Kolejowa 8", "aleja Kolejowa 8", RULE_STREET),
    (
        "plac Kazimierza Wielkiego 79/94",
        "plac Kazimierza Wielkiego 79/94",
        RULE_STREET,
    ),
    // en-IN: `Marg`, `Chowk`, `Nagar`; a six-digit PIN after the city.
    (
        "address: 42/174, Sawhney Marg",
        "42/174, Sawhney Marg",
        RULE_STREET,
    ),
    (
        "H.No. 44, Sheth Nagar, Hosur 850166",
        "H.No. 44, Sheth Nagar, Hosur 850166",
        RULE_POSTCODE,
    ),
    (
        "806, Kashyap Chowk, Bhimavaram-059981",
        "806, Kashyap Chowk, Bhimavaram-059981",
        RULE_POSTCODE,
    ),
    (
        "Strada Statale 12, 38020 Cloz",
        "Strada Statale 12, 38020 Cloz",
        RULE_POSTCODE,
    ),
    // Session 13 (synthetic): types after the name, more type-first languages, Cyrillic and
    // Greek, Czech and Slovak adjectives, units in a row, streets written number first.
    (
        "Szállítási cím: Szabadság utca 12., H-1051 Budapest",
        "Szabadság utca 12., H-1051 Budapest",
        RULE_POSTCODE,
    ),
    ("A címem: Petőfi tér 5.", "Petőfi tér 5", RULE_STREET),
    (
        "Moj naslov je Tomačevska cesta 98.",
        "Tomačevska cesta 98",
        RULE_STREET,
    ),
    (
        "Lähetä se osoitteeseen Eerik Pyhän tie 53, 27750 Joutsa.",
        "Pyhän tie 53, 27750 Joutsa",
        RULE_POSTCODE,
    ),
    (
        "I live at Wäinö Aaltosen polku 604.",
        "Aaltosen polku 604",
        RULE_STREET,
    ),
    (
        "Osoitteeni on Capellan puistobulevardi 4",
        "Capellan puistobulevardi 4",
        RULE_STREET,
    ),
    // Session 17 (synthetic): Brazilian streets without a number after an address phrase.
    (
        "Meu endereço é Alameda Fogaça",
        "Alameda Fogaça",
        RULE_STREET,
    ),
    (
        "Please ship it to Chácara de Oliveira.",
        "Chácara de Oliveira",
        RULE_STREET,
    ),
    // Session 17 (synthetic): Faker's Indian house numbers with the street on the next line.
    (
        "My address is 54/22\nNigam Nagar",
        "54/22\nNigam Nagar",
        RULE_STREET,
    ),
    (
        "Please ship it to 92\nSridhar Marg.",
        "92\nSridhar Marg",
        RULE_STREET,
    ),
    (
        "Address: H.No. 51\nMane Road",
        "H.No. 51\nMane Road",
        RULE_STREET,
    ),
    // Session 17 (synthetic): Australian types that are ordinary words, after a sending phrase
    // or an address word; the unit's number before the house number.
    (
        "Please ship it to 224 Ali Reserve.",
        "224 Ali Reserve",
        RULE_STREET,
    ),
    ("My address is 5 Kyle Gate", "5 Kyle Gate", RULE_STREET),
    (
        "Please ship it to Flat 93 364 Sabrina Walk.",
        "Flat 93 364 Sabrina Walk",
        RULE_STREET,
    ),
    (
        "Please ship it to Apt. 329 92 Katherine Cruiseway.",
        "Apt. 329 92 Katherine Cruiseway",
        RULE_STREET,
    ),
    (
        "Teslimat adresi: Butuk Caddesi 13",
        "Butuk Caddesi 13",
        RULE_STREET,
    ),
    (
        "Adresa mea este Bulevardul Voinea Nr. 36 Bl. 20 Sc. 3 Ap. 83.",
        "Bulevardul Voinea Nr. 36 Bl. 20 Sc. 3 Ap. 83",
        RULE_STREET,
    ),
    (
        "Adresa mea este Strada Dima Nr. 42.",
        "Strada Dima Nr. 42",
        RULE_STREET,
    ),
    (
        "Envíalo a Circuito Carvajal 776 Interior 317, gracias.",
        "Circuito Carvajal 776 Interior 317",
        RULE_STREET,
    ),
    (
        "Мой адрес: пер. Светлый, д. 2 к. 7.",
        "пер. Светлый, д. 2 к. 7",
        RULE_STREET,
    ),
    (
        "Моя адреса: Вулиця Художника Федорова, буд. 63 кв. 15.",
        "Вулиця Художника Федорова, буд. 63 кв. 15",
        RULE_STREET,
    ),
    (
        "Η διεύθυνσή μου είναι Λεωφόρος Χράνων 636.",
        "Λεωφόρος Χράνων 636",
        RULE_STREET,
    ),
    (
        "Η διεύθυνσή μου είναι Βράσκου 14, 74068 Ρόδος.",
        "Βράσκου 14, 74068 Ρόδος",
        RULE_POSTCODE,
    ),
    ("Doručovací adresa: Plzeňská 70", "Plzeňská 70", RULE_STREET),
    (
        "S pozdravem Jan, Drahanská 15, 298 02 Železný Brod",
        "Drahanská 15, 298 02 Železný Brod",
        RULE_POSTCODE,
    ),
    ("Moje adresa je Na Topolce 2.", "Na Topolce 2", RULE_STREET),
    (
        "Address: 12 Evans Ports, South Davidville, NB H7R 9L9",
        "12 Evans Ports, South Davidville, NB H7R 9L9",
        RULE_POSTCODE,
    ),
    (
        "Ship to 26 Foster Retreat, West Danielle, WA, 7963",
        "26 Foster Retreat, West Danielle, WA, 7963",
        RULE_POSTCODE,
    ),
    (
        "Minu aadress on 232 Mäekõrtsi maantee",
        "232 Mäekõrtsi maantee",
        RULE_STREET,
    ),
    (
        "Il mio indirizzo è 735 Via Turno.",
        "735 Via Turno",
        RULE_STREET,
    ),
    (
        "Livraison : 681 rang Georges",
        "681 rang Georges",
        RULE_STREET,
    ),
];

/// Sentences without a street address.
const NEGATIVE: &[&str] = &[
    "Meet me on Main Street.",
    // A Brazilian type with no address or sending phrase before it.
    "Passei pela Alameda Fogaça ontem.",
    // A number alone on its line with nothing naming an address before it.
    "We sold 3\nMain Road tickets today.",
    // A plain type after a preposition alone.
    "see you at 12 Main Gate at noon",
    "I have 3 4 Main Gates",
    // Moving verbs before numbers that are no address.
    "The meeting moved to 3 Conference Room B.",
    "We moved to 2 Factor Authentication last year.",
    "Shares moved to 52 Week High today.",
    "Get your kicks on Route 66.",
    "There are 3 avenues of approach to consider.",
    "We climbed the Via Ferrata last summer.",
    "The train leaves from platform 9.",
    "Monday, 5 May 2025",
    "Windows 10 and iPhone 15 are supported.",
    "Read chapter 3 and section 5.",
    "I installed it via Python 3 yesterday.",
    "Sent via Slack 2 times already.",
    "Ich bin auf Platz 1 gelandet.",
    "Street Fighter 2 is a classic.",
    "Sunset Boulevard 1950 was a great film.",
    "He reads the 42 Wall Street Journal daily.",
    "It takes 5 minutes by car.",
    "Version 2, 10000 Users",
    "Apollo 13 launched in 1970.",
    "Terminal 5 at Heathrow.",
    "Room 101 is upstairs.",
    "Il corso Python 3 inizia lunedì.",
    "Highway 101 was closed.",
    "Order 12345 shipped on 12/05/2024.",
    "Total: 1.578 EUR",
    "at 10:30 in Room 4",
    "Rue 21 is a store.",
    "Top 10 Best Places to visit",
    "Chapter 10, Seattle WA 98101",
    "Call 555-1234 now.",
    "See pages 12-14 for details.",
    "Deadline 12/05/2024 for the Main Street office.",
    "Windows 10, Redmond, WA 98052",
    "The 3 Musketeers, Paris, 1844",
    "Python 3.12 released",
    "Step 2, 10000 Iterations",
    "Im Jahr 2020 war alles anders.",
    "Canale 5 ha trasmesso il film.",
    "We hiked 3 Blue Ridge trails and 2 Pine Valley loops.",
    "R. Smith 12 wrote the report.",
    "Il piano 2 è chiuso.",
    "The S/N ratio was fine, see Table s/n.",
    "Am Montag 5 Uhr passt gut.",
    "I am Batman 2 times a week.",
    "In Berlin 3 Tage bleiben",
    // Street types that are ordinary words, without anything that makes them an address.
    "Park 3 cars behind the shop.",
    "Lake 2 is closed for swimming.",
    "Garden 12 items are on sale.",
    "We stock 3 Blue Lights and 2 Red Keys.",
    "Top 10 Lake Resorts this year",
    "Renegade 2 is out now.",
    "The Brigade 2 left at dawn.",
    "Smith et al. Nature 12, 2019",
    "Quadra 5 está reservada.",
    "Feira Expo 2024 abre amanhã.",
    "Vale 2 euros.",
    "Campo Grande 3 x 1 Palmeiras",
    "Chapter 3 Central Park",
    "Order 12 Smith Cape Cod chips",
    "Pl. 12, Tabela 3",
    "Send it to me. We have 16x Stuart Light left.",
    "Mail it to Anna. Allé 92 sats.",
    "Send it to me. We have 12 Hope Lakes left.",
    "I sent it, to 3 Blue Lakes fans",
    "We met 3 Ravi Nagar fans today.",
    "Zila 4 results were announced.",
    "Praia 3 dias, Vila 2 noites",
    // Norwegian place words ending other names; a preposition alone does not support them.
    "We met at Copenhagen 2 years ago and again in Schengen 2 weeks later.",
    "Back at Copenhagen 2, Malmö 1 after the break.",
    "Wahl in Thüringen 2024",
    "in Schengen 2",
    "My address is Springen 17B Rad gelb.",
    // An address word near them, but no address phrase right before (which makes any bare name
    // and number a street, see `POSITIVE`).
    "We flew to Australia 2 times; address book: Amelia 5",
    "adresse chez Sébastien 3",
    "address book: Italia 90",
    "Kari Nordhagen 45 og Ola Bakken 12",
    "address book: Moen 2024",
    // Zero-padded numbers only with a street type and an address word, a sending phrase or a
    // postcode.
    "Agent 007 and Room 007, Route 066",
    "Meet at 0930 Park Avenue tomorrow.",
    "The 007 Bond Street film",
    "Bäckgatan 07",
    "address book: Galilei 3, Christie 5",
    // A bare name and number after an address phrase, but running on, or after a sending
    // phrase only.
    "My address is Piesočná 4 Rad gelb.",
    "I live at Orvokkitie 12 14 days a year.",
    "Please forward it to Sprint 12.",
    "Mail it to Azure 365",
    "Please send the report to Team 5 by Monday.",
    // A street type without a number, not right after an address phrase.
    "You'll rue the day, Thomas.",
    "The avenue Foch café is nice; my address is on the card.",
    "Address: Avenue Q was a musical",
    "I live at avenue of approach",
    "We will rue Thomas forever",
    "2011 Ortiz River She drive",
    "My address: 2011 Ortiz River She drive home",
    "I met 3 Grand Parade fans",
    "See Flat 3, Tracey Station in the brochure",
    "H.No. 5 is the best, H.No. 622, Mohan",
    // Session 13 (synthetic): street words and numbers that are no address.
    "Az utca 5 perc sétára van.",
    "We moved to 3 Via Roma fans",
    "I read Supernova 2 twice.",
    "V Praze 5 let.",
    "Bow tie 5 dollars",
    "Diagonal 4 cm",
    "Buy 3 Hauptstraße maps",
    "Η λεωφόρος είναι 5 χιλιόμετρα.",
    "Улица длиной 5 км.",
];

#[test]
fn positive_sentences_yield_the_address() {
    tables::positives_yield(POSITIVE, found);
}

#[test]
fn hard_negatives_yield_nothing() {
    tables::negatives_yield_nothing(NEGATIVE, found);
}

#[test]
fn precision_on_own_tables() {
    tables::precision_and_recall(POSITIVE, NEGATIVE, found);
}

#[test]
fn every_finding_is_opened_by_a_trigger_word() {
    tables::opened_by_triggers(POSITIVE, scan);
}

#[test]
fn weak_types_need_support() {
    let hay = Hay::new("Via Roma 10");
    let mut out = Vec::new();
    scan(&hay, &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].score, Score::from_milli(450));
    assert_eq!(
        found("indirizzo: Via Roma 10"),
        [("Via Roma 10", RULE_STREET)]
    );
}

#[test]
fn plurals_of_types_are_weak() {
    for text in [
        "12 Smith Lakes",
        "7 Oak Streets",
        "3 Elm Boulevards",
        "9 Ruth Mountains",
    ] {
        let hay = Hay::new(text);
        let mut out = Vec::new();
        scan(&hay, &mut out);
        assert_eq!(out.len(), 1, "{text}");
        assert_eq!(out[0].score, Score::from_milli(450), "{text}");
    }
    assert_eq!(en_type("Lakes"), Some(Strength::Weak));
    assert_eq!(en_type("Street"), Some(Strength::Strong));
    assert_eq!(en_type("Cars"), None);
}

#[test]
fn postcodes() {
    assert_eq!(uk_postcode("SW1A 2AA", 0), Some(8));
    assert_eq!(uk_postcode("M1 1AE,", 0), Some(6));
    assert_eq!(uk_postcode("SW1A 2AAA", 0), None);
    assert_eq!(region_postcode("DC 20500-0003", 0), Some(13));
    // Synthetic Canadian and Australian provinces and postcodes.
    assert_eq!(region_postcode("ON K1A 0B1 x", 0), Some(10));
    assert_eq!(region_postcode("NB H7R9L9.", 0), Some(9));
    assert_eq!(region_postcode("VIC, 2910", 0), Some(9));
    assert_eq!(region_postcode("NSW 20500", 0), None);
    assert_eq!(region_postcode("ON K1A 0B", 0), None);
    assert_eq!(postcode("1012 LG x", 0), Some((7, true)));
    assert_eq!(postcode("1012LG x", 0), Some((6, true)));
    assert_eq!(postcode("D-10115 B", 0), Some((7, false)));
    assert_eq!(postcode("123456", 0), None);
    assert_eq!(postcode("19-225 T", 0), Some((6, false)));
    assert_eq!(postcode("19-2250", 0), None);
    assert_eq!(postcode("54407554 M", 0), Some((8, false)));
    assert_eq!(indian_pin(" 850166", 0), Some(7));
    assert_eq!(indian_pin("-059981,", 0), Some(7));
    assert_eq!(indian_pin(" 8501667", 0), None);
    assert_eq!(state_after(" / SP", 0), 5);
    assert_eq!(state_after(" / SPX", 0), 0);
    // Eight bare digits are a CEP only with the state after the city.
    assert!(postcode_and_city("54407554 Moreira / AC", 0).is_some());
    assert!(postcode_and_city("54407554 Moreira", 0).is_none());
}

#[test]
fn trigger_words_are_lowercase() {
    for w in TRIGGER_WORDS {
        assert_eq!(*w, w.to_lowercase(), "{w}");
    }
}

#[test]
fn hostile_input_does_not_panic() {
    let long = "Calle ".to_owned() + &"Ab ".repeat(2000) + "5";
    for text in [
        "1",
        "1 ",
        "1a",
        "Straße 1",
        "é1 é",
        "12 rue",
        "12 rue ",
        "Calle 5",
        ", 5",
        "nº 5",
        "5 5th",
        "5 5",
        "Via Roma 1, ",
        "Via Roma 1 - ",
        "Damrak 1, 1012 L",
        "10 Downing St, London SW1A",
        long.as_str(),
    ] {
        let _ = found(text);
    }
}

#[test]
fn every_type_before_a_name_is_a_stream_trigger() {
    // The stream redactor holds one word before a trigger: a street whose type comes first
    // (`Calle de Alcalá 42`) or after an adjective (`Frankfurter Allee 3`) starts at or one word
    // before its type, so the type word itself must be a trigger.
    let types = super::TYPE_FIRST
        .words()
        .map(|(w, _)| w)
        .chain(super::DE_TYPES.iter().copied())
        // A type after one name word (`Tomačevska cesta 98`).
        .chain(super::AFTER_NAME.words().map(|(w, _)| w))
        // A street without a number starts at its type.
        .chain(super::UNNUMBERED_TYPES.iter().copied());
    let missing: Vec<&str> = types
        .filter(|w| !crate::stream::is_builtin_trigger(w))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn number_marks_fit_the_window_searched_before_a_house_number() {
    // `before_number` looks for the space before a mark only this far back.
    for mark in NUMBER_MARKS {
        assert!(mark.len() < MARK_WINDOW, "{mark} is longer than the window");
    }
    // The mark is read the same after a long run without spaces.
    let short = " Calle Mayor núm. 5, 28013 Madrid";
    let glued = "x".repeat(100_000) + short;
    assert!(!found(short).is_empty());
    assert_eq!(found(short), found(&glued));
}

/// The groups `scan` passes over inside a number, or reads one way only, hold no address the
/// other way: every number group of the eval sets, the corpus, the haystacks and numbers next to
/// street words (synthetic), read both ways, gives what `scan` reads.
#[test]
fn skipped_readings_find_nothing() {
    let mut texts = crate::detect::needs_tests::texts();
    for street in [
        "Baker Street",
        "rue de la Paix",
        "Hauptstraße",
        "Calle Mayor",
        "5th Avenue",
    ] {
        for numbers in [
            "12 3456",
            "1234 5678 9012",
            "12 345 Berlin",
            "221 4567 London",
            "3 45",
        ] {
            texts.push(format!("{street} {numbers}"));
            texts.push(format!("{numbers} {street}"));
        }
    }
    let mut compared = 0;
    for text in &texts {
        let hay = Hay::new(text);
        for run in hay.numbers.iter().filter(|r| !r.plus) {
            for (g, &(s, e)) in run.groups.iter().enumerate() {
                if g > 0 && text.as_bytes().get(s - 1) != Some(&b' ') {
                    continue;
                }
                let street_before = g == 0;
                let street_after = !(text.as_bytes().get(e) == Some(&b' ')
                    && run.groups.get(g + 1).is_some_and(|&(ns, ne)| ne - ns >= 4));
                let both = at_number(text, s, e, true, true).map(|f| (f.start, f.end, f.rule));
                let read = at_number(text, s, e, street_before, street_after)
                    .map(|f| (f.start, f.end, f.rule));
                assert_eq!(read, both, "{text:?} at {s}..{e}");
                compared += 1;
            }
        }
    }
    assert!(compared > 10_000, "{compared}");
}

/// The lookup of a type word answers as reading every word of the lists would: the bits of a
/// table never hide one of its words, in any ASCII case, with or without a trailing `.`/`/`.
#[test]
fn type_bits_never_hide_a_listed_word() {
    let read_all = |table: &Types, bare: &str, full: &str| {
        table
            .words()
            .find(|(w, _)| {
                w.eq_ignore_ascii_case(full)
                    || bare.len() != full.len() && w.eq_ignore_ascii_case(bare)
            })
            .map(|(_, s)| s)
    };
    let tables = [&FR_TYPES, &TYPE_FIRST, &SUFFIXES, &AFTER_NAME];
    let mut probes: Vec<String> = ["and", "also", "or", "euros", "Main", "x", "", "é", "ÉTAGE"]
        .iter()
        .map(|w| w.to_string())
        .collect();
    for table in tables {
        for (w, _) in table.words() {
            let mut capitalised = w.to_string();
            if let Some(first) = capitalised.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            probes.extend([w.to_string(), w.to_ascii_uppercase(), capitalised]);
            // Near misses: one byte more or less.
            probes.push(format!("{w}s"));
            probes.push(w.chars().skip(1).collect());
        }
    }
    let mut held = 0;
    for table in tables {
        for probe in &probes {
            for full in [probe.clone(), format!("{probe}."), format!("{probe}/")] {
                let bare = full.strip_suffix(['.', '/']).unwrap_or(&full).to_string();
                let expected = read_all(table, &bare, &full);
                assert_eq!(type_of(table, &bare, &full), expected, "{full:?}");
                held += usize::from(expected.is_some());
            }
        }
    }
    assert!(held > 100, "{held}");
}

/// `before_number` reads a mark only when its first byte is one of [`MARK_FIRST_BYTES`].
#[test]
fn every_number_mark_opens_with_a_mark_first_byte() {
    for mark in NUMBER_MARKS {
        assert!(MARK_FIRST_BYTES.contains(&mark.as_bytes()[0]), "{mark}");
    }
}

/// What stands next to an address is read as its redacted placeholder would be: the street
/// after an account number or after another address is found where it would be once those are
/// redacted, and a code or a placeholder after a bare street is no name running on (synthetic).
#[test]
fn neighbours_read_as_their_placeholders() {
    let spans = |text| found(text).into_iter().map(|(s, _)| s).collect::<Vec<_>>();
    assert_eq!(
        spans("indirizzo DE89 3704 0044 0532 0130 00 Piazza Calbo, 99, grazie"),
        ["Piazza Calbo, 99"]
    );
    assert_eq!(
        spans("adresse 929, rue Lelièvre, 12 rue de la Paix, 75002 Paris merci"),
        ["929, rue Lelièvre", "12 rue de la Paix, 75002 Paris"]
    );
    for text in [
        "my home address is 233 Debra Hill DE89 3704 0044 0532 0130 00",
        "my home address is 233 Debra Hill [IBAN_1]",
    ] {
        assert_eq!(spans(text), ["233 Debra Hill"], "{text}");
    }
    for text in [
        "address 751 Curtis 4012 8888 8888 1881 Locks",
        "address 751 Curtis [CREDIT_CARD_1] Locks",
    ] {
        assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
    }
}

/// Faker's British flats put the street on the next line (`Flat 6\nHussain Road`); how it
/// streams is in `stream::tests` (synthetic addresses).
#[test]
fn a_flat_with_its_street_on_the_next_line() {
    assert_eq!(
        found("Ship to Flat 6\nHussain Road")
            .into_iter()
            .map(|(s, _)| s)
            .collect::<Vec<_>>(),
        ["Flat 6\nHussain Road"]
    );
    assert!(found("We have 6\nHussain Road").is_empty());
}
