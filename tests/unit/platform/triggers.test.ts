// The keyboard shortcut and the context-menu item (lib/platform/triggers.ts, issue 4): Playwright
// can press neither, so their listeners are called here with fake tabs. The browser is WXT's
// fakeBrowser, handed to the module through a mock of 'wxt/browser'; it has no commands or
// contextMenus implementation, so those two are stubbed with minimal event objects. The API
// context is real (tests/unit/api/context.ts: a vault over fake-indexeddb); the tabs are a fake
// TabsPort whose frames answer autofill.detect and record autofill.write.
import * as OTPAuth from 'otpauth';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FrameDetection, TabsPort } from '../../../lib/api/autofill';
import { isToContent } from '../../../lib/autofill/protocol';
import { FILL_COMMAND, FILL_MENU, fillFromTrigger, installFillTriggers } from '../../../lib/platform/triggers';
import { makeApi } from '../api/context';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const SA = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SB = 'ONSWG4TFOQQGC3TEEBZWKY3SMV2CA2LT';
const TAB = 5;
const TOP = 'https://login.example.com/2fa';
const INNER = 'https://login.example.com/2fa/widget';

/** An event as the browser has them, with a way to fire it and see who listens. */
function fakeEvent<A extends unknown[]>() {
  const listeners: Array<(...args: A) => unknown> = [];
  return {
    listeners,
    addListener: (l: (...args: A) => unknown) => void listeners.push(l),
    removeListener: (l: (...args: A) => unknown) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: (...args: A) => unknown) => listeners.includes(l),
    trigger: (...args: A) => Promise.all(listeners.map((l) => l(...args))),
  };
}

/**
 * Tab 5: a top frame and a same-site inner frame, both with a code field; the top frame's scores
 * higher, so a fill of the whole tab picks it and a fill of frame 3 proves the frame was honoured.
 */
function fakeTabs() {
  const frames = [
    { frameId: 0, url: TOP, score: 90 },
    { frameId: 3, url: INNER, score: 60 },
  ];
  const writes: Array<{ tabId: number; frameId: number; code: string }> = [];
  const port: TabsPort = {
    tabUrl: async (tabId) => (tabId === TAB ? TOP : null),
    frames: async (tabId) => (tabId === TAB ? frames.map(({ frameId, url }) => ({ frameId, url })) : []),
    send: async <T,>(tabId: number, frameId: number, msg: Record<string, unknown>) => {
      const f = frames.find((x) => x.frameId === frameId);
      if (tabId !== TAB || !f) return undefined;
      if (msg.type === 'autofill.detect') {
        const d: FrameDetection = { found: true, kind: 'single', length: 6, score: f.score, frameUrl: f.url, top: frameId === 0, nonce: `N${frameId}` };
        return d as T;
      }
      writes.push({ tabId, frameId, code: String(msg.code) });
      return { filled: true, fields: 1 } as T;
    },
  };
  return { port, writes };
}

async function setup() {
  const api = await makeApi();
  const tabs = fakeTabs();
  api.ctx.services = { tabs: tabs.port };
  const add = async (issuer: string, label: string, secret: string, site?: string) =>
    (await api.call({ type: 'accounts.import', text: `otpauth://totp/${issuer}:${label}?secret=${secret}&issuer=${issuer}`, ...(site ? { site } : {}) })).added[0].id as string;
  const codeAt = (secret: string) =>
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: api.clock.now });
  return { ...api, ...tabs, add, codeAt };
}

const commands = fakeEvent<[command: string, tab?: { id?: number }]>();
const menuClicked = fakeEvent<[info: { menuItemId: string | number; frameId?: number; editable?: boolean }, tab?: { id?: number }]>();
const menuCreate = vi.fn();
const tabsSend = vi.fn<(tabId: number, message: unknown, options?: { frameId?: number }) => Promise<unknown>>();
const tabsQuery = vi.fn<(query: Record<string, unknown>) => Promise<Array<{ id?: number }>>>();

beforeEach(() => {
  fakeBrowser.reset();
  commands.listeners.length = 0;
  menuClicked.listeners.length = 0;
  menuCreate.mockReset();
  tabsSend.mockReset().mockResolvedValue(undefined);
  tabsQuery.mockReset().mockResolvedValue([{ id: TAB }]);
  // fakeBrowser throws "not implemented" for these: minimal stand-ins.
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.commands = { onCommand: commands };
  b.contextMenus = { create: menuCreate, onClicked: menuClicked };
  b.i18n = { ...b.i18n, getMessage: (key: string) => (key === 'menuFill' ? 'Fill one-time code' : '') };
  b.tabs!.sendMessage = tabsSend;
  // fakeBrowser's tabs.query cannot answer lastFocusedWindow without a focus history; a stub says which tab is active.
  b.tabs!.query = tabsQuery;
});

