// A loopback server for the widget's browser tests: serves www/ (the demo page, loader, styles
// and wasm) and a small deterministic chat origin at the same paths the edge filter exposes
// (POST /v1/chat/completions, DELETE /v1/conversations), so the same tests can later run against
// the real edge in workerd by setting CHATGUARD_E2E_URL instead of starting this server.
//
// The origin answers from the last user message (all data synthetic):
//   contains "rate limit"  -> 429 with Retry-After: 7 and an edge-style JSON error
//   contains "xss"         -> a streamed answer full of script-injection attempts
//   contains "anthropic"   -> Anthropic-shaped SSE (content_block_delta / message_stop)
//   contains "json"        -> a non-streamed OpenAI chat completion
//   otherwise              -> OpenAI-shaped SSE that echoes every [PLACEHOLDER_n] it received,
//                             cut into 4-character chunks so placeholders split across events.
//
// Run alone: `node tests/e2e/server.mjs [port]` prints the URL.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Chromium flags for headless runs here (see /work/shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const WWW = fileURLToPath(new URL('../../www/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
};

export const XSS_ANSWER = [
  'Here you go: <img src=x onerror="window.__xss=1">',
  '[click me](javascript:window.__xss=2) and [again](JaVaScRiPt:window.__xss=3)',
  '<script>window.__xss=4</script> <a href="javascript:window.__xss=5">raw link</a>',
  '![pic](javascript:window.__xss=6) [data](data:text/html,<script>window.__xss=7</script>)',
  '<iframe src="javascript:window.__xss=8"></iframe> <svg onload="window.__xss=9">',
  '**Safe** help: [returns](https://shop.example/returns)',
].join('\n');

function sse(res, events) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
  let i = 0;
  const tick = () => {
    if (i >= events.length) return res.end();
    res.write(events[i++]);
    setTimeout(tick, 5);
  };
  tick();
}

function pieces(text, size) {
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function answer(req, res, body) {
  let messages = [];
  try {
    messages = JSON.parse(body).messages || [];
  } catch {
    return json(res, 400, { error: { code: 'bad_request', message: 'body is not JSON' } });
  }
  const last = [...messages].reverse().find((m) => m.role === 'user');
  const said = last ? String(last.content) : '';
  const lower = said.toLowerCase();
  if (lower.includes('rate limit')) {
    res.setHeader('retry-after', '7');
    return json(res, 429, { error: { code: 'rate_limited', message: 'Too many requests' } });
  }
  const placeholders = said.match(/\[[A-Z][A-Z0-9_]*_\d+\]/g) || [];
  const reply = lower.includes('xss')
    ? XSS_ANSWER
    : placeholders.length
      ? `Thanks! I have noted ${placeholders.join(' and ')}. **Anything else?**`
      : 'Thanks for your message. **Anything else?**';
  if (lower.includes('json')) {
    return json(res, 200, { id: 'chatcmpl-test', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }] });
  }
  if (lower.includes('anthropic')) {
    const events = [`event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: { id: 'msg_test' } })}\n\n`];
    for (const p of pieces(reply, 4)) {
      events.push(`event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } })}\n\n`);
    }
    events.push(`event: message_stop\ndata: {"type":"message_stop"}\n\n`);
    return sse(res, events);
  }
  const events = [`data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant' } }] })}\n\n`];
  for (const p of pieces(reply, 4)) events.push(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: p } }] })}\n\n`);
  events.push('data: [DONE]\n\n');
  // Cut the byte stream itself at odd places too, so SSE lines split across reads.
  return sse(res, pieces(events.join(''), 23));
}

function json(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** Starts the server on 127.0.0.1; resolves { url, close, log } where log records API requests. */
export function startServer(port = 0) {
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let body = '';
    for await (const chunk of req) body += chunk;
    if (url.pathname.startsWith('/v1/')) log.push({ method: req.method, path: url.pathname, headers: req.headers, body });
    if (url.pathname === '/v1/chat/completions' && req.method === 'POST') return answer(req, res, body);
    if (url.pathname === '/v1/conversations' && req.method === 'DELETE') {
      res.writeHead(204);
      return res.end();
    }
    const path = normalize(join(WWW, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!path.startsWith(WWW)) return json(res, 403, { error: { code: 'forbidden', message: 'outside www' } });
    try {
      const data = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    } catch {
      json(res, 404, { error: { code: 'not_found', message: url.pathname } });
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      resolve({ url: `http://127.0.0.1:${bound}/`, log, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer(Number(process.argv[2] || 0));
  console.log(`chatguard widget test server: ${url}`);
}
