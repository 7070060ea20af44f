// The demo stack, one way to start it for `cargo xtask demo` and for the browser tests:
// the edge filter (edge/build, the Worker built by worker-build) in workerd via Miniflare on
// 127.0.0.1, serving on ONE origin both the demo page (www/, as Workers static assets) and the
// filtered API (`/v1/*` and `/healthz` go to the Worker first, exactly as `[assets]` in
// edge/wrangler.toml says), in front of the built-in demo origin (tests/origin/origin.mjs) on
// another loopback port — or in front of `ORIGIN_URL` (any OpenAI-compatible server) when set.
//
// Library: `const stack = await startStack({ port: 0 }); ... await stack.close();`
// Command: `node tests/e2e/stack.mjs [--port 8787]` — prints the URL and what to try, runs until
// Ctrl-C (SIGINT) or SIGTERM, then stops workerd and the origin.
// Build first (`cargo xtask demo` does): edge/build/index.js, www/pkg and the minified
// www/chatguard.{js,css} (from www/src/) must exist.

import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { startOrigin } from '../origin/origin.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The policy the demo's edge enforces: the default policy plus an `anonymous` role. */
export const DEMO_POLICY = join(ROOT, 'tests/policies/demo.json');
/** Paths the Worker answers before static assets (`run_worker_first` in edge/wrangler.toml). */
export const WORKER_FIRST = ['/v1/*', '/healthz'];
/** Chromium flags for headless runs here (see /work/shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A free TCP port on 127.0.0.1 (the edge must know its own origin for CORS before it starts). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the origin (unless `originUrl` is given) and the edge. Resolves
 * { url, originUrl, origin, edge, close } where `url` ends in `/`, `origin` is the built-in
 * origin (null with `originUrl`) and `edge` the Miniflare instance.
 * Options: port (default 8787; 0 = any free port), originUrl (default process.env.ORIGIN_URL),
 * policy (JSON text; default tests/policies/demo.json), pauseMs (between the built-in origin's
 * stream chunks), onAudit (called with each audit line the Worker writes).
 */
export async function startStack({ port = 8787, originUrl = process.env.ORIGIN_URL, policy, pauseMs = 15,
  onAudit } = {}) {
  for (const built of ['edge/build/index.js', 'www/pkg/chatguard_web_bg.wasm', 'www/chatguard.js', 'www/chatguard.css']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`cargo xtask demo\` (it builds everything)`);
  }
  const origin = originUrl ? null : await startOrigin({ pauseMs });
  const upstream = (originUrl ?? origin.url).replace(/\/+$/, '');
  const edgePort = port || await freePort();
  const bindings = {
    ORIGIN_URL: upstream,
    ALLOWED_ORIGINS: `http://127.0.0.1:${edgePort},http://localhost:${edgePort}`,
    POLICY: policy ?? readFileSync(DEMO_POLICY, 'utf8'),
  };
  if (process.env.ORIGIN_API_KEY) bindings.ORIGIN_API_KEY = process.env.ORIGIN_API_KEY;
  const edge = new Miniflare({
    modules: true,
    scriptPath: join(ROOT, 'edge/build/index.js'),
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2026-04-01',
    cf: false,
    host: '127.0.0.1',
    port: edgePort,
    bindings,
    durableObjects: { RATE_LIMITER: 'RateLimiter' },
    assets: {
      directory: join(ROOT, 'www'),
      routerConfig: { has_user_worker: true, static_routing: { user_worker: WORKER_FIRST } },
      assetConfig: { compatibility_date: '2026-04-01' },
    },
    handleRuntimeStdio(stdout, stderr) {
      for (const stream of [stdout, stderr]) {
        let rest = '';
        stream.on('data', (chunk) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop();
          for (const line of lines) onAudit?.(line);
        });
      }
    },
  });
  let url;
  try {
    url = (await edge.ready).toString();
  } catch (e) {
    await Promise.allSettled([edge.dispose(), origin?.close()]);
    if (e.code === 'ERR_ADDRESS_IN_USE') throw new Error(`127.0.0.1:${edgePort} is in use: stop what listens there first`);
    throw e;
  }
  let closed;
  const close = () => {
    closed ??= Promise.allSettled([edge.dispose(), origin?.close()]).then(() => {});
    return closed;
  };
  return { url, originUrl: upstream, origin, edge, close };
}

const WHAT_TO_TRY = (url, upstream, builtIn) => `
chatguard demo is running:

  ${url}            the demo page (a shop's help centre) with the chat widget
  ${url}v1/chat/completions   the filtered API (OpenAI-compatible), ${url}healthz
  origin ${upstream}   ${builtIn ? 'the built-in demo origin (deterministic, streams)' : 'ORIGIN_URL'}

Try in the widget (all data synthetic):
  * "My card is 4012 8888 8888 1881, mail jane.doe@example.com": both are highlighted as you
    type; the card asks for consent; the model only ever sees [CREDIT_CARD_1] and [EMAIL_1],
    and the answer shows your values again, restored in the page.${builtIn ? `
  * add "#leak": the origin answers with someone else's email and card; the edge redacts them.
  * add "#canary": the origin leaks a secret from its system prompt; the edge blocks the answer.
  * "#xss": the origin answers with script-injection attempts; the widget renders them inert.` : ''}
  * send more than 20 messages in a minute: the edge's rate limit answers 429.
Or with curl:
  curl -s ${url}v1/chat/completions -H 'content-type: application/json' \\
    -d '{"model":"demo","messages":[{"role":"user","content":"I am jane.doe@example.com #leak"}]}'

Ctrl-C stops everything.`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--port');
  const port = at > 0 ? Number(process.argv[at + 1]) : 8787;
  let stack;
  try {
    stack = await startStack({
      port,
      onAudit: (line) => line.includes('{"ts"') && console.log(`audit ${line.slice(line.indexOf('{"ts"'))}`),
    });
  } catch (e) {
    console.error(`chatguard demo: ${e.message}`);
    process.exit(2);
  }
  console.log(WHAT_TO_TRY(stack.url, stack.originUrl, Boolean(stack.origin)));
  // Miniflare's own exit hook also stops workerd on these signals and ends the process (exit
  // 130/143); running first, this says so and closes the origin too.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.prependListener(signal, () => {
      console.log(`\n${signal}: stopping the edge (workerd) and the demo origin`);
      stack.close().finally(() => process.exit(0));
    });
  }
}