describe('installFillTriggers', () => {
  it('registers the fill-otp command and, on install, a context-menu item on editable fields', async () => {
    const s = await setup();
    installFillTriggers(s.ctx);
    expect(commands.listeners).toHaveLength(1);
    expect(menuClicked.listeners).toHaveLength(1);
    expect(FILL_COMMAND).toBe('fill-otp');
    // The menu item is created when the extension is installed or updated (menus persist in Chrome).
    expect(menuCreate).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(menuCreate).toHaveBeenCalledTimes(1);
    expect(menuCreate).toHaveBeenCalledWith({ id: FILL_MENU, title: 'Fill one-time code', contexts: ['editable'] });
  });

  it('the shortcut fills the active tab of the last focused window with the bound account', async () => {
    const s = await setup();
    await s.add('Alpha', 'alice', SA, 'example.com');
    await s.add('Beta', 'bob', SB, 'elsewhere.org');
    installFillTriggers(s.ctx);
    await commands.trigger(FILL_COMMAND);
    expect(tabsQuery).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
    // The best frame of the tab (the top one scores higher), the account bound to example.com.
    expect(s.writes).toEqual([{ tabId: TAB, frameId: 0, code: s.codeAt(SA) }]);
    expect(tabsSend).not.toHaveBeenCalled(); // no notice after a fill
  });

  it('the shortcut ignores other commands and windows without an active tab', async () => {
    const s = await setup();
    await s.add('Alpha', 'alice', SA, 'example.com');
    installFillTriggers(s.ctx);
    await commands.trigger('_execute_action');
    expect(tabsQuery).not.toHaveBeenCalled();
    tabsQuery.mockResolvedValue([]);
    await commands.trigger(FILL_COMMAND);
    tabsQuery.mockResolvedValue([{}]); // a tab without an id (devtools, some special windows)
    await commands.trigger(FILL_COMMAND);
    expect(s.writes).toEqual([]);
  });

  it('the context menu fills the frame that was right-clicked, and only for its own item', async () => {
    const s = await setup();
    await s.add('Alpha', 'alice', SA, 'example.com');
    installFillTriggers(s.ctx);
    await menuClicked.trigger({ menuItemId: 'someone-else', frameId: 3, editable: true }, { id: TAB });
    await menuClicked.trigger({ menuItemId: FILL_MENU, frameId: 3, editable: true }, undefined);
    expect(s.writes).toEqual([]);
    await menuClicked.trigger({ menuItemId: FILL_MENU, frameId: 3, editable: true }, { id: TAB });
    expect(s.writes).toEqual([{ tabId: TAB, frameId: 3, code: s.codeAt(SA) }]);
  });

  it('an ambiguous fill writes nothing and asks that frame to show the picker with the candidates', async () => {
    const s = await setup();
    const a = await s.add('Alpha', 'alice', SA, 'example.com');
    const b = await s.add('Beta', 'bob', SB, 'example.com');
    installFillTriggers(s.ctx);

    await menuClicked.trigger({ menuItemId: FILL_MENU, frameId: 3, editable: true }, { id: TAB });
    expect(s.writes).toEqual([]);
    expect(tabsSend).toHaveBeenCalledTimes(1);
    const [tabId, notice, options] = tabsSend.mock.calls[0]!;
    expect(tabId).toBe(TAB);
    expect(options).toEqual({ frameId: 3 });
    expect(notice).toMatchObject({ type: 'autofill.notice', code: 'ambiguous', message: expect.stringContaining('alice') });
    const candidates = (notice as { candidates: Array<{ id: string }> }).candidates;
    expect([...candidates].sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [{ id: a, issuer: 'Alpha', label: 'alice' }, { id: b, issuer: 'Beta', label: 'bob' }].sort((x, y) => x.id.localeCompare(y.id)),
    );
    // What the content script accepts (lib/autofill/protocol.ts), and nothing secret in it.
    expect(isToContent(notice)).toBe(true);
    expect(JSON.stringify(notice)).not.toMatch(new RegExp(`${SA}|${SB}|${s.codeAt(SA)}|${s.codeAt(SB)}`));

    // The shortcut names no frame: the notice goes only to the frame with the best field (frame 0
    // here), never to every frame of the tab (a cross-site frame must not see the names).
    tabsSend.mockClear();
    await commands.trigger(FILL_COMMAND);
    expect(s.writes).toEqual([]);
    expect(tabsSend).toHaveBeenCalledWith(TAB, expect.objectContaining({ type: 'autofill.notice', code: 'ambiguous', candidates: expect.any(Array) }), { frameId: 0 });
  });
});

describe('fillFromTrigger', () => {
  it('reports a refusal to the frame as a message without candidates, and survives a frame that cannot answer', async () => {
    const s = await setup();
    await s.add('Beta', 'bob', SB, 'elsewhere.org');
    tabsSend.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const answer = await fillFromTrigger(s.ctx, TAB, 3);
    expect(answer).toMatchObject({ ok: false, error: { code: 'no-account-for-site', message: expect.any(String) } });
    expect(tabsSend).toHaveBeenCalledWith(TAB, { type: 'autofill.notice', code: 'no-account-for-site', message: expect.any(String), candidates: [] }, { frameId: 3 });
    expect(s.writes).toEqual([]);
  });

  it('answers like autofill.fill when it fills', async () => {
    const s = await setup();
    const a = await s.add('Alpha', 'alice', SA, 'example.com');
    expect(await fillFromTrigger(s.ctx, TAB)).toEqual({ ok: true, filled: true, accountId: a, fields: 1, source: 'account' });
    expect(await fillFromTrigger(s.ctx, 99)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
