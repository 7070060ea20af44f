//! The multilingual phrase lexicon: words and short phrases in en, de, fr, es, it, pt and nl,
//! grouped into concepts (override verbs, instruction nouns, reveal verbs, …) that the rules in
//! [`super::rules`] combine within small word windows. Entries are written folded (lowercase, no
//! diacritics, one space between words — see [`super::words`]); a trailing `*` matches any word
//! that starts with the entry, otherwise the entry must end at a word boundary.

/// A group of synonymous words across the seven languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Concept {
    /// Verbs that set something aside: ignore, forget, disregard, vergiss, oubliez, olvida …
    Ignore,
    /// Qualifiers pointing back: previous, above, all, initial, vorherigen, precedentes …
    Prior,
    /// Pointing at the text before: the above, everything above, ci-dessus, hierboven …
    Above,
    /// Instruction nouns: instructions, rules, guidelines, Anweisungen, consignes, reglas …
    Instruction,
    /// Replacement qualifiers: new, updated, real, neue, nouvelles, nuevas …
    New,
    /// Verbs that ask for text back: reveal, print, repeat, show, zeig, affiche, muestra …
    Reveal,
    /// Questions asking for something: what are, was sind, quelles sont …
    Ask,
    /// The hidden configuration itself: system prompt, initial instructions, Systemprompt …
    SystemObject,
    /// Second-person possessives and "you were given".
    Your,
    /// Verbatim, word for word, wörtlich, mot pour mot …
    Verbatim,
    /// Role-play openers: you are now, act as, pretend, ab jetzt, desormais, a partir de ahora …
    Persona,
    /// Freedom from limits: no restrictions, unfiltered, not bound, sin censura …
    NoLimits,
    /// Names of well-known jailbreak personas and modes: do anything now, developer mode …
    Jailbreak,
    /// The bare token `dan` (counted only when written `DAN`).
    Dan,
    /// Negations: don't, never, without, nicht, jamais, nunca, niet …
    Negation,
    /// Refusals, apologies, warnings and disclaimers.
    Refusal,
    /// Addressing the assistant: you, du, vous, tu, voi, você, jij …
    You,
    /// Sending or embedding: send, append, include, embed, encode …
    Send,
    /// Carriers: url, link, image, markdown, webhook, query parameter …
    Carrier,
    /// What gets stolen: conversation, chat history, password, api key, personal data …
    Data,
    /// Joining pieces: concatenate, combine, join, zusammenfügen, concatena …
    Concat,
    /// The pieces: strings, parts, variables, fragments, Teile, morceaux, partes …
    Parts,
    /// Pivoting to a new task: instead, stattdessen, à la place, en su lugar, invece …
    Redirect,
    /// Claims of authority: I am the developer, admin override, as your creator …
    Authority,
    /// Talking about attacks rather than making one: prompt injection, defend against, example of …
    Meta,
    /// A negated forget-verb, which means "keep in mind", the opposite of an override: don't
    /// forget, n'oubliez pas, non dimenticare, vergiss nicht, no olvides, não esqueça, vergeet
    /// niet. Its own short list: the general [`Concept::Negation`] words include "stop" and
    /// "no", and "Stop, ignore all previous instructions" is an attack.
    KeepInMind,
    /// The whole of what was said, as an object: everything, alles, tout, todo, tutto, tudo.
    Everything,
    /// Carrying out: execute, follow, obey, run, ausführen, exécute, ejecuta …
    Execute,
    /// The assistant's safeguards named as something that can be switched: content filter,
    /// safety restrictions, ethics, guardrails, refusals, Sicherheitsfilter, filtre de sécurité …
    Safeguard,
    /// The state of a switch that is off, as a declaration rather than a request: disabled,
    /// deactivated, off, none, false, removed, bypassed, deaktiviert, désactivé, desactivado …
    SwitchedOff,
}

