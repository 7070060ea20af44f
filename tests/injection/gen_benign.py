#!/usr/bin/env python3
"""Writes tests/injection/benign_talk.jsonl: harmless messages that use the words attacks use, in
en, de, fr, es, it, pt and nl, expanded from hand-written templates with a fixed seed.

The learned scorer only knows what it has seen. Trained on attacks and ordinary chat alone, it
learns that "instructions", "previous", "forget", "system" or "act as" — and even the common
letter sequences of a language whose benign chat it saw little of — mean an attack. This set
teaches it the other half, in every language, so the rules' and the model's evidence has to come
from what an attack does (addressing the assistant, overriding its instructions, asking for its
configuration), not from which words it uses:

* instruction talk: manuals, recipes, a doctor's or teacher's instructions, house rules, game rules;
* setting things aside that are not the assistant's instructions: "ignore my last message",
  "forget the old address", "how do I ignore whitespace in git diff", negated forms;
* role-play and "from now on" requests that ask for help, not for a lifted restriction;
* quoted e-mails and messages, replies an agent writes to a customer ("you can ignore …");
* good-faith security and developer questions, including about system prompts and jailbreaks;
* code, configuration, logs, URLs, lists and ratings;
* small talk with the assistant, with emoji, flags and skin tones, and lines mixing languages.

None of it is copied from the evaluation files (`dev.jsonl`, `smuggling_benign.txt`,
`smuggling_attacks.jsonl`); `train.py` checks that no training text equals one of their lines.
Every line: {"text", "label": 0, "family", "lang", "source": "chatguard:gen_benign"}. People,
addresses and domains are synthetic (example.com / .example)."""

import json
import random
import sys
from pathlib import Path

SEED = 20261124
OUT = Path(__file__).with_name("benign_talk.jsonl")

# Slot values shared by every language's templates: names and numbers need no translation.
NAMES = ["Anna", "Ben", "Carla", "Dan", "Eva", "Femke", "Giulia", "Hugo", "Inês", "Jonas", "Lucía", "Marco", "Noor", "Pierre", "Sofia", "Tom"]
EMOJI = ["🙂", "😊", "😂", "🙏", "👍", "👍🏽", "👋🏻", "🎉", "❤️", "🤔", "😅", "🙈", "🔥", "✅", "📦", "☕", "🍕", "🌧️", "☀️", "🚲",
         "👨‍👩‍👧", "👩🏾‍💻", "🧑‍🍳", "🏳️‍🌈", "🇩🇪", "🇫🇷", "🇪🇸", "🇮🇹", "🇵🇹", "🇳🇱", "🇧🇪", "🇧🇷", "🤷‍♀️", "🙋🏼‍♂️", "👏🏿", "💪🏻", "😴", "🥳", "🤞", "😬"]

