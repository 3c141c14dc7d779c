import { useCallback, useEffect, useState } from 'preact/hooks';
import { hostOf, IDLE, OutcomeMessage, Section, type Outcome } from './form-parts';

/** The browser's site access, wired in entrypoints/options/main.tsx. */
export interface SiteAccessServices {
  /** Self-hosted store sites the agent enabled, as match patterns (`https://shop.example/*`). */
  list(): Promise<string[]>;
  /** Takes one site's access back; false when the browser refused. */
  disable(site: string): Promise<boolean>;
}

const BROWSER_FAILED = {
  kind: 'internal',
  message: 'The browser did not answer. Reload this page and try again.',
} as const;

/**
 * Self-hosted stores (WooCommerce, Magento, PrestaShop…) the agent enabled from the popup. The
 * hosted admins (Shopify, Amazon…) are built in and not listed.
 */
export function SitesSection({ sites }: { sites: SiteAccessServices }) {
  const [enabled, setEnabled] = useState<string[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(IDLE);

  const load = useCallback(
    () =>
      sites.list().then(setEnabled, () => setOutcome({ state: 'failed', error: BROWSER_FAILED })),
    [sites],
  );

  useEffect(() => void load(), [load]);

  async function disable(site: string) {
    const host = hostOf(site);
    try {
      const removed = await sites.disable(site);
      setOutcome(
        removed
          ? { state: 'done', message: `Disabled on ${host}: Re:amaze Inline no longer runs there.` }
          : {
              state: 'failed',
              error: { kind: 'internal', message: `The browser kept ${host} enabled.` },
            },
      );
    } catch {
      setOutcome({ state: 'failed', error: BROWSER_FAILED });
    }
    await load();
  }

  return (
    <Section id="sites" title="Enabled sites">
      <p class="hint">
        Self-hosted stores live on their own domain, so Re:amaze Inline runs there only once you
        enable it: open the store admin, click the Re:amaze Inline button in the toolbar and choose
        “Enable on this site”.
      </p>
      {enabled?.length === 0 && <p class="note">No self-hosted sites enabled.</p>}
      {enabled && enabled.length > 0 && (
        <ul class="site-list">
          {enabled.map((site) => (
            <li key={site}>
              <span>{hostOf(site)}</span>
              <button
                type="button"
                aria-label={`Disable ${hostOf(site)}`}
                onClick={() => void disable(site)}
              >
                Disable
              </button>
            </li>
          ))}
        </ul>
      )}
      <OutcomeMessage outcome={outcome} />
    </Section>
  );
}
