import { describe, expect, it } from 'vitest';
import { letterAvatar } from '../../../lib/ui/avatar';
import { ICONS } from '../../../lib/ui/issuer-icon-set';
import { IconMatcher } from '../../../lib/ui/issuer-icons';

describe('issuer icons', () => {
  const m = new IconMatcher(ICONS);
  it('bundles a curated set with paths and colours', () => {
    expect(ICONS.length).toBeGreaterThan(100);
    for (const i of ICONS) {
      expect(i.path).toMatch(/^[Mm]/);
      expect(i.hex).toMatch(/^[0-9A-F]{6}$/i);
    }
  });

  it('matches folded names, whole-word prefixes and renamed brands; nothing else', () => {
    expect(m.find('github')?.title).toBe('GitHub');
    expect(m.find('GitHub Enterprise')?.title).toBe('GitHub');
    expect(m.find('Google Cloud')?.title).toBe('Google Cloud');
    expect(m.find('Proton Mail')?.title).toBe('Proton Mail');
    expect(m.find('Booking.com')?.title).toBe('Booking.com');
    expect(m.find('Twitter')?.title).toBe('X');
    expect(m.find('ＧｉｔＬａｂ')?.title).toBe('GitLab');
    expect(m.find('GitHubber')).toBeNull();
    expect(m.find('Xylophone Bank')).toBeNull();
    expect(m.find('')).toBeNull();
  });

  it('falls back to a stable letter avatar, kana and ideographs included', () => {
    expect(letterAvatar('example')).toEqual(letterAvatar('example'));
    expect(letterAvatar('example').letter).toBe('E');
    expect(letterAvatar('ｶﾒﾗ').letter).toBe('か');
    expect(letterAvatar('').letter).toBe('?');
  });
});
