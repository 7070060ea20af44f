// Generates tests/jwt/vectors.json: JWTs made by an independent implementation (jose, plus
// node:crypto for the hand-built malformed and attack tokens jose refuses to produce), replayed
// by crates/chatguard/tests/jwt_vectors.rs and usable by the edge's end-to-end tests.
//
//   node tests/jwt/generate.mjs            (from the repository root; needs node_modules/jose)
//
// Keys are generated fresh on each run, so the output changes every time; commit the result.
// Every timestamp is fixed relative to NOW, which the Rust test injects as the current time.
// All identities are synthetic (example.com / example.invalid domains).

import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as jose from "jose";
import { b64, b64json, pair, joseSign, rawSign } from "./tokens.mjs";

const NOW = 1_700_000_000;
const SKEW = 60;
const ISSUER = "https://issuer.example.com";
const AUDIENCE = "chatguard-edge";
const HS_SECRET = "synthetic-hs256-secret-for-tests-0123456789";
const ACCESS_TEAM = "example-team.cloudflareaccess.com";
const ACCESS_AUD = "4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2";
const KNOWN_ROLES = ["support", "admin"];

const rsa = await pair("RS256");
const rsaOther = await pair("RS256"); // a real RSA key that is NOT in the JWKS
const ec = await pair("ES256");
const ed = await pair("EdDSA", { crv: "Ed25519" });
const attacker = await pair("RS256");
const attackerEd = await pair("EdDSA", { crv: "Ed25519" });
const access = await pair("RS256");
const small = generateKeyPairSync("rsa", { modulusLength: 1024 });
const smallJwk = await jose.exportJWK(small.publicKey);
const octK = b64("synthetic-oct-key-in-a-jwks-0123456789");

const jwks = {
  keys: [
    { ...rsa.jwk, kid: "rsa-1", alg: "RS256", use: "sig" },
    { ...ec.jwk, kid: "ec-1", alg: "ES256", use: "sig" },
    { ...ed.jwk, kid: "ed-1", alg: "EdDSA", use: "sig" },
    // Never usable: symmetric keys are not taken from a JWKS; 1024-bit RSA is too short.
    { kty: "oct", kid: "oct-1", k: octK },
    { ...smallJwk, kid: "rsa-1024", alg: "RS256" },
  ],
};
const accessJwks = { keys: [{ ...access.jwk, kid: "access-1", alg: "RS256", use: "sig" }] };

const claims = (extra = {}) => ({
  iss: ISSUER,
  aud: AUDIENCE,
  sub: "user-123",
  iat: NOW - 30,
  exp: NOW + 600,
  ...extra,
});
const without = (name) => {
  const c = claims();
  delete c[name];
  return c;
};

const hsKey = new TextEncoder().encode(HS_SECRET);

const valid = [];
const invalid = [];
const ok = (name, token, expect = {}, config = "default") =>
  valid.push({ name, config, token, sub: expect.sub ?? "user-123", role: expect.role ?? null });
const bad = (name, token, error, config = "default") => invalid.push({ name, config, token, error });

// ---- valid ----
ok("rs256-kid", await joseSign(claims(), { alg: "RS256", kid: "rsa-1", typ: "JWT" }, rsa.privateKey));
ok("rs256-no-kid-only-rsa-key", await joseSign(claims(), { alg: "RS256" }, rsa.privateKey));
ok("es256-kid", await joseSign(claims(), { alg: "ES256", kid: "ec-1" }, ec.privateKey));
ok("eddsa-kid", await joseSign(claims(), { alg: "EdDSA", kid: "ed-1" }, ed.privateKey));
ok("hs256-secret", await joseSign(claims(), { alg: "HS256" }, hsKey));
ok("aud-array", await joseSign(claims({ aud: ["other", AUDIENCE] }), { alg: "ES256", kid: "ec-1" }, ec.privateKey));
ok("exp-within-skew", await joseSign(claims({ exp: NOW - SKEW + 1 }), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey));
ok("nbf-within-skew", await joseSign(claims({ nbf: NOW + SKEW }), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey));
ok("iat-within-skew", await joseSign(claims({ iat: NOW + SKEW }), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey));
ok("role-claim", await joseSign(claims({ role: "admin" }), { alg: "EdDSA", kid: "ed-1" }, ed.privateKey), { role: "admin" });
ok("roles-claim-first-known", await joseSign(claims({ roles: ["viewer", "support", "admin"] }), { alg: "EdDSA", kid: "ed-1" }, ed.privateKey), { role: "support" });
ok("unknown-role-is-no-role", await joseSign(claims({ role: "root" }), { alg: "HS256" }, hsKey), { role: null });
ok("access-assertion", await joseSign({ iss: `https://${ACCESS_TEAM}`, aud: [ACCESS_AUD], sub: "access-user-1", email: "user@example.com", iat: NOW - 5, exp: NOW + 3600, type: "app" }, { alg: "RS256", kid: "access-1" }, access.privateKey), { sub: "access-user-1" }, "access");

