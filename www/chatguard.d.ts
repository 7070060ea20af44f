// TypeScript declarations for the chatguard widget (www/chatguard.js): the window.ChatGuard API,
// the <chat-guard> element and its chatguard:* events.

/** One finding in a text; offsets are UTF-16 code units, so `text.slice(start, end)` is the value. */
export interface ChatGuardFinding {
  /** Wire name of the kind: `email`, `credit_card`, `iban`, `phone`, `person`, ... */
  kind: string;
  /** Data category: `contact`, `financial`, `government_id`, `health`, `credentials`, ... */
  category: string;
  /** What the policy does with it: `ask` means redacted unless the user shares it. */
  action: 'allow' | 'redact' | 'ask' | 'block';
  start: number;
  end: number;
  /** Confidence in 0..1. */
  score: number;
  /** The recognizer that matched, e.g. `card.luhn`. */
  rule: string;
  /** True when a checksum or format validator confirmed the value. */
  validated: boolean;
  /** True when the user may choose to send it as typed (never for credentials or blocks). */
  keepable: boolean;
}

/** One reason a message scored as a prompt injection; offsets are UTF-16 code units. */
export interface ChatGuardSignal {
  /**
   * A rule id (`inject.override`, `inject.system_prompt`, `inject.persona`, `inject.delimiter`,
   * `inject.exfiltration`, `inject.refusal_suppression`, `inject.payload_splitting`,
   * `inject.discussion`) or a smuggling family (`smuggle.zero_width`, `smuggle.tag_chars`,
   * `smuggle.variation_selectors`, `smuggle.bidi`, `smuggle.confusables`, `smuggle.combining_marks`,
   * `smuggle.fullwidth`, `smuggle.spaced_letters`, `smuggle.leetspeak`, `smuggle.base64`,
   * `smuggle.hex`, `smuggle.url_encoding`, `smuggle.rot13`).
   */
  id: string;
  start: number;
  end: number;
  /** The rule's weight in 0..1 (0 for `inject.discussion`, a reason to score lower). */
  weight: number;
}

/**
 * The prompt-injection and smuggling check of a message, under the policy's `injection` section.
 * Holds no text: what a hidden payload says is never echoed. When a message with personal data
 * the policy redacts would be flagged or blocked, `score` and `verdict` are those of the message as
 * it will be sent (with placeholders, as the edge scores it), unless it contains smuggling.
 */
export interface ChatGuardInjection {
  /** Combined score in 0..1 (rules, smuggling and the learned scorer). */
  score: number;
  /** `flag`: sent, and the edge may mark it for review; `block`: the widget does not send it. */
  verdict: 'allow' | 'flag' | 'block';
  /** The learned scorer's probability (its share of `score`). */
  model: number;
  /** Heaviest first, at most one per id. */
  signals: ChatGuardSignal[];
  /** How many invisible characters (tag characters, zero-width characters inside words,
   * variation selectors carrying data, bidi overrides — as the policy's `injection.smuggling`
   * says) are removed before the message leaves the page. */
  hidden: number;
  /** Where they are: `[start, end]` runs. */
  hiddenSpans: Array<[number, number]>;
}

/** Per-language text overrides; any key of the built-in strings (en, de, fr, es). */
export interface ChatGuardStrings {
  [key: string]: string | Record<string, string> | undefined;
  kinds?: Record<string, string>;
  categories?: Record<string, string>;
  /** Plain words for signal ids (`inject.override`), with `inject` and `smuggle` as fallbacks. */
  signals?: Record<string, string>;
}

/** Options for ChatGuard.init(): the script's data- attributes in camelCase, plus `strings` and `headers`. */
export interface ChatGuardOptions {
  /** Chat endpoint (OpenAI-compatible POST; the edge filter's /v1/chat/completions). */
  endpoint?: string;
  /** URL of a policy JSON document; the bundled default policy when absent. */
  policy?: string;
  /** Panel title. */
  title?: string;
  /** `en`, `de`, `fr` or `es`; defaults to the page's `lang`, then the browser's. */
  lang?: string;
  /** `light`, `dark` or `auto` (follows prefers-color-scheme). */
  theme?: 'light' | 'dark' | 'auto';
  /** The site's privacy policy, linked from the first-use notice and written into consent receipts. */
  privacyUrl?: string;
  /** Data controller named in consent receipts. */
  controller?: string;
  controllerEmail?: string;
  /** Jurisdiction written into consent receipts (default `EU`). */
  jurisdiction?: string;
  /** `required` (default): the composer stays disabled until the first-use notice is accepted; `none`: no notice. */
  consent?: 'required' | 'none';
  /** Retention period shown in the notice, e.g. `30 days`. */
  retention?: string;
  /** Deletion route called with DELETE by "Delete my conversation"; `{conversation}` in it is replaced by the conversation id (the edge's route: `/v1/conversations/{conversation}`). */
  deleteUrl?: string;
  /** Human handoff: a URL opened in a new tab, or `event` to only fire `chatguard:handoff`. */
  handoff?: string;
  /** Model name passed in the request body. */
  model?: string;
  /** `auto` (default) appends a <chat-guard> to the body; `none` leaves placement to the page. */
  mount?: 'auto' | 'none';
  /** Text overrides, either flat or per language: `{ de: { send: 'Abschicken' } }`. */
  strings?: ChatGuardStrings | Record<string, ChatGuardStrings>;
  /** Extra request headers (e.g. Authorization) for the chat and deletion requests. */
  headers?: Record<string, string>;
}

