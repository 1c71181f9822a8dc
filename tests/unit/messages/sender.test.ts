import { describe, expect, it } from 'vitest';
import { isExtensionPage, isOwnContentScript } from '../../../lib/messages/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('sender checks', () => {
  it('accepts our own pages, also when opened as a tab', () => {
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}/popup.html` }, ID, ORIGIN + '/')).toBe(true);
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}/options.html`, origin: ORIGIN, tab: { id: 3 } }, ID, ORIGIN)).toBe(true);
  });

  it('refuses content scripts, web pages and other extensions', () => {
    expect(isExtensionPage({ id: ID, url: 'https://evil.example/', tab: { id: 1 } }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: 'other', url: `chrome-extension://other/x.html` }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}.evil.example/x` }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}/x.html`, origin: 'https://evil.example' }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({}, ID, ORIGIN)).toBe(false);
  });

  it('recognises our content scripts', () => {
    expect(isOwnContentScript({ id: ID, url: 'https://site.example/', tab: { id: 4 } }, ID, ORIGIN)).toBe(true);
    expect(isOwnContentScript({ id: ID, url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBe(false);
    expect(isOwnContentScript({ id: 'other', url: 'https://x/', tab: { id: 4 } }, ID, ORIGIN)).toBe(false);
  });
});
