// Loads lib/deferred/parts.ts on first use (issue 14: the worker starts without the KDF, the
// import parsers or the sync engine). Everywhere but Chrome's background this is a plain import()
// (a chunk of its own: Firefox's event page, extension pages, tests). Chrome's MV3 service worker
// refuses import() (HTML §8.1.5.1), so there the parts are a classic script read with
// importScripts(), which Service Workers §4.5.1 allows after installation only for scripts that
// were imported while installing: installDeferredParts() imports it from the install event, and
// the browser keeps that copy with the worker's own script for every later start.
import type { DeferredParts } from './parts';

/** The file WXT builds from entrypoints/deferred-parts.ts (Chrome only). */
export const DEFERRED_SCRIPT = '/deferred-parts.js';
/** Where that script leaves the table (entrypoints/deferred-parts.ts). */
export const DEFERRED_GLOBAL = 'tesseraDeferred';

type WorkerScope = { importScripts(...urls: string[]): void; addEventListener(type: 'install', listener: () => void): void };

/**
 * Chrome's service worker, decided at build time (WXT's per-entrypoint globals): its one-file
 * (IIFE) build then holds no import() of the parts, which it would otherwise inline.
 */
const CLASSIC_WORKER = import.meta.env.ENTRYPOINT === 'background' && !import.meta.env.FIREFOX;

let loading: Promise<DeferredParts> | undefined;

/** The deferred parts, loaded on the first call (a failed load is tried again on the next). */
export function deferred(): Promise<DeferredParts> {
  loading ??= load().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

async function load(): Promise<DeferredParts> {
  if (CLASSIC_WORKER) return fromInstalledScript();
  return (await import('./parts')).deferredParts;
}

function fromInstalledScript(): DeferredParts {
  const scope = globalThis as unknown as WorkerScope & Record<string, DeferredParts | undefined>;
  if (!scope[DEFERRED_GLOBAL]) scope.importScripts(DEFERRED_SCRIPT);
  const parts = scope[DEFERRED_GLOBAL];
  if (!parts) throw new Error('deferred parts missing');
  return parts;
}

/** Chrome's worker: import the parts while installing, so that importScripts() may read them later. */
export function installDeferredParts(): void {
  if (!CLASSIC_WORKER) return;
  (globalThis as unknown as WorkerScope).addEventListener('install', () => void fromInstalledScript());
}
