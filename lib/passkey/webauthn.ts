// The page side of passkeys (issue 18): WebAuthn runs in an extension page (the service worker has
// no navigator.credentials). Creating asks for the `prf` extension (WebAuthn Level 3 §10.1.4) with
// user verification required and evaluates the PRF on the wrap's salt, at creation when the
// authenticator can (Chrome passes `eval` to CTAP2.1 hmac-secret-mc) or by one assertion right
// after. The relying party is the page's own origin: `rp.id` is left out, so the browser picks it
// (Chromium: the whole origin "chrome-extension://<id>", checked in tests/e2e/passkey.spec.ts) —
// see docs/vault-format.md, "Passkey wraps".
// The PRF output goes straight to the background in a message and is never stored.
import { fromBase64, toBase64, toBase64Url } from '../crypto/encoding';
import { randomBytes } from '../crypto/random';

export type PasskeyFailure = 'no-prf' | 'cancelled' | 'unsupported' | 'excluded' | 'failed';

export type PasskeyResult = { ok: true; id: string; prf: string } | { ok: false; reason: PasskeyFailure; detail: string };

/** What the functions below need of the browser (navigator.credentials; replaced in tests). */
export interface CredentialsLike {
  create(options: CredentialCreationOptions): Promise<Credential | null>;
  get(options: CredentialRequestOptions): Promise<Credential | null>;
}

const TIMEOUT_MS = 120_000;

/** A copy in a plain ArrayBuffer (what WebAuthn's BufferSource fields are typed as). */
const buf = (u: Uint8Array): ArrayBuffer => u.slice().buffer as ArrayBuffer;

export function fromBase64Url(text: string): Uint8Array {
  const b = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(b + '='.repeat((4 - (b.length % 4)) % 4));
}

interface PrfOutputs {
  enabled?: boolean;
  results?: { first?: ArrayBuffer | ArrayBufferView; second?: ArrayBuffer | ArrayBufferView };
}

function prfOf(cred: PublicKeyCredential): PrfOutputs | undefined {
  return (cred.getClientExtensionResults() as { prf?: PrfOutputs }).prf;
}

function bytesOf(x: ArrayBuffer | ArrayBufferView): Uint8Array {
  return x instanceof ArrayBuffer ? new Uint8Array(x) : new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
}

function failure(e: unknown): PasskeyResult {
  const name = (e as { name?: unknown } | null)?.name;
  const detail = typeof name === 'string' ? name : String(e);
  // WebAuthn §5.1.3/§5.1.4: NotAllowedError covers a closed prompt, a timeout and a refused
  // verification; InvalidStateError an authenticator that holds an excluded credential.
  if (name === 'NotAllowedError' || name === 'AbortError') return { ok: false, reason: 'cancelled', detail };
  if (name === 'InvalidStateError') return { ok: false, reason: 'excluded', detail };
  if (name === 'NotSupportedError' || name === 'SecurityError' || name === 'TypeError') return { ok: false, reason: 'unsupported', detail };
  return { ok: false, reason: 'failed', detail };
}

function available(creds: CredentialsLike | undefined): creds is CredentialsLike {
  return !!creds && typeof creds.create === 'function' && typeof creds.get === 'function';
}

/**
 * Creates a credential for this vault and evaluates its PRF on `salt` (base64). An authenticator
 * without PRF gives `no-prf` (the caller adds nothing; the credential it made is reported unknown
 * to the browser where it supports that, so it can be deleted).
 */
export async function createPasskey(opts: { salt: string; exclude: string[]; userName: string; rpName: string }, creds: CredentialsLike | undefined = globalThis.navigator?.credentials): Promise<PasskeyResult> {
  if (!available(creds)) return { ok: false, reason: 'unsupported', detail: 'navigator.credentials' };
  const salt = buf(fromBase64(opts.salt));
  let cred: PublicKeyCredential;
  try {
    cred = (await creds.create({
      publicKey: {
        rp: { name: opts.rpName },
        // A fresh user handle per passkey: two passkeys on one authenticator must not replace each other.
        user: { id: buf(randomBytes(16)), name: opts.userName, displayName: opts.userName },
        challenge: buf(randomBytes(32)), // nothing verifies the attestation: the PRF secret is what counts
        pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -8 }, { type: 'public-key', alg: -257 }],
        authenticatorSelection: { userVerification: 'required', residentKey: 'preferred' },
        excludeCredentials: opts.exclude.map((id) => ({ type: 'public-key' as const, id: buf(fromBase64Url(id)) })),
        extensions: { prf: { eval: { first: salt } } } as AuthenticationExtensionsClientInputs,
        timeout: TIMEOUT_MS,
      },
    })) as PublicKeyCredential;
  } catch (e) {
    return failure(e);
  }
  if (!cred || !cred.rawId) return { ok: false, reason: 'failed', detail: 'no credential' };
  const id = toBase64Url(new Uint8Array(cred.rawId));
  const prf = prfOf(cred);
  if (prf?.results?.first) return { ok: true, id, prf: toBase64(bytesOf(prf.results.first)) };
  if (!prf?.enabled) {
    forget(id);
    return { ok: false, reason: 'no-prf', detail: 'prf' };
  }
  // PRF enabled but not evaluated at creation (CTAP2.0 hmac-secret): one assertion evaluates it.
  const got = await assertPasskey([{ id, salt: opts.salt }], creds);
  if (!got.ok && got.reason === 'no-prf') forget(id);
  return got;
}

/** Asks for one of `list`'s credentials with user verification and its PRF on that credential's salt. */
export async function assertPasskey(list: Array<{ id: string; salt: string }>, creds: CredentialsLike | undefined = globalThis.navigator?.credentials): Promise<PasskeyResult> {
  if (!available(creds)) return { ok: false, reason: 'unsupported', detail: 'navigator.credentials' };
  const evalByCredential: Record<string, { first: ArrayBuffer }> = {};
  for (const c of list) evalByCredential[c.id] = { first: buf(fromBase64(c.salt)) };
  let cred: PublicKeyCredential;
  try {
    cred = (await creds.get({
      publicKey: {
        challenge: buf(randomBytes(32)),
        allowCredentials: list.map((c) => ({ type: 'public-key' as const, id: buf(fromBase64Url(c.id)) })),
        userVerification: 'required',
        extensions: { prf: { evalByCredential } } as AuthenticationExtensionsClientInputs,
        timeout: TIMEOUT_MS,
      },
    })) as PublicKeyCredential;
  } catch (e) {
    return failure(e);
  }
  if (!cred || !cred.rawId) return { ok: false, reason: 'failed', detail: 'no credential' };
  const id = toBase64Url(new Uint8Array(cred.rawId));
  const first = prfOf(cred)?.results?.first;
  if (!first) return { ok: false, reason: 'no-prf', detail: 'prf' };
  return { ok: true, id, prf: toBase64(bytesOf(first)) };
}

/** Tells the browser a credential we made is of no use (WebAuthn L3 signal API), where it can hear it. */
function forget(credentialId: string): void {
  const pkc = (globalThis as { PublicKeyCredential?: { signalUnknownCredential?(o: { rpId: string; credentialId: string }): Promise<void> } }).PublicKeyCredential;
  try {
    // Chromium's RP ID for an extension page is its whole origin (chrome-extension://<id>).
    const rpId = location.protocol === 'chrome-extension:' ? location.origin : location.hostname;
    void pkc?.signalUnknownCredential?.({ rpId, credentialId })?.catch(() => {});
  } catch {
    // not offered: the credential stays on the authenticator, unused
  }
}
