// `tessera-otp/contract`: the automation API's message and answer types (and the table they are
// inferred from, with its validator) for TypeScript users who call the messages themselves.
// One source: lib/api/contract.ts, which the extension's own tests check the handlers against.
export * from '../lib/api/contract.js';
