import { useEffect, useState } from 'preact/hooks';
import type { ConnectionResult, Result } from '@/lib/messaging/protocol';
import type { MessageError } from '@/lib/messaging/errors';
import type { CredentialsInput, SettingsSummary } from '@/lib/settings/schema';
import { ErrorAlert } from './error-alert';
import { LookupSettingsForm, type LookupSettingsServices } from './lookup-settings-form';
import { UserRulesForm, type UserRulesServices } from './user-rules-form';

export interface OptionsServices {
  getSettings(): Promise<Result<SettingsSummary>>;
  save(input: CredentialsInput): Promise<Result<SettingsSummary>>;
  testConnection(input: CredentialsInput): Promise<Result<ConnectionResult>>;
  lookupSettings?: LookupSettingsServices;
  userRules?: UserRulesServices;
}

type Outcome =
  | { state: 'idle' }
  | { state: 'busy'; doing: string }
  | { state: 'success'; message: string }
  | { state: 'failed'; error: MessageError };

type Field = 'brand' | 'email' | 'token';

export function OptionsApp({ services }: { services: OptionsServices }) {
  const [saved, setSaved] = useState<SettingsSummary | null>(null);
  const [loadError, setLoadError] = useState<MessageError | null>(null);
  const [brand, setBrand] = useState('');
  const [email, setEmail] = useState('');
  const [token, setToken] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  useEffect(() => {
    void services.getSettings().then((reply) => {
      if (!reply.ok) return setLoadError(reply.error);
      setSaved(reply.data);
      setBrand(reply.data.brand ?? '');
      setEmail(reply.data.email ?? '');
    });
  }, [services]);

  const input = (): CredentialsInput => ({ brand, email, token });
  const fieldErrors = outcome.state === 'failed' ? (outcome.error.fieldErrors ?? {}) : {};

  async function save(event: Event) {
    event.preventDefault();
    setOutcome({ state: 'busy', doing: 'Saving…' });
    const reply = await services.save(input());
    if (!reply.ok) return setOutcome({ state: 'failed', error: reply.error });
    setSaved(reply.data);
    setBrand(reply.data.brand ?? '');
    setEmail(reply.data.email ?? '');
    setToken('');
    setOutcome({ state: 'success', message: `Saved. Lookups now use ${reply.data.brand}.` });
  }

  async function test() {
    setOutcome({ state: 'busy', doing: 'Testing the connection…' });
    const reply = await services.testConnection(input());
    if (!reply.ok) return setOutcome({ state: 'failed', error: reply.error });
    setOutcome({
      state: 'success',
      message: `Connected to ${reply.data.brand} as ${reply.data.staffName}.`,
    });
  }

  const busy = outcome.state === 'busy';
  return (
    <main class="options">
      <h1>Re:amaze Inline</h1>
      <p class="intro">
        Connect your Re:amaze account. The API token stays in the extension's background and is
        only ever sent to your brand's Re:amaze API.
      </p>
      {loadError && <ErrorAlert error={loadError} />}
      {saved?.problem && <p class="warning">{saved.problem}</p>}
      <form onSubmit={save} noValidate>
        <TextField
          id="brand"
          label="Brand"
          hint="Your Re:amaze address: northwind, northwind.reamaze.io or a link to your admin."
          value={brand}
          onInput={setBrand}
          errors={fieldErrors.brand}
          autoComplete="off"
        />
        <TextField
          id="email"
          label="Login email"
          type="email"
          hint="The email you sign in to Re:amaze with."
          value={email}
          onInput={setEmail}
          errors={fieldErrors.email}
          autoComplete="username"
        />
        <TextField
          id="token"
          label="API token"
          type="password"
          hint={
            saved?.hasToken
              ? 'A token is saved. Leave this blank to keep it, or paste a new one.'
              : 'Made in Re:amaze under Settings → Developer → API Token.'
          }
          value={token}
          onInput={setToken}
          errors={fieldErrors.token}
          autoComplete="off"
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={() => void test()} disabled={busy}>
            Test connection
          </button>
        </div>
      </form>
      {outcome.state === 'busy' && <p role="status">{outcome.doing}</p>}
      {outcome.state === 'success' && (
        <p role="status" class="success">
          {outcome.message}
        </p>
      )}
      {outcome.state === 'failed' && <ErrorAlert error={outcome.error} />}
      {saved?.hasToken && services.lookupSettings && (
        <LookupSettingsForm key={saved.brand} services={services.lookupSettings} />
      )}
      {services.userRules && <UserRulesForm services={services.userRules} />}
    </main>
  );
}

function TextField(props: {
  id: Field;
  label: string;
  hint: string;
  value: string;
  onInput: (value: string) => void;
  errors?: string[];
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
}) {
  const { id, errors } = props;
  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={id}
        type={props.type ?? 'text'}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={props.autoComplete}
        spellcheck={false}
      />
      <p id={`${id}-hint`} class="hint">
        {props.hint}
      </p>
      {errors?.length ? (
        <p id={`${id}-error`} class="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
