import type { UserRule } from '@/lib/settings/schema';
import { vi, type Mock } from 'vitest';
import type { OptionsServices } from '@/components/options-app';
import type { SendMessage } from '@/components/options/form-parts';
import type { MessageError } from '@/lib/messaging/errors';
import type { MessageType, RequestOf, ResponseOf, Result } from '@/lib/messaging/protocol';
import type { BrandSummary, SettingsSummary } from '@/lib/settings/schema';

/** The background as the options page sees it: one reply per message type the test expects. */
export type FakeReplies = {
  [T in MessageType]?: (
    payload: RequestOf<T>,
  ) => Result<ResponseOf<T>> | Promise<Result<ResponseOf<T>>>;
};

export type FakeSend = SendMessage &
  Mock<(type: MessageType, payload: unknown) => Promise<Result<unknown>>>;

export function fakeSend(replies: FakeReplies): FakeSend {
  return vi.fn(async (type: MessageType, payload: unknown) => {
    const reply = replies[type] as ((payload: unknown) => Result<unknown>) | undefined;
    return reply
      ? reply(payload)
      : fail('internal', `The fake background has no reply for ${type}.`);
  }) as unknown as FakeSend;
}

/** The payloads sent with one message type, in order. */
export function sent<T extends MessageType>(send: FakeSend, type: T): RequestOf<T>[] {
  return send.mock.calls
    .filter(([sentType]) => sentType === type)
    .map(([, payload]) => payload as RequestOf<T>);
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

export function fail(
  kind: MessageError['kind'],
  message: string,
  fieldErrors?: Record<string, string[]>,
): Result<never> {
  return { ok: false, error: { kind, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

export function brand(name: string, overrides: Partial<BrandSummary> = {}): BrandSummary {
  return {
    brand: name,
    email: `agent@${name}.example`,
    hasToken: true,
    marketplaceChannels: {},
    ...overrides,
  };
}

export function settings(overrides: Partial<SettingsSummary> = {}): SettingsSummary {
  const brands = overrides.brands ?? [brand('northwind')];
  return {
    brands,
    defaultBrand: brands[0]?.brand ?? null,
    storeBrands: [],
    dataKeys: [],
    undoSeconds: 5,
    ...overrides,
  };
}

/** Replies for everything the page loads on its own, so a test names only what it is about. */
export function pageReplies(current: SettingsSummary, overrides: FakeReplies = {}): FakeReplies {
  return {
    getSettings: () => ok(current),
    getLookupSettings: ({ brand = current.defaultBrand ?? '' }) =>
      ok({
        brand,
        channels: [{ slug: 'support', name: 'Support' }],
        selected: {},
        dataKeys: current.dataKeys,
      }),
    getUserRules: () => ok([]),
    getSitePrefs: () => ok({}),
    ...overrides,
  };
}

export function services(
  send: FakeSend,
  overrides: Partial<OptionsServices> = {},
): OptionsServices {
  return {
    send,
    sites: { list: vi.fn(async () => []), disable: vi.fn(async () => true) },
    download: vi.fn(),
    ...overrides,
  };
}

/** A detection rule for a legacy admin, and one of its order pages. */
export const LEGACY_RULE: UserRule = {
  id: 'rule-legacy',
  name: 'Legacy shop',
  urlPattern: 'https://legacy.northwind.example/admin/*',
  kind: 'order',
  target: 'orderRef',
  selector: '#order-number',
};
export const LEGACY_PAGE = 'https://legacy.northwind.example/admin/order/1042';
