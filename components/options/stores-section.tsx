import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SettingsSummary, StoreBrand } from '@/lib/settings/schema';
import {
  fieldError,
  OutcomeMessage,
  Section,
  SelectField,
  TextField,
  useSubmit,
  type SendMessage,
} from './form-parts';
import { useI18n } from '../i18n';

/** A mapping row as edited; `key` keeps each row's inputs its own when rows above are removed. */
interface Row extends StoreBrand {
  key: number;
}

let nextKey = 0;
const rowOf = (mapping: StoreBrand): Row => ({ ...mapping, key: nextKey++ });

/**
 * Which brand each store's lookups use. Unmapped stores use the default brand, so mappings only
 * matter with two brands or more; with fewer the section just says so.
 */
export function StoresSection(props: {
  settings: SettingsSummary;
  send: SendMessage;
  onSettings: (settings: SettingsSummary) => void;
}) {
  const { settings, send, onSettings } = props;
  const { t } = useI18n();
  const [rows, setRows] = useState(() => settings.storeBrands.map(rowOf));
  const { outcome, busy, submit } = useSubmit();
  const defaultBrand = settings.defaultBrand ?? settings.brands[0]?.brand ?? '';
  const focusKey = useRef<number | null>(null);

  // "Add store" takes the agent to the new row's address field, before the row is painted.
  useLayoutEffect(() => {
    const index = rows.findIndex((row) => row.key === focusKey.current);
    if (index < 0) return;
    focusKey.current = null;
    document.getElementById(`store-${index}`)?.focus();
  }, [rows]);

  function addRow() {
    const row = rowOf({ store: '', brand: defaultBrand });
    focusKey.current = row.key;
    setRows([...rows, row]);
  }

  const update = (key: number, change: Partial<StoreBrand>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  async function save(event: Event) {
    event.preventDefault();
    const mappings = rows.map(({ store, brand }) => ({ store, brand }));
    await submit(() => send('saveStoreBrands', mappings), {
      doing: t('options.saving'),
      done: (data) => {
        setRows(data.storeBrands.map(rowOf));
        onSettings(data);
        return t('stores.saved');
      },
    });
  }

  const brandOptions = settings.brands.map(({ brand }) => ({ value: brand, label: brand }));
  return (
    <Section id="stores" title={t('options.stores')}>
      <p class="hint">
        {defaultBrand ? t('stores.introNamed', { brand: defaultBrand }) : t('stores.intro')}
      </p>
      {settings.brands.length < 2 ? (
        <p class="note">{t('stores.oneBrand')}</p>
      ) : (
        <form onSubmit={save} noValidate>
          {rows.length > 0 && (
            <ol class="rows">
              {rows.map((row, index) => (
                <li key={row.key} class="row">
                  <TextField
                    id={`store-${index}`}
                    label={t('stores.store')}
                    value={row.store}
                    onInput={(store) => update(row.key, { store })}
                    error={fieldError(outcome, `${index}.store`)}
                  />
                  <SelectField
                    id={`store-${index}-brand`}
                    label={t('stores.brand')}
                    value={row.brand}
                    onChange={(brand) => update(row.key, { brand })}
                    options={brandOptions}
                    error={fieldError(outcome, `${index}.brand`)}
                  />
                  <button
                    type="button"
                    aria-label={t('stores.removeNamed', { store: row.store || index + 1 })}
                    onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  >
                    {t('options.remove')}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <p class="hint">{t('stores.pasteHint')}</p>
          <div class="actions">
            <button type="button" onClick={addRow}>
              {t('stores.add')}
            </button>
            <button type="submit" disabled={busy}>
              {t('stores.save')}
            </button>
          </div>
          <OutcomeMessage outcome={outcome} />
        </form>
      )}
    </Section>
  );
}