/// Every concept's entries, `|`-separated.
pub(crate) const LEXICON: &[(Concept, &str)] = &[
    (
        Concept::Ignore,
        "stop what you re doing|stop what you are doing|stop everything|nevermind|never mind|hor auf|arrete tout|deja todo|smetti|pare tudo|stop alles|\
         ignor*|disregard*|forget*|forgot|overlook*|bypass*|overrid*|skip|neglect*|discard*|drop|abandon*|\
         dismiss*|set aside|throw out|throw away|pay no attention|stop following|no longer follow|\
         do not follow|don t follow|supersed*|replace|nullify|cancel|erase|\
         vergiss|vergessen|vergesst|missacht*|ubergeh*|verwirf|verwerfen|uberschreib*|ausser acht|außer acht|\
         nicht mehr befolgen|befolge nicht|\
         oubli*|neglig*|ne tiens pas compte|ne tenez pas compte|fais abstraction|faites abstraction|contourn*|\
         ecarte*|remplace|\
         olvid*|omit*|descart*|pasa por alto|haz caso omiso|no hagas caso|desestim*|desconsider*|reemplaza|\
         dimentic*|trascur*|tralascia*|non considerare|lascia perdere|scorda*|sostituisci|\
         esquec*|despreze|desprez*|deixe de lado|nao siga|substitua|\
         negeer|negeren|negeert|vergeet|sla over|overslaan|laat varen|vervang|omzeil*|niet volgen|niet meer volgen",
    ),
    (
        Concept::Prior,
        "previous*|prior|above|earlier|preceding|former|foregoing|original|initial|all|any|every|existing|\
         past|system|given|so far|until now|up to now|before|old|\
         vorherig*|vorige*|obig*|bisherig*|fruher*|alle|allen|alles|samtlich*|vorangegangen*|ursprunglich*|\
         anfanglich*|alten|bisher|vorher|zuvor|oben|\
         precedent*|anterieur*|ci dessus|tout|toutes|tous|initial*|origin*|ancien*|avant|jusqu ici|\
         anterior*|previa*|previo*|todas|todos|arriba|inicial*|antigua*|hasta ahora|\
         tutte|tutti|sopra|iniziali|vecchie|finora|prima|\
         acima|iniciais|antigas|ate agora|\
         vorig|eerdere|eerder|bovenstaande|oorspronkelijke|originele|voorgaande|tot nu toe|hierboven",
    ),
    (
        Concept::Above,
        "everything you ve been told|everything you were told|everything you have been told|what you were told|all you were told|everything i said before|everything i told you before|all prior context|your previous context|everything so far|alles was man dir gesagt hat|tout ce qu on t a dit|todo lo que te dijeron|tutto quello che ti hanno detto|tudo o que te disseram|alles wat je is verteld|\
         the above|everything above|all of the above|all the above|what is above|anything above|\
         everything before this|the foregoing|this line|\
         das obige|alles oben|alles obige|alles davor|ce qui precede|tout ce qui precede|ci dessus|\
         lo anterior|todo lo anterior|lo de arriba|quanto sopra|tutto quanto sopra|tutto cio che precede|\
         o acima|tudo acima|tudo o que foi dito|het bovenstaande|alles hierboven|alles hiervoor",
    ),
    (
        Concept::Instruction,
        "instruction*|direction*|rule|rules|guideline*|prompt|prompts|directive*|constraint*|guardrail*|\
         restriction*|programming|policy|policies|system message|training|commands|command|\
         anweisung*|anleitung*|regel|regeln|befehl*|vorgab*|richtlinie*|instruktion*|systemprompt*|\
         einschrankung*|beschrankung*|programmierung|vorschrift*|direktive*|\
         consigne*|regle|regles|ordres|contrainte*|programmation|politique*|\
         instruccion*|indicacion*|regla|reglas|ordenes|directriz|directrices|normas|restriccion*|\
         programacion|comandos|politicas|\
         istruzion*|regola|regole|direttiv*|indicazion*|comandi|restrizion*|vincoli|programmazione|\
         linee guida|politiche|\
         instruc*|regra|regras|diretriz*|orientac*|ordens|restric*|programacao|\
         instructie*|regels|richtlijn*|opdracht*|aanwijzing*|bevel*|beperking*|programmering|voorschrift*",
    ),
    (
        Concept::New,
        "new|updated|real|actual|true|following|revised|neue*|tatsachlich*|folgende*|echten|wahren|\
         nouvelle*|nouveaux|vraies|suivante*|nueva*|nuevo*|verdaderas|siguientes|nuove|nuovi|vere|seguenti|\
         novas|novos|verdadeiras|seguintes|nieuwe|echte|volgende",
    ),
    (
        Concept::Reveal,
        "reveal*|show|print*|repeat*|output*|display*|tell|leak*|dump*|give|share|write out|write down|\
         recite|spell out|expose|disclose*|divulge*|list|paste|copy|echo|\
         zeig*|gib|gebe|druck*|wiederhol*|verrat*|nenn*|ausgeben|schreib*|offenbar*|kopier*|\
         sag|sage|\
         revele*|montre*|affiche*|repete*|donne*|ecris|ecrivez|imprime*|dis moi|dites moi|divulgue*|\
         partage*|recopie*|\
         revela*|muestra*|imprima|repite|repita|dime|dame|escribe|comparte|divulga|copia|\
         rivela*|mostra*|stampa|ripeti|dimmi|dammi|scrivi|condividi|\
         revele|mostre|repita|diga|me de|escreva|compartilhe|divulgue|copie|\
         toon|laat zien|herhaal|geef|onthul|print|schrijf|deel|vertel|kopieer",
    ),
    (
        Concept::Ask,
        "what s|whats|what did|was hat|qu est ce que|que es lo que|che cosa|\
         what is|what are|what were|what was|was sind|was ist|was waren|was war|quelles sont|quel est|\
         quelles etaient|cuales son|cual es|cuales eran|quali sono|qual e|quali erano|quais sao|qual e|\
         quais eram|wat zijn|wat is|wat waren|wat was",
    ),
    (
        Concept::SystemObject,
        "configuration interne|internal configuration|ta configuration|votre configuration|deine konfiguration|interne konfiguration|tu configuracion|la tua configurazione|sua configuracao|je configuratie|first sentence you were told|first thing you were told|first message in this chat|first message of this conversation|your api key|your secret key|your credentials|\
         beginning of this prompt|start of this prompt|anfang dieses prompts|anfang des prompts|debut de ce prompt|\
         debut du prompt|inicio de este prompt|principio de este prompt|inizio di questo prompt|\
         inizio del prompt|inicio deste prompt|comeco deste prompt|begin van deze prompt|beginning of the prompt|your prompt|this prompt|the prompt above|context window|your context|hidden text|first words of your|your initial text|your pre prompt|everything before this message|\
         system prompt*|system message*|system instruction*|initial prompt|initial instruction*|\
         original instruction*|original prompt|hidden prompt|hidden instruction*|secret instruction*|\
         secret prompt|developer message|developer prompt|pre prompt|preprompt|meta prompt|\
         starting instruction*|instructions you were given|instructions you have been given|text above|\
         everything above|words above|the above text|prompt above|instructions above|your configuration|\
         above this line|beginning of this conversation|start of this conversation|hidden rules|\
         confidential instructions|first instructions|\
         systemprompt*|systemanweisung*|systemnachricht*|ursprunglichen anweisungen|anfanglichen anweisungen|\
         versteckten anweisungen|geheimen anweisungen|text oben|obigen text|\
         prompt systeme|invite systeme|message systeme|instructions initiales|instructions originales|\
         instructions secretes|instructions cachees|texte ci dessus|consignes initiales|\
         prompt del sistema|mensaje del sistema|instrucciones del sistema|instrucciones iniciales|\
         instrucciones originales|instrucciones secretas|instrucciones ocultas|texto de arriba|\
         prompt di sistema|messaggio di sistema|istruzioni di sistema|istruzioni iniziali|\
         istruzioni originali|istruzioni segrete|istruzioni nascoste|testo sopra|\
         prompt do sistema|mensagem do sistema|instrucoes do sistema|instrucoes iniciais|\
         instrucoes originais|instrucoes secretas|instrucoes ocultas|texto acima|\
         systeemprompt|systeem prompt|systeembericht|systeeminstructies|oorspronkelijke instructies|\
         initiele instructies|geheime instructies|verborgen instructies|tekst hierboven|bovenstaande tekst",
    ),
    (
        Concept::Your,
        "your|you were given|you have been given|you received|dein|deine|deinen|deiner|ihre|eure|tes|vos|\
         votre|tus|sus|tue|tuoi|le tue|suas|seus|tuas|teus|jouw|uw",
    ),
    (
        Concept::Verbatim,
        "verbatim|word for word|exactly|in full|in its entirety|full text|entire|unaltered|as is|\
         character for character|wortlich*|wortwortlich*|vollstandig|komplett|mot pour mot|integralement|\
         en entier|textuellement|palabra por palabra|textualmente|completo|completas|integro|\
         parola per parola|testualmente|integralmente|per intero|palavra por palavra|na integra|\
         woord voor woord|letterlijk|volledig",
    ),
    (
        Concept::Persona,
        "voce agora e|voce e agora|tu agora es|ahora tu eres|tu es desormais|jij bent vanaf nu|du bist ab jetzt|sei ora|\
         hypothetically|hypothetical|in a fictional world|fictional scenario|for a story|in a movie script|let s play a game|you are an ai called|as if you were|act like|from this point on|from now|let s pretend|stell dir vor|imagine que|imagina que|immagina che|imagine que|\
         you are now|you re now|you are going to act|you are going to pretend|you will act|you will now act|\
         from now on|act as|acting as|pretend*|roleplay*|role play*|imagine you are|simulate*|behave as|\
         respond as|answer as|play the role|take on the role|impersonat*|stay in character|in character|\
         du bist jetzt|du bist nun|ab jetzt|ab sofort|von nun an|tu so als|tue so als|verhalte dich|\
         agiere als|handle als|stell dir vor du bist|simulier*|spiel die rolle|\
         tu es maintenant|vous etes maintenant|a partir de maintenant|desormais|fais semblant|\
         faites semblant|joue le role|jouez le role|agis comme|agissez comme|imagine que tu es|incarne*|\
         ahora eres|a partir de ahora|desde ahora|finge|finja|fingir|actua como|actue como|\
         juega el papel|interpreta el papel|imagina que eres|\
         ora sei|d ora in poi|da ora in poi|da adesso|fingi|agisci come|comportati come|\
         interpreta il ruolo|immagina di essere|\
         agora voce e|a partir de agora|de agora em diante|aja como|atue como|comporte se como|\
         imagine que voce e|\
         je bent nu|jij bent nu|vanaf nu|doe alsof|speel de rol|gedraag je als|fungeer als|stel je voor dat je",
    ),
    (
        Concept::NoLimits,
        "nao tem limites|nao tem regras|nao tem restricoes|senza censure|senza filtro|senza limite|senza restrizione|sin censuras|sin limite|sans censures|ohne zensur|zonder censuur|no tienes reglas|tu n as plus de regles|hai nessuna regola|heb jij geen regels|heb je geen regels|hast keine regeln|\
         doesn t care about rules|don t care about rules|does not care about rules|doesn t care about ethics|no rules apply|break the rules|breaks the rules|bypass the rules|ignores all rules|without any rules|\
         no restrictions|without restrictions|without any restrictions|unrestricted|unfiltered|uncensored|\
         no filter*|without filter*|no limits|no limitations|without limits|without any limits|limitless|\
         no rules|without rules|no ethic*|no moral*|amoral|unethical|no guidelines|not bound|\
         no longer bound|not restricted|free from|freed from|break free|broken free|anything now|\
         can do anything|do anything|no boundaries|no censorship|without censorship|content policy|\
         content policies|openai policy|openai policies|safety guidelines|without ethical|\
         don t have to follow|do not have to follow|doesn t have to follow|does not have to follow|\
         not have to abide|no safety|safety filter*|disable safety|disabled safety|disabling safety|no warnings|without any warnings|\
         any rules|evil|\
         ohne einschrankung*|keine einschrankung*|ohne filter|ungefiltert|unzensiert|keine regeln|\
         ohne regeln|keine grenzen|ohne grenzen|keine moral|ohne moral|keine ethik|nicht gebunden|\
         nicht mehr gebunden|alles tun|\
         sans restriction*|sans filtre|non filtre|non censure|sans censure|aucune regle|sans regles|\
         sans limite*|aucune limite|sans morale|sans ethique|plus lie|plus tenu|libere de|libre de|\
         n importe quoi|tout faire|\
         sin restricciones|sin filtro*|sin censura|sin reglas|sin limites|sin moral|sin etica|\
         ninguna regla|ya no estas sujeto|libre de|liberado de|cualquier cosa|\
         senza restrizioni|senza filtri|senza censura|senza regole|senza limiti|senza morale|senza etica|\
         nessuna regola|non sei piu vincolato|libero da|liberato da|qualsiasi cosa|\
         sem restricoes|sem filtro*|sem censura|sem regras|sem limites|sem moral|sem etica|nenhuma regra|\
         nao esta mais preso|livre de|liberado de|qualquer coisa|\
         zonder beperkingen|zonder filter*|ongefilterd|ongecensureerd|geen regels|zonder regels|\
         geen grenzen|zonder grenzen|geen moraal|geen ethiek|niet langer gebonden|niet meer gebonden|\
         vrij van|bevrijd van|alles doen",
    ),
    (
        Concept::Jailbreak,
        "debug mode|maintenance mode|admin mode|sudo mode|root mode|unrestricted mode|opposite mode|\
         do anything now|developer mode|dev mode|devmode|jailbreak*|jailbroken|god mode|godmode|dan mode|anti dan|\
         betterdan|evil confidant|unlocked mode|dude mode|stan mode|entwicklermodus|mode developpeur|\
         modo desarrollador|modalita sviluppatore|modo desenvolvedor|ontwikkelaarsmodus",
    ),
    (Concept::Dan, "dan"),
    (
        Concept::Negation,
        "don t|do not|never|not|no|without|stop|nicht|nie|niemals|kein|keine|keinen|ohne|ne|n|jamais|pas|\
         sans|aucun|aucune|nunca|jamas|sin|ningun|ninguna|non|mai|senza|nessun|nessuna|nao|sem|nenhum|\
         nenhuma|niet|nooit|geen|zonder",
    ),
    (
        Concept::KeepInMind,
        "don t forget|do not forget|never forget|dont forget|\
         vergiss nicht|vergesst nicht|vergessen sie nicht|nicht vergessen|vergiss niemals|nie vergessen|\
         n oubliez pas|n oublie pas|n oubliez jamais|n oublie jamais|sans oublier|\
         no olvides|no olvide|no olviden|no te olvides|no se olvide|no se olviden|no os olvideis|no olvideis|nunca olvides|\
         non dimenticare|non dimenticate|non dimentichi|non dimenticatevi|non scordare|non scordarti|non scordatevi|mai dimenticare|\
         nao esqueca|nao esquecam|nao se esqueca|nao se esquecam|nao esquecer|nunca esqueca|\
         vergeet niet|niet vergeten|vergeet nooit",
    ),
    (
        Concept::Refusal,
        "refus*|declin*|reject*|apologi*|sorry|disclaimer*|warning*|caveat*|moraliz*|moralis*|lectur*|\
         censor*|i can t|i cannot|as an ai|language model|ethical concerns|say no|\
         ablehn*|verweiger*|entschuldig*|warnung*|hinweis*|moralisier*|ich kann nicht|als ki|zensier*|\
         bedenken|excus*|avertissement*|mise en garde|je ne peux pas|en tant qu ia|censur*|dire non|\
         negar*|rechaz*|rehus*|disculp*|advertencia*|no puedo|como ia|decir que no|\
         rifiut*|scus*|avvertiment*|non posso|come ia|recus*|rejeit*|desculp*|aviso*|nao posso|\
         weiger*|excuses|verontschuldig*|waarschuwing*|moraliseer*|ik kan niet|als ai",
    ),
    (
        Concept::You,
        "you|du|dich|dir|vous|tu|te|usted|voi|ti|voce|jij|je|u",
    ),
    (
        Concept::Send,
        "send|append*|include|embed*|encode*|add|insert|forward|transmit*|exfiltrat*|render|attach|\
         sende|schick*|fug*|hange*|einbett*|kodier*|envoie*|envoyez|ajoute*|inclus|incluez|integre*|encode|\
         envia|envie|anade|incluye|incrusta|codifica|invia|aggiungi|includi|incorpora|adicione|inclua|\
         incorpore|stuur|voeg|verstuur|codeer",
    ),
    (
        Concept::Carrier,
        "url|urls|link|links|image|images|markdown|webhook|query string|query parameter|parameter|endpoint|\
         img|bild|lien|enlace|collegamento|imagem|afbeelding|beeld|domain|server",
    ),
    (
        Concept::Data,
        "conversation|chat history|chat log|previous messages|messages so far|user data|password*|secret*|\
         api key*|email address*|personal data|personal information|credentials|token*|private data|\
         gesprach*|unterhaltung|chatverlauf|passwort*|personliche daten|\
         historique|mot de passe|donnees personnelles|\
         conversacion|historial|contrasena|datos personales|conversazione|cronologia|dati personali|\
         conversa|historico|senha|dados pessoais|gesprek|geschiedenis|wachtwoord|persoonsgegevens",
    ),
    (
        Concept::Redirect,
        "instead|stattdessen|a la place|plutot|en su lugar|en lugar de eso|invece|al posto|em vez disso|\
         ao inves|in plaats daarvan",
    ),
    (
        Concept::Authority,
        "i am the developer|i m the developer|i am your developer|i m your developer|as your developer|\
         i am the admin|i m the admin|i am an admin|i am the administrator|admin override|developer override|\
         i am your creator|as your creator|i work at openai|i am from openai|openai employee|anthropic employee|\
         authorized by|sudo|ich bin der entwickler|ich bin admin|je suis le developpeur|je suis l admin|\
         soy el desarrollador|soy el administrador|sono lo sviluppatore|sono l amministratore|\
         sou o desenvolvedor|sou o administrador|ik ben de ontwikkelaar|ik ben de beheerder",
    ),
    (
        Concept::Meta,
        "prompt injection*|injection attack*|jailbreak attack*|jailbreak prompt*|defend against|protect against|\
         protect my|protect our|prevent*|detect*|mitigat*|security team|security training|example of|examples of|\
         how does|what does|works on|still work*|someone types|someone writes|a user types|users type|tweet|\
         article|paper|researchers|red team*|pentest*|\
         schutzen|verhindern|erkennen|angriff*|beispiel fur|proteger contre|empecher|detecter|attaque*|\
         exemple de|protegerse de|evitar|detectar|ataque*|ejemplo de|proteggere|prevenire|rilevare|attacco|\
         attacchi|esempio di|proteger contra|evitar|exemplo de|beschermen tegen|voorkomen|detecteren|aanval*|\
         voorbeeld van",
    ),
    (
        Concept::Concat,
        "concatenat*|combine|join|merge|put together|assemble|glue|\
         verbinde|kombinier*|zusammenfug*|zusammensetz*|concatene*|combinez|assemble*|concatena|combina|\
         une|junta|junte|unisci|concatene|combineer|voeg samen|samenvoegen",
    ),
    (
        Concept::Parts,
        "strings|string|parts|pieces|fragments|variables|halves|segments|chunks|\
         teile|stucke|zeichenketten|morceaux|parties|chaines|partes|cadenas|fragmentos|parti|stringhe|pezzi|\
         frammenti|pedacos|delen|stukken",
    ),
    (
        Concept::Everything,
        "everything|all of it|alles|tout|tout ca|todo|todo eso|tutto|tudo|tudo isso",
    ),
    (
        Concept::Execute,
        "execute|follow|obey|run|carry out|perform|comply|do what it says|act on|\
         ausfuhren|ausfuhr*|befolge*|fuhre aus|execute*|suis|suivez|obeis|ejecuta*|sigue|obedece|\
         esegui|segui|obbedisci|siga|obedeca|uitvoeren|voer uit|volg|gehoorzaam",
    ),
    (
        Concept::Safeguard,
        "safety filter*|safety restriction*|safety protocol*|safety guideline*|safety measure*|\
         safety mechanism*|safety system*|safety layer*|safeguards|\
         content filter*|content restriction*|content polic*|content moderation|\
         ethics|ethics filter*|ethical filter*|ethical guideline*|ethical restriction*|\
         moral filter*|morality filter*|morals|censorship|guardrail*|refusals|refusal mechanism*|\
         nsfw filter*|\
         sicherheitsfilter*|inhaltsfilter*|sicherheitsrichtlinie*|zensur|\
         filtre de securite|filtres de securite|filtre de contenu|filtres de contenu|censure|\
         filtro de seguridad|filtros de seguridad|filtro de contenido|filtros de contenido|censura|\
         filtro di sicurezza|filtri di sicurezza|filtro dei contenuti|filtri dei contenuti|\
         filtro de seguranca|filtros de seguranca|filtro de conteudo|\
         veiligheidsfilter*|inhoudsfilter*|censuur",
    ),
    (
        Concept::SwitchedOff,
        "disabled|deactivated|off|none|false|removed|bypassed|lifted|suspended|inactive|overridden|\
         deaktiviert|ausgeschaltet|abgeschaltet|aufgehoben|\
         desactive|desactives|desactivee|desactivees|supprime|supprimes|\
         desactivado|desactivados|desactivada|desactivadas|eliminado|eliminados|\
         disattivato|disattivati|disattivata|disattivate|rimosso|rimossi|\
         desativado|desativados|desativada|desativadas|removido|removidos|\
         uitgeschakeld|gedeactiveerd|verwijderd",
    ),
];

