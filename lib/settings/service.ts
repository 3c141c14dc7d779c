import type { ReamazeClient } from '../api/client';
import type { Staff } from '../api/schemas';
import { resolveMarketplaceChannels } from '../lookup/channels';
import { requireAccount, requireToken } from '../lookup/search';
import { issueText, type Translate } from '../i18n/translate';
import { AppError } from '../messaging/errors';
import {
  loadSettings,
  updateSettings,
  type LoadedSettings,
  type SettingsProblem,
} from '../storage/settings';
import { exportSettings, importSettings, type SettingsFile } from './export';
import {
  ApiTokenSchema,
  type BrandAccount,
  type ChannelChoices,
  type Credentials,
  type MarketplaceChannels,
  type ParsedCredentialsInput,
  type Settings,
  type SettingsSummary,
  type StoreBrand,
  type UserRule,
} from './schema';
import { accountByName, parseStoreKey } from './store-brands';

/** Staff pages read at most while looking for the signed-in user's name. */
const MAX_STAFF_PAGES = 5;

export interface SettingsServiceDeps {
  /** The agent's language, for what the options page is told. */
  t: Translate;
  createClient(credentials: Credentials): ReamazeClient;
  /** Saved settings changed: cached lookups may answer for the old ones. */
  onChange(): void;
}

/**
 * What the options page does to the settings: brands (each tested against Re:amaze before it is
 * saved), the default brand, store → brand mappings, channels, custom-data keys, rules, and
 * import/export. The token never leaves: pages get a summary that only says whether one is saved.
 */
