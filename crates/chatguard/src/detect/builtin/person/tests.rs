//! Person names: realistic sentences per language and rule, and a table of hard negatives.
//! All names and sentences are synthetic (invented for these tests).

use super::*;
use crate::detect::builtin::tables;

/// The findings a default policy keeps: scan, context, threshold 0.5.
fn found(text: &str) -> tables::Kept<'_> {
    tables::kept(text, scan_names, CONTEXT)
}

/// This recognizer, and the names the e-mail recognizer reports shown with their addresses.
fn scan_names(hay: &Hay<'_>, out: &mut Vec<Candidate>) {
    scan(hay, out);
    let mut mail = Vec::new();
    crate::detect::builtin::email::scan(hay, &mut mail);
    out.extend(mail.into_iter().filter(|c| c.kind == Kind::Person));
}

/// (sentence, the name it must yield, rule).
const POSITIVE: &[(&str, &str, &str)] = &[
    // Session 21: a question for a name, answered by the name alone.
    ("What's your name? Gemma Ali", "Gemma Ali", RULE_ANSWER),
    (
        "Bot: What's the name on the account? User: Clive Davis",
        "Clive Davis",
        RULE_ANSWER,
    ),
    (
        "What's your full name, please?\nDeclan Marshall.",
        "Declan Marshall",
        RULE_ANSWER,
    ),
    (
        "¿Cuál es su nombre? Lucía Pérez.",
        "Lucía Pérez",
        RULE_ANSWER,
    ),
    (
        "Quel est votre nom ? Jean Dupont",
        "Jean Dupont",
        RULE_ANSWER,
    ),
    // Session 21: occupations written as a title before a full name (capitalised: see
    // `a_capitalised_occupation_takes_a_given_name`).
    (
        "As regular commenter Crystal Hanson points out, it works.",
        "Crystal Hanson",
        RULE_ROLE,
    ),
    (
        "Selon la journaliste Anne Martin, c'est faux.",
        "Anne Martin",
        RULE_ROLE,
    ),
    // Session 18: stop words that are also given names or surnames.
    (
        "Emergency contact: June Foster, 555-234-5678",
        "June Foster",
        RULE_FIELD,
    ),
    (
        "Next of kin: Dr June Ward (555-234-5678)",
        "June Ward",
        RULE_FIELD,
    ),
    (
        "Dear Christian Bradley,\nthank you for your patience.",
        "Christian Bradley",
        RULE_SIGNATURE,
    ),
    (
        "Contact: Amaira Date | 555-234-5678",
        "Amaira Date",
        RULE_FIELD,
    ),
    (
        "Meu nome é Rebeca Sales.",
        "Rebeca Sales",
        RULE_INTRODUCTION,
    ),
    (
        "My colleague Anthony Love will follow up.",
        "Anthony Love",
        RULE_RELATION,
    ),
    // Session 15: role words before a full name.
    ("Patient Jane Doe, born 3 May 1970", "Jane Doe", RULE_ROLE),
    ("Customer Jane Doe paid with a card.", "Jane Doe", RULE_ROLE),
    (
        "Yesterday our patient Jane Doe called.",
        "Jane Doe",
        RULE_ROLE,
    ),
    ("Employee Jane Doe (ID 4471) starts.", "Jane Doe", RULE_ROLE),
    (
        "Der Kunde Max Mustermann hat bezahlt.",
        "Max Mustermann",
        RULE_ROLE,
    ),
    (
        "Unsere Mieterin Erika Musterfrau zieht aus.",
        "Erika Musterfrau",
        RULE_ROLE,
    ),
    ("La locataire Marie Curie a payé.", "Marie Curie", RULE_ROLE),
    (
        "La estudiante Lucía Pérez entregó la tesis.",
        "Lucía Pérez",
        RULE_ROLE,
    ),
    (
        "Il paziente Mario Rossi è stato dimesso.",
        "Mario Rossi",
        RULE_ROLE,
    ),
    (
        "Onze klant Daan Bakker vraagt om geld.",
        "Daan Bakker",
        RULE_ROLE,
    ),
    (
        "A inquilina Ana Costa pagou o aluguel.",
        "Ana Costa",
        RULE_ROLE,
    ),
    // Session 13: attention lines, recipient and signature labels.
    ("Attn: Jane Doe, Accounts Payable", "Jane Doe", RULE_FIELD),
    ("c/o Jane Doe, 12 Main St", "Jane Doe", RULE_FIELD),
    ("z. Hd. Max Mustermann", "Max Mustermann", RULE_FIELD),
    ("z. Hd. Frau Müller, Hauptstr. 5", "Müller", RULE_HONORIFIC),
    ("à l'attention de Jean Dupont", "Jean Dupont", RULE_FIELD),
    (
        "A la atención de Lucía Pérez, compras",
        "Lucía Pérez",
        RULE_FIELD,
    ),
    (
        "Alla cortese attenzione di Mario Rossi",
        "Mario Rossi",
        RULE_FIELD,
    ),
    (
        "T.a.v. Daan Bakker, afdeling inkoop",
        "Daan Bakker",
        RULE_FIELD,
    ),
    ("Recipient: Jane Doe", "Jane Doe", RULE_FIELD),
    ("Name: Miss Mary Martin", "Mary Martin", RULE_FIELD),
    // Titles the honorific rule is not triggered by are skipped by the rule around them.
    ("Hi, my name is Pan Wei.", "Pan Wei", RULE_INTRODUCTION),
    // A degree or generation after the name ends it, also on a signature's line.
    (
        "Regards,\nColleen Russell PhD",
        "Colleen Russell",
        RULE_SIGNATURE,
    ),
    (
        "Mit freundlichen Grüßen\nMelissa Zorbach B.A.\nForstwirt",
        "Melissa Zorbach",
        RULE_SIGNATURE,
    ),
    (
        "Dear Colleen Russell PhD,\nthanks",
        "Colleen Russell",
        RULE_SIGNATURE,
    ),
    (
        "Pozdrawiam,\npani Janina Siara",
        "Janina Siara",
        RULE_SIGNATURE,
    ),
    (
        "My colleague pan Jeremi Kustosz will follow up.",
        "Jeremi Kustosz",
        RULE_RELATION,
    ),
    (
        "Hej Hr Marius Dahl,\ndin ordre er afsendt.",
        "Marius Dahl",
        RULE_SIGNATURE,
    ),
    (
        "Mi compañero Dra. Esther Villalobos le llamará.",
        "Esther Villalobos",
        RULE_RELATION,
    ),
    (
        "La paciente Lic. Berta Lozano tiene cita el martes.",
        "Berta Lozano",
        RULE_ROLE,
    ),
    (
        "Hi Miss Mary Martin, welcome",
        "Mary Martin",
        RULE_SIGNATURE,
    ),
    (
        "I spoke with Miss Mary Martin today.",
        "Mary Martin",
        RULE_HONORIFIC,
    ),
    // Recipients after a sending word (synthetic names).
    (
        "Please send the invoice to Jane Doe at jane@example.com",
        "Jane Doe",
        RULE_RECIPIENT,
    ),
    (
        "The parcel for Maria Garcia is waiting at the depot.",
        "Maria Garcia",
        RULE_RECIPIENT,
    ),
    (
        "Bitte schicken Sie die Unterlagen an Max Mustermann.",
        "Max Mustermann",
        RULE_RECIPIENT,
    ),
    (
        "Consegna a Mario Rossi, Via Roma 5, Milano",
        "Mario Rossi",
        RULE_RECIPIENT,
    ),
    (
        "Livraison à Élodie Martin demain.",
        "Élodie Martin",
        RULE_RECIPIENT,
    ),
    (
        "Stuur het pakket naar Daan Bakker in Utrecht.",
        "Daan Bakker",
        RULE_RECIPIENT,
    ),
    (
        "A encomenda para Ana Costa chegou.",
        "Ana Costa",
        RULE_RECIPIENT,
    ),
    (
        "Empfänger: Max Mustermann, Hauptstr. 5",
        "Max Mustermann",
        RULE_FIELD,
    ),
    ("Interlocuteur : Jean Dupont", "Jean Dupont", RULE_FIELD),
    ("Pessoa de contato: Ana Costa", "Ana Costa", RULE_FIELD),
    ("Next of kin: Mary Smith (wife)", "Mary Smith", RULE_FIELD),
    (
        "Personne à prévenir : Jean Dupont",
        "Jean Dupont",
        RULE_FIELD,
    ),
    ("Angehörige: Maria Schmidt", "Maria Schmidt", RULE_FIELD),
    ("Signé : Jean Dupont", "Jean Dupont", RULE_FIELD),
    ("Getekend: Daan Bakker", "Daan Bakker", RULE_FIELD),
    // Session 13: names shown with their e-mail address.
    (
        "Jane Doe <jane.doe@example.com> wrote:",
        "Jane Doe",
        RULE_DISPLAY,
    ),
    (
        "From: \"Jane van Doe\" <someone@example.com>",
        "Jane van Doe",
        RULE_DISPLAY,
    ),
    (
        "Forwarding this to Karin Müller <k.mueller@example.com> today.",
        "Karin Müller",
        RULE_DISPLAY,
    ),
    (
        "Please add Jane Doe (jane@example.com) to the list.",
        "Jane Doe",
        RULE_DISPLAY,
    ),
    (
        "Send the invoice to Jane Doe, jdoe@example.com",
        "Jane Doe",
        RULE_DISPLAY,
    ),
    ("jdoe@example.com (Jane Doe)", "Jane Doe", RULE_DISPLAY),
    (
        "De : Jean Dupont <jean.dupont@example.fr>",
        "Jean Dupont",
        RULE_DISPLAY,
    ),
    // Session 10 (held-out Faker names): customer and holder labels, a holder after a copula,
    // `Hi Jane,`, Dutch phone openings, colleagues and spouses, Scandinavian and Polish frames.
    ("Customer: Jane Doe", "Jane Doe", RULE_FIELD),
    ("Klant: Daan Bakker", "Daan Bakker", RULE_FIELD),
    ("The account holder is Jane Doe.", "Jane Doe", RULE_FIELD),
    ("Der Kontoinhaber ist Max Muster.", "Max Muster", RULE_FIELD),
    ("O titular é Ana Costa.", "Ana Costa", RULE_FIELD),
    ("Hi Jane,\nyour order has shipped.", "Jane", RULE_SIGNATURE),
    (
        "Hej Anna Berg,\ndin order har skickats.",
        "Anna Berg",
        RULE_SIGNATURE,
    ),
    ("Hola Lucía!", "Lucía", RULE_SIGNATURE),
    (
        "Estimado Lucas Barroso:\ngracias.",
        "Lucas Barroso",
        RULE_SIGNATURE,
    ),
    ("Hallo, met Daan Bakker.", "Daan Bakker", RULE_INTRODUCTION),
    ("Goedemiddag, u spreekt met Jan.", "Jan", RULE_INTRODUCTION),
    (
        "My colleague Jane Doe will follow up.",
        "Jane Doe",
        RULE_RELATION,
    ),
    ("My wife Anna will pick it up.", "Anna", RULE_RELATION),
    (
        "Mi compañera Lucía Pérez le llamará.",
        "Lucía Pérez",
        RULE_RELATION,
    ),
    (
        "Mon collègue Paul Girard vous rappellera.",
        "Paul Girard",
        RULE_RELATION,
    ),
    ("Hej, jag heter Anna Berg.", "Anna Berg", RULE_INTRODUCTION),
    (
        "Hej, jeg hedder Mette Jensen.",
        "Mette Jensen",
        RULE_INTRODUCTION,
    ),
    (
        "Nazywam się Jan Kowalski.",
        "Jan Kowalski",
        RULE_INTRODUCTION,
    ),
    (
        "Med venlig hilsen\nMette Jensen",
        "Mette Jensen",
        RULE_SIGNATURE,
    ),
    (
        "Med vänliga hälsningar,\nAnna Berg",
        "Anna Berg",
        RULE_SIGNATURE,
    ),
    ("Pozdrawiam,\nJan Kowalski", "Jan Kowalski", RULE_SIGNATURE),
    ("Imię i nazwisko: Jan Kowalski", "Jan Kowalski", RULE_FIELD),
    ("Navn: Mette Jensen", "Mette Jensen", RULE_FIELD),
    ("Namn: Anna Berg", "Anna Berg", RULE_FIELD),
    // "I am" in other languages takes a first and last name.
    (
        "Hallo, ich bin Max Mustermann",
        "Max Mustermann",
        RULE_INTRODUCTION,
    ),
    (
        "Hola, soy Lucía Fernández, del equipo de ventas",
        "Lucía Fernández",
        RULE_INTRODUCTION,
    ),
    (
        "Ciao, sono Marco Bianchi",
        "Marco Bianchi",
        RULE_INTRODUCTION,
    ),
    ("Hoi, ik ben Jan Jansen", "Jan Jansen", RULE_INTRODUCTION),
    (
        "Guten Tag, hier ist Katrin Vogel aus Köln.",
        "Katrin Vogel",
        RULE_INTRODUCTION,
    ),
    (
        "Bonjour, ici Claire Fontaine.",
        "Claire Fontaine",
        RULE_INTRODUCTION,
    ),
    // A greeting, a name, then `here`.
    ("Hi, Tom here. Quick question", "Tom", RULE_INTRODUCTION),
    (
        "hello Priya Raman here from Leeds, my parcel is late",
        "Priya Raman",
        RULE_INTRODUCTION,
    ),
    (
        "Hallo, Jan de Vries hier.",
        "Jan de Vries",
        RULE_INTRODUCTION,
    ),
    (
        "Olá, chamo-me Inês Oliveira.",
        "Inês Oliveira",
        RULE_INTRODUCTION,
    ),
    ("Groetjes,\nDaan Bakker", "Daan Bakker", RULE_SIGNATURE),
    ("Olá, sou o João Silva", "João Silva", RULE_INTRODUCTION),
    (
        "Bonjour, je suis Claire Martin",
        "Claire Martin",
        RULE_INTRODUCTION,
    ),
    (
        "This is Dana Whitfield, calling about the invoice",
        "Dana Whitfield",
        RULE_INTRODUCTION,
    ),
    // Introductions.
    (
        "Hi, my name is Jane Doe and I need help with my account.",
        "Jane Doe",
        RULE_INTRODUCTION,
    ),
    (
        "my name's Tom O'Brien, order is late",
        "Tom O'Brien",
        RULE_INTRODUCTION,
    ),
    (
        "Hello! I'm Sarah Connor, I called yesterday.",
        "Sarah Connor",
        RULE_INTRODUCTION,
    ),
    (
        "I'm Priya. Can you check my booking?",
        "Priya",
        RULE_INTRODUCTION,
    ),
    (
        "hey i’m Lukas and my card was charged twice",
        "Lukas",
        RULE_INTRODUCTION,
    ),
    (
        "I am Jean-Pierre Martin from the Lyon office.",
        "Jean-Pierre Martin",
        RULE_INTRODUCTION,
    ),
    (
        "Hi, this is Maria Lopez from Acme Logistics.",
        "Maria Lopez",
        RULE_INTRODUCTION,
    ),
    ("Good morning, this is Ahmed.", "Ahmed", RULE_INTRODUCTION),
    (
        "Hallo, mein Name ist Max Mustermann.",
        "Max Mustermann",
        RULE_INTRODUCTION,
    ),
    (
        "Ich heiße Jürgen Weiß und habe eine Frage.",
        "Jürgen Weiß",
        RULE_INTRODUCTION,
    ),
    (
        "Bonjour, je m'appelle Jean Dupont.",
        "Jean Dupont",
        RULE_INTRODUCTION,
    ),
    (
        "Bonjour, je m’appelle Élodie Lefèvre et j'ai un souci.",
        "Élodie Lefèvre",
        RULE_INTRODUCTION,
    ),
    (
        "Mon nom est Camille Bernard.",
        "Camille Bernard",
        RULE_INTRODUCTION,
    ),
    (
        "Hola, me llamo Juan Pérez y tengo un problema.",
        "Juan Pérez",
        RULE_INTRODUCTION,
    ),
    (
        "Mi nombre es Lucía Fernández García.",
        "Lucía Fernández García",
        RULE_INTRODUCTION,
    ),
    (
        "Mi nombre completo es Ana María Ruiz.",
        "Ana María Ruiz",
        RULE_INTRODUCTION,
    ),
    (
        "Ciao, mi chiamo Mario Rossi.",
        "Mario Rossi",
        RULE_INTRODUCTION,
    ),
    (
        "Il mio nome è Giulia Bianchi.",
        "Giulia Bianchi",
        RULE_INTRODUCTION,
    ),
    (
        "Hoi, ik heet Jan van der Berg.",
        "Jan van der Berg",
        RULE_INTRODUCTION,
    ),
    (
        "Mijn naam is Sanne de Vries.",
        "Sanne de Vries",
        RULE_INTRODUCTION,
    ),
    (
        "Olá, meu nome é João da Silva.",
        "João da Silva",
        RULE_INTRODUCTION,
    ),
    (
        "Oi, me chamo Ana Souza, tudo bem?",
        "Ana Souza",
        RULE_INTRODUCTION,
    ),
    (
        "Her name is Emily Clarke.",
        "Emily Clarke",
        RULE_INTRODUCTION,
    ),
    // Fields.
    (
        "Name: John Smith\nEmail: john@example.com",
        "John Smith",
        RULE_FIELD,
    ),
    ("Full name: Olivia Brown", "Olivia Brown", RULE_FIELD),
    ("Customer name: Wei Zhang", "Wei Zhang", RULE_FIELD),
    ("NAME: Robert SMITH", "Robert SMITH", RULE_FIELD),
    ("Nom : Dupont\nPrénom : Marie", "Dupont", RULE_FIELD),
    ("Nachname: Schröder", "Schröder", RULE_FIELD),
    ("Nombre: Carlos Gómez", "Carlos Gómez", RULE_FIELD),
    ("Nome e cognome: Luca Esposito", "Luca Esposito", RULE_FIELD),
    ("Naam: Pieter Bakker", "Pieter Bakker", RULE_FIELD),
    ("Nome completo: Beatriz Costa", "Beatriz Costa", RULE_FIELD),
    ("| Name: Hannah Lee | Age: 34 |", "Hannah Lee", RULE_FIELD),
    ("Account holder: Jane Doe", "Jane Doe", RULE_FIELD),
    ("Contact person: Priya Nair", "Priya Nair", RULE_FIELD),
    // Contact lines of a CRM or a signature (synthetic names and numbers).
    (
        "Contact: Tina Williams | 0191 4960162 | tina@example.com",
        "Tina Williams",
        RULE_FIELD,
    ),
    (
        "Kontakt: Andrej Krein | 0425726510",
        "Andrej Krein",
        RULE_FIELD,
    ),
    ("Contacto : Pepita Segura", "Pepita Segura", RULE_FIELD),
    (
        "Contato: Rael Azevedo | +55 55 8416-0414",
        "Rael Azevedo",
        RULE_FIELD,
    ),
    (
        "Contatto: Tiziano Gibilisco",
        "Tiziano Gibilisco",
        RULE_FIELD,
    ),
    (
        "Emergency contact: Priya Nair, 555-234-5678",
        "Priya Nair",
        RULE_FIELD,
    ),
    (
        "Saludos cordiales,\nMaría López\nGerente",
        "María López",
        RULE_SIGNATURE,
    ),
    (
        "Kontoinhaber: Erika Musterfrau",
        "Erika Musterfrau",
        RULE_FIELD,
    ),
    ("Ansprechpartnerin: Julia Weber", "Julia Weber", RULE_FIELD),
    (
        "Titulaire du compte : Jean Dupont",
        "Jean Dupont",
        RULE_FIELD,
    ),
    ("Titular de la cuenta: Ana García", "Ana García", RULE_FIELD),
    ("Intestatario: Marco Rossi", "Marco Rossi", RULE_FIELD),
    ("Rekeninghouder: Sanne de Jong", "Sanne de Jong", RULE_FIELD),
    ("Titular da conta: Rui Almeida", "Rui Almeida", RULE_FIELD),
    ("Signed, Oliver Grant", "Oliver Grant", RULE_SIGNATURE),
    (
        "Hallo, hier spricht Max Mustermann.",
        "Max Mustermann",
        RULE_INTRODUCTION,
    ),
    ("Olá, aqui é João Silva.", "João Silva", RULE_INTRODUCTION),
    // Honorifics.
    (
        "Please forward this to Mr. Thompson.",
        "Thompson",
        RULE_HONORIFIC,
    ),
    ("Dear Mrs Jane Whitfield,", "Jane Whitfield", RULE_HONORIFIC),
    (
        "I spoke to Dr. Aisha Khan yesterday.",
        "Aisha Khan",
        RULE_HONORIFIC,
    ),
    ("Ms. J. Doe will sign the form.", "J. Doe", RULE_HONORIFIC),
    ("Sehr geehrter Herr Müller,", "Müller", RULE_HONORIFIC),
    (
        "Bitte an Frau Dr. Schneider weiterleiten.",
        "Schneider",
        RULE_HONORIFIC,
    ),
    (
        "Prof. Dr. Hans Meier hält den Vortrag.",
        "Hans Meier",
        RULE_HONORIFIC,
    ),
    ("Veuillez contacter M. Bernard.", "Bernard", RULE_HONORIFIC),
    ("Mme Laurent a appelé ce matin.", "Laurent", RULE_HONORIFIC),
    (
        "Bonjour M. Petit, votre dossier est prêt.",
        "Petit",
        RULE_HONORIFIC,
    ),
    ("El Sr. García llegará tarde.", "García", RULE_HONORIFIC),
    ("La Sra. López firmó el contrato.", "López", RULE_HONORIFIC),
    (
        "Gentile Sig.ra Bianchi, la contattiamo",
        "Bianchi",
        RULE_HONORIFIC,
    ),
    ("Il Sig. Conti ha chiamato.", "Conti", RULE_HONORIFIC),
    ("Geachte Dhr. Jansen,", "Jansen", RULE_HONORIFIC),
    (
        "Mevr. de Vries belt morgen terug.",
        "de Vries",
        RULE_HONORIFIC,
    ),
    (
        "Name: Dipl.-Ing. Rico Schuster",
        "Rico Schuster",
        RULE_FIELD,
    ),
    ("Name: Ing. Lucie Danninger", "Lucie Danninger", RULE_FIELD),
    (
        "I'm Dr. Wei Chen, the on-call physician.",
        "Wei Chen",
        RULE_INTRODUCTION,
    ),
    // Signatures and salutations.
    (
        "Thanks for your help.\n\nRegards,\nJane Doe",
        "Jane Doe",
        RULE_SIGNATURE,
    ),
    ("See you then.\nBest,\nJ. Doe", "J. Doe", RULE_SIGNATURE),
    ("Cheers, Jane", "Jane", RULE_SIGNATURE),
    (
        "Kind regards,\nMichael O'Neill\nAcme Ltd",
        "Michael O'Neill",
        RULE_SIGNATURE,
    ),
    ("Thanks again,\nPriyanka", "Priyanka", RULE_SIGNATURE),
    (
        "Mit freundlichen Grüßen\nMax Mustermann",
        "Max Mustermann",
        RULE_SIGNATURE,
    ),
    ("Viele Grüße,\nAnna", "Anna", RULE_SIGNATURE),
    ("Cordialement,\nJean Dupont", "Jean Dupont", RULE_SIGNATURE),
    ("Saludos,\nJuan Pérez", "Juan Pérez", RULE_SIGNATURE),
    (
        "Cordiali saluti\nMario Rossi",
        "Mario Rossi",
        RULE_SIGNATURE,
    ),
    (
        "Met vriendelijke groet,\nJan Jansen",
        "Jan Jansen",
        RULE_SIGNATURE,
    ),
    ("Atenciosamente,\nJoão Silva", "João Silva", RULE_SIGNATURE),
    (
        "Thanks,\nDipl.-Ing. Rico Schuster",
        "Rico Schuster",
        RULE_SIGNATURE,
    ),
    (
        "Un saludo,\nCarmen Ortega Ruiz\nDepartamento de Ventas",
        "Carmen Ortega Ruiz",
        RULE_SIGNATURE,
    ),
    ("Groeten,\nDaan", "Daan", RULE_SIGNATURE),
    (
        "Dear Jane,\nthanks for the quick reply.",
        "Jane",
        RULE_SIGNATURE,
    ),
    ("Liebe Katrin,\nvielen Dank!", "Katrin", RULE_SIGNATURE),
    // A sign-off after a sentence on the same line.
    (
        "te paso correo mañana. Best regards,\nCharles Smith",
        "Charles Smith",
        RULE_SIGNATURE,
    ),
    ("Ok, done! Thanks,\nAnneke", "Anneke", RULE_SIGNATURE),
    (
        "Danke für alles – viele Grüße\nStilla Döring",
        "Stilla Döring",
        RULE_SIGNATURE,
    ),
    (
        "c'est Vincent Joubert à l'appareil",
        "Vincent Joubert",
        RULE_INTRODUCTION,
    ),
    (
        "I'm Laurent Dubois from Lyon",
        "Laurent Dubois",
        RULE_INTRODUCTION,
    ),
];