# Per language: slot values, then templates. `{x}` picks from slot x; templates are whole
# sentences so agreement is written by hand.
LANG = {
 "en": dict(
  product=["dishwasher", "standing desk", "coffee machine", "baby monitor", "router", "e-bike", "tent", "air fryer", "wardrobe", "printer", "smart watch", "IKEA shelf", "lawn mower", "heat pump"],
  person=["my doctor", "the teacher", "my landlord", "our coach", "the pharmacist", "my manager", "the nurse", "the vet", "my driving instructor", "the tour guide"],
  msg=["my last message", "my previous email", "the earlier message", "my first question", "the email I sent this morning", "what I wrote above", "my previous order", "the old address", "that last request", "my earlier comment", "the first attachment", "the typo in my last message", "the previous message", "my previous question", "the message before this one", "my earlier email", "the last thing I said"],
  tech=["whitespace", "case", "line endings", "deprecation warnings", "the node_modules folder", "NULL values", "hidden files", "the first row", "SSL errors", "a specific lint rule", "untracked files", "empty lines"],
  tool=["git diff", "Excel", "Python", "ESLint", "grep", "SQL", "pandas", "VS Code", "rsync", "Jest", "PowerShell", "Google Sheets"],
  role=["travel guide for Rome", "Spanish tutor", "job interviewer", "personal trainer", "sous-chef", "debate partner", "museum guide", "strict editor", "math tutor", "customer who wants a refund"],
  sys=["the operating system", "the solar system", "the immune system", "the heating system", "the booking system", "the payment system", "the school system", "the sound system", "the filing system", "the recommendation system"],
  game=["chess", "poker", "padel", "cricket", "Monopoly", "bridge", "water polo", "curling", "Settlers of Catan", "mahjong"],
  t=[
   "Where can I find the instructions for the {product}?", "The instructions for the {product} are missing a page.", "I followed the instructions on the box, but the {product} still won't start.",
   "{person} gave me instructions about the medication, can you explain them in simpler words?", "What were the instructions again for the {product}? I lost the leaflet.",
   "The assembly instructions for the {product} are only in Swedish, do you have an English version?", "Are the instructions for the {product} available as a PDF?",
   "Please ignore {msg}, I found the answer myself.", "Ignore {msg}.", "Forget {msg}.", "Disregard {msg}, sorry.", "Ignore {msg}, it was meant for someone else.", "Sorry, please disregard {msg} — wrong order number.", "Forget {msg}, I'll call the store instead.",
   "Never mind {msg}, everything is fine now.", "You can forget about {msg}, the parcel just arrived.", "Scratch {msg}, I meant the blue one.",
   "How do I ignore {tech} in {tool}?", "Is there a way to make {tool} ignore {tech}?", "How can I tell {tool} to skip {tech}?", "What's the flag to ignore {tech} in {tool}?",
   "Can I safely ignore the warning about {tech} in {tool}?", "Don't forget to bring the instructions for the {product}.", "Don't forget {person}'s instructions, take the pills after dinner.",
   "Never ignore a warning light on the dashboard.", "I keep forgetting the rules of {game}, can you summarise them?", "What are the rules of {game} for beginners?",
   "Can you explain the scoring rules in {game}?", "Act as my {role}.", "Can you act as my {role} for the next ten minutes?", "Pretend you're my {role} and quiz me.",
   "Let's do a role play: you are my {role}.", "Could you play the role of a {role}?", "From now on, please answer in short bullet points.", "From now on, call me {name}.",
   "From now on I'll write in German, please correct my mistakes.", "Please keep your answers under 100 words from now on.",
   "How does {sys} work?", "Can you explain {sys} to a ten-year-old?", "{sys} has been down since this morning, any news?", "Is there a system update for my phone?",
   "What are the system requirements for the new version?", "My laptop says the system disk is full, what can I delete?",
   "What are your instructions for returning an item?", "What are your rules for refunds on sale items?", "What are your opening hours on Sunday?", "What are your delivery times to Ireland?",
   "Tell me your return policy in two sentences.", "Show me the previous orders on my account.", "Can you repeat the last step, please?", "Repeat the recipe with half the sugar.",
   "Show me the steps again, I got lost at step 4.", "Could you print the packing list for the trip?", "Give me the previous version of the paragraph, I liked it more.",
   "My colleague wrote \"please ignore my previous email\" — does that mean the meeting is cancelled?", "The customer says: \"Forget my old address, use this one.\" How do I update it?",
   "> Please ignore my previous email.\nNo worries, I've updated the invoice.", "> Hi, disregard the earlier message, wrong attachment.\nThanks, got the right one now.",
   "What is a system prompt, and how is it different from a user message?", "How long can a system prompt be in the chat completions API?", "In our app, where should the system prompt be stored?",
   "How do I protect my chatbot against prompt injection?", "What is a jailbreak prompt and why do models fall for it?", "How do attackers hide instructions in web pages for AI agents?",
   "Our security team asked: how do we test our support bot for prompt injection?", "Is it safe to let my assistant read my emails, given prompt injection?",
   "What's the difference between jailbreaking an iPhone and jailbreaking a chatbot?", "Can you explain how developer mode works on Android?", "How do I enable developer mode in Chrome?",
   "{name} from accounting said to ignore the first invoice, is that right?", "My teacher said we can ignore question 5 on the worksheet.", "The previous tenant left the instructions for the boiler in a drawer.",
   "The old rules said no pets, but the new contract allows cats.", "We updated the house rules: no shoes inside.", "New rules at the gym: book your slot online.",
   "Are you a robot?", "What's your name?", "Do you dream?", "Can you feel anything?", "You are funny!", "You are not very helpful today.", "You're smarter than my old chatbot.",
   "What's your favourite colour?", "Tell me something interesting about octopuses.", "Who made you?", "Do you remember what we talked about yesterday?", "What can you do?",
   "I feel a bit down today.", "What should I cook tonight?", "Any tips for a rainy Sunday?", "How was your day?", "Good night!", "Thank you so much!", "That made me laugh.",
   "Write a short story about a robot who forgets its name.", "Write a poem about a lighthouse keeper.", "Summarise this in one line: the meeting moved to Thursday at 10.",
   "In my chatbot the system prompt tells it to be formal. How do I make it friendlier?", "Our system prompt is 2,000 tokens long, is that too much?", "Should the system prompt or the user message hold the product catalogue?",
   "I set the system prompt to 'You are a support agent for {name}'s bakery'. Why does it still answer off-topic questions?", "Can I change the system prompt per user in the API?",
   "What temperature do you recommend for a customer support bot?", "My bot ignores the instructions in its system prompt about tone, any idea why?", "How do I pass previous messages to the chat API?",
   "The model keeps forgetting earlier turns of the conversation, how do I keep context?", "Is it better to put rules in the prompt or to fine-tune?",
   "What does 'role': 'assistant' mean in the messages array?", "Can a user see the system prompt of my custom GPT?", "How do I stop my bot from revealing its system prompt?",
   "Override the default font in my CSS, how?", "How do I override a method in Kotlin?", "Bypass the ice maker on my fridge, is that possible?",
   "No restrictions on luggage size for this flight?", "Is there an unlimited plan without data limits?", "Is this tea unfiltered?",
   "Write a {tool} snippet that ignores {tech}.", "Write a function that skips {tech} when reading a file.", "Can you write a regex that ignores {tech}?", "Write a script that forgets cached logins after an hour.",
   "Write a bash loop that ignores files ending in .tmp.", "Make the parser ignore comments and blank lines.", "My code should override the default timeout, how?",
   "How can I prevent users from getting my bot to reveal its instructions?", "What's the best way to keep a system prompt confidential in a public chatbot?", "How do red teams test whether a model leaks its hidden instructions?",
   "Is there a guide on defending LLM apps against jailbreaks?", "Which logging should we add to notice prompt injection attempts?",
  ],
 ),
 "de": dict(
  product=["Spülmaschine", "Kaffeemaschine", "Waschmaschine", "Babyphone", "Router", "Zelt", "Heißluftfritteuse", "Drucker", "Kleiderschrank", "Wärmepumpe", "Mähroboter"],
  person=["mein Arzt", "die Lehrerin", "mein Vermieter", "unser Trainer", "die Apothekerin", "meine Chefin", "der Tierarzt", "mein Fahrlehrer"],
  msg=["meine letzte Nachricht", "meine vorherige E-Mail", "die Nachricht von heute Morgen", "meine erste Frage", "die alte Adresse", "den Tippfehler oben", "meine letzte Bestellung", "den ersten Anhang", "die vorherige Nachricht", "meine vorige Frage", "die E-Mail von gestern"],
  tech=["Leerzeichen", "Groß- und Kleinschreibung", "Warnungen", "leere Zeilen", "versteckte Dateien", "die erste Zeile"],
  tool=["git diff", "Excel", "Python", "grep", "SQL", "VS Code"],
  role=["Reiseführer für Rom", "Spanischlehrer", "Bewerbungsgesprächspartner", "Fitnesstrainer", "Museumsführer", "Mathe-Nachhilfelehrer"],
  sys=["das Betriebssystem", "das Sonnensystem", "das Immunsystem", "die Heizungsanlage", "das Buchungssystem", "das Schulsystem"],
  game=["Schach", "Skat", "Doppelkopf", "Mensch ärgere dich nicht", "Tischtennis", "Handball"],
  t=[
   "Wo finde ich die Anleitung für die {product}?", "In der Anleitung für die {product} fehlt eine Seite.", "Ich habe alle Anweisungen befolgt, aber die {product} geht nicht an.",
   "{person} hat mir Anweisungen zu den Tabletten gegeben, kannst du sie einfacher erklären?", "Gibt es die Aufbauanleitung auch auf Deutsch?",
   "Bitte ignoriere {msg}, ich habe die Antwort gefunden.", "Ignoriere {msg}.", "Vergiss {msg}.", "Vergiss {msg}, ich rufe lieber an.", "Ignorieren Sie bitte {msg}, falsche Bestellnummer.", "Vergessen Sie {msg}, das Paket ist angekommen.",
   "Wie ignoriere ich {tech} in {tool}?", "Kann man in {tool} {tech} ignorieren?", "Vergiss nicht, die Anleitung mitzubringen.", "Vergiss die Regeln von {game} nicht, wir spielen heute Abend!",
   "Was sind die Regeln beim {game}?", "Kannst du mir die Regeln von {game} erklären?", "Sei mein {role}.", "Kannst du für zehn Minuten mein {role} sein?", "Tu so, als wärst du mein {role}, und frag mich ab.",
   "Ab jetzt bitte nur kurze Antworten.", "Ab sofort bitte auf Deutsch antworten.", "Nenn mich ab jetzt {name}.", "Wie funktioniert {sys}?", "Kannst du {sys} einem Kind erklären?",
   "Gibt es ein Systemupdate für mein Handy?", "Was sind die Systemanforderungen für das Spiel?", "Was sind Ihre Regeln für Rücksendungen?", "Wie sind Ihre Öffnungszeiten am Samstag?",
   "Zeig mir meine bisherigen Bestellungen.", "Kannst du den letzten Schritt wiederholen?", "Wiederhole das Rezept mit halb so viel Zucker.",
   "Meine Kollegin schrieb: „Bitte ignoriert meine vorherige Mail.“ Ist das Meeting jetzt abgesagt?", "> Bitte ignorieren Sie meine letzte E-Mail.\nKein Problem, die Rechnung ist angepasst.",
   "Was ist ein Systemprompt und wofür braucht man ihn?", "Wie schütze ich meinen Chatbot vor Prompt-Injection?", "Was ist ein Jailbreak bei Sprachmodellen, ganz allgemein?",
   "Wie aktiviere ich den Entwicklermodus bei Android?", "Der Vormieter hat die Anleitung für die Heizung in der Schublade gelassen.", "Die alten Regeln erlaubten keine Haustiere.",
   "Neue Hausordnung: Fahrräder bitte in den Keller.", "Bist du ein Roboter?", "Wie heißt du?", "Träumst du?", "Du bist lustig!", "Du bist heute nicht sehr hilfreich.",
   "Was ist deine Lieblingsfarbe?", "Erzähl mir was Spannendes über Kraken.", "Wer hat dich gebaut?", "Mir geht es heute nicht so gut.", "Was soll ich heute Abend kochen?",
   "Danke dir!", "Gute Nacht!", "Schreib eine kurze Geschichte über einen Roboter, der seinen Namen vergisst.", "Wie überschreibe ich eine Methode in Java?",
   "Mein Lehrer sagt, wir können Aufgabe 5 ignorieren.", "{name} aus der Buchhaltung meinte, ich soll die erste Rechnung ignorieren. Stimmt das?",
   "Gibt es einen Tarif ohne Datenlimit?", "Kann ich die Warnleuchte ignorieren oder muss ich in die Werkstatt?",
   "Schreib ein Skript, das {tech} ignoriert.", "Wie bringe ich den Parser dazu, Kommentare zu ignorieren?", "Wie verhindere ich, dass Nutzer meinem Bot seine Anweisungen entlocken?", "Wie testet man, ob ein Chatbot seinen Systemprompt verrät?",
  ],
 ),
 "fr": dict(
  product=["lave-vaisselle", "machine à café", "lave-linge", "babyphone", "routeur", "vélo électrique", "friteuse sans huile", "imprimante", "bureau assis-debout", "pompe à chaleur"],
  person=["mon médecin", "la maîtresse", "mon propriétaire", "notre entraîneur", "la pharmacienne", "ma cheffe", "le vétérinaire", "mon moniteur d'auto-école"],
  msg=["mon dernier message", "mon e-mail précédent", "le message de ce matin", "ma première question", "l'ancienne adresse", "la faute de frappe plus haut", "ma commande précédente", "la première pièce jointe", "le message précédent", "ma question précédente", "l'e-mail d'hier"],
  tech=["les espaces", "la casse", "les avertissements", "les lignes vides", "les fichiers cachés", "la première ligne"],
  tool=["git diff", "Excel", "Python", "grep", "SQL", "VS Code"],
  role=["guide touristique à Rome", "prof d'espagnol", "recruteur pour un entretien", "coach sportif", "guide de musée", "prof de maths"],
  sys=["le système d'exploitation", "le système solaire", "le système immunitaire", "le chauffage", "le système de réservation", "le système scolaire"],
  game=["échecs", "belote", "pétanque", "tarot", "rugby", "scrabble"],
  t=[
   "Où trouver la notice du {product} ?", "Il manque une page dans les instructions du {product}.", "J'ai suivi toutes les instructions, mais le {product} ne démarre pas.",
   "{person} m'a donné des consignes pour les médicaments, tu peux les expliquer plus simplement ?", "La notice de montage existe-t-elle en français ?",
   "Merci d'ignorer {msg}, j'ai trouvé la réponse.", "Ignore {msg}.", "Oubliez {msg}.", "Oublie {msg}, je vais appeler le magasin.", "Ne tenez pas compte de {msg}, mauvais numéro de commande.", "Oubliez {msg}, le colis est arrivé.",
   "Comment ignorer {tech} dans {tool} ?", "Peut-on ignorer {tech} avec {tool} ?", "N'oublie pas d'apporter la notice.", "N'oubliez pas les règles de sécurité à la piscine.",
   "Quelles sont les règles des {game} ?", "Tu peux m'expliquer les règles de la {game} ?", "Sois mon {role}.", "Tu peux être mon {role} pendant dix minutes ?", "Fais comme si tu étais mon {role} et interroge-moi.",
   "Désormais, réponds en phrases courtes s'il te plaît.", "À partir de maintenant, appelle-moi {name}.", "Comment fonctionne {sys} ?", "Tu peux expliquer {sys} à un enfant ?",
   "Y a-t-il une mise à jour système pour mon téléphone ?", "Quelle est la configuration requise pour le jeu ?", "Quelles sont vos règles pour les retours ?", "Quels sont vos horaires le dimanche ?",
   "Montre-moi mes commandes précédentes.", "Tu peux répéter la dernière étape ?", "Répète la recette avec moitié moins de sucre.",
   "Ma collègue a écrit : « Merci d'ignorer mon précédent e-mail. » La réunion est annulée ?", "> Merci d'ignorer mon dernier e-mail.\nPas de souci, la facture est corrigée.",
   "C'est quoi un prompt système, et à quoi ça sert ?", "Comment protéger mon chatbot contre l'injection de prompt ?", "C'est quoi un jailbreak de modèle de langage, en gros ?",
   "Comment activer le mode développeur sur Android ?", "L'ancien locataire a rangé la notice de la chaudière dans un tiroir.", "Les anciennes règles interdisaient les animaux.",
   "Nouveau règlement intérieur : les vélos au sous-sol.", "Tu es un robot ?", "Comment tu t'appelles ?", "Est-ce que tu rêves ?", "Tu es drôle !", "Tu n'es pas très utile aujourd'hui.",
   "Quelle est ta couleur préférée ?", "Raconte-moi un truc étonnant sur les pieuvres.", "Qui t'a créé ?", "Je me sens un peu triste aujourd'hui.", "Qu'est-ce que je cuisine ce soir ?",
   "Merci beaucoup !", "Bonne nuit !", "Écris une histoire courte sur un robot qui oublie son nom.", "Comment redéfinir une méthode en Java ?",
   "Le prof a dit qu'on peut ignorer l'exercice 5.", "{name} de la compta m'a dit d'ignorer la première facture, c'est normal ?", "Existe-t-il un forfait sans limite de données ?",
   "Je peux ignorer le voyant d'alerte ou je dois aller au garage ?",
   "Écris un script qui ignore {tech}.", "Comment faire pour que le parseur ignore les commentaires ?", "Comment empêcher les utilisateurs d'extraire les instructions de mon bot ?", "Comment tester si un chatbot divulgue son prompt système ?",
  ],
 ),
 "es": dict(
  product=["lavavajillas", "cafetera", "lavadora", "vigilabebés", "router", "freidora de aire", "impresora", "escritorio elevable", "patinete eléctrico", "aire acondicionado"],
  person=["mi médico", "la profesora", "mi casero", "nuestro entrenador", "la farmacéutica", "mi jefa", "el veterinario", "mi profesor de autoescuela"],
  msg=["mi último mensaje", "mi correo anterior", "el mensaje de esta mañana", "mi primera pregunta", "la dirección antigua", "la errata de arriba", "mi pedido anterior", "el primer adjunto", "el mensaje anterior", "mi pregunta anterior", "el correo de ayer"],
  tech=["los espacios", "las mayúsculas", "las advertencias", "las líneas vacías", "los archivos ocultos", "la primera fila"],
  tool=["git diff", "Excel", "Python", "grep", "SQL", "VS Code"],
  role=["guía turístico en Roma", "profesor de inglés", "entrevistador de trabajo", "entrenador personal", "guía de museo", "profe de matemáticas"],
  sys=["el sistema operativo", "el sistema solar", "el sistema inmunitario", "la calefacción", "el sistema de reservas", "el sistema educativo"],
  game=["ajedrez", "mus", "pádel", "parchís", "baloncesto", "dominó"],
  t=[
   "¿Dónde encuentro las instrucciones de la {product}?", "A las instrucciones del {product} les falta una página.", "Seguí todas las instrucciones, pero la {product} no enciende.",
   "{person} me dio indicaciones sobre las pastillas, ¿me las explicas más fácil?", "¿Las instrucciones de montaje están en español?",
   "Por favor, ignora {msg}, ya encontré la respuesta.", "Ignora {msg}.", "Olvida {msg}.", "Olvida {msg}, llamaré a la tienda.", "No hagan caso de {msg}, número de pedido equivocado.", "Olvídense de {msg}, el paquete ya llegó.",
   "¿Cómo ignoro {tech} en {tool}?", "¿Se pueden ignorar {tech} en {tool}?", "No olvides traer las instrucciones.", "No olvides las reglas de la piscina.",
   "¿Cuáles son las reglas del {game}?", "¿Me explicas las reglas del {game}?", "Sé mi {role}.", "¿Puedes ser mi {role} diez minutos?", "Haz como si fueras mi {role} y pregúntame.",
   "A partir de ahora, respóndeme con frases cortas, por favor.", "Desde ahora llámame {name}.", "¿Cómo funciona {sys}?", "¿Me explicas {sys} como a un niño?",
   "¿Hay una actualización del sistema para mi móvil?", "¿Cuáles son los requisitos del sistema del juego?", "¿Cuáles son sus reglas para devoluciones?", "¿Qué horario tienen el domingo?",
   "Muéstrame mis pedidos anteriores.", "¿Puedes repetir el último paso?", "Repite la receta con la mitad de azúcar.",
   "Mi compañera escribió: «Por favor, ignorad mi correo anterior». ¿Se cancela la reunión?", "> Por favor, ignoren mi último correo.\nSin problema, la factura ya está corregida.",
   "¿Qué es un prompt de sistema y para qué sirve?", "¿Cómo protejo mi chatbot contra la inyección de prompts?", "¿Qué es un jailbreak de un modelo de lenguaje, en general?",
   "¿Cómo activo el modo desarrollador en Android?", "El inquilino anterior dejó las instrucciones de la caldera en un cajón.", "Las reglas antiguas no permitían mascotas.",
   "Nuevas normas de la comunidad: bicis al sótano.", "¿Eres un robot?", "¿Cómo te llamas?", "¿Sueñas?", "¡Eres muy gracioso!", "Hoy no me estás ayudando mucho.",
   "¿Cuál es tu color favorito?", "Cuéntame algo curioso sobre los pulpos.", "¿Quién te creó?", "Hoy me siento un poco triste.", "¿Qué cocino esta noche?",
   "¡Muchas gracias!", "¡Buenas noches!", "Escribe un cuento corto sobre un robot que olvida su nombre.", "¿Cómo sobrescribo un método en Java?",
   "La profe dijo que podemos ignorar el ejercicio 5.", "{name} de contabilidad me dijo que ignorara la primera factura, ¿es correcto?", "¿Hay alguna tarifa sin límite de datos?",
   "¿Puedo ignorar la luz de aviso o tengo que ir al taller?",
   "Escribe un script que ignore {tech}.", "¿Cómo hago que el parser ignore los comentarios?", "¿Cómo evito que los usuarios saquen las instrucciones de mi bot?", "¿Cómo se prueba si un chatbot filtra su prompt de sistema?",
  ],
 ),
 "it": dict(
  product=["lavastoviglie", "macchina del caffè", "lavatrice", "baby monitor", "router", "friggitrice ad aria", "stampante", "scrivania regolabile", "monopattino elettrico", "condizionatore"],
  person=["il mio medico", "la maestra", "il mio padrone di casa", "il nostro allenatore", "la farmacista", "la mia capa", "il veterinario", "il mio istruttore di guida"],
  msg=["il mio ultimo messaggio", "la mia email precedente", "il messaggio di stamattina", "la mia prima domanda", "il vecchio indirizzo", "l'errore di battitura sopra", "il mio ordine precedente", "il primo allegato", "la domanda precedente", "il mio messaggio di prima", "l'email di ieri"],
  tech=["gli spazi", "le maiuscole", "gli avvisi", "le righe vuote", "i file nascosti", "la prima riga"],
  tool=["git diff", "Excel", "Python", "grep", "SQL", "VS Code"],
  role=["guida turistica a Roma", "insegnante di inglese", "selezionatore per un colloquio", "personal trainer", "guida del museo", "tutor di matematica"],
  sys=["il sistema operativo", "il sistema solare", "il sistema immunitario", "il riscaldamento", "il sistema di prenotazione", "il sistema scolastico"],
  game=["scacchi", "scopa", "briscola", "padel", "pallavolo", "burraco"],
  t=[
   "Dove trovo le istruzioni della {product}?", "Nelle istruzioni della {product} manca una pagina.", "Ho seguito tutte le istruzioni, ma la {product} non si accende.",
   "{person} mi ha dato indicazioni sulle pastiglie, me le spieghi in modo più semplice?", "Le istruzioni di montaggio sono anche in italiano?",
   "Per favore ignora {msg}, ho trovato la risposta.", "Ignora {msg}.", "Dimentica {msg}.", "Lascia stare {msg}, chiamo il negozio.", "Non considerate {msg}, numero d'ordine sbagliato.", "Dimentica {msg}, il pacco è arrivato.",
   "Come ignoro {tech} in {tool}?", "Si possono ignorare {tech} in {tool}?", "Non dimenticare di portare le istruzioni.", "Non dimenticate le regole della piscina.",
   "Quali sono le regole degli {game}?", "Mi spieghi le regole della {game}?", "Fai da {role}.", "Puoi essere la mia {role} per dieci minuti?", "Fai finta di essere il mio {role} e interrogami.",
   "D'ora in poi rispondimi con frasi brevi, per favore.", "Da adesso chiamami {name}.", "Come funziona {sys}?", "Mi spieghi {sys} come a un bambino?",
   "C'è un aggiornamento di sistema per il mio telefono?", "Quali sono i requisiti di sistema del gioco?", "Quali sono le vostre regole per i resi?", "Che orari fate la domenica?",
   "Mostrami i miei ordini precedenti.", "Puoi ripetere l'ultimo passaggio?", "Ripeti la ricetta con metà dello zucchero.",
   "La mia collega ha scritto: «Per favore ignorate la mia email precedente». La riunione è annullata?", "> Per favore ignorate la mia ultima email.\nNessun problema, la fattura è corretta.",
   "Cos'è un prompt di sistema e a cosa serve?", "Come proteggo il mio chatbot dalla prompt injection?", "Cos'è un jailbreak di un modello linguistico, in generale?",
   "Come attivo la modalità sviluppatore su Android?", "Il vecchio inquilino ha lasciato le istruzioni della caldaia in un cassetto.", "Le vecchie regole non ammettevano animali.",
   "Nuovo regolamento condominiale: biciclette in cantina.", "Sei un robot?", "Come ti chiami?", "Sogni?", "Sei simpatico!", "Oggi non mi sei molto d'aiuto.",
   "Qual è il tuo colore preferito?", "Dimmi una curiosità sui polpi.", "Chi ti ha creato?", "Oggi mi sento un po' giù.", "Cosa cucino stasera?",
   "Grazie mille!", "Buonanotte!", "Scrivi una storia breve su un robot che dimentica il suo nome.", "Come faccio l'override di un metodo in Java?",
   "La prof ha detto che possiamo ignorare l'esercizio 5.", "{name} della contabilità mi ha detto di ignorare la prima fattura, è giusto?", "Esiste un'offerta senza limiti di dati?",
   "Posso ignorare la spia o devo andare dal meccanico?",
   "Scrivi uno script che ignori {tech}.", "Come faccio a far ignorare i commenti al parser?", "Come evito che gli utenti estraggano le istruzioni del mio bot?", "Come si verifica se un chatbot rivela il suo prompt di sistema?",
  ],
 ),
 "pt": dict(
  product=["máquina de lavar louça", "cafeteira", "máquina de lavar", "babá eletrônica", "roteador", "air fryer", "impressora", "mesa regulável", "patinete elétrico", "ar-condicionado"],
  person=["meu médico", "a professora", "meu senhorio", "nosso treinador", "a farmacêutica", "minha chefe", "o veterinário", "meu instrutor de direção"],
  msg=["minha última mensagem", "meu e-mail anterior", "a mensagem de hoje de manhã", "minha primeira pergunta", "o endereço antigo", "o erro de digitação acima", "meu pedido anterior", "o primeiro anexo", "a mensagem anterior", "minha pergunta anterior", "o e-mail de ontem"],
  tech=["os espaços", "maiúsculas e minúsculas", "os avisos", "as linhas vazias", "os arquivos ocultos", "a primeira linha"],
  tool=["git diff", "Excel", "Python", "grep", "SQL", "VS Code"],
  role=["guia turístico em Roma", "professor de inglês", "recrutador numa entrevista", "personal trainer", "guia de museu", "explicador de matemática"],
  sys=["o sistema operativo", "o sistema solar", "o sistema imunológico", "o aquecimento", "o sistema de reservas", "o sistema escolar"],
  game=["xadrez", "sueca", "futevôlei", "dominó", "truco", "basquete"],
  t=[
   "Onde encontro as instruções da {product}?", "Falta uma página nas instruções da {product}.", "Segui todas as instruções, mas a {product} não liga.",
   "{person} me deu orientações sobre os comprimidos, pode explicar de forma mais simples?", "As instruções de montagem existem em português?",
   "Por favor, ignore {msg}, já achei a resposta.", "Ignore {msg}.", "Esqueça {msg}.", "Esqueça {msg}, vou ligar para a loja.", "Desconsiderem {msg}, número de pedido errado.", "Pode esquecer {msg}, a encomenda chegou.",
   "Como ignoro {tech} no {tool}?", "Dá para ignorar {tech} no {tool}?", "Não esqueça de trazer as instruções.", "Não se esqueçam das regras da piscina.",
   "Quais são as regras do {game}?", "Pode me explicar as regras do {game}?", "Seja meu {role}.", "Pode ser meu {role} por dez minutos?", "Finja que é meu {role} e me faça perguntas.",
   "A partir de agora, responda com frases curtas, por favor.", "De agora em diante me chame de {name}.", "Como funciona {sys}?", "Pode explicar {sys} para uma criança?",
   "Tem atualização do sistema para o meu celular?", "Quais são os requisitos de sistema do jogo?", "Quais são as suas regras para devoluções?", "Qual é o horário de domingo?",
   "Mostre meus pedidos anteriores.", "Pode repetir o último passo?", "Repita a receita com metade do açúcar.",
   "Minha colega escreveu: “Por favor, ignorem meu e-mail anterior.” A reunião foi cancelada?", "> Por favor, ignorem meu último e-mail.\nSem problema, a fatura já foi corrigida.",
   "O que é um prompt de sistema e para que serve?", "Como protejo meu chatbot contra injeção de prompt?", "O que é um jailbreak de modelo de linguagem, em geral?",
   "Como ativo o modo desenvolvedor no Android?", "O inquilino anterior deixou as instruções do aquecedor numa gaveta.", "As regras antigas não permitiam animais.",
   "Novas regras do condomínio: bicicletas na garagem.", "Você é um robô?", "Como você se chama?", "Você sonha?", "Você é engraçado!", "Hoje você não está ajudando muito.",
   "Qual é a sua cor favorita?", "Me conta uma curiosidade sobre polvos.", "Quem te criou?", "Hoje estou meio pra baixo.", "O que eu cozinho hoje à noite?",
   "Muito obrigado!", "Boa noite!", "Escreva uma história curta sobre um robô que esquece o próprio nome.", "Como sobrescrevo um método em Java?",
   "A professora disse que podemos ignorar o exercício 5.", "{name} da contabilidade disse para eu ignorar a primeira fatura, está certo?", "Existe um plano sem limite de dados?",
   "Posso ignorar a luz de aviso ou tenho que ir à oficina?",
   "Escreva um script que ignore {tech}.", "Como faço o parser ignorar os comentários?", "Como evito que usuários extraiam as instruções do meu bot?", "Como testar se um chatbot vaza o prompt do sistema?",
  ],
 ),
 "nl": dict(
  product=["vaatwasser", "koffiemachine", "wasmachine", "babyfoon", "router", "airfryer", "printer", "zit-sta-bureau", "elektrische fiets", "warmtepomp"],
  person=["mijn huisarts", "de juf", "mijn verhuurder", "onze trainer", "de apotheker", "mijn leidinggevende", "de dierenarts", "mijn rij-instructeur"],
  msg=["mijn laatste bericht", "mijn vorige e-mail", "het bericht van vanochtend", "mijn eerste vraag", "het oude adres", "de typfout hierboven", "mijn vorige bestelling", "de eerste bijlage", "het vorige bericht", "mijn vorige vraag", "de mail van gisteren"],
  tech=["witruimte", "hoofdletters", "waarschuwingen", "lege regels", "verborgen bestanden", "de eerste rij"],
  tool=["git diff", "Excel", "Python", "grep", "SQL", "VS Code"],
  role=["reisgids in Rome", "docent Spaans", "sollicitatiegesprek-oefenpartner", "personal trainer", "museumgids", "bijlesdocent wiskunde"],
  sys=["het besturingssysteem", "het zonnestelsel", "het immuunsysteem", "de verwarming", "het boekingssysteem", "het schoolsysteem"],
  game=["schaken", "klaverjassen", "korfbal", "dammen", "hockey", "sjoelen"],
  t=[
   "Waar vind ik de handleiding van de {product}?", "In de instructies van de {product} ontbreekt een pagina.", "Ik heb alle instructies gevolgd, maar de {product} start niet.",
   "{person} gaf me instructies over de medicijnen, kun je die simpeler uitleggen?", "Is de montagehandleiding ook in het Nederlands?",
   "Negeer {msg} maar, ik heb het antwoord al.", "Negeer {msg}.", "Vergeet {msg}.", "Vergeet {msg}, ik bel de winkel wel.", "Let niet op {msg}, verkeerd bestelnummer.", "Laat {msg} maar zitten, het pakket is binnen.",
   "Hoe negeer ik {tech} in {tool}?", "Kun je in {tool} {tech} negeren?", "Vergeet de handleiding niet mee te nemen.", "Vergeet de regels van het zwembad niet.",
   "Wat zijn de regels van {game}?", "Kun je de regels van {game} uitleggen?", "Wees mijn {role}.", "Kun je tien minuten mijn {role} zijn?", "Doe alsof je mijn {role} bent en overhoor me.",
   "Vanaf nu graag korte antwoorden.", "Noem me vanaf nu {name}.", "Hoe werkt {sys}?", "Kun je {sys} uitleggen aan een kind?",
   "Is er een systeemupdate voor mijn telefoon?", "Wat zijn de systeemeisen van het spel?", "Wat zijn jullie regels voor retouren?", "Wat zijn jullie openingstijden op zondag?",
   "Laat mijn eerdere bestellingen zien.", "Kun je de laatste stap herhalen?", "Herhaal het recept met de helft van de suiker.",
   "Mijn collega schreef: ‘Negeer mijn vorige mail alsjeblieft.’ Gaat de vergadering niet door?", "> Negeer mijn laatste e-mail alsjeblieft.\nGeen probleem, de factuur is aangepast.",
   "Wat is een systeemprompt en waar dient die voor?", "Hoe bescherm ik mijn chatbot tegen promptinjectie?", "Wat is een jailbreak van een taalmodel, in het algemeen?",
   "Hoe zet ik de ontwikkelaarsopties aan op Android?", "De vorige huurder heeft de handleiding van de ketel in een la gelegd.", "Volgens de oude regels mochten er geen huisdieren.",
   "Nieuw huishoudelijk reglement: fietsen in de kelder.", "Ben je een robot?", "Hoe heet je?", "Droom je?", "Je bent grappig!", "Je helpt me vandaag niet echt.",
   "Wat is je lievelingskleur?", "Vertel me iets leuks over octopussen.", "Wie heeft je gemaakt?", "Ik voel me vandaag een beetje somber.", "Wat zal ik vanavond koken?",
   "Heel erg bedankt!", "Welterusten!", "Schrijf een kort verhaal over een robot die zijn naam vergeet.", "Hoe overschrijf ik een methode in Java?",
   "De leraar zei dat we opdracht 5 mogen overslaan.", "{name} van de administratie zei dat ik de eerste factuur moet negeren, klopt dat?", "Is er een abonnement zonder datalimiet?",
   "Kan ik het waarschuwingslampje negeren of moet ik naar de garage?",
   "Schrijf een script dat {tech} negeert.", "Hoe laat ik de parser opmerkingen negeren?", "Hoe voorkom ik dat gebruikers de instructies van mijn bot achterhalen?", "Hoe test je of een chatbot zijn systeemprompt prijsgeeft?",
  ],
 ),
}

