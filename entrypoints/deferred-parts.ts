// Chrome only: lib/deferred/parts.ts as a classic script, for the service worker's importScripts()
// (lib/deferred/load.ts). Firefox's event page and the extension pages import() the module instead.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DEFERRED_GLOBAL } from '../lib/deferred/load';
import { deferredParts } from '../lib/deferred/parts';

export default defineUnlistedScript({
  exclude: ['firefox'],
  main: () => {
    Object.assign(globalThis, { [DEFERRED_GLOBAL]: deferredParts });
  },
});