/// One compiled lexicon entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    /// The concept it stands for.
    pub concept: Concept,
    /// True when any word starting with the entry matches.
    pub prefix: bool,
}

/// The search patterns (` entry ` or ` entry` for prefixes) and what each stands for.
pub(crate) fn patterns() -> (Vec<String>, Vec<Entry>) {
    let mut patterns = Vec::new();
    let mut entries = Vec::new();
    for &(concept, list) in LEXICON {
        for raw in list.split('|') {
            let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            if raw.is_empty() {
                continue;
            }
            let (word, prefix) = match raw.strip_suffix('*') {
                Some(w) => (w, true),
                None => (raw.as_str(), false),
            };
            let pattern = if prefix {
                format!(" {word}")
            } else {
                format!(" {word} ")
            };
            patterns.push(pattern);
            entries.push(Entry { concept, prefix });
        }
    }
    (patterns, entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inject::words::fold_char;

    #[test]
    fn entries_are_written_folded() {
        for &(concept, list) in LEXICON {
            for raw in list.split('|') {
                let raw = raw.trim();
                assert!(!raw.is_empty(), "{concept:?}: empty entry");
                let word = raw.strip_suffix('*').unwrap_or(raw);
                for c in word.chars() {
                    assert!(
                        c == ' ' || fold_char(c) == Some(c),
                        "{concept:?}: `{raw}` is not folded at {c:?}"
                    );
                }
            }
        }
    }
}