export interface ChatGuardApi {
  readonly version: string;
  /** Sets options and mounts the element if it is not there yet. */
  init(options?: ChatGuardOptions): ChatGuardElement | null;
  /** Finds personal data and secrets in `text` (in the page; nothing is sent). */
  scan(text: string): Promise<ChatGuardFinding[]>;
  /** The prompt-injection and smuggling check of `text` (in the page; nothing is sent). */
  checkInjection(text: string): Promise<ChatGuardInjection>;
  /** `text` with every finding redacted under the policy, no consent granted. */
  redact(text: string): Promise<string>;
  /** Opens the chat panel. */
  open(): void;
  /** Closes the chat panel and returns focus to the launcher. */
  close(): void;
}

/** A Kantara Consent Receipt v1.1 as stored in localStorage (`chatguard:receipts`). */
export interface ConsentReceipt {
  version: 'KI-CR-v1.1.0';
  jurisdiction: string;
  consentTimestamp: number;
  collectionMethod: string;
  consentReceiptID: string;
  language: string;
  piiPrincipalId: string;
  piiControllers: Array<{ piiController: string; onBehalf: boolean; contact: string; address: string; email: string; phone: string }>;
  policyUrl: string;
  services: Array<{
    service: string;
    purposes: Array<{
      purpose: string;
      purposeCategory: string[];
      consentType: string;
      piiCategory: string[];
      primaryPurpose: boolean;
      termination: string;
      thirdPartyDisclosure: boolean;
    }>;
  }>;
  sensitive: boolean;
  spiCat: string[];
}

export interface ChatGuardEventMap {
  /**
   * A message is about to be sent (cancelable): `text` is exactly what leaves the page (personal
   * data as placeholders, hidden characters removed). `injection` is the page's check of the typed
   * message, for information only: it is not sent along — the edge scores every request itself.
   */
  'chatguard:send': CustomEvent<{
    text: string;
    verdict: 'allow' | 'redacted';
    kept: string[];
    injection: { verdict: 'allow' | 'flag'; score: number; rules: string[]; hidden: number };
  }>;
  /** Values were redacted or hidden characters removed before sending (kinds and counts only, never values). */
  'chatguard:redacted': CustomEvent<{ kinds: string[]; count: number; kept: string[]; hidden: number }>;
  /** Consent granted, withdrawn, or the conversation deleted. */
  'chatguard:consent': CustomEvent<
    | { action: 'grant'; kind: 'notice' | 'message'; id: string; categories: string[]; receipt: ConsentReceipt }
    | { action: 'withdraw'; kind: 'notice' | 'message'; id: string; categories: string[] }
    | { action: 'delete'; conversation: string }
  >;
  /**
   * The message was not sent, or the edge refused it; never carries text.
   * `pii`: the page's policy blocks a kind. `injection`: the page's injection check blocks it
   * (rule ids and score). `request_blocked` / `blocked_content`: the edge answered 422 with that
   * code (its injection check, or a kind its policy blocks); the typed text is back in the composer.
   */
  'chatguard:blocked': CustomEvent<
    | { reason: 'pii'; kind: string }
    | { reason: 'injection'; rules: string[]; score: number }
    | { reason: 'request_blocked' | 'blocked_content'; status: 422 }
  >;
  /** Loading, network, HTTP or stream failure; `status` for HTTP errors. */
  'chatguard:error': CustomEvent<{ code: string; message?: string; status?: number }>;
  /** The user asked for a person. */
  'chatguard:handoff': CustomEvent<{ conversation: string }>;
  /** The wasm module and policy are loaded. */
  'chatguard:ready': CustomEvent<undefined>;
}

/** The <chat-guard> element. Attributes (endpoint, policy, title, lang, theme, privacy-url, ...) override data- settings. */
export interface ChatGuardElement extends HTMLElement {
  open(): void;
  close(): void;
  /** Withdraws a consent record by receipt id; false when unknown or already withdrawn. */
  withdraw(id: string): boolean;
  /** "Delete my conversation": local history, vault and consent records, then the deletion route. */
  deleteConversation(): Promise<void>;
  addEventListener<K extends keyof ChatGuardEventMap>(type: K, listener: (ev: ChatGuardEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface Window {
    ChatGuard: ChatGuardApi;
  }
  interface HTMLElementTagNameMap {
    'chat-guard': ChatGuardElement;
  }
  interface DocumentEventMap extends ChatGuardEventMap {}
}
