import { useEffect, useState } from 'preact/hooks';
import { MARKETPLACE_NAMES, MARKETPLACES } from '@/lib/detection/types';
import type { ChannelChoices, MarketplaceChannels, SettingsSummary } from '@/lib/settings/schema';
import {
  FieldNotes,
  describedBy,
  IDLE,
  OutcomeMessage,
  Section,
  SelectField,
  useSubmit,
  type SendMessage,
} from './form-parts';

interface LookupSectionProps {
  settings: SettingsSummary;
  send: SendMessage;
  /** Lookup settings changed in the background: the page reloads its summary. */
  onSaved: () => void;
}

/** At most this many custom-data keys (each one is a request per order). */
const MAX_DATA_KEYS = 10;

/**
 * Which Re:amaze channel each marketplace's messages arrive in, per brand (channels are a brand's
 * own). Channels arrive preselected (the one that names the marketplace), and that preselection
 * is already in effect: saving only records a different choice.
 */
export function MarketplaceChannelsSection({ settings, send, onSaved }: LookupSectionProps) {
  const brands = settings.brands.map((account) => account.brand);
  const [chosenBrand, setChosenBrand] = useState<string | null>(null);
  const brand =
    chosenBrand && brands.includes(chosenBrand)
      ? chosenBrand
      : (settings.defaultBrand ?? brands[0]);
  const [choices, setChoices] = useState<ChannelChoices | null>(null);
  const [selected, setSelected] = useState<MarketplaceChannels>({});
  const { outcome, setOutcome, busy, submit } = useSubmit();

  const show = (data: ChannelChoices) => {
    setChoices(data);
    setSelected(data.selected);
  };

  useEffect(() => {
    if (!brand) return;
    let current = true;
    setChoices(null);
    setOutcome({ state: 'busy', doing: `Reading ${brand}’s channels…` });
    void send('getLookupSettings', { brand }).then((reply) => {
      if (!current) return;
      if (!reply.ok) return setOutcome({ state: 'failed', error: reply.error });
      show(reply.data);
      setOutcome(IDLE);
    });
    return () => {
      current = false;
    };
  }, [send, brand, setOutcome]);

  async function save(event: Event) {
    event.preventDefault();
    if (!brand) return;
    await submit(() => send('saveLookupSettings', { brand, marketplaceChannels: selected }), {
      doing: 'Saving…',
      done: (data) => {
        show(data);
        onSaved();
        return `Channels saved for ${brand}.`;
      },
    });
  }

  return (
    <Section id="channels" title="Marketplace channels">
      <p class="hint">
        Amazon, eBay and Etsy order ids are looked up in the Re:amaze channel their messages arrive
        in. Each marketplace shows the channel in use now: the one whose name says the marketplace,
        already in effect without saving, or the one you chose. Save only to choose another.
      </p>
      {!brand && (
        <p class="note">Add a brand first: its channels are read from its Re:amaze account.</p>
      )}
      {brand && brands.length > 1 && (
        <SelectField
          id="channels-brand"
          label="Brand"
          value={brand}
          onChange={setChosenBrand}
          options={brands.map((name) => ({ value: name, label: name }))}
          hint="Each brand has channels of its own."
        />
      )}
      {brand && choices && (
        <form onSubmit={save}>
          {MARKETPLACES.map((marketplace) => (
            <SelectField
              key={marketplace}
              id={`channel-${marketplace}`}
              label={`${MARKETPLACE_NAMES[marketplace]} channel`}
              value={selected[marketplace] ?? ''}
              onChange={(slug) => {
                const { [marketplace]: _previous, ...others } = selected;
                setSelected(slug ? { ...others, [marketplace]: slug } : others);
              }}
              options={[
                // No channel names this marketplace yet: its ids are not searched until one is chosen.
                ...(choices.selected[marketplace]
                  ? []
                  : [{ value: '', label: 'None: not searched' }]),
                ...choices.channels.map((channel) => ({
                  value: channel.slug,
                  label: `${channel.name} (${channel.slug})`,
                })),
              ]}
            />
          ))}
          <button type="submit" disabled={busy}>
            Save channels
          </button>
        </form>
      )}
      <OutcomeMessage outcome={outcome} />
    </Section>
  );
}

/**
 * The custom-data keys that hold order numbers (e.g. order_number → data[order_number]=1042),
 * shared by every brand.
 */
export function DataKeysSection({ settings, send, onSaved }: LookupSectionProps) {
  const [keys, setKeys] = useState(settings.dataKeys);
  const [newKey, setNewKey] = useState('');
  const [addError, setAddError] = useState<string | undefined>();
  const { outcome, busy, submit } = useSubmit();
  const hasBrand = settings.brands.length > 0;

  function add(event: Event) {
    event.preventDefault();
    const key = newKey.trim();
    const problem = !key
      ? 'Type a key first, e.g. order_number.'
      : key.length > 100
        ? 'A key has at most 100 characters.'
        : keys.includes(key)
          ? `${key} is already in the list.`
          : keys.length >= MAX_DATA_KEYS
            ? `${MAX_DATA_KEYS} keys at most: remove one first.`
            : undefined;
    setAddError(problem);
    if (problem) return;
    setKeys([...keys, key]);
    setNewKey('');
  }

  async function save() {
    if (!hasBrand) return;
    await submit(() => send('saveDataKeys', keys), {
      doing: 'Saving…',
      done: (data) => {
        setKeys(data.dataKeys);
        onSaved();
        return 'Custom-data keys saved.';
      },
    });
  }

  const hint = 'A key exactly as it appears in the conversation’s custom data, e.g. order_number.';
  return (
    <Section id="data-keys" title="Custom-data keys">
      <p class="hint">
        If your store integration saves the order number in a conversation’s custom data, name its
        keys here: an order’s lookups then also search data[key] = order number. Shared by all
        brands.
      </p>
      {!hasBrand ? (
        <p class="note">Add a brand first.</p>
      ) : (
        <>
          {keys.length === 0 ? (
            <p class="note">
              No keys: only reference ids, marketplace ids and emails are searched.
            </p>
          ) : (
            <ul class="key-list">
              {keys.map((key) => (
                <li key={key}>
                  <code>{key}</code>{' '}
                  <button
                    type="button"
                    class="link"
                    aria-label={`Remove key ${key}`}
                    onClick={() => setKeys(keys.filter((k) => k !== key))}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form class="inline-add" onSubmit={add} noValidate>
            <div class="field">
              <label for="new-data-key">New custom-data key</label>
              <input
                id="new-data-key"
                value={newKey}
                onInput={(event) => setNewKey(event.currentTarget.value)}
                spellcheck={false}
                {...describedBy('new-data-key', hint, addError)}
              />
              <FieldNotes id="new-data-key" hint={hint} error={addError} />
            </div>
            <button type="submit">Add key</button>
          </form>
          <button type="button" class="primary" onClick={() => void save()} disabled={busy}>
            Save keys
          </button>
          <OutcomeMessage outcome={outcome} />
        </>
      )}
    </Section>
  );
}