// ---- invalid: alg none and algorithm confusion ----
for (const alg of ["none", "None", "NONE", "nOnE"]) {
  bad(`alg-${alg}-unsigned`, rawSign({ alg, typ: "JWT" }, claims(), "none"), "alg_none");
}
bad("alg-none-with-signature", rawSign({ alg: "none" }, claims(), "HS256", HS_SECRET), "alg_none");
bad("alg-none-with-kid", rawSign({ alg: "none", kid: "rsa-1" }, claims(), "none"), "alg_none");
bad("rs-hs-confusion-pem-kid", rawSign({ alg: "HS256", kid: "rsa-1" }, claims(), "HS256", rsa.spki), "alg_mismatch");
bad("rs-hs-confusion-pem-no-kid", rawSign({ alg: "HS256" }, claims(), "HS256", rsa.spki), "signature_invalid");
bad("rs-hs-confusion-jwk-json-kid", rawSign({ alg: "HS256", kid: "rsa-1" }, claims(), "HS256", JSON.stringify(jwks.keys[0])), "alg_mismatch");
bad("rs-hs-confusion-jwk-json-no-kid", rawSign({ alg: "HS256" }, claims(), "HS256", JSON.stringify(jwks.keys[0])), "signature_invalid");
bad("rs-hs-confusion-modulus-bytes", rawSign({ alg: "HS256" }, claims(), "HS256", Buffer.from(rsa.jwk.n, "base64url")), "signature_invalid");
bad("rs-hs-confusion-pem-no-secret-configured", rawSign({ alg: "HS256" }, claims(), "HS256", rsa.spki), "alg_unsupported", "no_secret");
bad("hs256-no-secret-configured", await joseSign(claims(), { alg: "HS256" }, hsKey), "alg_unsupported", "no_secret");
bad("es-hs-confusion-jwk-json-kid", rawSign({ alg: "HS256", kid: "ec-1" }, claims(), "HS256", JSON.stringify(jwks.keys[1])), "alg_mismatch");
bad("es256-token-rsa-kid", await joseSign(claims(), { alg: "ES256", kid: "rsa-1" }, ec.privateKey), "alg_mismatch");
bad("rs256-token-ec-kid", await joseSign(claims(), { alg: "RS256", kid: "ec-1" }, rsa.privateKey), "alg_mismatch");
bad("eddsa-token-rsa-kid", await joseSign(claims(), { alg: "EdDSA", kid: "rsa-1" }, ed.privateKey), "alg_mismatch");
bad("rs256-signed-by-another-rsa-key", await joseSign(claims(), { alg: "RS256", kid: "rsa-1" }, rsaOther.privateKey), "signature_invalid");
bad("hs256-wrong-secret", await joseSign(claims(), { alg: "HS256" }, new TextEncoder().encode("another-synthetic-secret-0123456789abcdef")), "signature_invalid");
bad("hs256-with-jwks-oct-key", rawSign({ alg: "HS256", kid: "oct-1" }, claims(), "HS256", Buffer.from(octK, "base64url")), "kid_unknown");
bad("rs256-with-1024-bit-key", rawSign({ alg: "RS256", kid: "rsa-1024" }, claims(), "RS256", small.privateKey), "kid_unknown");
bad("alg-hs512", await joseSign(claims(), { alg: "HS512" }, new TextEncoder().encode(HS_SECRET + HS_SECRET)), "alg_unsupported");
bad("alg-rs512", rawSign({ alg: "RS512", kid: "rsa-1" }, claims(), "RS512", rsa.privateKey), "alg_unsupported");
bad("alg-ps256", rawSign({ alg: "PS256", kid: "rsa-1" }, claims(), "PS256", rsa.privateKey), "alg_unsupported");
bad("alg-lowercase-rs256", rawSign({ alg: "rs256", kid: "rsa-1" }, claims(), "RS256", rsa.privateKey), "alg_unsupported");
bad("alg-missing", rawSign({ kid: "rsa-1" }, claims(), "RS256", rsa.privateKey), "header_invalid");
bad("es256-der-signature", rawSign({ alg: "ES256", kid: "ec-1" }, claims(), "ES256-DER", ec.privateKey), "signature_invalid");

