import { describe, expect, test, vi } from 'vitest';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import { AppError } from '@/lib/messaging/errors';
import { protocol } from '@/lib/messaging/protocol';
import { english } from '../i18n/locales';

const self = { id: 'ext', origin: 'chrome-extension://ext' };
const extensionPage = {
  id: 'ext',
  origin: 'chrome-extension://ext',
  url: 'chrome-extension://ext/popup.html',
};
const contentScript = { id: 'ext', origin: 'https://admin.shopify.com', tab: { id: 1 } };

const summary = {
  brands: [
    { brand: 'northwind', email: 'dana@x.example', hasToken: true, marketplaceChannels: {} },
  ],
  defaultBrand: 'northwind',
  storeBrands: [],
  dataKeys: [],
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getSettings: vi.fn(async () => summary),
    saveBrand: vi.fn(async () => ({ settings: summary, staffName: 'Dana' })),
    testConnection: vi.fn(async () => ({ brand: 'northwind', staffName: 'Dana' })),
    ...unused(
      (Object.keys(protocol) as (keyof Handlers)[]).filter(
        (name) => !['getSettings', 'saveBrand', 'testConnection'].includes(name),
      ),
    ),
    ...overrides,
  } as Handlers;
}

function unused(names: (keyof Handlers)[]): Partial<Handlers> {
  return Object.fromEntries(
    names.map((name) => [
      name,
      vi.fn(async () => {
        throw new Error(`${name} is not used here`);
      }),
    ]),
  );
}

describe('router', () => {
  test('dispatches an allowed message with its parsed payload', async () => {
    const h = handlers();
    const route = createRouter(h, self, english.t);
    const reply = await route(
      {
        type: 'saveBrand',
        payload: { brand: 'Northwind.reamaze.io', email: 'dana@x.example', token: 't' },
      },
      extensionPage,
    );
    expect(reply).toEqual({ ok: true, data: { settings: summary, staffName: 'Dana' } });
    expect(h.saveBrand).toHaveBeenCalledWith(
      { brand: 'northwind', email: 'dana@x.example', token: 't' },
      { senderClass: 'extensionPage', tabId: undefined, origin: undefined, url: undefined },
    );
  });

  test('content scripts may not read settings, look up freely or read conversations', async () => {
    const h = handlers();
    const route = createRouter(h, self, english.t);
    const pageOnly = Object.entries(protocol)
      .filter(([, spec]) => !(spec.senders as readonly string[]).includes('contentScript'))
      .map(([type]) => type);
    expect(pageOnly).toEqual(
      expect.arrayContaining([
        'getSettings',
        'saveBrand',
        'lookup',
        'getThread',
        'exportSettings',
        'testRule',
      ]),
    );
    for (const type of pageOnly) {
      const reply = await route({ type, payload: {} }, contentScript);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(h.getSettings).not.toHaveBeenCalled();
    expect(h.saveBrand).not.toHaveBeenCalled();
  });

  test('extension pages may not pose as a content script', async () => {
    const h = handlers({
      reportDetection: vi.fn(async () => ({ count: 0, state: 'ready' as const })),
    });
    const reply = await createRouter(
      h,
      self,
      english.t,
    )(
      {
        type: 'reportDetection',
        payload: { platform: null, kind: 'none', orderRefs: [], originIds: [], emails: [] },
      },
      extensionPage,
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(h.reportDetection).not.toHaveBeenCalled();
  });

  test('a content script report is parsed, bounded and given the stamped tab and origin', async () => {
    const reportDetection = vi.fn(async () => ({ count: 2, state: 'ready' as const }));
    const route = createRouter(handlers({ reportDetection }), self, english.t);
    const detection = {
      platform: 'shopify',
      kind: 'order',
      orderRefs: ['1042'],
      originIds: [],
      emails: ['maya@example.net'],
    };
    expect(await route({ type: 'reportDetection', payload: detection }, contentScript)).toEqual({
      ok: true,
      data: { count: 2, state: 'ready' },
    });
    expect(reportDetection).toHaveBeenCalledWith(detection, {
      senderClass: 'contentScript',
      tabId: 1,
      origin: 'https://admin.shopify.com',
    });
    const hostile = { ...detection, orderRefs: ['<img src=x onerror=alert(1)>'] };
    expect(await route({ type: 'reportDetection', payload: hostile }, contentScript)).toMatchObject(
      {
        ok: false,
        error: { kind: 'invalidInput' },
      },
    );
    const flood = { ...detection, orderRefs: Array.from({ length: 501 }, (_, i) => String(i)) };
    expect(await route({ type: 'reportDetection', payload: flood }, contentScript)).toMatchObject({
      ok: false,
    });
    expect(reportDetection).toHaveBeenCalledTimes(1);
  });

  test('foreign senders are refused', async () => {
    const h = handlers();
    const reply = await createRouter(
      h,
      self,
      english.t,
    )({ type: 'getSettings', payload: {} }, { id: 'other' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(h.getSettings).not.toHaveBeenCalled();
  });

  test.each([
    null,
    'getSettings',
    { type: 'nope', payload: {} },
    { payload: {} },
    { type: 'toString' },
  ])('malformed or unknown message %j is refused', async (message) => {
    const reply = await createRouter(handlers(), self, english.t)(message, extensionPage);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'badMessage' } });
  });

  test('an invalid payload names its fields', async () => {
    const reply = await createRouter(
      handlers(),
      self,
      english.t,
    )({ type: 'saveBrand', payload: { brand: 'no way', email: 'x' } }, extensionPage);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.kind).toBe('invalidInput');
      expect(Object.keys(reply.error.fieldErrors ?? {})).toEqual(
        expect.arrayContaining(['brand', 'email']),
      );
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
      english.t,
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

describe('the sidebar frame’s key', () => {
  const tabConversations = {
    state: 'none' as const,
    source: 'page' as const,
    query: null,
    hasPage: false,
    brand: null,
    searched: [],
    matches: [],
    warnings: [],
    fetchedAt: null,
    stale: false,
    autoOpen: false,
    ids: null,
  };

  test('is read from the address the browser stamped on a framed extension page, and only there', async () => {
    const getTabConversations = vi.fn(
      async (_request: unknown, _sender: unknown) => tabConversations,
    );
    const route = createRouter(handlers({ getTabConversations }), self, english.t);
    const message = { type: 'getTabConversations', payload: {} };
    const frame = {
      ...extensionPage,
      url: 'chrome-extension://ext/sidebar.html#k3y',
      tab: { id: 4 },
    };
    await route(message, frame);
    await route(message, { ...frame, url: 'chrome-extension://ext/sidebar.html' });
    expect(getTabConversations.mock.calls.map(([, sender]) => sender)).toEqual([
      { senderClass: 'extensionPage', tabId: 4, frameKey: 'k3y' },
      { senderClass: 'extensionPage', tabId: 4 },
    ]);
  });
});