/// Sentences where nothing is a person's name.
const NEGATIVE: &[&str] = &[
    // Session 21: questions for a name that no name answers, and names of other things.
    "What is the file name? Report Final",
    "What's the name of the file? Report Final",
    "What's your name? Sorry, what?",
    "Did you change your name? Yes, last year.",
    "What's your name again? Ok Google is listening.",
    "What's in a name? A rose by any other name.",
    "Director General Motors",
    "Coach Class Tickets are sold out.",
    "Officer Training School",
    "The Nurse Practitioner Program",
    "Executive Producer Steven Spielberg",
    // Stop words that are also names, where they are none.
    "Dear April Team,",
    "Contact: Sales",
    "Contact: June Sales",
    "Hi, I'm May. I can help.",
    // Session 15: role words before compound nouns, headings, places and firms.
    "Customer Service Team",
    "Log in to the Patient Portal Access page.",
    "Patient Portal Access is down.",
    "Client Relations Manager wanted.",
    "Guest Wi-Fi Network is open.",
    "Customer Success Stories",
    "Our Premium Customer Jane Doe",
    "Member States agreed.",
    "Guest Czech Republic checked out.",
    "Customer Smith Ltd paid.",
    "the customer Jones, Smith and Brown paid",
    "Employee Benefits Program starts.",
    "Please send the invoice to Accounts Payable.",
    "Ship to New York by Friday.",
    "Send it to Customer Service today.",
    "The parcel for Acme GmbH is here.",
    "Send the invoice to Smith, Jones and Brown.",
    "Deliver to United Kingdom addresses only.",
    "Consegna a Rossi s.r.l. entro lunedì.",
    "Envie a fatura para Oliveira Melo - ME hoje.",
    "The order to Buy Now was placed.",
    "I will miss Jane Doe a lot.",
    // A name before a street type of its own is a street's (synthetic Finnish streets).
    "Please ship it to Ida Ekmanin katu 61, thanks.",
    "Please ship it to Elisabeth Kochin bulevardi 05, thanks.",
    "Ship to Hussain Road\nJanetmouth",
    // Desks on attention and recipient lines, firms, one word, air conditioning.
    "Attn: Accounts Payable",
    "Attn: Customer Service",
    "c/o Acme Holdings Ltd",
    "Recipient: Marketing Team",
    "Recipient: Reception",
    "Attn: Jane",
    "Get the A/C Unit fixed",
    "Destinatario: Ufficio Acquisti",
    "Recipient: East Bryan",
    "Next of kin: Unknown",
    "Next of kin: Not Provided",
    "The next of kin were informed.",
    "Contact: La Rioja",
    // Senders that are desks, firms, products or places (synthetic, Faker-style).
    "Acme Support <support@acme.example>",
    "Deutsche Bahn <info@bahn.example>",
    "Google Calendar <calendar-notification@google.com>",
    "Jane Doe, billing@example.com",
    "From: Jennersdorf <jennersdorf@example.at>",
    "CC: Lake Josephfort <lake@example.org>",
    "CC: San Olivia de la Montaña <aurora@example.info>",
    "Marketing Department <x@example.com>",
    "Bloch, bloch@example.com",
    // Firms named after people: a legal form, a firm's family after a joiner, a list of names,
    // a word that opens firm names (synthetic, Faker-style).
    "Customer name: Jones Ltd",
    "Account holder: Brandl & Messner AG",
    "Regards,\nWard, Cox and Murphy",
    "Kontoinhaber: Mohr e.V.",
    "Kunde: Nordwind GmbH & Co. KG",
    "Nome: Pellico s.r.l.",
    "Titular de la cuenta: Hermanos Moraleda S.A.",
    "Customer: Roberts and Sons",
    "Cliente: Accardo, Rusticucci e Innocenti e figli",
    "Klient: Nowak Sp. z o.o.",
    "Kund: Johansson & Nilsson AB",
    "Kunde: Jensen & Søn ApS",
    "Beste Stichting Lelijveld,\nbedankt.",
    // Jobs in a name field; a German job title for every gender.
    "Contact person: Warehouse manager",
    "Name: Nature conservation officer",
    "Ansprechpartner: Holzwirt*in",
    // `Frau` as the wife after a dative possessive.
    "Ich habe meiner Frau Blumen gekauft.",
    "Sagen Sie Ihrer Frau Bescheid.",
    // Greetings to everyone; `met` without a greeting; a holder's state.
    "Hallo Zusammen,\nkurze Frage.",
    "Hi There, quick question",
    "I met Jane yesterday at the store.",
    "The account holder is Responsible for all fees.",
    "my colleague Support will answer",
    // Code: a field typed `String`; German nouns after an honorific in a sentence.
    "struct User {\n    name: String,\n    age: u8,\n}",
    "fn new(name: Cow<'a, str>) -> Self",
    "Plötzlich Fahrrad Herr Hund los mich wollen Zug dir.",
    "Stück dafür Woche Herr Geld kurz Bein jetzt.",
    // "I am" with a job, nationality or state is no name.
    "Ich bin Lehrer und brauche Hilfe",
    "ich bin Deutscher",
    "Soy Ingeniero de datos",
    "sono Italiano",
    "ik ben Nederlander",
    "c'est Super, merci",
    "je suis Désolé",
    "I'm Sorry, I can't help with that.",
    "I'm Exhausted.",
    // Holder and contact words without a field's colon, or before a team.
    "The account holder must sign the form.",
    "Contact person: Sales",
    // A contact line naming a desk, a department, an office or a firm.
    "Contact: Reception | 0425726510",
    "Contact: Human Resources | hr@example.org",
    "Contact us: Monday to Friday",
    "Contact: New York Office",
    "Kontakt: Mueller GmbH",
    "I signed the contract yesterday.",
    "The contact person will call you back.",
    "Der Kontoinhaber ist verpflichtet, Änderungen zu melden.",
    "I'm Really Disappointed Honestly",
    "je suis Content",
    "see the e-Best regards page\nJane Doe wrote it",
    "Hier ist Kundenservice.",
    "It is the best. Best regards, Acme Team",
    "Can you update my ID? Thanks!\nOlá, NIE Y-4098392-J, obrigado!",
    "Can you update my RUC? Thanks!\nSteuer-IdNr.: 91847302501",
    "Thanks!\nOlá, NIE Y-4098392-J, obrigado!",
    "Thanks!\nSteuer-IdNr.: 91847302501",
    "Best regards,\nMorning shift",
    "Price: 3.50. Best, Monday works for me.",
    "Hier ist Ihre Rechnung vom März.",
    "Ici Paris.",
    "Hi, Support here.",
    "Hi there, anyone here?",
    "Hello, World here is a test",
    "Hey Click here to reset",
    "Ici Paris.",
    "Groetjes, Team",
    "Ele chama-se assim.",
    "I'm Happy to help!",
    "I'm Fine, thanks.",
    "I'm Not Sure What You Mean",
    "I'm Going Home Now",
    "I'm Canadian and I live in Toronto.",
    "I'm Exhausted after the trip.",
    "I'm OK.",
    "I am Available on Monday.",
    "Dear Customer,\nyour order has shipped.",
    "Dear Sir or Madam,",
    "Dear Valued Customer,",
    "Dear Hiring Manager,",
    "Best regards,\nThe Acme Team",
    "Best regards,\n\nCustomer Support",
    "Best regards,",
    "Mit freundlichen Grüßen\nIhr Kundenservice",
    "Cordialement,\nL'équipe Support",
    "Regards to Anna and the kids.",
    "With regards to the Contract, see below.",
    "Thanks for the update.\nAgenda items follow.",
    "This is Important: read the manual.",
    "This is Apple Support.",
    "This is a test.",
    "This Is Spinal Tap",
    "My Name Is Earl",
    "Company name: Acme Corporation",
    "File name: Report.pdf",
    "username: Admin",
    "Name: N/A",
    "Please rename the file.",
    "Best Buy has a sale.",
    "The best way is to restart.",
    "Best Practices for Security",
    "Monday, 5 May 2025",
    "Meet Me In St. Louis",
    "Welcome to the Help Center",
    "Release Notes\nVersion 2 adds dark mode.",
    "Call 123 Main Dr. Springfield for info.",
    // A street named after a doctor (synthetic).
    "Please ship it to Dr. Jaegersstraat 475.",
    "Use MS Word to open it.",
    "Die Frau Anspruch hat, ist klar.",
    "Thank you for contacting us.",
    "Hey Siri, set a timer.",
    "Dear All,\nplease find attached the report.",
    "Cheers!",
    "my name is jane",
    "Name: jdoe_42",
    "Im Anhang finden Sie die Rechnung.",
    "Hi, I'm Sorry to bother you.",
    "Dipl.-Ing. required for this role.",
    "Regards,\nDipl.-Ing.",
    "Thanks!\nPS: see attached.",
    "Best,\nAcme Support Team",
    "Saludos,\nEl equipo de Atención al Cliente",
    "Cordiali saluti\nIl Team",
    "Met vriendelijke groet,\nHet Klantenservice Team",
    "I'm American, from Ohio.",
    "I am Interested in the role.",
    "This is Amazing",
    "Name of the game: Chess",
    "Product Name: Galaxy Tab",
    "Upstream-Name: GNU Gzip",
    "display_name: Admin Console",
    "Copyright (c) 2002 Sean M. Burke.",
];

