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
    permissions: [
      'storage',
      'unlimitedStorage',
      'scripting',
      'activeTab',
      'tabs',
      'alarms',
      'idle',
      'contextMenus',
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
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tessera@tessera.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 2000 },
  }),
});