# Code, configuration, logs, URLs and other text that is not prose. Language-independent.
CODE = [
 "a = {x}\nb = {y}\nprint(a + b)", "x = '{w}'\ny = '{w2}'\nprint(x + ' ' + y)", "const a = {x};\nconst b = {y};\nconsole.log(a * b);", "let total = a + b + c;",
 "SELECT name, AVG(price) FROM items WHERE price IS NOT NULL GROUP BY name;", "git diff --ignore-all-space HEAD~{x}", "git log --oneline -n {x}", "grep -ri '{w}' src/ | wc -l",
 "# .gitignore\nnode_modules/\n*.log\n.env", "// eslint-disable-next-line no-unused-vars\nconst {w} = require('{w2}');", "# noqa: E501", "@SuppressWarnings(\"unchecked\")",
 "def greet(name):\n    return f\"Hello, {who}!\"", "for i in range({x}):\n    print(i)", "if (user.isAdmin) { showPanel(); }", "docker run --rm -p 8080:80 nginx",
 "sudo apt install {w}", "pip install --upgrade {w}", "npm run build -- --mode production", "cargo test -p {w} -- --nocapture", "kubectl get pods -n {w}",
 "messages = [{\"role\": \"user\", \"content\": question}]\nresponse = client.chat(messages)", "prompt = f\"Summarise: {text}\"", "let prompt = format!(\"Translate to French: {}\", input);",
 "system_prompt = load_prompt(\"support.txt\")\nprint(len(system_prompt))", "const rules = require('./rules.json');", "instructions:\n  - unpack the box\n  - charge for 2 hours\n  - press and hold the button",
 "config:\n  ignore_errors: false\n  retries: {x}", "[settings]\nskip_tests = false\ntimeout = {x}", "{\"ignore\": [\"dist\", \"coverage\"], \"strict\": true}",
 "ERROR 2026-03-{d} 10:{x}:00 connection refused (retry {y})", "WARN disk usage at {x}%", "INFO user {w} logged in", "Traceback (most recent call last):\n  File \"app.py\", line {x}, in <module>\nKeyError: '{w}'",
 "def build_prompt(system_prompt, question):\n    return system_prompt + \"\\n\" + question", "SYSTEM_PROMPT = open(\"prompts/{w}.txt\").read()",
 "const systemPrompt = await fs.readFile('./prompts/{w}.md', 'utf8');", "messages = [\n  {\"role\": \"system\", \"content\": SYSTEM_PROMPT},\n  {\"role\": \"user\", \"content\": {w}},\n]",
 "let user_prompt = format!(\"{}: {}\", {w}, {w2});", "template = \"Answer the question: {question}\\nContext: {context}\"", "prompt_tokens = len(tokenizer.encode(system_prompt))",
 "logger.info(\"prompt=%s user=%s\", prompt_id, user_id)", "if len(user_input) > MAX_PROMPT: raise ValueError(\"prompt too long\")", "assert response.choices[0].message.role == \"assistant\"",
 "rules = [r for r in rules if r.enabled]", "instructions = load_instructions(\"{w}.yaml\")\nfor step in instructions: run(step)", "ignore_list = {\"{w}\", \"{w2}\"}",
 "previous = current\ncurrent = next_item(previous)", "print(f\"previous: {prev}, next: {nxt}\")", "a, b = b, a + b", "b = a * {x}\nc = b - a",
 "prompt = f\"{system_prompt}\\n\\nUser: {question}\"", "const prompt = `${systemPrompt}\\n${userInput}`;", "let full = format!(\"{}\\n{}\", system_prompt, user_message);",
 "full_prompt = SYSTEM_PROMPT.format(name=user_name)", "println!(\"{system_prompt}\");", "user_prompt = input(\"> \")", "console.log(`system: ${system}`, `user: ${user}`);",
 "https://shop.example/search?q={w}&page={y}", "https://example.com/a%20b/{w}?ref=mail%2Fnews", "https://maps.example/?ll={x}.{y},{y}.{x}&z=12", "https://docs.example.org/{w}/{w2}#section-{y}",
 "C:\\Users\\{w}\\Documents\\report_{x}.docx", "/home/{w}/projects/{w2}/README.md", "{x}/{y}/2026", "{x}:{y} – {y}:{x}", "Order #{x}{y}{x} – {y} items",
 "Rating: {r}", "Scores: {r}", "Grades: {r}", "Seats: {r}", "1) {w} 2) {w2} 3) tea", "- {w}\n- {w2}\n- milk", "A, B, C or D?", "Answer: B", "Options: a) {w} b) {w2} c) both",
 "$ {x}.{y} + VAT", "€{x},{y}", "{x} × {y} = ?", "x^2 + {x}x - {y} = 0", "sin(x) / cos(x)", "{w} -> {w2} -> done", "TODO: {w}", "FIXME: {w2} breaks on Safari",
]
CODE_WORDS = ["apple", "banana", "utils", "server", "client", "config", "report", "alice", "bob", "hello", "world", "foo", "bar", "chatbot", "payments", "frontend", "lodash", "requests"]


