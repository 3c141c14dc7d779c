import { createReamazeClient, type ReamazeClient } from '@/lib/api/client';
import { VISIBILITY, type Message, type Staff } from '@/lib/api/schemas';
import { resolveMarketplaceChannels } from '@/lib/lookup/channels';
import { classifyText, describeTerm } from '@/lib/lookup/classify';
import { idsOfTerms } from '@/lib/lookup/detected';
import { requireToken, type ConversationSearch } from '@/lib/lookup/search';
import { summarizeConversation } from '@/lib/lookup/summary';
import { AppError, NOT_CONFIGURED_MESSAGE } from '@/lib/messaging/errors';
import type { ChannelChoices, RuleTest, ThreadMessage } from '@/lib/messaging/page-schemas';
import type { Handlers, SenderContext } from '@/lib/messaging/router';
import { exportSettings, importSettings } from '@/lib/settings/export';
import {
  ApiTokenSchema,
  type BrandAccount,
  type Credentials,
  type ParsedCredentialsInput,
  type Settings,
  type SettingsSummary,
  type UserRule,
} from '@/lib/settings/schema';
import type { SitePrefs } from '@/lib/settings/site-prefs';
import { accountByName, parseStoreKey } from '@/lib/settings/stores';
import {
  loadSettings,
  saveSettings,
  updateSettings,
  type LoadedSettings,
} from '@/lib/settings/store';
import type { TabConversationService } from './tab-conversations';

/** Staff pages read at most while looking for the signed-in user's name. */
const MAX_STAFF_PAGES = 5;

/** Messages to the content script in a store tab (its top frame). */
export type TabCommand =
  | { type: 'closeSidebar' }
  | { type: 'toggleSidebar' }
  | { type: 'openSidebar' }
  | { type: 'redetect' };

export interface HandlerDeps {
  createClient: (credentials: Credentials) => ReamazeClient;
  search: ConversationSearch;
  tabs: TabConversationService;
  sitePrefs: {
    get(origin: string): Promise<SitePrefs>;
    all(): Promise<Record<string, SitePrefs>>;
    update(origin: string, change: Partial<SitePrefs> | null): Promise<void>;
  };
  sendToTab(tabId: number, command: TabCommand): Promise<void>;
  /** Runs a rule in the store tab the agent used last; null where no store tab is open. */
  testRuleInPage(rule: UserRule): Promise<RuleTest | null>;
}

