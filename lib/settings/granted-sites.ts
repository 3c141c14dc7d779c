import { STATIC_HOST_MATCHES } from '../detection';
import { matchesPattern } from '../detection/user-rules';

/**
 * Where the detector runs: the hosted admins in the manifest (STATIC_HOST_MATCHES), and each
 * self-hosted store the agent enabled, which is a granted optional host permission.
 */

/** Store sites among the granted origins: not the Re:amaze API, not the hosted admins. */
export function grantedSites(origins: readonly string[]): string[] {
  return origins.filter(
    (origin) =>
      /^https?:\/\//.test(origin) &&
      !STATIC_HOST_MATCHES.includes(origin) &&
      !API_HOSTS.test(origin),
  );
}

/** A hosted admin the detector always runs on, with nothing to enable. */
export function isBuiltInSite(url: URL): boolean {
  return STATIC_HOST_MATCHES.some((pattern) => matchesPattern(pattern, url));
}

const API_HOSTS = /^https:\/\/\*?\.?[^/]*reamaze\.(?:io|com)\//;
