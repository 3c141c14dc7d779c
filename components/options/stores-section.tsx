import { useEffect, useRef, useState } from 'preact/hooks';
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
  const [rows, setRows] = useState(() => settings.storeBrands.map(rowOf));
  const { outcome, busy, submit } = useSubmit();
  const defaultBrand = settings.defaultBrand ?? settings.brands[0]?.brand ?? '';
  const focusKey = useRef<number | null>(null);

  // "Add store" takes the agent to the new row's address field.
  useEffect(() => {
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
      doing: 'Saving…',
      done: (data) => {
        setRows(data.storeBrands.map(rowOf));
        onSettings(data);
        return 'Stores saved.';
      },
    });
  }

  const brandOptions = settings.brands.map(({ brand }) => ({ value: brand, label: brand }));
  return (
    <Section id="stores" title="Stores and brands">
      <p class="hint">
        Lookups on a store’s admin pages use the brand mapped to that store here; every other store
        uses the default brand{defaultBrand && <> ({defaultBrand})</>}. Shopify stores share one
        admin host, so they are told apart by their handle: admin.shopify.com/store/acme.
      </p>
      {settings.brands.length < 2 ? (
        <p class="note">
          With one brand every store uses it. Add a second brand above to send some stores to it.
        </p>
      ) : (
        <form onSubmit={save} noValidate>
          {rows.length > 0 && (
            <ol class="rows">
              {rows.map((row, index) => (
                <li key={row.key} class="row">
                  <TextField
                    id={`store-${index}`}
                    label="Store address"
                    value={row.store}
                    onInput={(store) => update(row.key, { store })}
                    error={fieldError(outcome, `${index}.store`)}
                  />
                  <SelectField
                    id={`store-${index}-brand`}
                    label="Brand for this store"
                    value={row.brand}
                    onChange={(brand) => update(row.key, { brand })}
                    options={brandOptions}
                    error={fieldError(outcome, `${index}.brand`)}
                  />
                  <button
                    type="button"
                    aria-label={`Remove store ${row.store || index + 1}`}
                    onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ol>
          )}
          <p class="hint">
            Paste a store’s admin address from the address bar, e.g.
            https://admin.shopify.com/store/acme/orders or shop.example.com/wp-admin.
          </p>
          <div class="actions">
            <button type="button" onClick={addRow}>
              Add store
            </button>
            <button type="submit" disabled={busy}>
              Save stores
            </button>
          </div>
          <OutcomeMessage outcome={outcome} />
        </form>
      )}
    </Section>
  );
}
