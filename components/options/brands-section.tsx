import { useLayoutEffect, useRef, useState } from 'preact/hooks';
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
import { useI18n } from '../i18n';

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
  const { t } = useI18n();
  const { settings, send, onSettings } = props;
  const { brands } = settings;
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [form, setForm] = useState(EMPTY_FORM);
  const { outcome, setOutcome, busy, submit } = useSubmit();
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const brandInput = useRef<HTMLInputElement>(null);

  // The agent opened the form (Add brand, Edit): take them to its first field. A layout effect, so
  // the focus moves before the form is painted, not after a keystroke or an autofill has landed.
  useLayoutEffect(() => {
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
      doing: t('brands.testing'),
      done: (data) => {
        onSettings(data.settings);
        setEditing({ mode: 'closed' });
        setForm(EMPTY_FORM);
        const saved = normalizeBrand(form.brand);
        const brand = saved.ok ? saved.brand : form.brand;
        return t('brands.saved', { brand, staff: data.staffName });
      },
    });
  }

  const test = () =>
    submit(() => send('testConnection', input()), {
      doing: t('brands.testing'),
      done: (data) => t('brands.connected', { brand: data.brand, staff: data.staffName }),
    });

  const change = (request: () => Promise<Result<SettingsSummary>>, message: string) =>
    submit(request, {
      doing: t('options.saving'),
      done: (data) => {
        onSettings(data);
        return message;
      },
    });

  function remove(brand: string) {
    setConfirmRemove(null);
    if (edited?.brand === brand) start({ mode: 'closed' });
    void change(() => send('removeBrand', { brand }), t('brands.removed', { brand }));
  }

  return (
    <Section id="brands" title={t('options.brands')}>
      {brands.length === 0 && <p class="intro">{t('brands.welcome')}</p>}
      {brands.length > 0 && (
        <ul class="brand-list">
          {brands.map((brand) => {
            const isDefault = brand.brand === settings.defaultBrand;
            return (
              <li key={brand.brand}>
                <div class="brand-facts">
                  <strong>{brand.brand}</strong>
                  {isDefault && <span class="badge">{t('brands.default')}</span>}
                  <span>{brand.email}</span>
                  <span class={brand.hasToken ? 'muted' : 'warning'}>
                    {brand.hasToken ? t('brands.tokenSaved') : t('brands.needsToken')}
                  </span>
                </div>
                {confirmRemove === brand.brand ? (
                  <div
                    class="actions"
                    role="group"
                    aria-label={t('brands.removeQuestion', { brand: brand.brand })}
                  >
                    <span>{t('brands.removeConfirm', { brand: brand.brand })}</span>
                    <button type="button" class="danger" onClick={() => remove(brand.brand)}>
                      {t('brands.removeYes', { brand: brand.brand })}
                    </button>
                    <button type="button" onClick={() => setConfirmRemove(null)}>
                      {t('brands.keep')}
                    </button>
                  </div>
                ) : (
                  <div class="actions">
                    <button
                      type="button"
                      aria-label={t('brands.editNamed', { brand: brand.brand })}
                      onClick={() => start({ mode: 'edit', brand })}
                      disabled={busy}
                    >
                      {t('brands.edit')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('brands.removeNamed', { brand: brand.brand })}
                      onClick={() => setConfirmRemove(brand.brand)}
                      disabled={busy}
                    >
                      {t('brands.remove')}
                    </button>
                    {!isDefault && (
                      <button
                        type="button"
                        aria-label={t('brands.makeDefaultNamed', { brand: brand.brand })}
                        disabled={busy}
                        onClick={() =>
                          void change(
                            () => send('setDefaultBrand', { brand: brand.brand }),
                            t('brands.isDefault', { brand: brand.brand }),
                          )
                        }
                      >
                        {t('brands.makeDefault')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {brands.length > 1 && <p class="hint">{t('brands.defaultHint')}</p>}

      {open.mode === 'closed' ? (
        <button type="button" onClick={() => start({ mode: 'add' })}>
          {t('brands.add')}
        </button>
      ) : (
        <form class="panel" onSubmit={save} noValidate aria-labelledby="brand-form-heading">
          <h3 id="brand-form-heading">
            {edited ? t('brands.editNamed', { brand: edited.brand }) : t('brands.addHeading')}
          </h3>
          <TextField
            id="brand"
            label={t('brands.brand')}
            hint={t('brands.brandHint')}
            value={form.brand}
            onInput={(brand) => setForm({ ...form, brand })}
            error={brandFieldError(outcome, 'brand')}
            inputRef={brandInput}
          />
          <TextField
            id="email"
            label={t('brands.email')}
            type="email"
            autoComplete="username"
            hint={t('brands.emailHint')}
            value={form.email}
            onInput={(email) => setForm({ ...form, email })}
            error={brandFieldError(outcome, 'email')}
          />
          <TextField
            id="token"
            label={t('brands.token')}
            type="password"
            hint={edited?.hasToken ? t('brands.tokenKept') : t('brands.tokenHint')}
            value={form.token}
            onInput={(token) => setForm({ ...form, token })}
            error={brandFieldError(outcome, 'token')}
          />
          <div class="actions">
            <button type="button" onClick={() => void test()} disabled={busy}>
              {t('brands.test')}
            </button>
            <button type="submit" disabled={busy}>
              {t('brands.save')}
            </button>
            {brands.length > 0 && (
              <button type="button" onClick={() => start({ mode: 'closed' })} disabled={busy}>
                {t('options.cancel')}
              </button>
            )}
          </div>
          <p class="hint">{t('brands.saveHint')}</p>
        </form>
      )}
      <OutcomeMessage outcome={outcome} />
    </Section>
  );
}
