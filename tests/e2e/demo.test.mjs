// `cargo xtask demo`'s stack comes up and works: the same start function (./stack.mjs) the demo
// uses, on free loopback ports. The page, the widget's files and the health route are served by
// the edge in workerd; a chat request through the edge reaches the built-in origin redacted and
// the origin's leaking answer comes back redacted; `ORIGIN_URL` swaps the origin; the command
// form stops workerd and the origin on Ctrl-C. Personal data here is synthetic.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startStack } from './stack.mjs';
import { startOrigin, LEAK } from '../origin/origin.mjs';

const STACK = fileURLToPath(new URL('./stack.mjs', import.meta.url));
const EMAIL = 'jane.doe@example.com';
const LIMIT = { timeout: 60_000 };

function chat(url, content, headers = {}) {
  return fetch(`${url}v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(url).origin, ...headers },
    body: JSON.stringify({ model: 'demo', messages: [{ role: 'user', content }] }),
  });
}

test('the demo stack serves the page, the widget, /healthz and the filtered API on one origin', LIMIT, async () => {
  const stack = await startStack({ port: 0, originUrl: null, pauseMs: 1 });
  try {
    assert.match(stack.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(stack.url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    const html = await page.text();
    assert.match(html, /<script src="chatguard\.js" data-endpoint="\/v1\/chat\/completions" data-model="demo"/);
    for (const [path, type] of [['chatguard.js', /javascript/], ['pkg/chatguard_web_bg.wasm', /application\/wasm/]]) {
      const r = await fetch(stack.url + path);
      assert.equal(r.status, 200, path);
      assert.match(r.headers.get('content-type'), type, path);
      await r.arrayBuffer();
    }
    const health = await fetch(`${stack.url}healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    assert.equal(health.headers.get('x-content-type-options'), 'nosniff', 'answered by the Worker');

    const res = await chat(stack.url, `I am ${EMAIL}. #leak`);
    assert.equal(res.status, 200);
    const text = (await res.json()).choices[0].message.content;
    // The caller's own value comes back (the edge's per-request pseudonym), what the origin
    // leaked does not.
    assert.ok(text.startsWith(`You said: I am ${EMAIL}. #leak Our records show [EMAIL_2] and card [CREDIT_CARD_1]`), text);
    for (const raw of [LEAK.email, LEAK.card]) assert.ok(!text.includes(raw), `answer leaks ${raw}: ${text}`);
    const seen = stack.origin.seen.at(-1);
    assert.equal(seen.path, '/v1/chat/completions');
    assert.equal(seen.body.messages.find((m) => m.role === 'user').content, 'I am [EMAIL_1]. #leak', 'the origin never sees the raw email');

    // Only the demo role's model, and only from the page's own origin.
    const other = await fetch(`${stack.url}v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    });
    assert.equal(other.status, 403);
    const foreign = await chat(stack.url, 'hi', { origin: 'https://evil.example' });
    assert.equal(foreign.status, 403);
    await foreign.arrayBuffer();
  } finally {
    await stack.close();
  }
});

test('ORIGIN_URL puts another OpenAI-compatible server behind the same edge', LIMIT, async () => {
  const real = await startOrigin({ pauseMs: 1 });
  const saved = process.env.ORIGIN_URL;
  process.env.ORIGIN_URL = `${real.url}/`;
  let stack;
  try {
    stack = await startStack({ port: 0 });
    assert.equal(stack.origin, null, 'no built-in origin is started');
    const res = await chat(stack.url, `mail ${EMAIL}`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).choices[0].message.content, `You said: mail ${EMAIL}`);
    assert.equal(real.seen.length, 1);
    assert.equal(real.seen[0].body.messages.find((m) => m.role === 'user').content, 'mail [EMAIL_1]');
  } finally {
    if (saved === undefined) delete process.env.ORIGIN_URL;
    else process.env.ORIGIN_URL = saved;
    await stack?.close();
    await real.close();
  }
});

test('the demo command prints the URL and stops workerd and the origin on Ctrl-C', LIMIT, async () => {
  const env = { ...process.env };
  delete env.ORIGIN_URL;
  const child = spawn(process.execPath, [STACK, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    let out = '';
    const urls = await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const page = out.match(/^ {2}(http:\/\/127\.0\.0\.1:\d+\/) +the demo page/m);
        const origin = out.match(/origin (http:\/\/127\.0\.0\.1:\d+) +the built-in demo origin/);
        if (page && origin && /Ctrl-C stops everything/.test(out)) resolve({ page: page[1], origin: origin[1] });
      });
      child.once('exit', () => reject(new Error(`the demo exited early:\n${out}`)));
    });
    assert.equal((await fetch(`${urls.page}healthz`)).status, 200);
    assert.equal((await fetch(`${urls.origin}/healthz`)).status, 200);
    child.kill('SIGINT');
    // 130 = stopped by SIGINT (Miniflare's exit hook ends the process after stopping workerd).
    const { code } = await exited;
    assert.ok(code === 0 || code === 130, `exit code ${code}`);
    assert.match(out, /SIGINT: stopping the edge \(workerd\) and the demo origin/);
    for (const url of [`${urls.page}healthz`, `${urls.origin}/healthz`]) {
      await assert.rejects(fetch(url), undefined, `${url} still answers after Ctrl-C`);
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
});
