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
import { useI18n } from '../i18n';

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
  const { t } = useI18n();
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
    setOutcome({ state: 'busy', doing: t('channels.reading', { brand }) });
    void send('getLookupSettings', { brand }).then((reply) => {
      if (!current) return;
      if (!reply.ok) return setOutcome({ state: 'failed', error: reply.error });
      show(reply.data);
      setOutcome(IDLE);
    });
    return () => {
      current = false;
    };
  }, [send, brand, setOutcome, t]);

  async function save(event: Event) {
    event.preventDefault();
    if (!brand) return;
    await submit(() => send('saveLookupSettings', { brand, marketplaceChannels: selected }), {
      doing: t('options.saving'),
      done: (data) => {
        show(data);
        onSaved();
        return t('channels.saved', { brand });
      },
    });
  }

  return (
    <Section id="channels" title={t('options.channels')}>
      <p class="hint">{t('channels.intro')}</p>
      {!brand && <p class="note">{t('channels.noBrand')}</p>}
      {brand && brands.length > 1 && (
        <SelectField
          id="channels-brand"
          label={t('channels.brand')}
          value={brand}
          onChange={setChosenBrand}
          options={brands.map((name) => ({ value: name, label: name }))}
          hint={t('channels.brandHint')}
        />
      )}
      {brand && choices && (
        <form onSubmit={save}>
          {MARKETPLACES.map((marketplace) => (
            <SelectField
              key={marketplace}
              id={`channel-${marketplace}`}
              label={t('channels.channel', { marketplace: MARKETPLACE_NAMES[marketplace] })}
              value={selected[marketplace] ?? ''}
              onChange={(slug) => {
                const { [marketplace]: _previous, ...others } = selected;
                setSelected(slug ? { ...others, [marketplace]: slug } : others);
              }}
              options={[
                // No channel names this marketplace yet: its ids are not searched until one is chosen.
                ...(choices.selected[marketplace]
                  ? []
                  : [{ value: '', label: t('channels.none') }]),
                ...choices.channels.map((channel) => ({
                  value: channel.slug,
                  label: `${channel.name} (${channel.slug})`,
                })),
              ]}
            />
          ))}
          <button type="submit" disabled={busy}>
            {t('channels.save')}
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
  const { t } = useI18n();
  const [keys, setKeys] = useState(settings.dataKeys);
  const [newKey, setNewKey] = useState('');
  const [addError, setAddError] = useState<string | undefined>();
  const { outcome, busy, submit } = useSubmit();
  const hasBrand = settings.brands.length > 0;

  function add(event: Event) {
    event.preventDefault();
    const key = newKey.trim();
    const problem = !key
      ? t('dataKeys.typeFirst')
      : key.length > 100
        ? t('dataKeys.tooLong')
        : keys.includes(key)
          ? t('dataKeys.duplicate', { key })
          : keys.length >= MAX_DATA_KEYS
            ? t('dataKeys.tooMany', { max: MAX_DATA_KEYS })
            : undefined;
    setAddError(problem);
    if (problem) return;
    setKeys([...keys, key]);
    setNewKey('');
  }

  async function save() {
    if (!hasBrand) return;
    await submit(() => send('saveDataKeys', keys), {
      doing: t('options.saving'),
      done: (data) => {
        setKeys(data.dataKeys);
        onSaved();
        return t('dataKeys.saved');
      },
    });
  }

  const hint = t('dataKeys.hint');
  return (
    <Section id="data-keys" title={t('options.dataKeys')}>
      <p class="hint">{t('dataKeys.intro')}</p>
      {!hasBrand ? (
        <p class="note">{t('dataKeys.noBrand')}</p>
      ) : (
        <>
          {keys.length === 0 ? (
            <p class="note">{t('dataKeys.none')}</p>
          ) : (
            <ul class="key-list">
              {keys.map((key) => (
                <li key={key}>
                  <code>{key}</code>{' '}
                  <button
                    type="button"
                    class="link"
                    aria-label={t('dataKeys.removeNamed', { key })}
                    onClick={() => setKeys(keys.filter((k) => k !== key))}
                  >
                    {t('options.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form class="inline-add" onSubmit={add} noValidate>
            <div class="field">
              <label for="new-data-key">{t('dataKeys.new')}</label>
              <input
                id="new-data-key"
                value={newKey}
                onInput={(event) => setNewKey(event.currentTarget.value)}
                spellcheck={false}
                {...describedBy('new-data-key', hint, addError)}
              />
              <FieldNotes id="new-data-key" hint={hint} error={addError} />
            </div>
            <button type="submit">{t('dataKeys.add')}</button>
          </form>
          <button type="button" class="primary" onClick={() => void save()} disabled={busy}>
            {t('dataKeys.save')}
          </button>
          <OutcomeMessage outcome={outcome} />
        </>
      )}
    </Section>
  );
}