export function defaultClientFactory(credentials: Credentials): ReamazeClient {
  return createReamazeClient(credentials);
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { createClient } = deps;

  async function settingsNow(): Promise<Settings> {
    return (await loadSettings()).settings;
  }

  /** The named brand's account (the default brand when unnamed), with its token. */
  async function accountNamed(
    brand?: string,
  ): Promise<{ account: BrandAccount; settings: Settings }> {
    const settings = await settingsNow();
    const account = accountByName(settings, brand);
    if (!account) throw new AppError('notConfigured', NOT_CONFIGURED_MESSAGE);
    return { account, settings };
  }

  async function lookupSettings(brand?: string): Promise<ChannelChoices> {
    const { account, settings } = await accountNamed(brand);
    const { channels } = await createClient(requireToken(account)).listChannels();
    return {
      brand: account.brand,
      channels: channels.map(({ slug, name }) => ({ slug, name })),
      selected: resolveMarketplaceChannels(account.marketplaceChannels, channels),
      dataKeys: settings.dataKeys,
    };
  }

  /** Settings changed: cached lookups may answer for the old ones. */
  async function changed(next: Settings): Promise<SettingsSummary> {
    await saveSettings(next);
    deps.tabs.clearCache();
    return summarize({ settings: next });
  }

  return {
    async getSettings() {
      return summarize(await loadSettings());
    },

    async saveBrand(input) {
      const settings = await settingsNow();
      const credentials = withSavedToken(input, settings);
      const staff = await findStaff(createClient(credentials), credentials.email);
      const edited = input.replaces ?? input.brand;
      const renamed = edited !== input.brand ? edited : null;
      if (renamed && settings.brands.some((b) => b.brand === input.brand)) {
        const message = `The brand ${input.brand} is already in the list; edit that one instead.`;
        throw new AppError('invalidInput', message, { brand: [message] });
      }
      const previous = settings.brands.find((b) => b.brand === edited);
      const account: BrandAccount = {
        ...credentials,
        marketplaceChannels: previous?.marketplaceChannels ?? {},
      };
      const next: Settings = {
        ...settings,
        brands: previous
          ? settings.brands.map((b) => (b === previous ? account : b))
          : [...settings.brands, account],
        defaultBrand:
          renamed && settings.defaultBrand === renamed ? input.brand : settings.defaultBrand,
        storeBrands: renamed
          ? settings.storeBrands.map((m) =>
              m.brand === renamed ? { ...m, brand: input.brand } : m,
            )
          : settings.storeBrands,
      };
      return {
        settings: await changed(next),
        staffName: staff?.name || staff?.display_name || credentials.email,
      };
    },

    async removeBrand({ brand }) {
      const settings = await settingsNow();
      return changed({
        ...settings,
        brands: settings.brands.filter((b) => b.brand !== brand),
        defaultBrand: settings.defaultBrand === brand ? null : settings.defaultBrand,
        storeBrands: settings.storeBrands.filter((m) => m.brand !== brand),
      });
    },

    async setDefaultBrand({ brand }) {
      const settings = await settingsNow();
      if (!settings.brands.some((b) => b.brand === brand)) {
        throw new AppError('invalidInput', `There is no brand ${brand}; add it first.`);
      }
      return changed({ ...settings, defaultBrand: brand });
    },

    async saveStoreBrands(mappings) {
      const settings = await settingsNow();
      // Errors are keyed by the row as sent, so the page shows each beside its own field.
      const fieldErrors: Record<string, string[]> = {};
      const seen = new Set<string>();
      const storeBrands = mappings.flatMap(({ store, brand }, index) => {
        const parsed = parseStoreKey(store);
        if (!settings.brands.some((b) => b.brand === brand))
          fieldErrors[`${index}.brand`] = [`There is no brand ${brand}.`];
        if (!parsed.ok) {
          fieldErrors[`${index}.store`] = [parsed.message];
          return [];
        }
        if (seen.has(parsed.store))
          fieldErrors[`${index}.store`] = [`${parsed.store} is mapped twice; keep one.`];
        seen.add(parsed.store);
        return [{ store: parsed.store, brand }];
      });
      if (Object.keys(fieldErrors).length > 0) {
        throw new AppError('invalidInput', 'Some store mappings need fixing.', fieldErrors);
      }
      return changed({ ...settings, storeBrands });
    },

    async exportSettings() {
      return exportSettings(await settingsNow());
    },

    async importSettings(file) {
      const { settings, needsToken } = importSettings(await settingsNow(), file);
      return { settings: await changed(settings), needsToken };
    },

    async testConnection(input) {
      const credentials = withSavedToken(input, await settingsNow());
      const staff = await findStaff(createClient(credentials), credentials.email);
      return {
        brand: credentials.brand,
        staffName: staff?.name || staff?.display_name || credentials.email,
      };
    },

    async lookup({ query, page, brand }) {
      const { account, settings } = await accountNamed(brand);
      const terms = classifyText(query);
      if (terms.length === 0) {
        throw new AppError(
          'invalidInput',
          'Nothing to search for there: type an order number, marketplace order id, email or conversation link.',
        );
      }
      const [only] = terms;
      // One email: the customer's whole history, page by page.
      if (terms.length === 1 && only?.kind === 'email') {
        const client = createClient(requireToken(account));
        const result = await client.listConversations({ for: only.email, filter: 'all', page });
        return {
          brand: account.brand,
          query,
          searched: describeTerm(only),
          conversations: result.conversations.map((c) => ({
            ...summarizeConversation(c, account.brand),
            reasons: [{ kind: 'email' as const, value: only.email }],
          })),
          warnings: [],
          page: page ?? 1,
          pageCount: result.page_count ?? 1,
          totalCount: result.total_count ?? result.conversations.length,
        };
      }
      const ids = idsOfTerms(terms);
      // The agent asked just now: answer from Re:amaze, not from the cache (which it then refreshes).
      let result = await deps.search.search(account, ids, {
        dataKeys: settings.dataKeys,
        refresh: true,
      });
      // A bare number found nowhere may be a conversation's database id, which only a plain
      // lookup tries; asked only now, so an order number never matches an unrelated conversation.
      if (
        result.matches.length === 0 &&
        only?.kind === 'order' &&
        terms.length === 1 &&
        /^\d+$/.test(only.ref)
      ) {
        const byDatabaseId = idsOfTerms([{ kind: 'conversation', slug: only.ref }]);
        const byId = await deps.search.search(account, byDatabaseId, {
          dataKeys: [],
          refresh: true,
        });
        if (byId.matches.length > 0) result = byId;
      }
      return {
        brand: account.brand,
        query,
        searched: terms.map((term) => describeTerm(term, result.channels)).join('; '),
        conversations: result.matches,
        warnings: result.warnings,
        page: 1,
        pageCount: 1,
        totalCount: result.matches.length,
      };
    },

    getLookupSettings: ({ brand }) => lookupSettings(brand),

    async saveLookupSettings({ brand, marketplaceChannels }) {
      const settings = await settingsNow();
      if (!settings.brands.some((b) => b.brand === brand)) {
        throw new AppError('invalidInput', `There is no brand ${brand}; add it first.`);
      }
      await changed({
        ...settings,
        brands: settings.brands.map((b) => (b.brand === brand ? { ...b, marketplaceChannels } : b)),
      });
      return lookupSettings(brand);
    },

    async saveDataKeys(dataKeys) {
      return changed({ ...(await settingsNow()), dataKeys });
    },

    async getUserRules() {
      return (await settingsNow()).userRules;
    },

    async saveUserRules(userRules) {
      return (await updateSettings({ userRules })).userRules;
    },

    async testRule({ rule }) {
      const found = await deps.testRuleInPage(rule);
      if (!found) {
        throw new AppError(
          'invalidInput',
          'No store page to test on: open the store page in a tab where Re:amaze Inline runs (a supported admin, or a site you enabled), then test again.',
        );
      }
      return found;
    },

    getSitePrefs: () => deps.sitePrefs.all(),

    async saveSitePrefs({ origin, prefs }) {
      await deps.sitePrefs.update(origin, prefs);
      return deps.sitePrefs.all();
    },

    async getContentConfig(_request, sender) {
      deps.tabs.seen(requireTab(sender), requireUrl(sender));
      const { userRules } = await settingsNow();
      const prefs = await deps.sitePrefs.get(requireOrigin(sender));
      return { userRules, sidebar: prefs };
    },

    async reportDetection(detection, sender) {
      return deps.tabs.report(requireTab(sender), requireUrl(sender), detection);
    },

    async saveSidebarState({ width }, sender) {
      await deps.sitePrefs.update(requireOrigin(sender), { width });
      return {};
    },

    async getTabConversations({ refresh, tabId }, sender) {
      return deps.tabs.forTab(sender.tabId ?? tabId ?? requireTab(sender), refresh);
    },

    async clearSearch(_request, sender) {
      const tabId = requireTab(sender);
      deps.tabs.clearSearch(tabId);
      // The launcher counts the page's conversations again.
      await deps.sendToTab(tabId, { type: 'redetect' });
      return {};
    },

    async getThread({ slug, brand, page }) {
      const { account } = await accountNamed(brand);
      const result = await createClient(requireToken(account)).listMessages(slug, { page });
      return {
        slug,
        messages: result.messages.map(toThreadMessage),
        totalCount: result.total_count,
      };
    },

    async setAutoOpen({ autoOpen }, sender) {
      const origin = deps.tabs.originOf(requireTab(sender));
      if (!origin) throw new AppError('invalidInput', 'This tab shows no store page any more.');
      await deps.sitePrefs.update(origin, { autoOpen });
      return {};
    },

    async closeSidebar(_request, sender) {
      await deps.sendToTab(requireTab(sender), { type: 'closeSidebar' });
      return {};
    },
  };
}

