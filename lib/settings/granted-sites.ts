/** Store sites among the granted origins: not the Re:amaze API, not hosts the manifest's detector covers. */
export function grantedSites(
  origins: readonly string[],
  staticMatches: readonly string[],
): string[] {
  return origins.filter(
    (origin) =>
      /^https?:\/\//.test(origin) && !staticMatches.includes(origin) && !API_HOSTS.test(origin),
  );
}

const API_HOSTS = /^https:\/\/\*?\.?[^/]*reamaze\.(?:io|com)\//;
