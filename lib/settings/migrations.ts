/**
 * Steps that carry stored settings forward, keyed by the version they produce; WXT runs them in
 * order when the item is defined. Each step has a fixture in tests/fixtures/settings/.
 */
export const settingsMigrations: Record<number, (previous: any) => unknown> = {
  /** v2 adds how detected ids are looked up and the agent's own detection rules. */
  2: (v1: { credentials?: unknown } | null) => ({
    credentials: v1?.credentials ?? null,
    lookup: { marketplaceChannels: {}, dataKeys: [] },
    userRules: [],
  }),
};
