/**
 * Steps that carry stored settings forward, keyed by the version they produce; WXT runs them in
 * order when the item is defined. Each step has a fixture in tests/fixtures/settings/.
 */
// Each step declares the stored shape it reads; WXT passes whatever was stored.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const settingsMigrations: Record<number, (previous: any) => unknown> = {
  /** v2 adds how detected ids are looked up and the agent's own detection rules. */
  2: (v1: { credentials?: unknown } | null) => ({
    credentials: v1?.credentials ?? null,
    lookup: { marketplaceChannels: {}, dataKeys: [] },
    userRules: [],
  }),
  /**
   * v3 holds any number of brands. The one set of credentials becomes the first (and default)
   * brand and keeps its marketplace channels, which are a brand's own; custom-data keys and rules
   * stay shared.
   */
  3: (v2: V2 | null) => {
    const credentials = v2?.credentials ?? null;
    return {
      brands: credentials
        ? [{ ...credentials, marketplaceChannels: v2?.lookup?.marketplaceChannels ?? {} }]
        : [],
      defaultBrand: credentials?.brand ?? null,
      storeBrands: [],
      dataKeys: v2?.lookup?.dataKeys ?? [],
      userRules: v2?.userRules ?? [],
    };
  },
};

interface V2 {
  credentials?: { brand: string; email: string; token: string } | null;
  lookup?: { marketplaceChannels?: Record<string, string>; dataKeys?: string[] };
  userRules?: unknown[];
}
