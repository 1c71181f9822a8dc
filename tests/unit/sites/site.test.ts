import { describe, expect, it } from 'vitest';
import { normaliseSites, siteOf, urlMatchesSites } from '../../../lib/sites/site';

describe('siteOf', () => {
  it.each([
    ['https://a.b.example.co.jp:8443/x?y', 'example.co.jp'],
    ['EXAMPLE.com', 'example.com'],
    ['mail.google.com', 'google.com'],
    ['https://foo.github.io/page', 'foo.github.io'],
    ['http://127.0.0.1:3000/login', '127.0.0.1'],
    ['127.0.0.1', '127.0.0.1'],
    ['http://[::1]:8080/', '::1'],
    ['http://localhost:5173', 'localhost'],
    ['app.localhost', 'localhost'],
    ['https://login.example.com.', 'example.com'],
  ])('%s → %s', (input, site) => {
    expect(siteOf(input)).toBe(site);
  });

  it.each(['', '   ', 'chrome://settings', 'javascript:alert(1)', 'co.jp', 'file:///etc/passwd'])('rejects %j', (input) => {
    expect(siteOf(input)).toBeNull();
  });
});

describe('normaliseSites', () => {
  it('dedupes and reports invalid entries', () => {
    expect(normaliseSites(['https://a.example.com', 'b.example.com', 'chrome://x', 'Example.org'])).toEqual({
      sites: ['example.com', 'example.org'],
      invalid: ['chrome://x'],
    });
  });
});

describe('urlMatchesSites', () => {
  it('matches subdomains of the registrable domain only', () => {
    expect(urlMatchesSites('https://login.example.com/', ['example.com'])).toBe(true);
    expect(urlMatchesSites('https://example.com.evil.net/', ['example.com'])).toBe(false);
    expect(urlMatchesSites('https://notexample.com/', ['example.com'])).toBe(false);
    expect(urlMatchesSites('http://127.0.0.1:9999/', ['127.0.0.1'])).toBe(true);
  });
});
