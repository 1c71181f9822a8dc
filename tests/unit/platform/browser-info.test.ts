// lib/platform/browser-info.ts: the pure decisions behind the Chrome/Firefox differences.
// The browser calls themselves are exercised in both browsers by tests/scenarios/.
import { describe, expect, test } from 'vitest';
import { pageHostFor, isNoSuchTabError } from '../../../lib/platform/browser-info';

describe('pageHostFor', () => {
  test('a background with a DOM (Firefox event page) does the work itself', () => {
    expect(pageHostFor({ hasDocument: true, hasOffscreenApi: false })).toBe('background');
  });
  test('a worker without a DOM uses the offscreen document when there is one (Chrome)', () => {
    expect(pageHostFor({ hasDocument: false, hasOffscreenApi: true })).toBe('offscreen');
    expect(pageHostFor({ hasDocument: false, hasOffscreenApi: false })).toBe('none');
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
