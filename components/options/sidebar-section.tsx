import { useEffect, useState } from 'preact/hooks';
import { SitePrefsSchema, type SitePrefs } from '@/lib/settings/site-prefs';
import {
  describedBy,
  FieldNotes,
  hostOf,
  OutcomeMessage,
  Section,
  useSubmit,
  type SendMessage,
} from './form-parts';
import { useI18n } from '../i18n';

type PrefsBySite = Record<string, SitePrefs>;

/** The sidebar's per-site behaviour, as the sidebar itself remembers it: auto-open and width. */
export function SidebarSection({ send }: { send: SendMessage }) {
  const { t } = useI18n();
  const widthHint = t('sidebarPrefs.widthHint');
  const [prefs, setPrefs] = useState<PrefsBySite | null>(null);
  const [widths, setWidths] = useState<Record<string, string>>({});
  const [widthErrors, setWidthErrors] = useState<Record<string, string>>({});
  const { outcome, setOutcome, submit } = useSubmit();

  const show = (next: PrefsBySite) => {
    setPrefs(next);
    setWidths(
      Object.fromEntries(
        Object.entries(next).map(([origin, { width }]) => [origin, String(width)]),
      ),
    );
  };

  useEffect(() => {
    void send('getSitePrefs', {}).then((reply) =>
      reply.ok ? show(reply.data) : setOutcome({ state: 'failed', error: reply.error }),
    );
  }, [send, setOutcome]);

  const save = (origin: string, next: SitePrefs | null, message: string) =>
    submit(() => send('saveSitePrefs', { origin, prefs: next }), {
      done: (data) => {
        show(data);
        return message;
      },
    });

  function saveWidth(origin: string, current: SitePrefs) {
    const parsed = SitePrefsSchema.safeParse({ ...current, width: Number(widths[origin]) });
    setWidthErrors({
      ...widthErrors,
      [origin]: parsed.success ? '' : t('sidebarPrefs.widthError'),
    });
    if (parsed.success && parsed.data.width !== current.width) {
      void save(origin, parsed.data, t('sidebarPrefs.saved', { host: hostOf(origin) }));
    }
  }

  const sites = Object.entries(prefs ?? {}).sort(([a], [b]) => hostOf(a).localeCompare(hostOf(b)));
  return (
    <Section id="sidebar" title={t('options.sidebar')}>
      <p class="hint">{t('sidebarPrefs.intro')}</p>
      {prefs && sites.length === 0 && <p class="note">{t('sidebarPrefs.none')}</p>}
      {sites.map(([origin, site], index) => {
        const host = hostOf(origin);
        const widthId = `site-${index}-width`;
        const error = widthErrors[origin] || undefined;
        return (
          <fieldset key={origin} class="panel site-prefs">
            <legend>{host}</legend>
            <label class="checkbox">
              <input
                type="checkbox"
                checked={site.autoOpen}
                onChange={(event) => {
                  const autoOpen = event.currentTarget.checked;
                  void save(
                    origin,
                    { ...site, autoOpen },
                    autoOpen
                      ? t('sidebarPrefs.opensItself', { host })
                      : t('sidebarPrefs.waits', { host }),
                  );
                }}
              />
              {t('sidebarPrefs.autoOpen')}
            </label>
            <div class="field">
              <label for={widthId}>{t('sidebarPrefs.width')}</label>
              <input
                id={widthId}
                type="number"
                min={280}
                max={900}
                step={10}
                value={widths[origin] ?? ''}
                onInput={(event) => setWidths({ ...widths, [origin]: event.currentTarget.value })}
                onChange={() => saveWidth(origin, site)}
                {...describedBy(widthId, widthHint, error)}
              />
              <FieldNotes id={widthId} hint={widthHint} error={error} />
            </div>
            <button
              type="button"
              aria-label={t('sidebarPrefs.forgetNamed', { host })}
              onClick={() => void save(origin, null, t('sidebarPrefs.forgot', { host }))}
            >
              {t('sidebarPrefs.forget')}
            </button>
          </fieldset>
        );
      })}
      <OutcomeMessage outcome={outcome} />
    </Section>
  );
}
