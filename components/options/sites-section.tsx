import { useCallback, useEffect, useState } from 'preact/hooks';
import { hostOf, IDLE, OutcomeMessage, Section, type Outcome } from './form-parts';
import { useI18n } from '../i18n';

/** The browser's site access, wired in entrypoints/options/main.tsx. */
export interface SiteAccessServices {
  /** Self-hosted store sites the agent enabled, as match patterns (`https://shop.example/*`). */
  list(): Promise<string[]>;
  /** Takes one site's access back; false when the browser refused. */
  disable(site: string): Promise<boolean>;
}

/**
 * Self-hosted stores (WooCommerce, Magento, PrestaShop…) the agent enabled from the popup. The
 * hosted admins (Shopify, Amazon…) are built in and not listed.
 */
export function SitesSection({ sites }: { sites: SiteAccessServices }) {
  const { t } = useI18n();
  const failedText = t('sites.browserFailed');
  const browserFailed = { kind: 'internal', message: failedText } as const;
  const [enabled, setEnabled] = useState<string[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(IDLE);

  const load = useCallback(
    () =>
      sites
        .list()
        .then(setEnabled, () =>
          setOutcome({ state: 'failed', error: { kind: 'internal', message: failedText } }),
        ),
    [sites, failedText],
  );

  useEffect(() => void load(), [load]);

  async function disable(site: string) {
    const host = hostOf(site);
    try {
      const removed = await sites.disable(site);
      setOutcome(
        removed
          ? { state: 'done', message: t('sites.disabled', { host }) }
          : {
              state: 'failed',
              error: { kind: 'internal', message: t('sites.kept', { host }) },
            },
      );
    } catch {
      setOutcome({ state: 'failed', error: browserFailed });
    }
    await load();
  }

  return (
    <Section id="sites" title={t('options.sites')}>
      <p class="hint">{t('sites.intro')}</p>
      {enabled?.length === 0 && <p class="note">{t('sites.none')}</p>}
      {enabled && enabled.length > 0 && (
        <ul class="site-list">
          {enabled.map((site) => (
            <li key={site}>
              <span>{hostOf(site)}</span>
              <button
                type="button"
                aria-label={t('sites.disableNamed', { host: hostOf(site) })}
                onClick={() => void disable(site)}
              >
                {t('sites.disable')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <OutcomeMessage outcome={outcome} />
    </Section>
  );
}