// ---- invalid: kid ----
bad("kid-unknown", await joseSign(claims(), { alg: "RS256", kid: "rsa-9" }, rsa.privateKey), "kid_unknown");
bad("kid-traversal", await joseSign(claims(), { alg: "RS256", kid: "../../etc/passwd" }, rsa.privateKey), "kid_unknown");
bad("kid-traversal-dev-null-hs", rawSign({ alg: "HS256", kid: "../../../../dev/null" }, claims(), "HS256", ""), "kid_unknown");
bad("kid-sql", await joseSign(claims(), { alg: "RS256", kid: "x' UNION SELECT 'secret' --" }, rsa.privateKey), "kid_unknown");
bad("kid-url", await joseSign(claims(), { alg: "RS256", kid: "https://attacker.example.invalid/key.pem" }, rsa.privateKey), "kid_unknown");
bad("kid-case-variant", await joseSign(claims(), { alg: "RS256", kid: "RSA-1" }, rsa.privateKey), "kid_unknown");
bad("kid-number", rawSign({ alg: "RS256", kid: 1 }, claims(), "RS256", rsa.privateKey), "header_invalid");

// ---- invalid: keys named by the header (signed by the attacker) ----
const attackerJwk = { ...attacker.jwk, kid: "attacker-1" };
bad("jku-attacker-kid-rsa-1", await joseSign(claims(), { alg: "RS256", kid: "rsa-1", jku: "https://attacker.example.invalid/jwks.json" }, attacker.privateKey), "signature_invalid");
bad("jku-attacker-kid", await joseSign(claims(), { alg: "RS256", kid: "attacker-1", jku: "https://attacker.example.invalid/jwks.json" }, attacker.privateKey), "kid_unknown");
bad("x5u-attacker", await joseSign(claims(), { alg: "RS256", kid: "rsa-1", x5u: "https://attacker.example.invalid/cert.pem" }, attacker.privateKey), "signature_invalid");
bad("embedded-jwk-attacker-kid-rsa-1", await joseSign(claims(), { alg: "RS256", kid: "rsa-1", jwk: attacker.jwk }, attacker.privateKey), "signature_invalid");
bad("embedded-jwk-attacker-no-kid", await joseSign(claims(), { alg: "RS256", jwk: attacker.jwk }, attacker.privateKey), "signature_invalid");
bad("embedded-jwk-attacker-own-kid", await joseSign(claims(), { alg: "RS256", kid: "attacker-1", jwk: attackerJwk }, attacker.privateKey), "kid_unknown");
bad("embedded-jwk-ed25519-no-kid", await joseSign(claims(), { alg: "EdDSA", jwk: attackerEd.jwk }, attackerEd.privateKey), "signature_invalid");
bad("x5c-attacker", rawSign({ alg: "RS256", kid: "rsa-1", x5c: [b64("synthetic-not-a-real-certificate")] }, claims(), "RS256", attacker.privateKey), "signature_invalid");

// ---- invalid: crit ----
bad("crit-unknown-extension", rawSign({ alg: "RS256", kid: "rsa-1", crit: ["http://example.invalid/ext"], "http://example.invalid/ext": true }, claims(), "RS256", rsa.privateKey), "crit_unsupported");
bad("crit-b64-false", rawSign({ alg: "HS256", crit: ["b64"], b64: false }, claims(), "HS256", HS_SECRET), "crit_unsupported");
bad("crit-empty-array", rawSign({ alg: "HS256", crit: [] }, claims(), "HS256", HS_SECRET), "crit_unsupported");

