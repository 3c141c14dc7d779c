import { describe, expect, test, vi } from 'vitest';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import { AppError } from '@/lib/messaging/errors';

const self = { id: 'ext', origin: 'chrome-extension://ext' };
const extensionPage = { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/popup.html' };
const contentScript = { id: 'ext', origin: 'https://admin.shopify.com', tab: { id: 1 } };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getSettings: vi.fn(async () => ({ brand: 'northwind', email: 'dana@x.example', hasToken: true })),
    saveSettings: vi.fn(async () => ({ brand: 'northwind', email: 'dana@x.example', hasToken: true })),
    testConnection: vi.fn(async () => ({ brand: 'northwind', staffName: 'Dana' })),
    lookup: vi.fn(async () => {
      throw new Error('not used');
    }),
    ...overrides,
  };
}

describe('router', () => {
  test('dispatches an allowed message with its parsed payload', async () => {
    const h = handlers();
    const route = createRouter(h, self);
    const reply = await route(
      { type: 'saveSettings', payload: { brand: 'Northwind.reamaze.io', email: 'dana@x.example', token: 't' } },
      extensionPage,
    );
    expect(reply).toEqual({ ok: true, data: { brand: 'northwind', email: 'dana@x.example', hasToken: true } });
    expect(h.saveSettings).toHaveBeenCalledWith({ brand: 'northwind', email: 'dana@x.example', token: 't' });
  });

  test('content scripts may not read or change settings, nor look up (yet)', async () => {
    const h = handlers();
    const route = createRouter(h, self);
    for (const type of ['getSettings', 'saveSettings', 'testConnection', 'lookup']) {
      const reply = await route({ type, payload: {} }, contentScript);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(h.getSettings).not.toHaveBeenCalled();
    expect(h.saveSettings).not.toHaveBeenCalled();
  });

  test('foreign senders are refused', async () => {
    const h = handlers();
    const reply = await createRouter(h, self)({ type: 'getSettings', payload: {} }, { id: 'other' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(h.getSettings).not.toHaveBeenCalled();
  });

  test.each([null, 'getSettings', { type: 'nope', payload: {} }, { payload: {} }, { type: 'toString' }])(
    'malformed or unknown message %j is refused',
    async (message) => {
      const reply = await createRouter(handlers(), self)(message, extensionPage);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'badMessage' } });
    },
  );

  test('an invalid payload names its fields', async () => {
    const reply = await createRouter(handlers(), self)(
      { type: 'saveSettings', payload: { brand: 'no way', email: 'x' } },
      extensionPage,
    );
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.kind).toBe('invalidInput');
      expect(Object.keys(reply.error.fieldErrors ?? {})).toEqual(expect.arrayContaining(['brand', 'email']));
    }
  });

  test('handler failures come back as values', async () => {
    const route = createRouter(
      handlers({
        getSettings: async () => {
          throw new AppError('notConfigured', 'Not connected.');
        },
        testConnection: async () => {
          throw new Error('boom');
        },
      }),
      self,
    );
    expect(await route({ type: 'getSettings', payload: {} }, extensionPage)).toEqual({
      ok: false,
      error: { kind: 'notConfigured', message: 'Not connected.' },
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await route(
      { type: 'testConnection', payload: { brand: 'northwind', email: 'd@x.example', token: 't' } },
      extensionPage,
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
