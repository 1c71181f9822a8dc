// The key prefix of browser sync's item layout (browser-sync.ts; docs/sync.md, "Item layout"):
// each device owns the keys `t1.<deviceId>.*`. Its own module so that the worker's sync triggers
// (lib/platform/sync-triggers.ts) tell another device's writes apart without loading the backend,
// a deferred part (lib/deferred/parts.ts).
export const KEY_PREFIX = 't1.';
