// Emergency tokens (issue 5): add five, hand one out; it is marked used and four remain.
import { expect } from '@playwright/test';
import { api } from '../e2e/drivers/driver';
import type { Scenario } from './scenario';
import { PASSPHRASE } from './shared';

const FIVE = ['ab12-cd34-ef56', 'gh78-ij90-kl12', 'mn34-op56-qr78', 'st90-uv12-wx34', 'Zq7Kp2Lm'];

interface ListAnswer { tokens: Array<{ id: string; masked: string; used: boolean; usedAt: number | null }>; remaining: number }

export const emergencyTokens: Scenario = {
  name: 'emergency tokens: add five, copy one, it is used and four remain',
  async run(d) {
    await api(d, { type: 'vault.setup', passphrase: PASSPHRASE });
    const added = await api<{ accountId: string; added: number; remaining: number }>(d, { type: 'tokens.add', service: 'Northwind VPN', text: FIVE.join('\n') });
    expect(added).toMatchObject({ added: 5, duplicates: 0, rejected: [], remaining: 5 });

    const copied = await api<{ value: string; tokenId: string }>(d, { type: 'tokens.copy', accountId: added.accountId });
    expect(copied.value).toBe(FIVE[0]); // the oldest unused one

    const list = await api<ListAnswer>(d, { type: 'tokens.list', accountId: added.accountId });
    expect(list.remaining).toBe(4);
    expect(list.tokens.map((t) => t.used)).toEqual([true, false, false, false, false]);
    expect(list.tokens[0]).toMatchObject({ id: copied.tokenId, usedAt: expect.any(Number) });
    expect(JSON.stringify(list)).not.toContain(FIVE[1]); // listed masked, never in clear
  },
};
