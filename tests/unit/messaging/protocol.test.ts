import { describe, expect, test, vi } from 'vitest';
import { protocol, RowCountsSchema, RowIdsSchema } from '@/lib/messaging/protocol';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import { english } from '../i18n/locales';

/**
 * Who may send each message, written out: this table is the specification, and the protocol must
 * match it exactly. Settings, credentials, conversation data and anything answered with the API
 * token are for extension pages (popup, options, sidebar) only; a content script, which lives in
 * a store page we do not control, may report ids, fetch its own configuration and save the
 * sidebar's width. No message is open to a foreign sender. A new message, or a sender added to an
 * old one, must be added here on purpose.
 */
const ALLOWED_SENDERS: Record<string, string[]> = {
  getSettings: ['extensionPage'],
  saveBrand: ['extensionPage'],
  removeBrand: ['extensionPage'],
  setDefaultBrand: ['extensionPage'],
  saveStoreBrands: ['extensionPage'],
  exportSettings: ['extensionPage'],
  importSettings: ['extensionPage'],
  testConnection: ['extensionPage'],
  lookup: ['extensionPage'],
  getLookupSettings: ['extensionPage'],
  saveLookupSettings: ['extensionPage'],
  saveDataKeys: ['extensionPage'],
  saveUndoSeconds: ['extensionPage'],
  getUserRules: ['extensionPage'],
  saveUserRules: ['extensionPage'],
  testRule: ['extensionPage'],
  getSitePrefs: ['extensionPage'],
  saveSitePrefs: ['extensionPage'],
  getContentConfig: ['contentScript'],
  reportDetection: ['contentScript'],
  pageGone: ['contentScript'],
  saveSidebarState: ['contentScript'],
  // Order-list rows: ids in, a count per row out; a chip's click shows its order in the sidebar.
  rowCounts: ['contentScript'],
  showRow: ['contentScript'],
  getTabConversations: ['extensionPage'],
  clearSearch: ['extensionPage'],
  getThread: ['extensionPage'],
  setAutoOpen: ['extensionPage'],
  closeSidebar: ['extensionPage'],
  // Acting on a conversation: extension pages, and handlers.ts admits the tab's sidebar only.
  getConversationTools: ['extensionPage'],
  saveDraft: ['extensionPage'],
  discardDraft: ['extensionPage'],
  sendDraft: ['extensionPage'],
  updateConversation: ['extensionPage'],
  getActivity: ['extensionPage'],
  listStaff: ['extensionPage'],
  listTemplates: ['extensionPage'],
  getNewConversationForm: ['extensionPage'],
  createConversation: ['extensionPage'],
};

describe('protocol: allowed senders', () => {
  test('the protocol declares exactly the messages of the table', () => {
    expect(Object.keys(protocol).sort()).toEqual(Object.keys(ALLOWED_SENDERS).sort());
  });

  test.each(Object.entries(ALLOWED_SENDERS))('%s may be sent by %j only', (type, senders) => {
    const declared = (protocol as Record<string, { senders: readonly string[] }>)[type]?.senders;
    expect([...(declared ?? [])].sort()).toEqual([...senders].sort());
  });
});

const self = { id: 'ext', origin: 'chrome-extension://ext' };
const SENDERS = {
  extensionPage: { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/x' },
  contentScript: { id: 'ext', origin: 'https://admin.shopify.com', tab: { id: 1 } },
  foreign: { id: 'other', origin: 'chrome-extension://ext', tab: { id: 1 } },
};

describe('router: the table, enforced', () => {
  test.each(Object.keys(ALLOWED_SENDERS))(
    '%s reaches its handler from its senders only',
    async (type) => {
      const called: string[] = [];
      const handlers = new Proxy({} as Handlers, {
        get: (_target, name: string) =>
          vi.fn(async () => {
            called.push(name);
            return {};
          }),
      });
      const route = createRouter(handlers, self, english.t);
      for (const [senderClass, sender] of Object.entries(SENDERS)) {
        called.length = 0;
        const reply = await route({ type, payload: {} }, sender);
        if (ALLOWED_SENDERS[type]!.includes(senderClass)) {
          // Past the sender check: the payload may still be refused, but never as forbidden.
          expect(reply).not.toMatchObject({ error: { kind: 'forbidden' } });
        } else {
          expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
          expect(called).toEqual([]);
        }
      }
    },
  );
});

describe('protocol: order-list rows', () => {
  test('a row count carries a number per row and nothing else, whatever the background adds', () => {
    const parsed = RowCountsSchema.parse({
      counts: [{ key: '1042', count: 2, subject: 'Where is my order #1042?', slug: 'x' }],
    });
    expect(parsed).toEqual({ counts: [{ key: '1042', count: 2 }] });
  });

  test('a page names at most 25 rows a message, each shaped like an id', () => {
    const refs = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + i));
    expect(RowIdsSchema.safeParse({ orderRefs: refs(25), originIds: [] }).success).toBe(true);
    expect(RowIdsSchema.safeParse({ orderRefs: refs(26), originIds: [] }).success).toBe(false);
    expect(RowIdsSchema.safeParse({ orderRefs: ['<b>'], originIds: [] }).success).toBe(false);
  });
});
