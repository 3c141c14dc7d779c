import { matchesPattern } from './user-rules';
import { platforms } from './index';
import { DETECTOR_SCRIPTS } from './script-files';

export { DETECTOR_PARTS, DETECTOR_SCRIPTS } from './script-files';

export type DetectorScript = (typeof DETECTOR_SCRIPTS)[keyof typeof DETECTOR_SCRIPTS];
type HostedGroup = Exclude<keyof typeof DETECTOR_SCRIPTS, 'selfHosted'>;

/**
 * The manifest's content scripts: each hosted admin's script on its platform's hosts, started with
 * the document (its config and parts are under way while the page loads; it detects once the page
 * is parsed). The self-hosted script is in none: the background registers it per granted site.
 */
export function hostedContentScripts(): {
  matches: string[];
  js: string[];
  run_at: 'document_start';
}[] {
  return platforms.flatMap((platform) => {
    const file = DETECTOR_SCRIPTS[platform.id as HostedGroup] as string | undefined;
    if (platform.selfHosted || !file || !platform.matches) return [];
    return [
      { matches: [...platform.matches], js: [file.slice(1)], run_at: 'document_start' as const },
    ];
  });
}

/** The script for a page: its hosted admin's where the manifest matches it, else the self-hosted one. */
export function detectorScriptFor(pageUrl: string | undefined): DetectorScript {
  let url: URL;
  try {
    url = new URL(pageUrl ?? '');
  } catch {
    return DETECTOR_SCRIPTS.selfHosted;
  }
  const hosted = platforms.find((platform) =>
    (platform.matches ?? []).some((pattern) => matchesPattern(pattern, url)),
  );
  const group = hosted?.id as keyof typeof DETECTOR_SCRIPTS | undefined;
  return (group && DETECTOR_SCRIPTS[group]) ?? DETECTOR_SCRIPTS.selfHosted;
}