function requireTab(sender: SenderContext): number {
  if (sender.tabId === undefined)
    throw new AppError('forbidden', 'This works only inside a store tab.');
  return sender.tabId;
}

function requireOrigin(sender: SenderContext): string {
  if (!sender.origin) throw new AppError('forbidden', 'This works only on a store page.');
  return sender.origin;
}

function requireUrl(sender: SenderContext): string {
  if (!sender.url) throw new AppError('forbidden', 'This works only on a store page.');
  return sender.url;
}

function toThreadMessage(message: Message): ThreadMessage {
  const staff = message.user['staff?'] === true;
  return {
    body: message.body,
    internal: message.visibility === VISIBILITY.internalNote,
    author: message.user.name || message.user.email || (staff ? 'Staff' : 'Customer'),
    staff,
    at: message.created_at,
    attachments: (message.attachments ?? []).flatMap((attachment) =>
      /^https?:\/\//.test(attachment.url)
        ? [{ name: attachment.file_file_name, url: attachment.url }]
        : [],
    ),
  };
}

function summarize({ settings, problem }: LoadedSettings): SettingsSummary {
  return {
    brands: settings.brands.map(({ brand, email, token, marketplaceChannels }) => ({
      brand,
      email,
      hasToken: Boolean(token),
      marketplaceChannels,
    })),
    defaultBrand: accountByName(settings)?.brand ?? null,
    storeBrands: settings.storeBrands,
    dataKeys: settings.dataKeys,
    ...(problem ? { problem } : {}),
  };
}

/** The options page never holds a saved token, so a blank token field means "keep it". */
function withSavedToken(input: ParsedCredentialsInput, settings: Settings): Credentials {
  const saved = settings.brands.find((b) => b.brand === (input.replaces ?? input.brand))?.token;
  const token = input.token || saved || '';
  const parsed = ApiTokenSchema.safeParse(token);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Enter your API token.';
    throw new AppError('invalidInput', message, { token: [message] });
  }
  return { brand: input.brand, email: input.email, token: parsed.data };
}

async function findStaff(client: ReamazeClient, email: string): Promise<Staff | undefined> {
  const wanted = email.toLowerCase();
  for (let page = 1; page <= MAX_STAFF_PAGES; page++) {
    const result = await client.listStaff({ page });
    const match = result.staff.find((staff) => staff.email?.toLowerCase() === wanted);
    if (match || page >= (result.page_count ?? 1)) return match;
  }
  return undefined;
}