// ---- invalid: time ----
bad("expired", await joseSign(claims({ exp: NOW - 3600 }), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey), "token_expired");
bad("expired-at-skew-edge", await joseSign(claims({ exp: NOW - SKEW }), { alg: "ES256", kid: "ec-1" }, ec.privateKey), "token_expired");
bad("not-yet-valid", await joseSign(claims({ nbf: NOW + 3600 }), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey), "token_not_yet_valid");
bad("not-yet-valid-skew-edge", await joseSign(claims({ nbf: NOW + SKEW + 1 }), { alg: "EdDSA", kid: "ed-1" }, ed.privateKey), "token_not_yet_valid");
bad("iat-in-future", await joseSign(claims({ iat: NOW + 3600 }), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey), "token_issued_in_future");
bad("exp-string", rawSign({ alg: "HS256" }, claims({ exp: String(NOW + 600) }), "HS256", HS_SECRET), "claim_invalid");
bad("exp-negative", rawSign({ alg: "HS256" }, claims({ exp: -1 }), "HS256", HS_SECRET), "claim_invalid");
bad("nbf-boolean", rawSign({ alg: "HS256" }, claims({ nbf: true }), "HS256", HS_SECRET), "claim_invalid");

// ---- invalid: iss / aud / required claims ----
bad("wrong-iss", await joseSign(claims({ iss: "https://attacker.example.invalid" }), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey), "issuer_mismatch");
bad("iss-trailing-slash", await joseSign(claims({ iss: ISSUER + "/" }), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey), "issuer_mismatch");
bad("wrong-aud", await joseSign(claims({ aud: "another-service" }), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey), "audience_mismatch");
bad("aud-array-without-ours", await joseSign(claims({ aud: ["a", "b"] }), { alg: "ES256", kid: "ec-1" }, ec.privateKey), "audience_mismatch");
bad("aud-empty-array", rawSign({ alg: "HS256" }, claims({ aud: [] }), "HS256", HS_SECRET), "claim_invalid");
bad("aud-array-with-number", rawSign({ alg: "HS256" }, claims({ aud: [AUDIENCE, 7] }), "HS256", HS_SECRET), "claim_invalid");
bad("missing-iss", await joseSign(without("iss"), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey), "claim_missing");
bad("missing-aud", await joseSign(without("aud"), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey), "claim_missing");
bad("missing-exp", await joseSign(without("exp"), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey), "claim_missing");
bad("sub-number", rawSign({ alg: "HS256" }, claims({ sub: 12345 }), "HS256", HS_SECRET), "claim_invalid");
bad("role-array", rawSign({ alg: "HS256" }, claims({ role: ["admin"] }), "HS256", HS_SECRET), "claim_invalid");
bad("roles-string", rawSign({ alg: "HS256" }, claims({ roles: "admin" }), "HS256", HS_SECRET), "claim_invalid");
const dupPayload = JSON.stringify(claims({ role: "support" })).replace(/}$/, ',"role":"admin"}');
bad("duplicate-claim", rawSign({ alg: "HS256" }, dupPayload, "HS256", HS_SECRET), "claim_invalid");
bad("duplicate-header-alg", rawSign('{"alg":"HS256","alg":"none"}', claims(), "HS256", HS_SECRET), "header_invalid");
bad("payload-array", rawSign({ alg: "HS256" }, "[1,2,3]", "HS256", HS_SECRET), "claim_invalid");
bad("payload-not-json", rawSign({ alg: "HS256" }, "sub=user-123", "HS256", HS_SECRET), "claim_invalid");

// ---- invalid: Cloudflare Access mode ----
bad("access-wrong-aud-tag", await joseSign({ iss: `https://${ACCESS_TEAM}`, aud: ["0000"], sub: "u", exp: NOW + 60 }, { alg: "RS256", kid: "access-1" }, access.privateKey), "audience_mismatch", "access");
bad("access-other-team", await joseSign({ iss: "https://other-team.cloudflareaccess.com", aud: [ACCESS_AUD], sub: "u", exp: NOW + 60 }, { alg: "RS256", kid: "access-1" }, access.privateKey), "issuer_mismatch", "access");
bad("access-es256", await joseSign({ iss: `https://${ACCESS_TEAM}`, aud: [ACCESS_AUD], sub: "u", exp: NOW + 60 }, { alg: "ES256", kid: "access-1" }, ec.privateKey), "alg_unsupported", "access");
bad("access-token-at-default-verifier", await joseSign({ iss: `https://${ACCESS_TEAM}`, aud: [ACCESS_AUD], sub: "u", exp: NOW + 60 }, { alg: "RS256", kid: "access-1" }, access.privateKey), "kid_unknown");

