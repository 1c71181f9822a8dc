// The pages' client: a message that finds no receiver (Firefox's event page being suspended)
// is sent again; any other failure is answered at once, as an `internal` error.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send } from '../../../lib/messages/client';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const noReceiver = () => new Error('Could not establish connection. Receiving end does not exist.');

describe('send', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends again when the background was not there to receive it, and answers what it says then', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(noReceiver()).mockResolvedValueOnce({ ok: true, state: 'locked' } as never);
    expect(await send({ type: 'vault.status' })).toEqual({ ok: true, state: 'locked' });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('gives up after a few tries with an internal error in words', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(noReceiver());
    expect(await send({ type: 'vault.status' })).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('Receiving end') } });
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it('never repeats a message that failed for another reason', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Message length exceeded maximum allowed length.'));
    expect(await send({ type: 'codes.use', id: 'x' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
