// Token-making helpers shared by tests/jwt/generate.mjs (the committed vectors) and
// tests/e2e/edge_auth.test.mjs (live tokens against the running Worker): `jose` for ordinary
// tokens, `node:crypto` for the hand-built attack and malformed tokens jose refuses to produce.

import { constants, createHmac, sign as nodeSign, KeyObject } from "node:crypto";
import * as jose from "jose";

export const b64 = (bytes) => Buffer.from(bytes).toString("base64url");
export const b64json = (value) => b64(typeof value === "string" ? value : JSON.stringify(value));

/** A fresh key pair for `alg`, with its public JWK and SPKI PEM. */
export async function pair(alg, options = {}) {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true, ...options });
  return { publicKey, privateKey, jwk: await jose.exportJWK(publicKey), spki: await jose.exportSPKI(publicKey) };
}

// Standard tokens: jose does the encoding and signing.
export async function joseSign(payload, header, key) {
  return new jose.SignJWT(payload).setProtectedHeader(header).sign(key);
}

// Hand-built tokens: any header and payload text, signed with node:crypto.
const keyObject = (key) => (key instanceof KeyObject ? key : KeyObject.from(key));
export function rawSign(header, payload, alg, key) {
  const input = `${b64json(header)}.${b64json(payload)}`;
  const data = Buffer.from(input);
  let sig;
  if (alg === "HS256") sig = createHmac("sha256", key).update(data).digest();
  else if (alg === "RS256") sig = nodeSign("sha256", data, keyObject(key));
  else if (alg === "RS512") sig = nodeSign("sha512", data, keyObject(key));
  else if (alg === "PS256") sig = nodeSign("sha256", data, { key: keyObject(key), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  else if (alg === "ES256") sig = nodeSign("sha256", data, { key: keyObject(key), dsaEncoding: "ieee-p1363" });
  else if (alg === "ES256-DER") sig = nodeSign("sha256", data, { key: keyObject(key), dsaEncoding: "der" });
  else if (alg === "EdDSA") sig = nodeSign(null, data, keyObject(key));
  else if (alg === "none") sig = Buffer.alloc(0);
  else throw new Error(`unknown alg ${alg}`);
  return `${input}.${b64(sig)}`;
}
