// WXT configuration: one source tree, built for Chrome (MV3) and Firefox (MV3).
// Permissions are explained one by one in README.md ("Permissions").
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  // lib/ is imported explicitly everywhere; no auto-import magic.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Toolbar icon (issue 14): the same PNGs as `icons`, which WXT fills from public/icon/<size>.png.
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' } },
    permissions: [
      'storage',
      'unlimitedStorage',
      'scripting',
      'activeTab',
      'tabs',
      'alarms',
      'idle',
      'contextMenus',
      // Issue 15: read (never block or change) the Date header of responses the browser already gets, to estimate the clock's offset.
      'webRequest',
      'clipboardWrite',
      // Read only to check that the clipboard still holds the code we copied before clearing it.
      'clipboardRead',
      // Chrome: the offscreen document that does that clipboard work (the worker has no DOM).
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: ['<all_urls>'],
    commands: {
      // Alt+Shift+O: free in Chrome and Firefox defaults on every platform ("O" for one-time code).
      'fill-otp': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_cmdFill__' },
    },
    content_security_policy: {
      // 'wasm-unsafe-eval': the argon2id KDF (hash-wasm) runs as WebAssembly; nothing else is relaxed.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    // Managed policy (docs/policy.md): Chrome validates the administrator's values against this
    // schema and hands them to storage.managed. Firefox needs no schema (policies.json) and
    // would warn about the key, so it is Chrome's only.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          // Firefox (docs/firefox.md): an MV3 event page, tested in Firefox ESR 153.
          browser_specific_settings: {
            gecko: {
              // Stable forever: AMO and users' storage are keyed on it. ".invalid" (RFC 2606)
              // can never be a domain someone else owns.
              id: 'tessera@tessera.invalid',
              // 142: the first version that knows data_collection_permissions on desktop (140)
              // and Android (142), so web-ext lint has nothing to warn about in the manifest.
              strict_min_version: '142.0',
              // Nothing is collected; only a sync backend the user sets up receives the sealed vault.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    // The store packages keep the product's name (the npm package is called tessera-otp).
    name: 'tessera',
    // The sources zip AMO asks for holds what rebuilds the package (`npm ci && npm run
    // build:firefox`); WXT already leaves out node_modules, .output, dot folders and *.test/*.spec.
    excludeSources: ['tests/**', 'bench/**', 'examples/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'coverage/**', '**/*.log'],
  },
  vite: () => ({
    plugins: [preact()],
    // TESSERA_SOURCEMAP=1: source maps, to see which modules each bundle holds (bench/worker-start.mjs).
    build: { chunkSizeWarningLimit: 2000, sourcemap: process.env.TESSERA_SOURCEMAP === '1' },
  }),
});
