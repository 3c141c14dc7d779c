import { createReamazeClient, type ReamazeClient } from '@/lib/api/client';
import type { Staff } from '@/lib/api/schemas';
import { classifyQuery, lookupConversations } from '@/lib/lookup/lookup';
import { summarizeConversation } from '@/lib/lookup/summary';
import { AppError, NOT_CONFIGURED_MESSAGE } from '@/lib/messaging/errors';
import type { Handlers } from '@/lib/messaging/router';
import {
  ApiTokenSchema,
  type Credentials,
  type ParsedCredentialsInput,
  type SettingsSummary,
} from '@/lib/settings/schema';
import { loadSettings, updateSettings, type LoadedSettings } from '@/lib/settings/store';

/** Staff pages read at most while looking for the signed-in user's name. */
const MAX_STAFF_PAGES = 5;

export function createHandlers(
  createClient: (credentials: Credentials) => ReamazeClient = (credentials) =>
    createReamazeClient(credentials),
): Handlers {
  return {
    async getSettings() {
      return summarize(await loadSettings());
    },

    async saveSettings(input) {
      const credentials = await withSavedToken(input);
      await updateSettings({ credentials });
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
      const { credentials } = (await loadSettings()).settings;
      if (!credentials) throw new AppError('notConfigured', NOT_CONFIGURED_MESSAGE);
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