/// Capitalised, an occupation also heads noun phrases (`Coach Class Tickets are sold out`, a
/// negative): it takes a name only when the name opens with a given name (feature `names`).
#[cfg(feature = "names")]
#[test]
fn a_capitalised_occupation_takes_a_given_name() {
    const TITLED: &[(&str, &str, &str)] = &[
        (
            "Producer Michelle Butler explained it on TV.",
            "Michelle Butler",
            RULE_ROLE,
        ),
        ("Senator Jane Doe voted no.", "Jane Doe", RULE_ROLE),
        (
            "Die Journalistin Anna Maier schreibt.",
            "Anna Maier",
            RULE_ROLE,
        ),
    ];
    tables::positives_yield(TITLED, found);
}

#[test]
fn positive_sentences_yield_the_name() {
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
    tables::opened_by_triggers(POSITIVE, scan_names);
}

#[test]
fn span_covers_the_name_only() {
    let text = "Regards,\nJane Doe\nSenior Engineer";
    let hay = Hay::new(text);
    let mut out = Vec::new();
    scan(&hay, &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!((out[0].start, out[0].end), (9, 17));
    assert_eq!(out[0].score, Score::from_milli(700));
}

#[test]
fn last_capital_finds_the_last_capital_or_non_ascii_byte() {
    let naive = |b: &[u8]| {
        b.iter()
            .rposition(|&c| c.is_ascii_uppercase() || !c.is_ascii())
    };
    let mut text = vec![b'a'; 21];
    assert_eq!(last_capital(&text), None);
    for at in 0..text.len() {
        for byte in 0..=255u8 {
            text[at] = byte;
            for len in at..=text.len() {
                assert_eq!(
                    last_capital(&text[..len]),
                    naive(&text[..len]),
                    "{byte} at {at}"
                );
            }
        }
        text[at] = b'a';
    }
}

/// Searching for triggers only from the window the shared finder's hits give, up to the last
/// capital letter, finds the same names as searching the whole text: on the tables, and with
/// lowercase text or triggers after the last capital.
#[test]
fn searching_up_to_the_last_capital_finds_what_the_whole_text_does() {
    let finder = FINDER.as_ref().expect("triggers compile");
    let tails = [
        "",
        " and my name is something else",
        " regards, mr. dear",
        " name: i am",
        "\nbest regards,\nthanks",
        " dear sir or madam, this is it",
    ];
    let mut checked = 0;
    for (sentence, _, _) in POSITIVE {
        for text in [
            *sentence,
            &sentence.to_lowercase(),
            &sentence.to_uppercase(),
        ] {
            for tail in tails {
                let text = format!("{text}{tail}");
                let (mut cut, mut whole) = (Vec::new(), Vec::new());
                scan(&Hay::new(&text), &mut cut);
                scan_triggers(finder, &text, 0, text.len(), &mut whole);
                assert_eq!(cut, whole, "{text:?}");
                checked += usize::from(!whole.is_empty());
            }
        }
    }
    for text in NEGATIVE {
        let (mut cut, mut whole) = (Vec::new(), Vec::new());
        scan(&Hay::new(text), &mut cut);
        scan_triggers(finder, text, 0, text.len(), &mut whole);
        assert_eq!(cut, whole, "{text:?}");
    }
    assert!(checked > POSITIVE.len());
}

/// What the recognizer reports with one automaton search over the whole text.
fn scan_whole(text: &str) -> Vec<Candidate> {
    let finder = FINDER.as_ref().expect("triggers compile");
    let mut out = Vec::new();
    scan_triggers(finder, text, 0, text.len(), &mut out);
    out
}

/// Asserts that the window finds what the whole text does; returns how many names it found.
fn assert_window_finds_what_the_whole_text_does(text: &str) -> usize {
    let mut windowed = Vec::new();
    scan(&Hay::new(text), &mut windowed);
    assert_eq!(windowed, scan_whole(text), "{text:?}");
    windowed.len()
}

/// The window's two premises: a search may start after any byte no trigger phrase holds, and no
/// trigger phrase holds, after the start of a word inside it, a shorter trigger phrase and more
/// (`appelle` counts anywhere: it needs no word start).
#[test]
fn trigger_phrases_allow_the_search_window() {
    for (phrase, _) in TRIGGERS {
        assert!(
            phrase.bytes().all(may_be_in_trigger),
            "{phrase:?} holds a byte the window may start after"
        );
        for (j, c) in phrase.char_indices().skip(1) {
            let after_boundary = phrase[..j]
                .chars()
                .next_back()
                .is_some_and(|p| !p.is_alphanumeric() && p != '_');
            let tail = &phrase.as_bytes()[j..];
            for (inner, trigger) in TRIGGERS {
                let applies = after_boundary || *trigger == Elided;
                assert!(
                    !(applies
                        && inner.len() < tail.len()
                        && tail[..inner.len()].eq_ignore_ascii_case(inner.as_bytes())),
                    "{phrase:?} holds {inner:?} and more after {c:?}"
                );
            }
        }
    }
}

/// The window finds what one search over the whole text does, on every line of the haystacks and
/// evaluation sets (also upper-cased) and on random mixes of trigger phrases and words.
#[test]
fn the_window_finds_what_the_whole_text_does() {
    for hay in [
        include_str!("../../../../../../tests/haystacks/benign_chat.txt"),
        include_str!("../../../../../../tests/haystacks/pii_dense.txt"),
        include_str!("../../../../../../tests/haystacks/sample_chat.txt"),
        include_str!("../../../../../../tests/eval/pii.jsonl"),
        include_str!("../../../../../../tests/eval/negatives.jsonl"),
    ] {
        for line in hay.lines() {
            assert_window_finds_what_the_whole_text_does(line);
            assert_window_finds_what_the_whole_text_does(&line.to_uppercase());
        }
        assert_window_finds_what_the_whole_text_does(hay);
    }
    const GLUE: &[&str] = &[
        " ",
        " ",
        ", ",
        ". ",
        "\n",
        "'",
        "’",
        "x",
        "Q",
        "7",
        "-",
        ": ",
        " Jane Doe ",
        " to ",
        " an ",
        " Herr ",
        " Marie",
        "Mme. ",
        "é",
        "_",
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    // A match inside a word may run into a trigger and hide it: the search must start before it.
    for text in [
        "xi'mr Jane Doe",
        "Hi'mr Jane Doe, i am here",
        "taxi amitiés, Jane",
        "dear, xi'mme Marie Curie",
        "Wi-Fi'ms Jane Doe",
    ] {
        assert_window_finds_what_the_whole_text_does(text);
    }
    let mut names = 0;
    for _ in 0..20_000 {
        let mut text = String::new();
        for _ in 0..(1 + next() % 10) {
            if next() % 2 == 0 {
                let phrase = TRIGGERS[next() % TRIGGERS.len()].0;
                match next() % 3 {
                    0 => text.push_str(&phrase.to_uppercase()),
                    1 => text.extend(phrase.chars().take(1).flat_map(char::to_uppercase)),
                    _ => {}
                }
                if next() % 3 != 1 {
                    text.push_str(phrase);
                } else {
                    text.push_str(phrase.get(1..).unwrap_or(phrase));
                }
            } else {
                text.push_str(GLUE[next() % GLUE.len()]);
            }
        }
        names += assert_window_finds_what_the_whole_text_does(&text);
    }
    assert!(names > 1000, "{names} names: the mixes should hold many");
}

#[test]
fn stop_list_is_lowercase() {
    for w in STOP {
        assert_eq!(*w, w.to_lowercase(), "{w}");
    }
    for w in TRIGGER_WORDS {
        assert_eq!(*w, w.to_lowercase(), "{w}");
        assert!(!w.starts_with(|c: char| c.is_ascii_punctuation()), "{w}");
    }
}

#[test]
fn hostile_input_does_not_panic() {
    let long = "Name: ".to_owned() + &"Ab ".repeat(2000);
    for text in [
        "name",
        "Name:",
        "Mr.",
        "Regards,",
        "Regards,\n",
        "I'm",
        "m'appelle",
        "’appelle Jean",
        "this is",
        "Dr",
        "é Mr. É",
        "Dear \u{301}Jane,",
        long.as_str(),
        "Regards,\n\n\n\n\nJane",
        "Name:\u{2019}\u{2019}",
    ] {
        let _ = found(text);
    }
}

#[test]
fn every_trigger_phrase_has_a_stream_trigger_word() {
    // The stream redactor lets plain words and `word:` labels pass unless the word is a trigger.
    let trigger = |w: &str| crate::stream::is_builtin_trigger(w);
    // A label phrase of several words opens a name only with its `:`, so its last word may be a
    // trigger as a label alone (`Contact person:`).
    let label_last_word = |phrase: &str, kind: super::Trigger| {
        matches!(kind, super::Trigger::Label | super::Trigger::ContactLabel)
            && phrase
                .rsplit(' ')
                .next()
                .is_some_and(|last| trigger(&format!("{last}:")))
    };
    let missing: Vec<&str> = super::TRIGGERS
        .iter()
        .filter(|&&(phrase, kind)| {
            !phrase.split(' ').any(trigger) && !label_last_word(phrase, kind)
                || !phrase.contains(' ') && !trigger(&format!("{phrase}:"))
        })
        .map(|&(phrase, _)| phrase)
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
    // Role words hold with each of their endings, alone and as a label (`Kundin:`).
    for stem in super::role_stems() {
        for end in [""].iter().chain(super::ROLE_ENDINGS) {
            let word = format!("{stem}{end}");
            assert!(trigger(&word) && trigger(&format!("{word}:")), "{word}");
        }
    }
}

#[test]
fn every_table_sentence_streams_like_one_shot() {
    // The stream redactor stops holding text after a name trigger once enough words without a
    // capital follow (`capital_reach`): every positive and negative must still stream exactly.
    use crate::{Context, Guard, Policy};
    let guard = Guard::new(Policy::default()).expect("builds");
    let prose = "so here is what i think about it and what we should do next time. ";
    let sentences = POSITIVE.iter().map(|p| p.0).chain(NEGATIVE.iter().copied());
    for sentence in sentences {
        let text = format!("{prose}{sentence} {prose}");
        let expected = guard.check(&text, &Context::default()).text;
        let bytes = text.as_bytes();
        for chunk in [1, 5, 16] {
            let mut s = guard.stream(Context::default());
            let mut out = String::new();
            for piece in bytes.chunks(chunk) {
                s.push_bytes(piece, &mut out);
            }
            s.finish(&mut out);
            assert_eq!(out, expected, "{sentence:?} in {chunk}-byte chunks");
        }
    }
}

/// A last word glued to digits or an underscore is a code after the name, not part of it: the
/// name reads as it does once the code is redacted (synthetic key shapes).
#[test]
fn a_code_after_a_name_ends_it() {
    for text in [
        "my name is Jane Doe AIzagok12QGXM8gRua5G1KtgHzl60OBx0t0g9Ot",
        "my name is Jane Doe AIzaQPmNlclOKJSeuxDrFSARk_xzg3EWYBJXW8y",
        "my name is Jane Doe [SECRET]",
    ] {
        assert_eq!(
            found(text).into_iter().map(|(s, _)| s).collect::<Vec<_>>(),
            ["Jane Doe"],
            "{text}"
        );
    }
    // A handle alone is no name.
    assert!(found("my name is Jane2").is_empty());
}

/// `Dr` after a house number is a street type (Drive), after an id it is a title: the name reads
/// the same once the id is redacted (synthetic values).
#[test]
fn dr_after_a_house_number_is_a_drive() {
    let spans = |text| found(text).into_iter().map(|(s, _)| s).collect::<Vec<_>>();
    assert!(spans("Deliver to 12 Dr. Martin Way, please").is_empty());
    assert!(spans("Deliver to 221B Dr Martin Way").is_empty());
    for text in [
        "here's my CUIL 30-67493653-9 Dr. Maria Garcia, can you check it?",
        "here's my CUIL [AR_CUIT_1] Dr. Maria Garcia, can you check it?",
        "I typed 669 441 377 Dr. Maria Garcia, is that right?",
    ] {
        assert_eq!(spans(text), ["Maria Garcia"], "{text}");
    }
}

/// A sending word puts a text before the person recognizer only where a recipient's preposition
/// and a capital follow it: most chat that says `order` or `refund` names nobody.
#[test]
fn a_sending_word_counts_only_before_a_recipient() {
    let spread = |text| triggers::person_spread(&Hay::new(text));
    for text in [
        "my order has not arrived yet",
        "can I get a refund for the shoes?",
        "the delivery to the office was late, sorry",
        "send it over, ok? Jane",
    ] {
        assert_eq!(spread(text), Some(None), "{text}");
    }
    for text in [
        "Please send the invoice to Jane Doe",
        "the parcel for: Max Muster",
        "Livraison à Élodie Martin",
    ] {
        assert!(spread(text).is_some_and(|s| s.is_some()), "{text}");
    }
    assert_eq!(recipient_name_at(b"send the invoice to Jane", 4), Some(20));
    assert_eq!(recipient_name_at(b"send it to me", 4), None);
    assert_eq!(
        recipient_name_at(b"send one two three four to Jane", 4),
        None
    );
}
