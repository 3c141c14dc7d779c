import type { ReamazeClient } from '../api/client';
import type { Translate } from '../i18n/translate';
import { AppError } from '../messaging/errors';
import type { BrandAccount, Credentials, Settings } from '../settings/schema';
import { accountByName, accountForUrl } from '../settings/store-brands';
import { loadSettings } from '../storage/settings';
import { classifyText, describeTerm, idsOfTerms } from './classify';
import { requireAccount, requireToken, unreadableWarning, type ConversationSearch } from './search';
import type {
  ConversationMatch,
  LookupRequest,
  LookupResult,
  Thread,
  ThreadRequest,
} from './schemas';
import { summarizeConversation } from './summarize';
import { toThreadMessage } from './thread-message';

export interface LookupServiceDeps {
  /** The agent's language, for what was searched and why nothing could be. */
  t: Translate;
  createClient(credentials: Credentials): ReamazeClient;
  search: ConversationSearch;
}

/**
 * What an agent looks up by hand: a search typed in the popup, the omnibox's suggestions, and a
 * conversation's thread. Store tabs have their own service (tabs.ts); all share one search.
 */
export function createLookupService({ t, createClient, search }: LookupServiceDeps) {
  /** The named brand's account (the default brand when unnamed), with the settings. */
  async function accountNamed(
    brand?: string,
  ): Promise<{ account: BrandAccount; settings: Settings }> {
    const { settings } = await loadSettings();
    return { account: requireAccount(t, accountByName(settings, brand)), settings };
  }

  return {
    /** The popup's search: answered by Re:amaze itself, not the cache, which it then refreshes. */
    async lookup({ query, page, brand }: LookupRequest): Promise<LookupResult> {
      const { account, settings } = await accountNamed(brand);
      const terms = classifyText(query);
      if (terms.length === 0) throw new AppError('invalidInput', t('lookup.nothingToSearch'));
      const [only] = terms;
      // One email: the customer's whole history, page by page.
      if (terms.length === 1 && only?.kind === 'email') {
        const client = createClient(requireToken(t, account));
        const result = await client.listConversations({ for: only.email, filter: 'all', page });
        return {
          brand: account.brand,
          query,
          searched: describeTerm(t, only),
          conversations: result.conversations.map((c) => ({
            ...summarizeConversation(c, account.brand),
            reasons: [{ kind: 'email' as const, value: only.email }],
          })),
          warnings: result.skipped > 0 ? [unreadableWarning(t, result.skipped)] : [],
          page: page ?? 1,
          pageCount: result.page_count ?? 1,
          totalCount: result.total_count ?? result.conversations.length,
        };
      }
      const options = { dataKeys: settings.dataKeys, refresh: true };
      let result = await search.search(account, idsOfTerms(terms), options);
      // A bare number found nowhere may be a conversation's database id, which only a plain
      // lookup tries; asked only now, so an order number never matches an unrelated conversation.
      const bareNumber = terms.length === 1 && only?.kind === 'order' && /^\d+$/.test(only.ref);
      if (result.matches.length === 0 && bareNumber) {
        const byDatabaseId = { orderRefs: [], originIds: [], emails: [], slugs: [only.ref] };
        const byId = await search.search(account, byDatabaseId, { dataKeys: [], refresh: true });
        if (byId.matches.length > 0) result = byId;
      }
      return {
        brand: account.brand,
        query,
        searched: result.searched.join('; '),
        conversations: result.matches,
        warnings: result.warnings,
        page: 1,
        pageCount: 1,
        totalCount: result.matches.length,
      };
    },

    /**
     * The omnibox's matches while the agent types, from the cache where it can: on a store tab
     * (its page known from its detector) in that store's brand, elsewhere in the default one.
     */
    async suggest(text: string, storeUrl?: string): Promise<ConversationMatch[]> {
      const { settings } = await loadSettings();
      const account = accountForUrl(settings, storeUrl ? new URL(storeUrl) : undefined);
      const terms = classifyText(text);
      if (!account || terms.length === 0) return [];
      const options = { dataKeys: settings.dataKeys };
      return (await search.search(account, idsOfTerms(terms), options)).matches;
    },

    async thread({ slug, brand, page }: ThreadRequest): Promise<Thread> {
      const { account } = await accountNamed(brand);
      const result = await createClient(requireToken(t, account)).listMessages(slug, { page });
      return {
        slug,
        messages: result.messages.map(toThreadMessage),
        totalCount: result.total_count,
      };
    },
  };
}

export type LookupService = ReturnType<typeof createLookupService>;
