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

type PrefsBySite = Record<string, SitePrefs>;

const WIDTH_HINT = 'From 280 to 900; dragging the sidebar’s left edge sets it too.';
const WIDTH_ERROR = 'Enter a width from 280 to 900 pixels.';

/** The sidebar's per-site behaviour, as the sidebar itself remembers it: auto-open and width. */
export function SidebarSection({ send }: { send: SendMessage }) {
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
    setWidthErrors({ ...widthErrors, [origin]: parsed.success ? '' : WIDTH_ERROR });
    if (parsed.success && parsed.data.width !== current.width) {
      void save(origin, parsed.data, `Saved for ${hostOf(origin)}.`);
    }
  }

  const sites = Object.entries(prefs ?? {}).sort(([a], [b]) => hostOf(a).localeCompare(hostOf(b)));
  return (
    <Section id="sidebar" title="Sidebar">
      <p class="hint">
        The sidebar remembers, per store site, whether it opens by itself when a page has
        conversations and how wide it is.
      </p>
      {prefs && sites.length === 0 && (
        <p class="note">
          Nothing remembered yet: sites appear here once you use the sidebar on them.
        </p>
      )}
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
                      ? `The sidebar opens by itself on ${host}.`
                      : `The sidebar waits to be opened on ${host}.`,
                  );
                }}
              />
              Open automatically
            </label>
            <div class="field">
              <label for={widthId}>Width in pixels</label>
              <input
                id={widthId}
                type="number"
                min={280}
                max={900}
                step={10}
                value={widths[origin] ?? ''}
                onInput={(event) => setWidths({ ...widths, [origin]: event.currentTarget.value })}
                onChange={() => saveWidth(origin, site)}
                {...describedBy(widthId, WIDTH_HINT, error)}
              />
              <FieldNotes id={widthId} hint={WIDTH_HINT} error={error} />
            </div>
            <button
              type="button"
              aria-label={`Forget ${host}`}
              onClick={() =>
                void save(
                  origin,
                  null,
                  `Forgot ${host}: its sidebar starts with the defaults again.`,
                )
              }
            >
              Forget
            </button>
          </fieldset>
        );
      })}
      <OutcomeMessage outcome={outcome} />
    </Section>
  );
}
