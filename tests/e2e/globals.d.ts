// Code passed to page.evaluate / worker.evaluate runs in extension contexts, where `chrome` exists.
declare const chrome: typeof import('wxt/browser').browser;