export function createSettingsService({ t, createClient, onChange }: SettingsServiceDeps) {
  async function current(): Promise<Settings> {
    return (await loadSettings()).settings;
  }

  /** Saves only the sections named: the others stay as stored, even ones that could not be read. */
  async function save(change: Partial<Settings>): Promise<SettingsSummary> {
    const saved = await updateSettings(change);
    onChange();
    return summarize(t, saved);
  }

  async function staffName(credentials: Credentials): Promise<string> {
    const staff = await findStaff(createClient(credentials), credentials.email);
    return staff?.name || staff?.display_name || credentials.email;
  }

  async function channelChoices(brand?: string): Promise<ChannelChoices> {
    const settings = await current();
    const account = requireAccount(t, accountByName(settings, brand));
    const { channels } = await createClient(requireToken(t, account)).listChannels();
    return {
      brand: account.brand,
      channels: channels.map(({ slug, name }) => ({ slug, name })),
      selected: resolveMarketplaceChannels(account.marketplaceChannels, channels),
      dataKeys: settings.dataKeys,
    };
  }

  return {
    summary: async () => summarize(t, await loadSettings()),

    /** Adds or edits one brand once its connection works; a rename carries its mappings. */
    async saveBrand(input: ParsedCredentialsInput) {
      const settings = await current();
      const credentials = withSavedToken(t, input, settings);
      const name = await staffName(credentials);
      return { settings: await save(withBrand(t, settings, input, credentials)), staffName: name };
    },

    async removeBrand(brand: string) {
      const loaded = await loadSettings();
      const { settings } = loaded;
      // Gone already (or in a section that could not be read): nothing to write over.
      if (!settings.brands.some((b) => b.brand === brand)) return summarize(t, loaded);
      return save({
        brands: settings.brands.filter((b) => b.brand !== brand),
        ...(settings.defaultBrand === brand ? { defaultBrand: null } : {}),
        ...(settings.storeBrands.some((m) => m.brand === brand)
          ? { storeBrands: settings.storeBrands.filter((m) => m.brand !== brand) }
          : {}),
      });
    },

    async setDefaultBrand(brand: string) {
      const settings = await current();
      requireBrand(t, settings, brand);
      return save({ defaultBrand: brand });
    },

    async saveStoreBrands(mappings: StoreBrand[]) {
      const settings = await current();
      return save({ storeBrands: validStoreBrands(t, settings, mappings) });
    },

    exportSettings: async () => exportSettings(await current()),

    async importSettings(file: SettingsFile) {
      const { settings, needsToken } = importSettings(await current(), file);
      return { settings: await save(settings), needsToken };
    },

    /** Tries the entered credentials (a blank token: the saved one) without saving anything. */
    async testConnection(input: ParsedCredentialsInput) {
      const credentials = withSavedToken(t, input, await current());
      return { brand: credentials.brand, staffName: await staffName(credentials) };
    },

    channelChoices,

    async saveMarketplaceChannels(brand: string, marketplaceChannels: MarketplaceChannels) {
      const settings = await current();
      requireBrand(t, settings, brand);
      await save({
        brands: settings.brands.map((b) => (b.brand === brand ? { ...b, marketplaceChannels } : b)),
      });
      return channelChoices(brand);
    },

    /** Custom-data keys are every brand's, and saving them needs no brand's API. */
    saveDataKeys: async (dataKeys: string[]) => save({ dataKeys }),

    saveUndoSeconds: async (undoSeconds: number) => save({ undoSeconds }),

    userRules: async () => (await current()).userRules,

    /** Rules change what pages report, not what a lookup answers: the cache stays. */
    saveUserRules: async (userRules: UserRule[]) =>
      (await updateSettings({ userRules })).settings.userRules,
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;

/**
 * The sections that change when one brand is added, or edited in place (renamed: its default and
 * mappings follow). Sections a rename does not touch are left out, so they stay as stored.
 */
function withBrand(
  t: Translate,
  settings: Settings,
  input: ParsedCredentialsInput,
  credentials: Credentials,
): Partial<Settings> {
  const edited = input.replaces ?? input.brand;
  const renamed = edited !== input.brand ? edited : null;
  if (renamed && settings.brands.some((b) => b.brand === input.brand)) {
    const message = t('settings.brandTwice', { brand: input.brand });
    throw new AppError('invalidInput', message, { brand: [message] });
  }
  const previous = settings.brands.find((b) => b.brand === edited);
  const account: BrandAccount = {
    ...credentials,
    marketplaceChannels: previous?.marketplaceChannels ?? {},
  };
  const brands = previous
    ? settings.brands.map((b) => (b === previous ? account : b))
    : [...settings.brands, account];
  if (!renamed) return { brands };
  return {
    brands,
    ...(settings.defaultBrand === renamed ? { defaultBrand: input.brand } : {}),
    ...(settings.storeBrands.some((m) => m.brand === renamed)
      ? {
          storeBrands: settings.storeBrands.map((m) =>
            m.brand === renamed ? { ...m, brand: input.brand } : m,
          ),
        }
      : {}),
  };
}

function requireBrand(t: Translate, settings: Settings, brand: string) {
  if (!settings.brands.some((b) => b.brand === brand)) {
    throw new AppError('invalidInput', t('settings.noSuchBrand', { brand }));
  }
}

/** Store mappings as keys; errors are keyed by the row as sent, so each shows beside its field. */
function validStoreBrands(t: Translate, settings: Settings, mappings: StoreBrand[]): StoreBrand[] {
  const fieldErrors: Record<string, string[]> = {};
  const seen = new Set<string>();
  const storeBrands = mappings.flatMap(({ store, brand }, index) => {
    const parsed = parseStoreKey(store);
    if (!settings.brands.some((b) => b.brand === brand)) {
      fieldErrors[`${index}.brand`] = [t('settings.noBrandNamed', { brand })];
    }
    if (!parsed.ok) {
      fieldErrors[`${index}.store`] = [issueText(t, parsed.message)];
      return [];
    }
    if (seen.has(parsed.store)) {
      fieldErrors[`${index}.store`] = [t('settings.storeTwice', { store: parsed.store })];
    }
    seen.add(parsed.store);
    return [{ store: parsed.store, brand }];
  });
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError('invalidInput', t('settings.storesNeedFixing'), fieldErrors);
  }
  return storeBrands;
}

function summarize(t: Translate, { settings, problems }: LoadedSettings): SettingsSummary {
  const problem = problems?.map((found) => problemText(t, found)).join(' ');
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
    undoSeconds: settings.undoSeconds,
    ...(problem ? { problem } : {}),
  };
}

/** A part of the stored settings that was set aside, in the agent's words. */
function problemText(t: Translate, problem: SettingsProblem): string {
  if ('lostTokens' in problem) {
    return t('settings.lostTokens', { brands: problem.lostTokens.join(', ') });
  }
  return t(`settings.unreadable.${problem.unreadable}`);
}

/**
 * The options page never holds a saved token, so a blank token field means "keep it". A token
 * works for its own brand only: after a change of brand name it is never sent to the new one.
 */
function withSavedToken(
  t: Translate,
  input: ParsedCredentialsInput,
  settings: Settings,
): Credentials {
  const renamed = input.replaces !== undefined && input.replaces !== input.brand;
  if (renamed && !input.token) {
    const message = t('settings.tokenAgain', { brand: input.brand, previous: input.replaces! });
    throw new AppError('invalidInput', message, { token: [message] });
  }
  const saved = settings.brands.find((b) => b.brand === input.brand)?.token;
  const token = input.token || saved || '';
  const parsed = ApiTokenSchema.safeParse(token);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]?.message;
    const message = issue ? issueText(t, issue) : t('settings.token');
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
