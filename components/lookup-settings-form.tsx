import { useEffect, useState } from 'preact/hooks';
import type { Result } from '@/lib/messaging/protocol';
import type { ChannelChoices } from '@/lib/messaging/page-schemas';
import type { MessageError } from '@/lib/messaging/errors';
import { MARKETPLACE_NAMES, MARKETPLACES, type LookupSettings, type Marketplace } from '@/lib/settings/schema';
import { ErrorAlert } from './error-alert';

export interface LookupSettingsServices {
  load(): Promise<Result<ChannelChoices>>;
  save(settings: LookupSettings): Promise<Result<ChannelChoices>>;
}


/**
 * Which Re:amaze channel each marketplace's messages arrive in, and which custom-data keys hold
 * order numbers. Channels arrive preselected (the one that names the marketplace), and that
 * preselection is already in effect: saving only records a different choice.
 */
export function LookupSettingsForm({ services }: { services: LookupSettingsServices }) {
  const [choices, setChoices] = useState<ChannelChoices | null>(null);
  const [selected, setSelected] = useState<Partial<Record<Marketplace, string>>>({});
  const [dataKeys, setDataKeys] = useState('');
  const [error, setError] = useState<MessageError | null>(null);
  const [saved, setSaved] = useState(false);

  const show = (reply: Result<ChannelChoices>) => {
    if (!reply.ok) return setError(reply.error);
    setError(null);
    setChoices(reply.data);
    setSelected(reply.data.selected);
    setDataKeys(reply.data.dataKeys.join(', '));
  };

  useEffect(() => void services.load().then(show), [services]);

  async function save(event: Event) {
    event.preventDefault();
    setSaved(false);
    const keys = dataKeys.split(',').map((key) => key.trim()).filter(Boolean);
    const reply = await services.save({ marketplaceChannels: selected, dataKeys: keys });
    show(reply);
    setSaved(reply.ok);
  }

  return (
    <section aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">Lookups</h2>
      {error && <ErrorAlert error={error} />}
      {choices && (
        <form onSubmit={save}>
          {MARKETPLACES.map((marketplace) => (
            <div class="field" key={marketplace}>
              <label for={`channel-${marketplace}`}>{MARKETPLACE_NAMES[marketplace]} channel</label>
              <select
                id={`channel-${marketplace}`}
                value={selected[marketplace] ?? ''}
                onChange={(event) => {
                  const slug = event.currentTarget.value;
                  setSelected((current) => {
                    const next = { ...current };
                    if (slug) next[marketplace] = slug;
                    else delete next[marketplace];
                    return next;
                  });
                }}
              >
                <option value="">Not searched</option>
                {choices.channels.map((channel) => (
                  <option key={channel.slug} value={channel.slug}>
                    {channel.name} ({channel.slug})
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div class="field">
            <label for="data-keys">Custom-data keys</label>
            <input
              id="data-keys"
              value={dataKeys}
              onInput={(event) => setDataKeys(event.currentTarget.value)}
              aria-describedby="data-keys-hint"
            />
            <p id="data-keys-hint" class="hint">
              Comma-separated custom-data keys that hold order numbers, e.g. order_number.
            </p>
          </div>
          <button type="submit">Save lookups</button>
          {saved && (
            <p role="status" class="success">
              Lookup settings saved.
            </p>
          )}
        </form>
      )}
    </section>
  );
}
