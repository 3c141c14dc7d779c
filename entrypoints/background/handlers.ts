import { createReamazeClient, type ReamazeClient } from '@/lib/api/client';
import { VISIBILITY, type Message, type Staff } from '@/lib/api/schemas';
import { resolveMarketplaceChannels } from '@/lib/lookup/channels';
import type { ChannelChoices, ThreadMessage } from '@/lib/messaging/page-schemas';
import type { SitePrefs } from '@/lib/settings/site-prefs';
import type { TabConversationService } from './tab-conversations';
import { classifyQuery, lookupConversations } from '@/lib/lookup/lookup';
import { summarizeConversation } from '@/lib/lookup/summary';
import { AppError, NOT_CONFIGURED_MESSAGE } from '@/lib/messaging/errors';
import type { Handlers, SenderContext } from '@/lib/messaging/router';
import {
  ApiTokenSchema,
  type Credentials,
  type ParsedCredentialsInput,
  type SettingsSummary,
} from '@/lib/settings/schema';
import { loadSettings, updateSettings, type LoadedSettings } from '@/lib/settings/store';

/** Staff pages read at most while looking for the signed-in user's name. */
const MAX_STAFF_PAGES = 5;

/** Messages to the content script in a store tab (its top frame). */
export type TabCommand = { type: 'closeSidebar' } | { type: 'toggleSidebar' } | { type: 'redetect' };

export interface HandlerDeps {
  createClient: (credentials: Credentials) => ReamazeClient;
  tabs: TabConversationService;
  sitePrefs: { get(origin: string): Promise<SitePrefs>; update(origin: string, change: Partial<SitePrefs>): Promise<void> };
  sendToTab(tabId: number, command: TabCommand): Promise<void>;
}

export function defaultClientFactory(credentials: Credentials): ReamazeClient {
  return createReamazeClient(credentials);
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { createClient } = deps;

  async function requireCredentials(): Promise<Credentials> {
    const { credentials } = (await loadSettings()).settings;
    if (!credentials) throw new AppError('notConfigured', NOT_CONFIGURED_MESSAGE);
    return credentials;
  }

  async function lookupSettings(): Promise<ChannelChoices> {
    const { credentials, lookup } = (await loadSettings()).settings;
    if (!credentials) throw new AppError('notConfigured', NOT_CONFIGURED_MESSAGE);
    const { channels } = await createClient(credentials).listChannels();
    return {
      channels: channels.map(({ slug, name }) => ({ slug, name })),
      selected: resolveMarketplaceChannels(lookup.marketplaceChannels, channels),
      dataKeys: lookup.dataKeys,
    };
  }

  return {
    async getSettings() {
      return summarize(await loadSettings());
    },

    async saveSettings(input) {
      const credentials = await withSavedToken(input);
      await updateSettings({ credentials });
      deps.tabs.clearCache();
      return summarize(await loadSettings());
    },

    async testConnection(input) {
      const credentials = await withSavedToken(input);
      const staff = await findStaff(createClient(credentials), credentials.email);
      return {
        brand: credentials.brand,
        staffName: staff?.name || staff?.display_name || credentials.email,
      };
    },

    async lookup({ query, page }) {
      const credentials = await requireCredentials();
      const outcome = await lookupConversations(createClient(credentials), classifyQuery(query), page);
      return {
        brand: credentials.brand,
        query,
        searched: outcome.searched,
        conversations: outcome.conversations.map((c) => summarizeConversation(c, credentials.brand)),
        page: outcome.page,
        pageCount: outcome.pageCount,
        totalCount: outcome.totalCount,
      };
    },

    getLookupSettings: lookupSettings,

    async saveLookupSettings(lookup) {
      await updateSettings({ lookup });
      deps.tabs.clearCache();
      return lookupSettings();
    },

    async getUserRules() {
      return (await loadSettings()).settings.userRules;
    },

    async saveUserRules(userRules) {
      return (await updateSettings({ userRules })).userRules;
    },

    async getContentConfig(_request, sender) {
      const { userRules } = (await loadSettings()).settings;
      const prefs = await deps.sitePrefs.get(requireOrigin(sender));
      return { userRules, sidebar: prefs };
    },

    async reportDetection(detection, sender) {
      return deps.tabs.report(requireTab(sender), requireOrigin(sender), detection);
    },

    async saveSidebarState({ width }, sender) {
      await deps.sitePrefs.update(requireOrigin(sender), { width });
      return {};
    },

    async getTabConversations({ refresh }, sender) {
      return deps.tabs.forTab(requireTab(sender), refresh);
    },

    async getThread({ slug, page }) {
      const credentials = await requireCredentials();
      const result = await createClient(credentials).listMessages(slug, { page });
      return { slug, messages: result.messages.map(toThreadMessage), totalCount: result.total_count };
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
  if (sender.tabId === undefined) throw new AppError('forbidden', 'This works only inside a store tab.');
  return sender.tabId;
}

function requireOrigin(sender: SenderContext): string {
  if (!sender.origin) throw new AppError('forbidden', 'This works only on a store page.');
  return sender.origin;
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
      /^https?:\/\//.test(attachment.url) ? [{ name: attachment.file_file_name, url: attachment.url }] : [],
    ),
  };
}

function summarize({ settings, problem }: LoadedSettings): SettingsSummary {
  const { credentials } = settings;
  return {
    brand: credentials?.brand ?? null,
    email: credentials?.email ?? null,
    hasToken: Boolean(credentials?.token),
    ...(problem ? { problem } : {}),
  };
}

/** The options page never holds the saved token, so a blank token field means "keep it". */
async function withSavedToken(input: ParsedCredentialsInput): Promise<Credentials> {
  const token = input.token || (await loadSettings()).settings.credentials?.token || '';
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
