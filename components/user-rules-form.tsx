import { useEffect, useState } from 'preact/hooks';
import type { Result } from '@/lib/messaging/protocol';
import type { MessageError } from '@/lib/messaging/errors';
import type { UserRule } from '@/lib/settings/schema';
import { ErrorAlert } from './error-alert';

export interface UserRulesServices {
  load(): Promise<Result<UserRule[]>>;
  save(rules: UserRule[]): Promise<Result<UserRule[]>>;
}

type Target = 'orderRef' | 'email' | 'amazon' | 'ebay' | 'etsy';
const TARGETS: Record<Target, string> = {
  orderRef: 'Order number',
  email: 'Customer email',
  amazon: 'Amazon order id',
  ebay: 'eBay order id',
  etsy: 'Etsy order id',
};

const EMPTY = { name: '', urlPattern: '', target: 'orderRef' as Target, selector: '', regex: '' };

/** The agent's own detection rules, for admins no built-in platform covers. */
export function UserRulesForm({ services }: { services: UserRulesServices }) {
  const [rules, setRules] = useState<UserRule[] | null>(null);
  const [draft, setDraft] = useState(EMPTY);
  const [error, setError] = useState<MessageError | null>(null);

  useEffect(() => void services.load().then((reply) => (reply.ok ? setRules(reply.data) : setError(reply.error))), [services]);

  async function store(next: UserRule[]): Promise<boolean> {
    const reply = await services.save(next);
    if (!reply.ok) {
      setError(reply.error);
      return false;
    }
    setError(null);
    setRules(reply.data);
    return true;
  }

  async function add(event: Event) {
    event.preventDefault();
    const marketplace = draft.target === 'orderRef' || draft.target === 'email' ? undefined : draft.target;
    const rule: UserRule = {
      id: `rule-${Date.now().toString(36)}`,
      name: draft.name,
      urlPattern: draft.urlPattern,
      kind: draft.target === 'email' ? 'customer' : 'order',
      target: marketplace ? 'originId' : (draft.target as 'orderRef' | 'email'),
      ...(marketplace ? { marketplace } : {}),
      ...(draft.selector.trim() ? { selector: draft.selector.trim() } : {}),
      ...(draft.regex.trim() ? { regex: draft.regex.trim() } : {}),
    };
    if (await store([...(rules ?? []), rule])) setDraft(EMPTY);
  }

  const fieldErrors = error?.fieldErrors ?? {};
  const errorFor = (field: string) =>
    Object.entries(fieldErrors)
      .filter(([path]) => path.endsWith(field))
      .flatMap(([, messages]) => messages)
      .join(' ');
  const field = (id: keyof typeof EMPTY, label: string, hint: string) => (
    <div class="field">
      <label for={`rule-${id}`}>{label}</label>
      <input
        id={`rule-${id}`}
        value={draft[id]}
        onInput={(event) => setDraft({ ...draft, [id]: event.currentTarget.value })}
        aria-invalid={errorFor(id) ? true : undefined}
        aria-describedby={`rule-${id}-hint`}
        spellcheck={false}
      />
      <p id={`rule-${id}-hint`} class="hint">
        {hint}
      </p>
      {errorFor(id) && <p class="field-error">{errorFor(id)}</p>}
    </div>
  );

  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Detection rules</h2>
      <p class="hint">For admin pages no built-in platform covers: where to look, and what the value is.</p>
      {rules && rules.length > 0 && (
        <ul class="rules">
          {rules.map((rule) => (
            <li key={rule.id}>
              <strong>{rule.name}</strong> — {rule.urlPattern}{' '}
              <button
                type="button"
                class="link"
                aria-label={`Remove rule ${rule.name}`}
                onClick={() => void store(rules.filter((r) => r.id !== rule.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate>
        {field('name', 'Rule name', 'A name you will recognise, e.g. "Legacy shop orders".')}
        {field('urlPattern', 'URL pattern', 'Pages it applies to, e.g. https://shop.example/admin/orders/*')}
        <div class="field">
          <label for="rule-target">Finds</label>
          <select
            id="rule-target"
            value={draft.target}
            onChange={(event) => setDraft({ ...draft, target: event.currentTarget.value as Target })}
          >
            {Object.entries(TARGETS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {field('selector', 'CSS selector', 'The element holding the value, e.g. #order-number.')}
        {field('regex', 'Regular expression', 'Optional; its first group is the value, e.g. Order #(\\d+).')}
        <button type="submit">Add rule</button>
      </form>
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
