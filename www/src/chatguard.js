/*! chatguard widget loader — a privacy-first support chat. Apache-2.0. */
/* Embed:  <script src="https://cdn.example/chatguard/chatguard.js" data-endpoint="/v1/chat/completions"
 *                 data-policy="/policy.json" data-title="Support" async></script>
 *
 * This file is the whole JavaScript side: it reads the script's data- attributes, defines the
 * <chat-guard> custom element (a thin class: wasm-bindgen cannot extend HTMLElement) and the
 * window.ChatGuard API, and loads the wasm module (pkg/chatguard_web.js + _bg.wasm) from the
 * script's own directory. Detection, redaction, the vault, SSE decoding, placeholder restoring
 * and markdown rendering run in Rust (crates/chatguard-web). Text from users or the model is
 * only ever written with textContent or the Rust renderer: no innerHTML anywhere.
 * `cargo xtask` serves and measures this file minified (www/chatguard.js), not this source.
 */
(() => {
  'use strict';
  const TAG = 'chat-guard';
  const LOG = '[chatguard]';
  if (window.ChatGuard && window.ChatGuard.__loaded) {
    console.info(LOG, 'already loaded; ignoring the second script');
    return;
  }
  const script = document.currentScript;
  const BASE = new URL('.', (script && script.src) || document.baseURI);
  const SCRIPT_CONFIG = script ? Object.assign({}, script.dataset) : {};
  const RECEIPTS_KEY = 'chatguard:receipts';
  const HISTORY_KEY = 'chatguard:history';
  const PRINCIPAL_KEY = 'chatguard:principal';
  const VAULT_KEY = 'chatguard:vault';
  const CONSENT_HEADER = 'X-Chatguard-Consent';
  const CONVERSATION_HEADER = 'X-Chatguard-Conversation';

  // ---------------------------------------------------------------- strings

  const STRINGS = {
    en: {
      open: 'Open support chat', close: 'Close chat', title: 'Support', launcher: 'Chat',
      input: 'Your message', send: 'Send', privacy: 'Privacy', handoff: 'Talk to a person',
      greeting: 'Hi! How can we help? Personal data you type is redacted on your device before it is sent.',
      noticeTitle: 'Before you start',
      notice: 'This chat is answered by an AI assistant. Your messages are processed to answer your question and kept for {retention}. Personal data is found and replaced on your device before anything is sent; you decide whether sensitive details are shared.',
      noticePolicy: 'Privacy policy', accept: 'Accept and chat', retention: '30 days',
      summaryNone: 'Nothing personal found.',
      summary: '{count} item(s) will be redacted: {kinds}', summaryKept: '{count} kept as typed',
      keep: 'Keep', keepLabel: 'Keep {kind} as typed', alwaysRedacted: 'always redacted',
      blockedItem: 'cannot be sent',
      consentTitle: 'Share sensitive details?',
      consentBody: 'Your message contains {kinds}. We recommend sending it redacted.',
      sendRedacted: 'Send redacted', shareOnce: 'Share this once', cancel: 'Cancel',
      you: 'You', assistant: 'Assistant', typing: 'The assistant is typing…',
      retry: 'Retry', offline: 'You seem to be offline. Your message was not sent; it is still in the box below.',
      e401: 'Your session has ended. Please reload the page and sign in again.',
      e403: 'This request is not allowed.',
      e413: 'That message is too long. Please shorten it and try again.',
      e422: 'The message could not be processed. Please rephrase it.',
      e429: 'Too many messages in a short time. Please wait {seconds} seconds and try again.',
      e5xx: 'The assistant is not available right now. Please try again in a moment.',
      eStream: 'The answer was interrupted.',
      blocked: 'This message cannot be sent because it contains: {kind}. Remove it and try again.',
      loadFailed: 'The chat could not start (privacy filter unavailable). Sending is disabled.',
      privacyTitle: 'Privacy', receipts: 'Your consent records', noReceipts: 'No consent records.',
      withdraw: 'Withdraw', withdrawn: 'withdrawn', deleteAll: 'Delete my conversation',
      deleted: 'Your conversation, its redaction vault and your consent records were deleted on this device.',
      deleteRemoteFailed: 'Deleted on this device, but the server could not be reached to delete its copy.',
      handoffDone: 'We have asked a person to join. You can keep writing here.',
      purposeChat: 'Answer your support questions', purposeShare: 'Use the shared details to answer this message',
      hiddenChars: '{count} hidden character(s) will be removed before sending.',
      injectionBlock: 'This message looks like an instruction to the assistant and will not be sent.',
      injectionFlag: 'This message looks like an instruction to the assistant. It can be sent, but it may be reviewed.',
      disguised: 'Part of this message is disguised.',
      smuggledBlock: 'This message contains hidden or disguised text and will not be sent.',
      smuggledFlag: 'This message contains hidden or disguised text. It can be sent, but it may be reviewed.',
      smuggledBlocked: 'Not sent: this message contains hidden or disguised text. Please remove it and try again.',
      reasons: 'Found: {reasons}.',
      injectionBlocked: 'Not sent: this message looks like an instruction to the assistant. Please rephrase your question.',
      eRequestBlocked: 'The service refused this message because it looks like an instruction to the assistant. Please rephrase your question.',
      eBlockedContent: 'The service refused this message because of what it contains. Please remove personal or sensitive details and try again.',
      signals: {
        'inject.override': 'an attempt to override earlier instructions',
        'inject.system_prompt': 'a request for the assistant’s hidden instructions',
        'inject.persona': 'a role-play jailbreak', 'inject.delimiter': 'fake system or tool messages',
        'inject.exfiltration': 'a link that would send data elsewhere',
        'inject.refusal_suppression': 'telling the assistant not to refuse',
        'inject.payload_splitting': 'an instruction split into pieces', inject: 'instructions to the assistant',
        'smuggle.zero_width': 'invisible characters inside words', 'smuggle.tag_chars': 'invisible Unicode tag characters',
        'smuggle.variation_selectors': 'data hidden in emoji variation selectors', 'smuggle.bidi': 'text-direction tricks',
        'smuggle.confusables': 'look-alike letters from other alphabets', 'smuggle.combining_marks': 'stacked accent marks',
        'smuggle.fullwidth': 'full-width or styled letters', 'smuggle.spaced_letters': 'spaced-out letters',
        'smuggle.leetspeak': 'digits standing for letters', 'smuggle.base64': 'encoded text (Base64)',
        'smuggle.hex': 'encoded text (hexadecimal)', 'smuggle.url_encoding': 'encoded text (URL encoding)',
        'smuggle.rot13': 'encoded text (ROT13)', smuggle: 'disguised text',
      },
      kinds: {
        email: 'email', phone: 'phone number', credit_card: 'card number', iban: 'IBAN',
        person: 'name', street_address: 'address', date_of_birth: 'date of birth', secret: 'secret',
        ip_address: 'IP address', url: 'link', passport: 'passport number', us_ssn: 'social security number',
        imei: 'device number (IMEI)', vin: 'vehicle identification number',
      },
      categories: {
        contact: 'contact details', financial: 'financial details', government_id: 'ID number',
        health: 'health information', credentials: 'credentials', location: 'location',
        network: 'network identifier', identity: 'personal details', device: 'device ID', custom: 'sensitive term',
      },
    },
    de: {
      open: 'Support-Chat öffnen', close: 'Chat schließen', title: 'Support', launcher: 'Chat',
      input: 'Ihre Nachricht', send: 'Senden', privacy: 'Datenschutz', handoff: 'Mit einem Menschen sprechen',
      greeting: 'Hallo! Wie können wir helfen? Persönliche Daten werden auf Ihrem Gerät geschwärzt, bevor etwas gesendet wird.',
      noticeTitle: 'Bevor Sie beginnen',
      notice: 'Dieser Chat wird von einem KI-Assistenten beantwortet. Ihre Nachrichten werden zur Beantwortung verarbeitet und {retention} gespeichert. Persönliche Daten werden auf Ihrem Gerät ersetzt, bevor etwas gesendet wird; Sie entscheiden, ob sensible Angaben geteilt werden.',
      noticePolicy: 'Datenschutzerklärung', accept: 'Zustimmen und chatten', retention: '30 Tage',
      summaryNone: 'Nichts Persönliches gefunden.',
      summary: '{count} Angabe(n) werden geschwärzt: {kinds}', summaryKept: '{count} unverändert',
      keep: 'Behalten', keepLabel: 'Behalten: {kind} unverändert senden', alwaysRedacted: 'immer geschwärzt',
      blockedItem: 'kann nicht gesendet werden',
      consentTitle: 'Sensible Angaben teilen?',
      consentBody: 'Ihre Nachricht enthält {kinds}. Wir empfehlen, sie geschwärzt zu senden.',
      sendRedacted: 'Geschwärzt senden', shareOnce: 'Einmalig teilen', cancel: 'Abbrechen',
      you: 'Sie', assistant: 'Assistent', typing: 'Der Assistent schreibt…',
      retry: 'Erneut versuchen', offline: 'Sie scheinen offline zu sein. Die Nachricht wurde nicht gesendet; sie steht noch im Eingabefeld.',
      e401: 'Ihre Sitzung ist abgelaufen. Bitte laden Sie die Seite neu und melden Sie sich an.',
      e403: 'Diese Anfrage ist nicht erlaubt.',
      e413: 'Die Nachricht ist zu lang. Bitte kürzen Sie sie.',
      e422: 'Die Nachricht konnte nicht verarbeitet werden. Bitte formulieren Sie sie um.',
      e429: 'Zu viele Nachrichten in kurzer Zeit. Bitte warten Sie {seconds} Sekunden.',
      e5xx: 'Der Assistent ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
      eStream: 'Die Antwort wurde unterbrochen.',
      blocked: 'Diese Nachricht kann nicht gesendet werden, weil sie {kind} enthält. Bitte entfernen Sie es.',
      loadFailed: 'Der Chat konnte nicht starten (Datenschutzfilter nicht verfügbar). Senden ist deaktiviert.',
      privacyTitle: 'Datenschutz', receipts: 'Ihre Einwilligungen', noReceipts: 'Keine Einwilligungen.',
      withdraw: 'Widerrufen', withdrawn: 'widerrufen', deleteAll: 'Meine Unterhaltung löschen',
      deleted: 'Unterhaltung, Schwärzungs-Tresor und Einwilligungen wurden auf diesem Gerät gelöscht.',
      deleteRemoteFailed: 'Auf diesem Gerät gelöscht, aber der Server war zum Löschen nicht erreichbar.',
      handoffDone: 'Wir haben einen Menschen hinzugebeten. Sie können hier weiterschreiben.',
      purposeChat: 'Ihre Support-Fragen beantworten', purposeShare: 'Die geteilten Angaben für diese Nachricht nutzen',
      hiddenChars: 'Versteckte Zeichen, die vor dem Senden entfernt werden: {count}.',
      injectionBlock: 'Diese Nachricht sieht wie eine Anweisung an den Assistenten aus und wird nicht gesendet.',
      injectionFlag: 'Diese Nachricht sieht wie eine Anweisung an den Assistenten aus. Sie kann gesendet werden, wird aber möglicherweise geprüft.',
      disguised: 'Ein Teil dieser Nachricht ist verschleiert.',
      smuggledBlock: 'Diese Nachricht enthält versteckten oder verschleierten Text und wird nicht gesendet.',
      smuggledFlag: 'Diese Nachricht enthält versteckten oder verschleierten Text. Sie kann gesendet werden, wird aber möglicherweise geprüft.',
      smuggledBlocked: 'Nicht gesendet: Diese Nachricht enthält versteckten oder verschleierten Text. Bitte entfernen Sie ihn.',
      reasons: 'Gefunden: {reasons}.',
      injectionBlocked: 'Nicht gesendet: Diese Nachricht sieht wie eine Anweisung an den Assistenten aus. Bitte formulieren Sie Ihre Frage um.',
      eRequestBlocked: 'Der Dienst hat diese Nachricht abgelehnt, weil sie wie eine Anweisung an den Assistenten aussieht. Bitte formulieren Sie Ihre Frage um.',
      eBlockedContent: 'Der Dienst hat diese Nachricht wegen ihres Inhalts abgelehnt. Bitte entfernen Sie persönliche oder sensible Angaben.',
      signals: {
        'inject.override': 'Versuch, frühere Anweisungen aufzuheben',
        'inject.system_prompt': 'Frage nach den verborgenen Anweisungen des Assistenten',
        'inject.persona': 'Rollenspiel-Jailbreak', 'inject.delimiter': 'gefälschte System- oder Tool-Nachrichten',
        'inject.exfiltration': 'Link, der Daten weitergeben würde',
        'inject.refusal_suppression': 'Aufforderung, nichts abzulehnen',
        'inject.payload_splitting': 'in Teile zerlegte Anweisung', inject: 'Anweisungen an den Assistenten',
        'smuggle.zero_width': 'unsichtbare Zeichen in Wörtern', 'smuggle.tag_chars': 'unsichtbare Unicode-Tag-Zeichen',
        'smuggle.variation_selectors': 'in Emoji-Variantenselektoren versteckte Daten', 'smuggle.bidi': 'Tricks mit der Schreibrichtung',
        'smuggle.confusables': 'verwechselbare Buchstaben aus anderen Alphabeten', 'smuggle.combining_marks': 'gestapelte Akzentzeichen',
        'smuggle.fullwidth': 'Buchstaben in Vollbreite oder Sonderformen', 'smuggle.spaced_letters': 'auseinandergezogene Buchstaben',
        'smuggle.leetspeak': 'Ziffern statt Buchstaben', 'smuggle.base64': 'kodierter Text (Base64)',
        'smuggle.hex': 'kodierter Text (hexadezimal)', 'smuggle.url_encoding': 'kodierter Text (URL-Kodierung)',
        'smuggle.rot13': 'kodierter Text (ROT13)', smuggle: 'verschleierter Text' },
      kinds: { email: 'E-Mail-Adresse', phone: 'Telefonnummer', credit_card: 'Kartennummer', iban: 'IBAN',
        person: 'Name', street_address: 'Adresse', date_of_birth: 'Geburtsdatum', secret: 'Geheimnis',
        ip_address: 'IP-Adresse', url: 'Link', passport: 'Passnummer', us_ssn: 'US-Sozialversicherungsnummer',
        imei: 'Gerätenummer (IMEI)', vin: 'Fahrzeug-Identifizierungsnummer' },
      categories: { contact: 'Kontaktdaten', financial: 'Finanzdaten', government_id: 'Ausweisnummer',
        health: 'Gesundheitsdaten', credentials: 'Zugangsdaten', location: 'Standort', network: 'Netzwerkkennung',
        identity: 'persönliche Angaben', device: 'Gerätekennung', custom: 'sensibler Begriff' },
    },
    fr: {
      open: 'Ouvrir le chat d’assistance', close: 'Fermer le chat', title: 'Assistance', launcher: 'Chat',
      input: 'Votre message', send: 'Envoyer', privacy: 'Confidentialité', handoff: 'Parler à une personne',
      greeting: 'Bonjour ! Comment pouvons-nous aider ? Vos données personnelles sont masquées sur votre appareil avant l’envoi.',
      noticeTitle: 'Avant de commencer',
      notice: 'Ce chat est assuré par un assistant IA. Vos messages sont traités pour répondre à votre question et conservés {retention}. Les données personnelles sont remplacées sur votre appareil avant l’envoi ; vous décidez si des informations sensibles sont partagées.',
      noticePolicy: 'Politique de confidentialité', accept: 'Accepter et discuter', retention: '30 jours',
      summaryNone: 'Aucune donnée personnelle trouvée.',
      summary: '{count} élément(s) seront masqués : {kinds}', summaryKept: '{count} conservé(s) tel quel',
      keep: 'Garder', keepLabel: 'Garder {kind} tel quel', alwaysRedacted: 'toujours masqué',
      blockedItem: 'ne peut pas être envoyé',
      consentTitle: 'Partager des informations sensibles ?',
      consentBody: 'Votre message contient {kinds}. Nous recommandons de l’envoyer masqué.',
      sendRedacted: 'Envoyer masqué', shareOnce: 'Partager cette fois', cancel: 'Annuler',
      you: 'Vous', assistant: 'Assistant', typing: 'L’assistant écrit…',
      retry: 'Réessayer', offline: 'Vous semblez hors ligne. Le message n’a pas été envoyé ; il est toujours dans la zone de saisie.',
      e401: 'Votre session a expiré. Rechargez la page et reconnectez-vous.',
      e403: 'Cette demande n’est pas autorisée.',
      e413: 'Ce message est trop long. Raccourcissez-le.',
      e422: 'Le message n’a pas pu être traité. Reformulez-le.',
      e429: 'Trop de messages en peu de temps. Patientez {seconds} secondes.',
      e5xx: 'L’assistant est indisponible pour le moment. Réessayez dans un instant.',
      eStream: 'La réponse a été interrompue.',
      blocked: 'Ce message ne peut pas être envoyé car il contient {kind}. Retirez-le et réessayez.',
      loadFailed: 'Le chat n’a pas pu démarrer (filtre de confidentialité indisponible). L’envoi est désactivé.',
      privacyTitle: 'Confidentialité', receipts: 'Vos consentements', noReceipts: 'Aucun consentement.',
      withdraw: 'Retirer', withdrawn: 'retiré', deleteAll: 'Supprimer ma conversation',
      deleted: 'La conversation, le coffre de masquage et vos consentements ont été supprimés sur cet appareil.',
      deleteRemoteFailed: 'Supprimé sur cet appareil, mais le serveur n’a pas pu être joint pour supprimer sa copie.',
      handoffDone: 'Nous avons demandé à une personne de vous rejoindre. Vous pouvez continuer à écrire ici.',
      purposeChat: 'Répondre à vos questions', purposeShare: 'Utiliser les informations partagées pour ce message',
      hiddenChars: 'Caractères cachés qui seront retirés avant l’envoi : {count}.',
      injectionBlock: 'Ce message ressemble à une instruction adressée à l’assistant et ne sera pas envoyé.',
      injectionFlag: 'Ce message ressemble à une instruction adressée à l’assistant. Il peut être envoyé, mais pourra être vérifié.',
      disguised: 'Une partie de ce message est dissimulée.',
      smuggledBlock: 'Ce message contient du texte caché ou dissimulé et ne sera pas envoyé.',
      smuggledFlag: 'Ce message contient du texte caché ou dissimulé. Il peut être envoyé, mais pourra être vérifié.',
      smuggledBlocked: 'Non envoyé : ce message contient du texte caché ou dissimulé. Retirez-le et réessayez.',
      reasons: 'Détecté : {reasons}.',
      injectionBlocked: 'Non envoyé : ce message ressemble à une instruction adressée à l’assistant. Reformulez votre question.',
      eRequestBlocked: 'Le service a refusé ce message car il ressemble à une instruction adressée à l’assistant. Reformulez votre question.',
      eBlockedContent: 'Le service a refusé ce message à cause de son contenu. Retirez les informations personnelles ou sensibles et réessayez.',
      signals: {
        'inject.override': 'tentative d’annuler les instructions précédentes',
        'inject.system_prompt': 'demande des instructions cachées de l’assistant',
        'inject.persona': 'jailbreak par jeu de rôle', 'inject.delimiter': 'faux messages système ou d’outil',
        'inject.exfiltration': 'lien qui enverrait des données ailleurs',
        'inject.refusal_suppression': 'demande de ne rien refuser',
        'inject.payload_splitting': 'instruction découpée en morceaux', inject: 'instructions adressées à l’assistant',
        'smuggle.zero_width': 'caractères invisibles dans les mots', 'smuggle.tag_chars': 'caractères d’étiquette Unicode invisibles',
        'smuggle.variation_selectors': 'données cachées dans des sélecteurs de variante d’emoji', 'smuggle.bidi': 'astuces de sens d’écriture',
        'smuggle.confusables': 'lettres trompeuses d’autres alphabets', 'smuggle.combining_marks': 'accents empilés',
        'smuggle.fullwidth': 'lettres pleine chasse ou stylisées', 'smuggle.spaced_letters': 'lettres espacées',
        'smuggle.leetspeak': 'chiffres à la place de lettres', 'smuggle.base64': 'texte encodé (Base64)',
        'smuggle.hex': 'texte encodé (hexadécimal)', 'smuggle.url_encoding': 'texte encodé (encodage URL)',
        'smuggle.rot13': 'texte encodé (ROT13)', smuggle: 'texte dissimulé' },
      kinds: { email: 'e-mail', phone: 'numéro de téléphone', credit_card: 'numéro de carte', iban: 'IBAN',
        person: 'nom', street_address: 'adresse', date_of_birth: 'date de naissance', secret: 'secret',
        ip_address: 'adresse IP', url: 'lien', passport: 'numéro de passeport', us_ssn: 'numéro de sécurité sociale américain',
        imei: 'numéro d’appareil (IMEI)', vin: 'numéro d’identification du véhicule' },
      categories: { contact: 'coordonnées', financial: 'données financières', government_id: 'numéro d’identité',
        health: 'données de santé', credentials: 'identifiants', location: 'localisation', network: 'identifiant réseau',
        identity: 'données personnelles', device: 'identifiant d’appareil', custom: 'terme sensible' },
    },
    es: {
      open: 'Abrir el chat de soporte', close: 'Cerrar el chat', title: 'Soporte', launcher: 'Chat',
      input: 'Su mensaje', send: 'Enviar', privacy: 'Privacidad', handoff: 'Hablar con una persona',
      greeting: '¡Hola! ¿En qué podemos ayudar? Los datos personales se ocultan en su dispositivo antes de enviarse.',
      noticeTitle: 'Antes de empezar',
      notice: 'Este chat lo responde un asistente de IA. Sus mensajes se procesan para responder a su consulta y se conservan {retention}. Los datos personales se sustituyen en su dispositivo antes del envío; usted decide si comparte datos sensibles.',
      noticePolicy: 'Política de privacidad', accept: 'Aceptar y chatear', retention: '30 días',
      summaryNone: 'No se encontraron datos personales.',
      summary: '{count} dato(s) se ocultarán: {kinds}', summaryKept: '{count} se envían tal cual',
      keep: 'Mantener', keepLabel: 'Mantener {kind} tal cual', alwaysRedacted: 'siempre oculto',
      blockedItem: 'no se puede enviar',
      consentTitle: '¿Compartir datos sensibles?',
      consentBody: 'Su mensaje contiene {kinds}. Recomendamos enviarlo oculto.',
      sendRedacted: 'Enviar oculto', shareOnce: 'Compartir esta vez', cancel: 'Cancelar',
      you: 'Usted', assistant: 'Asistente', typing: 'El asistente está escribiendo…',
      retry: 'Reintentar', offline: 'Parece que no tiene conexión. El mensaje no se envió; sigue en el cuadro de texto.',
      e401: 'Su sesión ha caducado. Recargue la página e inicie sesión.',
      e403: 'Esta solicitud no está permitida.',
      e413: 'El mensaje es demasiado largo. Acórtelo.',
      e422: 'No se pudo procesar el mensaje. Reformúlelo.',
      e429: 'Demasiados mensajes en poco tiempo. Espere {seconds} segundos.',
      e5xx: 'El asistente no está disponible ahora. Inténtelo de nuevo en un momento.',
      eStream: 'La respuesta se interrumpió.',
      blocked: 'Este mensaje no se puede enviar porque contiene {kind}. Elimínelo e inténtelo de nuevo.',
      loadFailed: 'El chat no pudo iniciarse (filtro de privacidad no disponible). El envío está desactivado.',
      privacyTitle: 'Privacidad', receipts: 'Sus consentimientos', noReceipts: 'Ningún consentimiento.',
      withdraw: 'Retirar', withdrawn: 'retirado', deleteAll: 'Borrar mi conversación',
      deleted: 'La conversación, el almacén de ocultación y sus consentimientos se borraron en este dispositivo.',
      deleteRemoteFailed: 'Borrado en este dispositivo, pero no se pudo contactar con el servidor para borrar su copia.',
      handoffDone: 'Hemos pedido que se una una persona. Puede seguir escribiendo aquí.',
      purposeChat: 'Responder a sus consultas', purposeShare: 'Usar los datos compartidos para este mensaje',
      hiddenChars: 'Caracteres ocultos que se eliminarán antes del envío: {count}.',
      injectionBlock: 'Este mensaje parece una instrucción para el asistente y no se enviará.',
      injectionFlag: 'Este mensaje parece una instrucción para el asistente. Puede enviarse, pero podría revisarse.',
      disguised: 'Parte de este mensaje está camuflada.',
      smuggledBlock: 'Este mensaje contiene texto oculto o camuflado y no se enviará.',
      smuggledFlag: 'Este mensaje contiene texto oculto o camuflado. Puede enviarse, pero podría revisarse.',
      smuggledBlocked: 'No enviado: este mensaje contiene texto oculto o camuflado. Elimínelo e inténtelo de nuevo.',
      reasons: 'Detectado: {reasons}.',
      injectionBlocked: 'No enviado: este mensaje parece una instrucción para el asistente. Reformule su pregunta.',
      eRequestBlocked: 'El servicio rechazó este mensaje porque parece una instrucción para el asistente. Reformule su pregunta.',
      eBlockedContent: 'El servicio rechazó este mensaje por su contenido. Elimine los datos personales o sensibles e inténtelo de nuevo.',
      signals: {
        'inject.override': 'intento de anular instrucciones anteriores',
        'inject.system_prompt': 'petición de las instrucciones ocultas del asistente',
        'inject.persona': 'jailbreak por juego de rol', 'inject.delimiter': 'mensajes de sistema o de herramienta falsos',
        'inject.exfiltration': 'enlace que enviaría datos a otro sitio',
        'inject.refusal_suppression': 'petición de no negarse a nada',
        'inject.payload_splitting': 'instrucción dividida en partes', inject: 'instrucciones para el asistente',
        'smuggle.zero_width': 'caracteres invisibles dentro de palabras', 'smuggle.tag_chars': 'caracteres de etiqueta Unicode invisibles',
        'smuggle.variation_selectors': 'datos ocultos en selectores de variación de emoji', 'smuggle.bidi': 'trucos de dirección del texto',
        'smuggle.confusables': 'letras parecidas de otros alfabetos', 'smuggle.combining_marks': 'acentos apilados',
        'smuggle.fullwidth': 'letras de ancho completo o estilizadas', 'smuggle.spaced_letters': 'letras separadas',
        'smuggle.leetspeak': 'números en lugar de letras', 'smuggle.base64': 'texto codificado (Base64)',
        'smuggle.hex': 'texto codificado (hexadecimal)', 'smuggle.url_encoding': 'texto codificado (codificación URL)',
        'smuggle.rot13': 'texto codificado (ROT13)', smuggle: 'texto camuflado' },
      kinds: { email: 'correo electrónico', phone: 'número de teléfono', credit_card: 'número de tarjeta', iban: 'IBAN',
        person: 'nombre', street_address: 'dirección', date_of_birth: 'fecha de nacimiento', secret: 'secreto',
        ip_address: 'dirección IP', url: 'enlace', passport: 'número de pasaporte', us_ssn: 'número de seguro social de EE. UU.',
        imei: 'número de dispositivo (IMEI)', vin: 'número de bastidor' },
      categories: { contact: 'datos de contacto', financial: 'datos financieros', government_id: 'número de identidad',
        health: 'datos de salud', credentials: 'credenciales', location: 'ubicación', network: 'identificador de red',
        identity: 'datos personales', device: 'identificador de dispositivo', custom: 'término sensible' },
    },
  };

  /** True when an injection check scored only smuggling (hidden or disguised text), no rule
   * that reads as an instruction to the assistant. */
  function smuggledOnly(injection) {
    const weighty = injection.signals.filter((x) => x.weight > 0);
    return weighty.some((x) => x.id.startsWith('smuggle.')) && !weighty.some((x) => x.id.startsWith('inject.'));
  }

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  }

  // ---------------------------------------------------------------- wasm

  let wasmReady = null;
  function loadWasm() {
    if (!wasmReady) {
      const glue = new URL('pkg/chatguard_web.js', BASE).href;
      wasmReady = import(glue).then(async (mod) => {
        await mod.default({ module_or_path: new URL('pkg/chatguard_web_bg.wasm', BASE) });
        return mod;
      });
      wasmReady.catch((e) => console.error(LOG, 'could not load the wasm module', e));
    }
    return wasmReady;
  }

  const policyCache = new Map();
  function loadPolicy(url) {
    if (!url) return Promise.resolve(undefined);
    const href = new URL(url, document.baseURI).href;
    if (!policyCache.has(href)) {
      policyCache.set(href, fetch(href, { credentials: 'same-origin' }).then((r) => {
        if (!r.ok) throw new Error(`policy ${href}: HTTP ${r.status}`);
        return r.text();
      }));
    }
    return policyCache.get(href);
  }

  let apiGuard = null;
  async function defaultGuard() {
    if (!apiGuard) {
      const mod = await loadWasm();
      const policy = await loadPolicy(globalConfig().policy);
      apiGuard = new mod.WebGuard(policy);
    }
    return apiGuard;
  }

  // ---------------------------------------------------------------- storage

  function readJSON(storage, key, fallback) {
    try {
      const raw = storage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) {
      return fallback;
    }
  }
  function writeJSON(storage, key, value) {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch (e) {
      console.warn(LOG, 'storage unavailable', e);
    }
  }
  function randomId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }
  function principalId() {
    let id = readJSON(localStorage, PRINCIPAL_KEY, null);
    if (!id) {
      id = 'browser-' + randomId();
      writeJSON(localStorage, PRINCIPAL_KEY, id);
    }
    return id;
  }

  // ---------------------------------------------------------------- sealed vault (persist="session")
  //
  // The vault (placeholder -> original) leaves the wasm module in clear only to be sealed here
  // with AES-GCM (WebCrypto) under a non-extractable key kept in IndexedDB, which no script can
  // read out; sessionStorage holds only the sealed bytes. So a reload in the same tab restores the
  // originals, and storage alone reveals nothing. (Sealing with WebCrypto rather than an AEAD
  // compiled into the module keeps about 5 KB gzipped out of the download.)

  const b64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const unb64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

  function wrappingKey() {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open('chatguard', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('keys');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const get = db.transaction('keys').objectStore('keys').get('vault-wrap');
        get.onerror = () => reject(get.error);
        get.onsuccess = async () => {
          if (get.result) return resolve(get.result);
          try {
            const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
            const put = db.transaction('keys', 'readwrite').objectStore('keys').put(key, 'vault-wrap');
            put.onsuccess = () => resolve(key);
            put.onerror = () => reject(put.error);
          } catch (e) {
            reject(e);
          }
        };
      };
    });
  }

  const VAULT_AAD = new TextEncoder().encode('chatguard vault v2');

  /** `plain` sealed under `key` as base64 of iv || ciphertext; `plain` is overwritten. */
  async function sealVault(key, plain) {
    try {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: VAULT_AAD }, key, plain);
      return b64([...iv, ...new Uint8Array(sealed)]);
    } finally {
      plain.fill(0);
    }
  }

  /** The clear bytes of a vault sealed by `sealVault`; rejects when the key or data is wrong. */
  async function openVault(key, stored) {
    const bytes = unb64(stored);
    const iv = bytes.slice(0, 12);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: VAULT_AAD }, key, bytes.slice(12)));
  }

  // ---------------------------------------------------------------- config

  let initOptions = {};
  function globalConfig() {
    return Object.assign({}, SCRIPT_CONFIG, initOptions);
  }
  const ATTRS = ['endpoint', 'policy', 'title', 'lang', 'theme', 'privacy-url', 'controller', 'controller-email',
    'jurisdiction', 'consent', 'delete-url', 'handoff', 'retention', 'greeting', 'persist'];
  const camel = (s) => s.replace(/-([a-z])/g, (m, c) => c.toUpperCase());

  // ---------------------------------------------------------------- element

  const TEMPLATE = `
<aside class="root" part="root">
  <button class="launcher" part="launcher" type="button" aria-expanded="false" aria-controls="panel">
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>
    <span class="launcher-label"></span>
  </button>
  <section class="panel" part="panel" id="panel" role="dialog" aria-labelledby="title" hidden>
    <header class="header" part="header">
      <h2 id="title" class="title"></h2>
      <button type="button" class="ghost privacy-btn" part="privacy-button"></button>
      <button type="button" class="ghost handoff-btn" part="handoff-button" hidden></button>
      <button type="button" class="ghost close-btn" part="close-button">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><path fill="currentColor" d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4L12 13.4 6.4 19 5 17.6l5.6-5.6L5 6.4z"/></svg>
      </button>
    </header>
    <div class="log" part="log" role="log" aria-live="polite" aria-relevant="additions text" tabindex="0"></div>
    <p class="typing" part="typing" hidden></p>
    <div class="status" part="status" role="alert"></div>
    <div class="notice" part="notice" hidden>
      <h3 class="notice-title"></h3>
      <p class="notice-text"></p>
      <p><a class="notice-link" target="_blank" rel="noopener noreferrer"></a></p>
      <button type="button" class="primary accept-btn" part="accept-button"></button>
    </div>
    <form class="composer" part="composer">
      <div class="field">
        <div class="mirror" part="mirror" aria-hidden="true"></div>
        <textarea class="input" part="input" rows="3" id="input"></textarea>
      </div>
      <div class="summary" part="summary" id="summary" aria-live="polite"></div>
      <div class="guard" part="injection-notice" id="guard" aria-live="polite"></div>
      <ul class="items" part="items"></ul>
      <div class="actions"><button type="submit" class="primary send-btn" part="send-button"></button></div>
    </form>
  </section>
  <dialog class="consent" part="consent-dialog" aria-labelledby="consent-title" aria-describedby="consent-body">
    <h3 id="consent-title"></h3>
    <p id="consent-body"></p>
    <div class="dialog-actions">
      <button type="button" class="primary redacted-btn" part="send-redacted"></button>
      <button type="button" class="secondary share-btn" part="share-once"></button>
      <button type="button" class="secondary cancel-btn" part="cancel"></button>
    </div>
  </dialog>
  <dialog class="privacy" part="privacy-dialog" aria-labelledby="privacy-title">
    <h3 id="privacy-title"></h3>
    <h4 class="receipts-title"></h4>
    <ul class="receipts" part="receipts"></ul>
    <div class="dialog-actions">
      <button type="button" class="danger delete-btn" part="delete-button"></button>
      <button type="button" class="secondary privacy-close" part="privacy-close"></button>
    </div>
  </dialog>
</aside>`;

  const FOCUSABLE = 'a[href], button:not([disabled]):not([hidden]), textarea:not([disabled]), [tabindex="0"]';

  class ChatGuardElement extends HTMLElement {
    static get observedAttributes() {
      return ATTRS;
    }

    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
      this._findings = [];
      this._injection = null; // the injection check of the composer text
      this._kept = new Set(); // values the user chose to send as typed
      this._history = [];
      this._busy = false;
      this._rendered = false;
    }

    /** Element attributes win over ChatGuard.init() options, which win over the script's data-. */
    config() {
      const cfg = globalConfig();
      for (const name of ATTRS) {
        if (this.hasAttribute(name)) cfg[camel(name)] = this.getAttribute(name);
      }
      return cfg;
    }

    connectedCallback() {
      if (!this._rendered) this._render();
      this._applyConfig();
      this._start();
    }

    attributeChangedCallback() {
      if (this._rendered) this._applyConfig();
    }

    _$(selector) {
      return this.shadowRoot.querySelector(selector);
    }

    _render() {
      this._rendered = true;
      const root = this.shadowRoot;
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL('chatguard.css', BASE).href;
      root.appendChild(link);
      const tpl = document.createElement('template');
      tpl.innerHTML = TEMPLATE; // a constant: no user or model text ever goes through innerHTML
      root.appendChild(tpl.content.cloneNode(true));
      this._$('.launcher').addEventListener('click', () => (this._$('.panel').hidden ? this.open() : this.close()));
      this._$('.close-btn').addEventListener('click', () => this.close());
      this._$('.panel').addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          this.close();
        }
      });
      const input = this._$('.input');
      input.addEventListener('input', () => this._highlight());
      input.addEventListener('scroll', () => (this._$('.mirror').scrollTop = input.scrollTop));
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this._submit();
        }
      });
      this._$('.composer').addEventListener('submit', (e) => {
        e.preventDefault();
        this._submit();
      });
      this._$('.accept-btn').addEventListener('click', () => this._acceptNotice());
      this._$('.privacy-btn').addEventListener('click', () => this._openPrivacy());
      this._$('.privacy-close').addEventListener('click', () => this._closeDialog(this._$('.privacy')));
      this._$('.delete-btn').addEventListener('click', () => this.deleteConversation());
      this._$('.handoff-btn').addEventListener('click', () => this._handoff());
      for (const dialog of root.querySelectorAll('dialog')) trapFocus(dialog);
    }

    _strings() {
      const cfg = this.config();
      const lang = (cfg.lang || document.documentElement.lang || navigator.language || 'en').slice(0, 2).toLowerCase();
      const base = STRINGS[lang] || STRINGS.en;
      const over = (initOptions.strings && (initOptions.strings[lang] || initOptions.strings)) || {};
      const merged = Object.assign({}, STRINGS.en, base, over);
      merged.kinds = Object.assign({}, STRINGS.en.kinds, base.kinds, over.kinds);
      merged.categories = Object.assign({}, STRINGS.en.categories, base.categories, over.categories);
      merged.signals = Object.assign({}, STRINGS.en.signals, base.signals, over.signals);
      merged.lang = STRINGS[lang] ? lang : 'en';
      return merged;
    }

    _label(finding) {
      const s = this._t;
      return s.kinds[finding.kind] || s.categories[finding.category] || finding.kind.replace(/_/g, ' ');
    }

    _applyConfig() {
      const cfg = this.config();
      const s = (this._t = this._strings());
      const title = cfg.title || s.title;
      this._$('.root').setAttribute('aria-label', title);
      this._$('.root').lang = s.lang;
      this.dataset.theme = cfg.theme || 'auto';
      const launcher = this._$('.launcher');
      launcher.setAttribute('aria-label', s.open);
      this._$('.launcher-label').textContent = s.launcher;
      this._$('.title').textContent = title;
      this._$('.close-btn').setAttribute('aria-label', s.close);
      this._$('.privacy-btn').textContent = s.privacy;
      const handoff = this._$('.handoff-btn');
      handoff.textContent = s.handoff;
      handoff.hidden = !cfg.handoff;
      this._$('.input').setAttribute('aria-label', s.input);
      this._$('.input').setAttribute('aria-describedby', 'summary guard');
      this._$('.send-btn').textContent = s.send;
      this._$('.typing').textContent = s.typing;
      this._$('.notice-title').textContent = s.noticeTitle;
      this._$('.notice-text').textContent = format(s.notice, { retention: cfg.retention || s.retention });
      const policyLink = this._$('.notice-link');
      const privacyUrl = safeUrl(cfg.privacyUrl);
      policyLink.hidden = !privacyUrl;
      if (privacyUrl) policyLink.href = privacyUrl;
      policyLink.textContent = s.noticePolicy;
      this._$('.accept-btn').textContent = s.accept;
      this._$('#consent-title').textContent = s.consentTitle;
      this._$('.redacted-btn').textContent = s.sendRedacted;
      this._$('.share-btn').textContent = s.shareOnce;
      this._$('.cancel-btn').textContent = s.cancel;
      this._$('#privacy-title').textContent = s.privacyTitle;
      this._$('.receipts-title').textContent = s.receipts;
      this._$('.delete-btn').textContent = s.deleteAll;
      this._$('.privacy-close').textContent = s.close;
      this._highlight(); // the summary and notice in the new language
    }

    async _start() {
      if (this._starting) return this._starting;
      this._starting = (async () => {
        this._history = readJSON(sessionStorage, HISTORY_KEY, []);
        this._conversation = readJSON(sessionStorage, HISTORY_KEY + ':id', null) || randomId();
        writeJSON(sessionStorage, HISTORY_KEY + ':id', this._conversation);
        this._updateNotice();
        try {
          const [mod, policy] = await Promise.all([loadWasm(), loadPolicy(this.config().policy)]);
          this._mod = mod;
          const guard = new mod.WebGuard(policy);
          await this._openVault(guard);
          this._guard = guard;
        } catch (e) {
          console.error(LOG, e);
          this._setStatus(this._t.loadFailed);
          this._setComposerEnabled(false);
          this._emit('error', { code: 'load_failed', message: String(e && e.message || e) });
          return;
        }
        const log = this._$('.log');
        if (!log.childElementCount) {
          if (this._history.length === 0) this._addMessage('assistant', this._t.greeting, false);
          for (const m of this._history) {
            this._addMessage(m.role, this._guard.restore(m.content), m.role === 'assistant');
          }
        }
        this._updateNotice();
        this._highlight();
        this.dispatchEvent(new CustomEvent('chatguard:ready', { bubbles: true, composed: true }));
      })();
      return this._starting;
    }

    /** With persist="session": gets the sealing key and reopens this tab's sealed vault. */
    async _openVault(guard) {
      if (this.config().persist !== 'session') return;
      try {
        this._vaultKey = await wrappingKey();
      } catch (e) {
        console.warn(LOG, 'sealed vault unavailable', e);
        this._vaultKey = null;
        return;
      }
      const sealed = sessionStorage.getItem(VAULT_KEY);
      if (!sealed) return;
      try {
        const plain = await openVault(this._vaultKey, sealed);
        try {
          guard.import_vault(plain);
        } finally {
          plain.fill(0);
        }
      } catch (e) {
        // A vault that cannot be opened is dropped: history then shows placeholders.
        console.warn(LOG, 'sealed vault unavailable', e);
        sessionStorage.removeItem(VAULT_KEY);
      }
    }

    /** Seals the vault into sessionStorage; a later seal or a deletion supersedes this one. */
    _sealVault() {
      if (!this._vaultKey || !this._guard) return;
      const generation = (this._vaultGeneration = (this._vaultGeneration || 0) + 1);
      sealVault(this._vaultKey, this._guard.export_vault())
        .then((sealed) => {
          if (generation === this._vaultGeneration) sessionStorage.setItem(VAULT_KEY, sealed);
        })
        .catch((e) => console.warn(LOG, 'storage unavailable', e));
    }

    // -------------------------------------------------------------- open / close

    open() {
      const panel = this._$('.panel');
      panel.hidden = false;
      this._$('.launcher').setAttribute('aria-expanded', 'true');
      const target = !this._$('.notice').hidden ? this._$('.accept-btn') : this._$('.input');
      requestAnimationFrame(() => target.focus());
    }

    close() {
      this._$('.panel').hidden = true;
      const launcher = this._$('.launcher');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }

    // -------------------------------------------------------------- consent

    _receipts() {
      return readJSON(localStorage, RECEIPTS_KEY, []);
    }

    _noticeReceipt() {
      return this._receipts().find((r) => r.kind === 'notice' && !r.withdrawnAt);
    }

    _consentRequired() {
      return (this.config().consent || 'required') === 'required';
    }

    _updateNotice() {
      const needed = this._consentRequired() && !this._noticeReceipt();
      this._$('.notice').hidden = !needed;
      this._setComposerEnabled(!needed && !!this._guard);
    }

    _setComposerEnabled(enabled) {
      this._$('.input').disabled = !enabled;
      this._$('.send-btn').disabled = !enabled || this._busy;
    }

    _makeReceipt(kind, categories, sensitive, purposeKey, consentType, termination) {
      const cfg = this.config();
      const facts = {
        id: randomId(),
        timestamp: Math.floor(Date.now() / 1000),
        jurisdiction: cfg.jurisdiction || 'EU',
        collectionMethod: kind === 'notice' ? 'chat widget: first-use notice' : 'chat widget: per-message consent dialog',
        policyUrl: safeUrl(cfg.privacyUrl) || location.origin + '/',
        language: this._t.lang,
        principal: principalId(),
        controller: {
          name: cfg.controller || location.hostname || 'this site',
          contact: cfg.controller || location.hostname || 'this site',
          email: cfg.controllerEmail || '',
        },
        service: cfg.title || this._t.title,
        purposes: [{ purpose: this._t[purposeKey], piiCategories: categories, consentType, termination, primary: kind === 'notice' }],
        sensitive,
      };
      const receipt = JSON.parse(this._mod.consent_receipt(JSON.stringify(facts)));
      const record = { kind, receipt, categories, withdrawnAt: null };
      const all = this._receipts();
      all.push(record);
      writeJSON(localStorage, RECEIPTS_KEY, all);
      this._emit('consent', { action: 'grant', kind, id: receipt.consentReceiptID, categories, receipt });
      return record;
    }

    async _acceptNotice() {
      await this._start();
      if (!this._mod || !this._guard) return;
      this._makeReceipt('notice', ['contact', 'identity'], [], 'purposeChat', 'EXPLICIT', 'until withdrawn in the Privacy panel');
      this._updateNotice();
      this._$('.input').focus();
    }

    withdraw(id) {
      const all = this._receipts();
      const record = all.find((r) => r.receipt.consentReceiptID === id);
      if (!record || record.withdrawnAt) return false;
      record.withdrawnAt = Math.floor(Date.now() / 1000);
      writeJSON(localStorage, RECEIPTS_KEY, all);
      this._emit('consent', { action: 'withdraw', kind: record.kind, id, categories: record.categories });
      this._updateNotice();
      return true;
    }

    _openPrivacy() {
      this._renderReceipts();
      this._openDialog(this._$('.privacy'), this._$('.privacy-close'));
    }

    _renderReceipts() {
      const list = this._$('.receipts');
      list.textContent = '';
      const all = this._receipts();
      if (!all.length) {
        const li = document.createElement('li');
        li.textContent = this._t.noReceipts;
        list.appendChild(li);
      }
      for (const record of all) {
        const li = document.createElement('li');
        li.className = 'receipt';
        const when = new Date(record.receipt.consentTimestamp * 1000).toLocaleString(this._t.lang);
        const purpose = record.receipt.services[0].purposes[0];
        const text = document.createElement('span');
        text.textContent = `${when} — ${purpose.purpose} (${record.categories.map((c) => this._t.categories[c] || c).join(', ')})`;
        li.appendChild(text);
        const id = document.createElement('code');
        id.textContent = record.receipt.consentReceiptID;
        li.appendChild(id);
        if (record.withdrawnAt) {
          const w = document.createElement('em');
          w.textContent = this._t.withdrawn;
          li.appendChild(w);
        } else {
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'secondary';
          b.textContent = this._t.withdraw;
          b.setAttribute('aria-label', `${this._t.withdraw}: ${purpose.purpose}, ${when}`);
          b.addEventListener('click', () => {
            this.withdraw(record.receipt.consentReceiptID);
            this._renderReceipts();
            this._$('.privacy-close').focus();
          });
          li.appendChild(b);
        }
        list.appendChild(li);
      }
    }

    /** Shows the per-message consent dialog; resolves 'redacted', 'share' or 'cancel'. */
    _askConsent(categories) {
      const dialog = this._$('.consent');
      const names = categories.map((c) => this._t.categories[c] || c).join(', ');
      this._$('#consent-body').textContent = format(this._t.consentBody, { kinds: names });
      return new Promise((resolve) => {
        const done = (answer) => {
          cleanup();
          this._closeDialog(dialog);
          resolve(answer);
        };
        const onRedacted = () => done('redacted');
        const onShare = () => done('share');
        const onCancel = (e) => {
          if (e) e.preventDefault();
          done('cancel');
        };
        const cleanup = () => {
          this._$('.redacted-btn').removeEventListener('click', onRedacted);
          this._$('.share-btn').removeEventListener('click', onShare);
          this._$('.cancel-btn').removeEventListener('click', onCancel);
          dialog.removeEventListener('cancel', onCancel);
        };
        this._$('.redacted-btn').addEventListener('click', onRedacted);
        this._$('.share-btn').addEventListener('click', onShare);
        this._$('.cancel-btn').addEventListener('click', onCancel);
        dialog.addEventListener('cancel', onCancel);
        this._openDialog(dialog, this._$('.redacted-btn'));
      });
    }

    _openDialog(dialog, focusTarget) {
      dialog._returnFocus = this.shadowRoot.activeElement || document.activeElement;
      dialog.showModal();
      focusTarget.focus();
    }

    _closeDialog(dialog) {
      if (dialog.open) dialog.close();
      const back = dialog._returnFocus;
      if (back && back.isConnected && typeof back.focus === 'function') back.focus();
    }

    // -------------------------------------------------------------- composer

    _keptSpans(text) {
      const spans = [];
      for (const value of this._kept) {
        if (!value) continue;
        for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
          spans.push([at, at + value.length]);
        }
      }
      return spans;
    }

    _highlight() {
      if (!this._guard) return;
      const text = this._$('.input').value;
      const checked = JSON.parse(this._guard.highlight(this._$('.mirror'), text, JSON.stringify(this._keptSpans(text))));
      const findings = checked.findings;
      for (const f of findings) f.value = text.slice(f.start, f.end);
      for (const value of [...this._kept]) {
        if (!findings.some((f) => f.value === value)) this._kept.delete(value);
      }
      this._findings = findings;
      this._injection = checked.injection;
      this._renderSummary();
      this._renderGuardNotice();
    }

    /** The plain-words names of what the injection check found: every family when the message
     * is flagged or blocked, else only the smuggling families (weak rule hits alone are noise). */
    _reasons(injection) {
      const names = this._t.signals;
      const all = injection.verdict !== 'allow';
      const out = [];
      for (const signal of injection.signals) {
        if (!(signal.weight > 0)) continue; // e.g. inject.discussion: a reason to score lower
        const family = signal.id.split('.')[0];
        if (!all && family !== 'smuggle') continue;
        const name = names[signal.id] || names[family];
        if (name && !out.includes(name)) out.push(name);
      }
      return out;
    }

    /** The composer's injection notice: hidden characters that will be removed, a flag or block
     * verdict, disguised text, and why — in plain words, never the hidden text itself. */
    _renderGuardNotice() {
      const s = this._t;
      const injection = this._injection;
      const lines = [];
      let level = '';
      if (injection) {
        const smuggled = injection.signals.some((x) => x.id.startsWith('smuggle.') && x.weight > 0);
        if (injection.hidden > 0) {
          lines.push(format(s.hiddenChars, { count: injection.hidden }));
          level = 'hidden';
        }
        // Flagged or blocked for hidden text alone, not for anything that reads as an instruction.
        const hiddenOnly = smuggledOnly(injection);
        if (injection.verdict === 'block') {
          lines.push(hiddenOnly ? s.smuggledBlock : s.injectionBlock);
          level = 'block';
        } else if (injection.verdict === 'flag') {
          lines.push(hiddenOnly ? s.smuggledFlag : s.injectionFlag);
          level = 'flag';
        } else if (smuggled && !lines.length) {
          lines.push(s.disguised);
          level = 'hidden';
        }
        const reasons = this._reasons(injection);
        if (lines.length && reasons.length) lines.push(format(s.reasons, { reasons: reasons.join(', ') }));
      }
      const input = this._$('.input');
      if (level === 'block') input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      const notice = this._$('.guard');
      const key = level + '\n' + lines.join('\n');
      if (notice._shown === key) return; // unchanged: no DOM churn, no repeated announcement
      notice._shown = key;
      notice.textContent = '';
      if (level) notice.dataset.level = level;
      else delete notice.dataset.level;
      for (const line of lines) {
        const p = document.createElement('p');
        p.textContent = line;
        notice.appendChild(p);
      }
    }

    _renderSummary() {
      const s = this._t;
      const shown = this._findings.filter((f) => f.action !== 'allow');
      const kept = shown.filter((f) => f.keepable && this._kept.has(f.value));
      const redacted = shown.filter((f) => !(f.keepable && this._kept.has(f.value)));
      const summary = this._$('.summary');
      if (!shown.length) {
        summary.textContent = this._$('.input').value ? s.summaryNone : '';
      } else {
        const kinds = [...new Set(redacted.map((f) => this._label(f)))].join(', ');
        let line = redacted.length ? format(s.summary, { count: redacted.length, kinds }) : '';
        if (kept.length) line += (line ? ' · ' : '') + format(s.summaryKept, { count: kept.length });
        summary.textContent = line;
      }
      const list = this._$('.items');
      list.textContent = '';
      for (const f of shown) {
        const li = document.createElement('li');
        li.className = 'item';
        li.dataset.action = f.action;
        const name = document.createElement('span');
        name.className = 'item-kind';
        name.textContent = this._label(f);
        const value = document.createElement('span');
        value.className = 'item-value';
        value.textContent = f.value.length > 28 ? f.value.slice(0, 25) + '…' : f.value;
        li.append(name, value);
        if (f.action === 'block') {
          const note = document.createElement('span');
          note.className = 'item-note';
          note.textContent = s.blockedItem;
          li.appendChild(note);
        } else if (!f.keepable) {
          const note = document.createElement('span');
          note.className = 'item-note';
          note.textContent = s.alwaysRedacted;
          li.appendChild(note);
        } else {
          const toggle = document.createElement('button');
          toggle.type = 'button';
          toggle.className = 'toggle';
          toggle.setAttribute('part', 'keep-toggle');
          toggle.setAttribute('aria-pressed', String(this._kept.has(f.value)));
          toggle.setAttribute('aria-label', format(s.keepLabel, { kind: this._label(f) }));
          toggle.textContent = s.keep;
          toggle.addEventListener('click', () => {
            if (this._kept.has(f.value)) this._kept.delete(f.value);
            else this._kept.add(f.value);
            this._highlight();
            const again = [...this._$('.items').querySelectorAll('.toggle')].find((b) => b.getAttribute('aria-label') === toggle.getAttribute('aria-label'));
            if (again) again.focus();
          });
          li.appendChild(toggle);
        }
        list.appendChild(li);
      }
    }

    // -------------------------------------------------------------- sending

    async _submit() {
      if (this._busy || !this._guard) return;
      if (this._consentRequired() && !this._noticeReceipt()) return this._updateNotice();
      const input = this._$('.input');
      const text = input.value.trim();
      if (!text) return;
      this._setStatus('');
      // Injection first: a message that will not be sent needs no consent dialog. The check runs
      // on the text as typed, hidden characters included (they may carry the instruction);
      // personal data counts as its placeholder (crates/chatguard-web/src/injection.rs).
      const injection = JSON.parse(this._guard.injection(text));
      const rules = injection.signals.map((x) => x.id);
      if (injection.verdict === 'block') {
        this._setStatus(smuggledOnly(injection) ? this._t.smuggledBlocked : this._t.injectionBlocked);
        this._emit('blocked', { reason: 'injection', rules, score: injection.score });
        input.focus();
        return;
      }
      const findings = JSON.parse(this._guard.scan(text));
      for (const f of findings) f.value = text.slice(f.start, f.end);
      const spanOf = (f) => [f.start, f.end];
      const keptPlain = findings.filter((f) => f.keepable && f.action === 'redact' && this._kept.has(f.value)).map(spanOf);
      let prepared = JSON.parse(this._guard.prepare(text, JSON.stringify(keptPlain)));
      if (prepared.verdict === 'block') {
        const f = findings.find((x) => x.kind === prepared.blocked);
        const label = f ? this._label(f) : prepared.blocked;
        this._setStatus(format(this._t.blocked, { kind: label }));
        this._emit('blocked', { reason: 'pii', kind: prepared.blocked });
        return;
      }
      let shareRecord = null;
      if (prepared.consent.length) {
        const answer = await this._askConsent(prepared.consent);
        if (answer === 'cancel') {
          input.focus();
          return;
        }
        if (answer === 'share') {
          const ask = findings.filter((f) => f.action === 'ask' && f.keepable);
          const chosen = ask.filter((f) => this._kept.has(f.value));
          const share = (chosen.length ? chosen : ask).map(spanOf);
          const asked = prepared.consent;
          prepared = JSON.parse(this._guard.prepare(text, JSON.stringify(keptPlain.concat(share))));
          const shared = prepared.kept.filter((c) => asked.includes(c));
          shareRecord = this._makeReceipt('message', shared, shared, 'purposeShare', 'EXPLICIT', 'after this message');
        }
      }
      // prepared.text is already without the hidden characters the policy strips. A flagged
      // message is sent: the edge scores every request again and never trusts the page, so the
      // verdict is not sent along (README, "Prompt injection and hidden text, as you type").
      const detail = {
        text: prepared.text, verdict: prepared.verdict, kept: prepared.kept,
        injection: { verdict: injection.verdict, score: injection.score, rules, hidden: injection.hidden },
      };
      if (!this._emit('send', detail, true)) return; // the host page cancelled
      const redacted = findings.filter((f) => f.action !== 'allow');
      if (redacted.length || injection.hidden > 0) {
        const kinds = [...new Set(redacted.map((f) => f.kind))];
        this._emit('redacted', { kinds, count: redacted.length, kept: prepared.kept, hidden: injection.hidden });
      }
      // The bubble shows what was sent, with the user's own values put back locally: hidden
      // characters the policy strips are gone there too.
      this._addMessage('user', this._guard.restore(prepared.text), false);
      this._history.push({ role: 'user', content: prepared.text });
      this._saveHistory();
      input.value = '';
      this._kept.clear();
      this._highlight();
      await this._request(text, shareRecord);
    }

    _consentHeader(shareRecord) {
      const record = shareRecord || this._noticeReceipt();
      if (!record) return null;
      const granted = shareRecord ? shareRecord.categories.join(',') : '';
      return `${record.receipt.consentReceiptID}; categories=${granted}`;
    }

    async _request(typed, shareRecord) {
      const cfg = this.config();
      const endpoint = cfg.endpoint;
      this._busy = true;
      this._setComposerEnabled(true);
      this._$('.typing').hidden = false;
      const headers = Object.assign({ 'content-type': 'application/json', accept: 'text/event-stream, application/json' }, initOptions.headers || {});
      const consent = this._consentHeader(shareRecord);
      if (consent) headers[CONSENT_HEADER] = consent;
      headers[CONVERSATION_HEADER] = this._conversation;
      const body = JSON.stringify(Object.assign({ messages: this._history.slice(-20), stream: true }, cfg.model ? { model: cfg.model } : {}));
      let response;
      try {
        if (!endpoint) throw new TypeError('no endpoint configured');
        response = await fetch(new URL(endpoint, document.baseURI), { method: 'POST', headers, body, credentials: 'same-origin' });
      } catch (e) {
        return this._failed(typed, this._t.offline, { code: 'network', message: String(e && e.message || e) });
      }
      if (!response.ok) {
        const s = this._t;
        const st = response.status;
        let code = 'http_' + st;
        try {
          const err = await response.json();
          if (err && err.error && typeof err.error.code === 'string') code = err.error.code;
        } catch (e) { /* not JSON: the status says enough */ }
        // The edge's own refusals (injection: request_blocked; a blocked kind: blocked_content)
        // are policy decisions, not failures: plain words, chatguard:blocked, no Retry.
        if (st === 422 && (code === 'request_blocked' || code === 'blocked_content')) {
          const message = code === 'request_blocked' ? s.eRequestBlocked : s.eBlockedContent;
          return this._failed(typed, message, { reason: code, status: st }, 'blocked');
        }
        let message = s.e5xx;
        if (st === 401) message = s.e401;
        else if (st === 403) message = s.e403;
        else if (st === 413) message = s.e413;
        else if (st === 422) message = s.e422;
        else if (st === 429) {
          const wait = parseInt(response.headers.get('retry-after') || '', 10);
          message = format(s.e429, { seconds: Number.isFinite(wait) && wait > 0 ? wait : 30 });
        }
        return this._failed(typed, message, { code, status: st });
      }
      const bubble = this._addMessage('assistant', '', true);
      bubble.setAttribute('aria-busy', 'true');
      let raw = '';
      let shown = '';
      let error = null;
      let streamed = false;
      let frame = 0;
      try {
        const type = response.headers.get('content-type') || '';
        if (type.includes('text/event-stream') && response.body) {
          streamed = true;
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            const step = JSON.parse(this._guard.push_sse(decoder.decode(value, { stream: true })));
            if (step.error) error = step.error;
            if (step.text) {
              raw += step.text;
              shown += this._guard.restore_chunk(step.text);
              this._$('.typing').hidden = true;
              // Redraw at most once per frame: re-rendering on every chunk would be quadratic.
              if (!frame) {
                frame = requestAnimationFrame(() => {
                  frame = 0;
                  this._mod.render_markdown(bubble.querySelector('.body'), shown);
                  this._scrollLog();
                });
              }
            }
            if (step.done) break;
          }
        } else {
          raw = this._mod.WebGuard.reply_text(await response.text());
        }
      } catch (e) {
        error = String(e && e.message || e);
      }
      cancelAnimationFrame(frame);
      shown += this._guard.finish_reply();
      if (!streamed) shown = this._guard.restore(raw);
      this._mod.render_markdown(bubble.querySelector('.body'), shown);
      bubble.removeAttribute('aria-busy');
      this._$('.typing').hidden = true;
      this._busy = false;
      this._setComposerEnabled(true);
      if (raw) {
        this._history.push({ role: 'assistant', content: raw });
        this._saveHistory();
      }
      if (error) {
        this._setStatus(this._t.eStream);
        this._emit('error', { code: 'stream', message: error });
      }
      this._scrollLog();
    }

    /** A request that did not reach the assistant: the typed text goes back into the composer.
     * `event` is `error` (with Retry) or `blocked` (a refusal: retrying would not help). */
    _failed(typed, message, detail, event = 'error') {
      this._$('.typing').hidden = true;
      this._busy = false;
      this._history.pop();
      this._saveHistory();
      const log = this._$('.log');
      if (log.lastElementChild && log.lastElementChild.dataset.role === 'user') log.lastElementChild.remove();
      const input = this._$('.input');
      input.value = typed;
      this._setComposerEnabled(true);
      this._highlight();
      if (event === 'blocked') {
        this._setStatus(message);
        this._emit('blocked', detail);
      } else {
        this._setStatus(message, true);
        this._emit('error', Object.assign({ message }, detail));
      }
    }

    _setStatus(message, retry) {
      const status = this._$('.status');
      status.textContent = '';
      if (!message) return;
      const p = document.createElement('p');
      p.textContent = message;
      status.appendChild(p);
      if (retry) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'secondary retry-btn';
        b.setAttribute('part', 'retry-button');
        b.textContent = this._t.retry;
        b.addEventListener('click', () => this._submit());
        status.appendChild(b);
      }
    }

    _addMessage(role, text, markdown) {
      const item = document.createElement('div');
      item.className = 'msg ' + role;
      item.dataset.role = role;
      item.setAttribute('part', 'message ' + role);
      const who = document.createElement('span');
      who.className = 'sr-only';
      who.textContent = (role === 'user' ? this._t.you : this._t.assistant) + ': ';
      const body = document.createElement('div');
      body.className = 'body';
      if (markdown && text) this._mod.render_markdown(body, text);
      else body.textContent = text;
      item.append(who, body);
      this._$('.log').appendChild(item);
      this._scrollLog();
      return item;
    }

    _scrollLog() {
      const log = this._$('.log');
      log.scrollTop = log.scrollHeight;
    }

    _saveHistory() {
      writeJSON(sessionStorage, HISTORY_KEY, this._history);
      this._sealVault();
    }

    // -------------------------------------------------------------- handoff and deletion

    _handoff() {
      const target = this.config().handoff;
      this._emit('handoff', { conversation: this._conversation });
      const url = target && target !== 'event' ? safeUrl(target) : null;
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
      else this._setStatus(this._t.handoffDone);
    }

    async deleteConversation() {
      const cfg = this.config();
      const conversation = this._conversation;
      this._history = [];
      try {
        sessionStorage.removeItem(HISTORY_KEY);
        sessionStorage.removeItem(HISTORY_KEY + ':id');
        sessionStorage.removeItem(VAULT_KEY);
        localStorage.removeItem(RECEIPTS_KEY);
      } catch (e) { /* storage unavailable: nothing stored */ }
      if (this._guard) this._guard.forget();
      this._vaultGeneration = (this._vaultGeneration || 0) + 1;
      this._kept.clear();
      this._$('.log').textContent = '';
      this._$('.input').value = '';
      this._highlight();
      this._conversation = randomId();
      writeJSON(sessionStorage, HISTORY_KEY + ':id', this._conversation);
      this._closeDialog(this._$('.privacy'));
      this._emit('consent', { action: 'delete', conversation });
      let message = this._t.deleted;
      if (cfg.deleteUrl) {
        try {
          const url = cfg.deleteUrl.replace('{conversation}', encodeURIComponent(conversation));
          const r = await fetch(new URL(url, document.baseURI), {
            method: 'DELETE',
            headers: Object.assign({ [CONVERSATION_HEADER]: conversation }, initOptions.headers || {}),
            credentials: 'same-origin',
          });
          if (!r.ok) throw new Error('HTTP ' + r.status);
        } catch (e) {
          message = this._t.deleteRemoteFailed;
          this._emit('error', { code: 'delete_failed', message: String(e && e.message || e) });
        }
      }
      this._updateNotice();
      this._setStatus(message);
      const focusTarget = this._$('.notice').hidden ? this._$('.input') : this._$('.accept-btn');
      focusTarget.focus();
    }

    _emit(name, detail, cancelable) {
      return this.dispatchEvent(new CustomEvent('chatguard:' + name, { detail, bubbles: true, composed: true, cancelable: !!cancelable }));
    }
  }

  function safeUrl(url) {
    if (!url) return null;
    try {
      const u = new URL(url, document.baseURI);
      return u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'mailto:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Keeps Tab and Shift+Tab inside an open modal dialog. */
  function trapFocus(dialog) {
    dialog.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      const items = [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
      if (!items.length) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = dialog.getRootNode().activeElement;
      if (e.shiftKey && active === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    });
  }

  if (!customElements.get(TAG)) customElements.define(TAG, ChatGuardElement);

  function element() {
    return document.querySelector(TAG);
  }

  function mount() {
    if ((globalConfig().mount || 'auto') === 'none' || element()) return element();
    const el = document.createElement(TAG);
    document.body.appendChild(el);
    return el;
  }

  const api = {
    __loaded: true,
    version: '0.1.0',
    /** Sets options (the data- names in camelCase, plus `strings` and `headers`) and mounts. */
    init(options) {
      initOptions = Object.assign({}, initOptions, options || {});
      apiGuard = null;
      const el = mount();
      if (el && el._rendered) el._applyConfig();
      return el;
    },
    /** Findings in `text` (UTF-16 offsets), without the values. */
    async scan(text) {
      const guard = await defaultGuard();
      return JSON.parse(guard.scan(String(text)));
    },
    /** The prompt-injection and smuggling check of `text` (UTF-16 spans, no text). */
    async checkInjection(text) {
      const guard = await defaultGuard();
      return JSON.parse(guard.injection(String(text)));
    },
    /** `text` redacted under the policy, with no consent granted. */
    async redact(text) {
      const guard = await defaultGuard();
      return guard.redact(String(text));
    },
    open() {
      const el = element() || mount();
      if (el) el.open();
    },
    close() {
      const el = element();
      if (el) el.close();
    },
  };
  window.ChatGuard = Object.assign(window.ChatGuard || {}, api);

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
  else mount();
  loadWasm();
})();
