// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { createReamazeClient } from '@/lib/api/client';
import type { DetectedIds } from '@/lib/detection/schema';
import { planLookups } from '@/lib/lookup/plan';
import { createConversationSearch } from '@/lib/lookup/search';
import { replyWithFixture } from '../fake-fetch';
import { english } from '../i18n/locales';

// The production bound, written out: raising it in the code must fail here, not pass silently.
const REQUESTS_PER_PAGE = 25;

/** A 2,000-row order list as the planner sees it: every row's order number. */
const bigPage: DetectedIds = {
  orderRefs: Array.from({ length: 2000 }, (_, i) => String(1000 + i)),
  originIds: [],
  emails: [],
};

const account = {
  brand: 'northwind',
  email: 'sam@acme.example',
  token: 'token-123',
  marketplaceChannels: {},
};

describe('one page costs at most 25 requests', () => {
  test('the planner, with its default bound, plans 25 and skips the other 1,975 ids', () => {
    const { requests, skipped } = planLookups(bigPage, { channels: {}, dataKeys: [] });
    expect(requests).toHaveLength(REQUESTS_PER_PAGE);
    expect(requests.map((r) => r.reason.value)).toEqual(bigPage.orderRefs.slice(0, 25));
    expect(skipped).toHaveLength(1975);
  });

  test('the search every lookup goes through sends 25 requests for the page, and says what it skipped', async () => {
    const urls: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return replyWithFixture('error-404.json', 404); // not found: an empty answer
    }) as typeof globalThis.fetch;
    const search = createConversationSearch({
      t: english.t,
      createClient: (credentials) =>
        createReamazeClient(credentials, { t: english.t, fetch, sleep: async () => undefined }),
    });

    const result = await search.search(account, bigPage, { dataKeys: [] });

    expect(urls).toHaveLength(REQUESTS_PER_PAGE);
    expect(new Set(urls).size).toBe(REQUESTS_PER_PAGE);
    expect(result.warnings.filter((w) => w.startsWith('Not searched:'))).toHaveLength(1975);
  });
});
