import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { PrivateKeyRecord, PublicKeyRecord, SigningAlg } from './key-records.ts';

/**
 * Signatures with WebCrypto (the same code in Node and the browser). Ed25519 where the runtime has it,
 * ECDSA P-256 (ES256) otherwise; both give 64-byte signatures, so certificate codes have one layout.
 */

const subtle = () => globalThis.crypto.subtle;

function importParams(alg: SigningAlg): AlgorithmIdentifier | EcKeyImportParams {
  return alg === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' };
}
function signParams(alg: SigningAlg): AlgorithmIdentifier | EcdsaParams {
  return alg === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
}

/** A short key id: the first 8 hex digits (upper case) of SHA-256 over the public key's coordinates. */
export function keyIdOf(jwk: JsonWebKey): string {
  return bytesToHex(sha256(utf8ToBytes(`${jwk.kty}|${jwk.crv}|${jwk.x}|${jwk.y ?? ''}`)))
    .slice(0, 8)
    .toUpperCase();
}

const publicPart = (jwk: JsonWebKey): JsonWebKey => {
  const out: JsonWebKey = {};
  if (jwk.kty) out.kty = jwk.kty;
  if (jwk.crv) out.crv = jwk.crv;
  if (jwk.x) out.x = jwk.x;
  if (jwk.y) out.y = jwk.y;
  return out;
};

export async function supportsEd25519(): Promise<boolean> {
  try {
    await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
    return true;
  } catch {
    return false;
  }
}

/** A new key pair; Ed25519 unless `alg` says otherwise or the runtime lacks it. */
export async function generateSigningKeys(
  alg?: SigningAlg,
): Promise<{ publicKey: PublicKeyRecord; privateKey: PrivateKeyRecord }> {
  const chosen: SigningAlg = alg ?? ((await supportsEd25519()) ? 'Ed25519' : 'ES256');
  const pair = await subtle().generateKey(importParams(chosen) as EcKeyGenParams, true, ['sign', 'verify']);
  const pub = publicPart(await subtle().exportKey('jwk', pair.publicKey));
  const priv = await subtle().exportKey('jwk', pair.privateKey);
  const kid = keyIdOf(pub);
  return { publicKey: { kid, alg: chosen, jwk: pub }, privateKey: { kid, alg: chosen, jwk: priv, publicJwk: pub } };
}

const privateKeys = new WeakMap<PrivateKeyRecord, Promise<CryptoKey>>();

export async function signBytes(key: PrivateKeyRecord, data: Uint8Array): Promise<Uint8Array> {
  let k = privateKeys.get(key);
  if (!k) {
    k = subtle().importKey('jwk', key.jwk, importParams(key.alg), false, ['sign']);
    privateKeys.set(key, k);
  }
  return new Uint8Array(await subtle().sign(signParams(key.alg), await k, data as BufferSource));
}

export async function verifyBytes(key: PublicKeyRecord, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    const k = await subtle().importKey('jwk', publicPart(key.jwk), importParams(key.alg), false, ['verify']);
    return await subtle().verify(signParams(key.alg), k, signature as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

export function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
