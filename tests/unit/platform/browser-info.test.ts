// lib/platform/browser-info.ts: the pure decisions behind the Chrome/Firefox differences.
// The browser calls themselves are exercised in both browsers by tests/scenarios/.
import { describe, expect, test } from 'vitest';
import { clipboardHostFor, engineOf, isNoSuchTabError, reportsScreenLock, sameDocument } from '../../../lib/platform/browser-info';

describe('engineOf', () => {
  test('moz-extension pages are Firefox, chrome-extension pages Chromium', () => {
    expect(engineOf('moz-extension://5e55e2a0-7e55-4e2a-9d1b-7e55e2a0c0de/')).toBe('gecko');
    expect(engineOf('chrome-extension://abcdefghijklmnopabcdefghijklmnop/')).toBe('chromium');
  });
});

describe('clipboardHostFor', () => {
  test('a background with a DOM (Firefox event page) does the work itself', () => {
    expect(clipboardHostFor({ hasDocument: true, hasOffscreenApi: false })).toBe('background');
  });
  test('a worker without a DOM uses the offscreen document when there is one (Chrome)', () => {
    expect(clipboardHostFor({ hasDocument: false, hasOffscreenApi: true })).toBe('offscreen');
    expect(clipboardHostFor({ hasDocument: false, hasOffscreenApi: false })).toBe('none');
  });
});

describe('sameDocument', () => {
  test('same origin (port included), path and query; the fragment does not matter', () => {
    expect(sameDocument('http://127.0.0.1:4173/login#top', 'http://127.0.0.1:4173/login')).toBe(true);
    expect(sameDocument('http://127.0.0.1:4173/login', 'http://127.0.0.1:4174/login')).toBe(false);
    expect(sameDocument('http://127.0.0.1:4173/login?a=1', 'http://127.0.0.1:4173/login')).toBe(false);
    expect(sameDocument('https://example.com/a', 'http://example.com/a')).toBe(false);
  });
  test('an unparsable URL matches nothing', () => {
    expect(sameDocument('', 'http://127.0.0.1/')).toBe(false);
    expect(sameDocument('about:blank', 'not a url')).toBe(false);
  });
});

describe('isNoSuchTabError', () => {
  test("recognises Chrome's and Firefox's wording, and nothing else", () => {
    expect(isNoSuchTabError(new Error('No tab with id: 999999.'))).toBe(true); // Chromium 156
    expect(isNoSuchTabError(new Error('Invalid tab ID: 999999'))).toBe(true); // Firefox 153
    expect(isNoSuchTabError('Invalid tab ID: 7')).toBe(true);
    expect(isNoSuchTabError(new Error('Missing host permission for the tab'))).toBe(false);
    expect(isNoSuchTabError(undefined)).toBe(false);
  });
});

test('only Chromium reports a locked screen', () => {
  expect(reportsScreenLock('chromium')).toBe(true);
  expect(reportsScreenLock('gecko')).toBe(false);
});
