import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '@/lib/messaging/protocol';
import { normalizeBrand } from '@/lib/settings/brand';
import type { BrandSummary, CredentialsInput, SettingsSummary } from '@/lib/settings/schema';
import {
  fieldError,
  IDLE,
  OutcomeMessage,
  Section,
  TextField,
  useSubmit,
  type Outcome,
  type SendMessage,
} from './form-parts';

/**
 * A field's error after a save or test. Re:amaze answers a rejected login with 401/403 and no
 * field; the token is what an agent usually got wrong, so the API's message goes beside it.
 */
function brandFieldError(outcome: Outcome, field: 'brand' | 'email' | 'token'): string | undefined {
  const rejected =
    outcome.state === 'failed' &&
    outcome.error.kind === 'unauthorized' &&
    !outcome.error.fieldErrors;
  return field === 'token' && rejected ? outcome.error.message : fieldError(outcome, field);
}

/** The form: closed, adding a brand, or editing the named one. */
type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; brand: BrandSummary };

const EMPTY_FORM = { brand: '', email: '', token: '' };

/**
 * The Re:amaze brands the agent works for: each with its own login and API token, tested on save
 * (the background saves only a connection that works), one of them the default.
 */
export function BrandsSection(props: {
  settings: SettingsSummary;
  send: SendMessage;
  onSettings: (settings: SettingsSummary) => void;
}) {
  const { settings, send, onSettings } = props;
  const { brands } = settings;
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [form, setForm] = useState(EMPTY_FORM);
  const { outcome, setOutcome, busy, submit } = useSubmit();
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const brandInput = useRef<HTMLInputElement>(null);

  // The agent opened the form (Add brand, Edit): take them to its first field.
  useEffect(() => {
    if (editing.mode !== 'closed') brandInput.current?.focus();
  }, [editing]);

  // With no brand yet there is nothing else to do here: the form waits open.
  const open: Editing =
    editing.mode === 'closed' && brands.length === 0 ? { mode: 'add' } : editing;
  const edited = open.mode === 'edit' ? open.brand : null;

  function start(next: Editing) {
    setEditing(next);
    setForm(
      next.mode === 'edit'
        ? { brand: next.brand.brand, email: next.brand.email, token: '' }
        : EMPTY_FORM,
    );
    setOutcome(IDLE);
    setConfirmRemove(null);
  }

  const input = (): CredentialsInput => ({
    ...form,
    ...(edited ? { replaces: edited.brand } : {}),
  });

  async function save(event: Event) {
    event.preventDefault();
    await submit(() => send('saveBrand', input()), {
      doing: 'Testing the connection…',
      done: (data) => {
        onSettings(data.settings);
        setEditing({ mode: 'closed' });
        setForm(EMPTY_FORM);
        const saved = normalizeBrand(form.brand);
        const brand = saved.ok ? saved.brand : form.brand;
        return `Connected to ${brand} as ${data.staffName}. Saved.`;
      },
    });
  }

  const test = () =>
    submit(() => send('testConnection', input()), {
      doing: 'Testing the connection…',
      done: (data) => `Connected to ${data.brand} as ${data.staffName}.`,
    });

  const change = (request: () => Promise<Result<SettingsSummary>>, message: string) =>
    submit(request, {
      doing: 'Saving…',
      done: (data) => {
        onSettings(data);
        return message;
      },
    });

  function remove(brand: string) {
    setConfirmRemove(null);
    if (edited?.brand === brand) start({ mode: 'closed' });
    void change(
      () => send('removeBrand', { brand }),
      `Removed ${brand}, its API token and its store mappings.`,
    );
  }

  return (
    <Section id="brands" title="Brands">
      {brands.length === 0 && (
        <p class="intro">
          Welcome! Add the Re:amaze brand you work in to see its conversations beside your store
          admin. The API token stays in the extension’s background and is only ever sent to that
          brand’s Re:amaze API.
        </p>
      )}
      {brands.length > 0 && (
        <ul class="brand-list">
          {brands.map((brand) => {
            const isDefault = brand.brand === settings.defaultBrand;
            return (
              <li key={brand.brand}>
                <div class="brand-facts">
                  <strong>{brand.brand}</strong>
                  {isDefault && <span class="badge">Default</span>}
                  <span>{brand.email}</span>
                  <span class={brand.hasToken ? 'muted' : 'warning'}>
                    {brand.hasToken ? 'API token saved' : 'needs an API token'}
                  </span>
                </div>
                {confirmRemove === brand.brand ? (
                  <div class="actions" role="group" aria-label={`Remove ${brand.brand}?`}>
                    <span>Remove {brand.brand}, its token and its store mappings?</span>
                    <button type="button" class="danger" onClick={() => remove(brand.brand)}>
                      Yes, remove {brand.brand}
                    </button>
                    <button type="button" onClick={() => setConfirmRemove(null)}>
                      Keep it
                    </button>
                  </div>
                ) : (
                  <div class="actions">
                    <button
                      type="button"
                      aria-label={`Edit ${brand.brand}`}
                      onClick={() => start({ mode: 'edit', brand })}
                      disabled={busy}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      aria-label={`Remove ${brand.brand}`}
                      onClick={() => setConfirmRemove(brand.brand)}
                      disabled={busy}
                    >
                      Remove
                    </button>
                    {!isDefault && (
                      <button
                        type="button"
                        aria-label={`Make default: ${brand.brand}`}
                        disabled={busy}
                        onClick={() =>
                          void change(
                            () => send('setDefaultBrand', { brand: brand.brand }),
                            `${brand.brand} is now the default brand.`,
                          )
                        }
                      >
                        Make default
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {brands.length > 1 && (
        <p class="hint">
          The default brand serves every store not mapped to a brand under “Stores and brands”.
        </p>
      )}

      {open.mode === 'closed' ? (
        <button type="button" onClick={() => start({ mode: 'add' })}>
          Add brand
        </button>
      ) : (
        <form class="panel" onSubmit={save} noValidate aria-labelledby="brand-form-heading">
          <h3 id="brand-form-heading">{edited ? `Edit ${edited.brand}` : 'Add a brand'}</h3>
          <TextField
            id="brand"
            label="Brand"
            hint="Your Re:amaze address: northwind, northwind.reamaze.io or a link into your admin."
            value={form.brand}
            onInput={(brand) => setForm({ ...form, brand })}
            error={brandFieldError(outcome, 'brand')}
            inputRef={brandInput}
          />
          <TextField
            id="email"
            label="Login email"
            type="email"
            autoComplete="username"
            hint="The email you sign in to Re:amaze with."
            value={form.email}
            onInput={(email) => setForm({ ...form, email })}
            error={brandFieldError(outcome, 'email')}
          />
          <TextField
            id="token"
            label="API token"
            type="password"
            hint={
              edited?.hasToken
                ? 'A token is saved. Leave this blank to keep it, or paste a new one. ' +
                  'A new brand name needs its own token.'
                : 'Made in Re:amaze under Settings → Developer → API Token.'
            }
            value={form.token}
            onInput={(token) => setForm({ ...form, token })}
            error={brandFieldError(outcome, 'token')}
          />
          <div class="actions">
            <button type="button" onClick={() => void test()} disabled={busy}>
              Test connection
            </button>
            <button type="submit" disabled={busy}>
              Save brand
            </button>
            {brands.length > 0 && (
              <button type="button" onClick={() => start({ mode: 'closed' })} disabled={busy}>
                Cancel
              </button>
            )}
          </div>
          <p class="hint">
            Saving tests the connection first; nothing is saved if Re:amaze refuses it.
          </p>
        </form>
      )}
      <OutcomeMessage outcome={outcome} />
    </Section>
  );
}
