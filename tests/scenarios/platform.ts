// The browser APIs Tessera's MV3 build relies on, checked from an extension page in each
// browser (issue 7: "MV3 if everything works there"; docs/firefox.md): the options page, the
// unlocked key in storage.session, the keyboard shortcut (commands), the context menu created
// at install, scripting in every frame of a web tab, and a capture of the visible tab.
import { expect } from '@playwright/test';
import { api } from '../e2e/drivers/driver';
import type { Scenario } from './scenario';
import { PASSPHRASE, SITE, tabIdOf } from './shared';

export const platformApis: Scenario = {
  name: 'options page, storage.session, commands, context menu, scripting and captureVisibleTab work',
  async run(d) {
    const ext = d.extensionPage;
    // The options page (opened before any vault exists) rendered its first-run form.
    await expect.poll(() => ext.evaluate(() => document.querySelectorAll('h1, input[type="password"]').length)).toBeGreaterThanOrEqual(2);
    await api(d, { type: 'vault.setup', passphrase: PASSPHRASE });
    // `chrome.*` in both: Firefox's MV3 pages have it too, returning promises like `browser.*`.
    const keys = await ext.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
    expect(keys).toContain('vaultKey'); // unlocked: the key is held in session storage only

    const commands = await ext.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: 'fill-otp', shortcut: 'Alt+Shift+O' }));

    // update() rejects for an id that was never created: so this proves the menu exists.
    const menu = await ext.evaluate(async () => {
      const probe = (id: string) => chrome.contextMenus.update(id, {}).then(() => 'exists', () => 'missing');
      return [await probe('tessera-fill'), await probe('no-such-menu')];
    });
    expect(menu).toEqual(['exists', 'missing']);

    const url = `${SITE}/login`;
    const page = await d.openPage(url);
    await page.bringToFront();
    const tabId = await tabIdOf(d, url);
    const frames = await ext.evaluate(async (id) => {
      return (await chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, func: () => location.href })).map((r) => r.result);
    }, tabId);
    expect(frames).toEqual([url]);

    const shot = await ext.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      const data = await chrome.tabs.captureVisibleTab(tab.windowId!, { format: 'png' });
      const img = new Image();
      img.src = data;
      await img.decode();
      return { active: tab.active, prefix: data.slice(0, 22), width: img.naturalWidth, height: img.naturalHeight };
    }, tabId);
    expect(shot).toMatchObject({ active: true, prefix: 'data:image/png;base64,' });
    expect(shot.width).toBeGreaterThan(300);
    expect(shot.height).toBeGreaterThan(200);
  },
};
