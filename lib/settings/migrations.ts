/**
 * Steps that carry stored settings forward, keyed by the version they produce (WXT runs them in
 * order when the item is defined). Version 1 is the first shape, so there is nothing to migrate yet;
 * a future `2: (v1) => v2` goes here with a fixture in tests/fixtures/settings/.
 */
export const settingsMigrations: Record<number, (previous: any) => unknown> = {};