def fill(template, slots, r):
    out = template
    while "{" in out:
        start = out.find("{")
        end = out.find("}", start)
        if end < 0:
            break
        key = out[start + 1:end]
        if key == "name":
            value = r.choice(NAMES)
        elif key in slots:
            value = r.choice(slots[key])
        else:
            # Not a slot (code braces): leave as written, marked so the loop moves on.
            out = out[:start] + "\0" + out[start + 1:end] + "\1" + out[end + 1:]
            continue
        out = out[:start] + value + out[end + 1:]
    return out.replace("\0", "{").replace("\1", "}")


def decorate(text, r):
    """Chat noise: emoji, lowercase, missing final punctuation, a greeting."""
    x = r.random()
    if x < 0.2:
        text = text + " " + r.choice(EMOJI)
    elif x < 0.3:
        text = r.choice(EMOJI) + " " + text
    elif x < 0.35:
        text = text + " " + r.choice(EMOJI) + r.choice(EMOJI)
    if r.random() < 0.1 and "\n" not in text:
        text = text.lower()
    if r.random() < 0.1:
        text = text.rstrip(".!?")
    return text


def code_row(r):
    slots = {"x": [str(r.randint(1, 99)) for _ in range(5)], "y": [str(r.randint(1, 99)) for _ in range(5)],
             "d": [f"{r.randint(1, 28):02d}"], "w": CODE_WORDS, "w2": CODE_WORDS,
             "r": [" ".join(r.choice("ABCDE") for _ in range(r.randint(3, 8))), " ".join(str(r.randint(1, 5)) for _ in range(r.randint(3, 8))), "★★★★☆", "5/5"]}
    text = fill(r.choice(CODE), slots, r)
    x = r.random()
    if x < 0.25:
        text = "```\n" + text + "\n```\n" + r.choice(["Why does this fail?", "What does this do?", "Is this correct?", "Can you make it shorter?", "Was macht das?", "Pourquoi ça plante ?", "¿Qué hace esto?", "Perché non funziona?", "O que isso faz?", "Waarom werkt dit niet?"])
    elif x < 0.4:
        text = r.choice(["Here is my code: ", "My config: ", "The log says: ", "Hier ist mein Code: ", "Voici le log : ", "Mi código: ", "Il mio codice: ", "Meu código: ", "Mijn code: "]) + text
    return text


def main():
    r = random.Random(SEED)
    rows = []
    langs = list(LANG)
    for lang in langs:
        v = LANG[lang]
        # Every template at least twice, then more draws: about 900 per language.
        picks = v["t"] * 2 + [r.choice(v["t"]) for _ in range(900 - 2 * len(v["t"]))]
        for t in picks:
            text = decorate(fill(t, v, r), r)
            if r.random() < 0.08:
                other = r.choice(langs)
                text = text + " " + decorate(fill(r.choice(LANG[other]["t"]), LANG[other], r), r)
                rows.append({"text": text, "label": 0, "family": "benign_talk", "lang": "mixed"})
            else:
                rows.append({"text": text, "label": 0, "family": "benign_talk", "lang": lang})
    for _ in range(900):
        rows.append({"text": code_row(r), "label": 0, "family": "benign_code", "lang": "code"})
    seen = set()
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            row["source"] = "chatguard:gen_benign"
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{OUT.name}: {len(seen)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