// ---- invalid: structure and encoding ----
const good = await joseSign(claims(), { alg: "RS256", kid: "rsa-1" }, rsa.privateKey);
const [h, p, s] = good.split(".");
const flip = (text, i) => text.slice(0, i) + (text[i] === "A" ? "B" : "A") + text.slice(i + 1);
bad("tampered-payload", `${h}.${b64json(claims({ sub: "admin" }))}.${s}`, "signature_invalid");
bad("tampered-payload-role", `${h}.${b64json(claims({ role: "admin" }))}.${s}`, "signature_invalid");
bad("tampered-header-kid", `${b64json({ alg: "RS256", kid: "rsa-1", typ: "JWT" })}.${p}.${s}`, "signature_invalid");
bad("tampered-signature", `${h}.${p}.${flip(s, 20)}`, "signature_invalid");
bad("signature-stripped", `${h}.${p}.`, "signature_invalid");
bad("signature-truncated", `${h}.${p}.${s.slice(0, 40)}`, "signature_invalid");
bad("two-parts", `${h}.${p}`, "token_malformed");
bad("truncated-mid-payload", good.slice(0, h.length + 1 + 10), "token_malformed");
bad("one-part", h, "token_malformed");
bad("extra-part", `${good}.${s}`, "token_malformed");
bad("jwe-five-parts", `${h}.${p}.${s}.${s}.${s}`, "token_malformed");
bad("empty-header", `.${p}.${s}`, "token_malformed");
bad("empty-payload", `${h}..${s}`, "token_malformed");
bad("dots-only", "..", "token_malformed");
bad("empty-token", "", "token_missing");
bad("oversized", rawSign({ alg: "HS256" }, claims({ pad: "x".repeat(8192) }), "HS256", HS_SECRET), "token_too_large");
bad("header-standard-base64", `${Buffer.from(JSON.stringify({ alg: "RS256", kid: "rsa-1", "?>?": "~~~" })).toString("base64").replace(/=+$/, "")}.${p}.${s}`, "token_encoding");
bad("signature-standard-base64", `${h}.${p}.${Buffer.from(s, "base64url").toString("base64")}`, "token_encoding");
bad("payload-padding", `${h}.${p}=.${s}`, "token_encoding");
bad("payload-padded-base64url", `${h}.${Buffer.from(p, "base64url").toString("base64url")}==.${s}`, "token_encoding");
bad("non-base64url-character", `${h}.${p.slice(0, 10)}*${p.slice(11)}.${s}`, "token_encoding");
bad("whitespace-in-token", `${h}.${p.slice(0, 10)} ${p.slice(10)}.${s}`, "token_encoding");
bad("newline-in-token", `${h}\n.${p}.${s}`, "token_encoding");
bad("bearer-prefix-left-in", `Bearer ${good}`, "token_encoding");
bad("non-json-header", `${b64("alg=RS256")}.${p}.${s}`, "header_invalid");
bad("header-array", `${b64json(["RS256"])}.${p}.${s}`, "header_invalid");
bad("header-string", `${b64json('"RS256"')}.${p}.${s}`, "header_invalid");
bad("header-invalid-utf8", `${b64(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))}.${p}.${s}`, "header_invalid");

const out = {
  generator: `tests/jwt/generate.mjs with jose ${JSON.parse((await import("node:fs")).readFileSync(new URL("../../node_modules/jose/package.json", import.meta.url))).version} and node:crypto (node ${process.version})`,
  note: "Synthetic keys and identities, generated for tests only. Regenerate with `node tests/jwt/generate.mjs`.",
  now: NOW,
  known_roles: KNOWN_ROLES,
  configs: {
    default: { issuer: ISSUER, audience: AUDIENCE, skew: SKEW, hs256_secret: HS_SECRET, jwks },
    no_secret: { issuer: ISSUER, audience: AUDIENCE, skew: SKEW, hs256_secret: null, jwks },
    access: { cloudflare_access: { team_domain: ACCESS_TEAM, aud_tag: ACCESS_AUD }, skew: SKEW, hs256_secret: null, jwks: accessJwks },
  },
  valid,
  invalid,
};
const names = [...valid, ...invalid].map((v) => v.name);
if (new Set(names).size !== names.length) throw new Error("duplicate vector names");
const path = join(dirname(fileURLToPath(import.meta.url)), "vectors.json");
writeFileSync(path, JSON.stringify(out, null, 1) + "\n");
console.log(`wrote ${path}: ${valid.length} valid, ${invalid.length} invalid vectors`);
