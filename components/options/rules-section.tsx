import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { describeIds } from '@/lib/lookup/classify';
import type { RuleTest } from '@/lib/detection/schema';
import { MARKETPLACE_NAMES, MARKETPLACES, type Marketplace } from '@/lib/detection/types';
import { SafeUserRuleSchema } from '@/lib/settings/safe-rules';
import type { UserRule } from '@/lib/settings/schema';
import {
  IDLE,
  OutcomeMessage,
  Section,
  SelectField,
  submitTo,
  TextField,
  useSubmit,
  type Outcome,
  type SendMessage,
} from './form-parts';
import { useI18n } from '../i18n';
import { issueText, type Translate } from '@/lib/i18n/translate';

type Target = 'orderRef' | 'email' | Marketplace;
const targets = (t: Translate): { value: Target; label: string }[] => [
  { value: 'orderRef', label: t('rules.orderRef') },
  { value: 'email', label: t('rules.email') },
  ...MARKETPLACES.map((marketplace) => ({
    value: marketplace,
    label: t('rules.marketplaceId', { marketplace: MARKETPLACE_NAMES[marketplace] }),
  })),
];

/** A rule as its fields show it; checked with SafeUserRuleSchema before it is tested or saved. */
interface Draft {
  id: string;
  name: string;
  urlPattern: string;
  kind: UserRule['kind'];
  target: Target;
  selector: string;
  regex: string;
}
type DraftField = 'name' | 'urlPattern' | 'selector' | 'regex' | 'target';
type DraftErrors = Partial<Record<DraftField, string>>;

/** Values a preview names at most; an order list can hold hundreds. */
const PREVIEW_LIMIT = 10;

const isMarketplace = (target: Target): target is Marketplace =>
  (MARKETPLACES as readonly string[]).includes(target);

function draftOf(rule: UserRule): Draft {
  return {
    id: rule.id,
    name: rule.name,
    urlPattern: rule.urlPattern,
    kind: rule.kind,
    target: rule.target === 'originId' ? (rule.marketplace ?? 'amazon') : rule.target,
    selector: rule.selector ?? '',
    regex: rule.regex ?? '',
  };
}

function newDraft(): Draft {
  return {
    id: `rule-${crypto.randomUUID()}`,
    name: '',
    urlPattern: '',
    kind: 'order',
    target: 'orderRef',
    selector: '',
    regex: '',
  };
}

/** The draft as a rule, or what is wrong with it, field by field. */
function checkDraft(
  t: Translate,
  draft: Draft,
): { ok: true; rule: UserRule } | { ok: false; errors: DraftErrors } {
  const { target } = draft;
  const parsed = SafeUserRuleSchema.safeParse({
    id: draft.id,
    name: draft.name,
    urlPattern: draft.urlPattern,
    kind: draft.kind,
    target: isMarketplace(target) ? 'originId' : target,
    ...(isMarketplace(target) ? { marketplace: target } : {}),
    ...(draft.selector.trim() ? { selector: draft.selector.trim() } : {}),
    ...(draft.regex.trim() ? { regex: draft.regex.trim() } : {}),
  });
  if (parsed.success) return { ok: true, rule: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const field = draftField(String(issue.path[0] ?? ''));
    errors[field] = [errors[field], issueText(t, issue.message)].filter(Boolean).join(' ');
  }
  return { ok: false, errors };
}

/** Where a schema (or background) issue belongs among the draft's fields. */
function draftField(path: string): DraftField {
  const fields: readonly string[] = ['name', 'urlPattern', 'selector', 'regex'];
  return fields.includes(path) ? (path as DraftField) : 'target';
}

/** What a rule found on the page, in the agent's words: "order #1042, customer email maya@…". */
function describeRuleTest(t: Translate, test: RuleTest): string {
  const { url } = test;
  if (!test.matched) return t('rules.noMatch', { url });
  const found = describeIds(t, test);
  if (found.length === 0) return t('rules.findsNothing', { url });
  const named = found.slice(0, PREVIEW_LIMIT).join(', ');
  if (found.length <= PREVIEW_LIMIT) return t('rules.finds', { url, found: named });
  return t('rules.findsMore', { url, found: named, count: found.length - PREVIEW_LIMIT });
}

/**
 * The agent's own detection rules, for admins no built-in platform covers. Each rule is edited in
 * place and can be tried, as edited, on the store page the agent used last; Save rules stores them.
 */
export function UserRulesSection({ send }: { send: SendMessage }) {
  const { t } = useI18n();
  const fixFields = { kind: 'invalidInput', message: t('rules.fixFields') } as const;
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [saved, setSaved] = useState('');
  const [errors, setErrors] = useState<Record<string, DraftErrors>>({});
  const [previews, setPreviews] = useState<Record<string, Outcome>>({});
  const { outcome, setOutcome, busy, submit } = useSubmit();
  const added = useRef<string | null>(null);

  const load = (rules: UserRule[]) => {
    const next = rules.map(draftOf);
    setDrafts(next);
    setSaved(JSON.stringify(next));
  };

  useEffect(() => {
    void send('getUserRules', {}).then((reply) =>
      reply.ok ? load(reply.data) : setOutcome({ state: 'failed', error: reply.error }),
    );
  }, [send, setOutcome]);

  // "Add rule" takes the agent to the new rule's first field, before the rule is painted.
  useLayoutEffect(() => {
    const index = drafts?.findIndex((draft) => draft.id === added.current) ?? -1;
    if (index < 0) return;
    added.current = null;
    document.getElementById(`rule-${index}-name`)?.focus();
  }, [drafts]);

  if (!drafts) {
    return (
      <Section id="rules" title={t('options.rules')}>
        <OutcomeMessage
          outcome={
            outcome.state === 'idle' ? { state: 'busy', doing: t('common.loading') } : outcome
          }
        />
      </Section>
    );
  }

  const edit = (id: string, change: Partial<Draft>) =>
    setDrafts(drafts.map((draft) => (draft.id === id ? { ...draft, ...change } : draft)));

  function changeTarget(draft: Draft, target: Target) {
    // Emails live on customer pages; keep an order-list rule an order-list rule.
    const kind = target === 'email' ? 'customer' : draft.kind === 'customer' ? 'order' : draft.kind;
    edit(draft.id, { target, kind });
  }

  async function test(draft: Draft) {
    const preview = (next: Outcome) => setPreviews((current) => ({ ...current, [draft.id]: next }));
    const checked = checkDraft(t, draft);
    setErrors((current) => ({ ...current, [draft.id]: checked.ok ? {} : checked.errors }));
    if (!checked.ok) return preview({ state: 'failed', error: fixFields });
    // A test reports on its own rule's preview, not the form's outcome.
    await submitTo(preview, () => send('testRule', { rule: checked.rule }), {
      doing: t('rules.testing'),
      done: (found) => describeRuleTest(t, found),
    });
  }

  const save = async (event: Event) => {
    event.preventDefault();
    const checked = drafts.map((draft) => [draft.id, checkDraft(t, draft)] as const);
    setErrors(
      Object.fromEntries(checked.map(([id, result]) => [id, result.ok ? {} : result.errors])),
    );
    const rules = checked.flatMap(([, result]) => (result.ok ? [result.rule] : []));
    if (rules.length < checked.length) {
      return setOutcome({
        state: 'failed',
        error: { ...fixFields, message: t('rules.someNeedFixing') },
      });
    }
    await submit(() => send('saveUserRules', rules), {
      doing: t('options.saving'),
      failed: (error) => setErrors(backgroundErrors(drafts, error.fieldErrors)),
      done: (data) => {
        load(data);
        return t('rules.saved');
      },
    });
  };

  const addRule = () => {
    const draft = newDraft();
    added.current = draft.id;
    setDrafts([...drafts, draft]);
  };

  const unsaved = JSON.stringify(drafts) !== saved;
  return (
    <Section id="rules" title={t('options.rules')}>
      <p class="hint">{t('rules.intro')}</p>
      <form onSubmit={save} noValidate>
        {drafts.length === 0 && <p class="note">{t('rules.none')}</p>}
        {drafts.map((draft, index) => {
          const id = `rule-${index}`;
          const error = errors[draft.id] ?? {};
          const name = draft.name.trim() || t('rules.newRule');
          return (
            <fieldset key={draft.id} class="panel">
              <legend>{name}</legend>
              <TextField
                id={`${id}-name`}
                label={t('rules.name')}
                hint={t('rules.nameHint')}
                value={draft.name}
                onInput={(value) => edit(draft.id, { name: value })}
                error={error.name}
              />
              <TextField
                id={`${id}-urlPattern`}
                label={t('rules.urlPattern')}
                hint={t('rules.urlPatternHint')}
                value={draft.urlPattern}
                onInput={(urlPattern) => edit(draft.id, { urlPattern })}
                error={error.urlPattern}
              />
              <SelectField
                id={`${id}-target`}
                label={t('rules.target')}
                value={draft.target}
                onChange={(target) => changeTarget(draft, target as Target)}
                options={targets(t)}
                error={error.target}
              />
              <TextField
                id={`${id}-selector`}
                label={t('rules.selector')}
                hint={t('rules.selectorHint')}
                value={draft.selector}
                onInput={(selector) => edit(draft.id, { selector })}
                error={error.selector}
              />
              <TextField
                id={`${id}-regex`}
                label={t('rules.regex')}
                hint={t('rules.regexHint')}
                value={draft.regex}
                onInput={(regex) => edit(draft.id, { regex })}
                error={error.regex}
              />
              <div class="actions">
                <button type="button" onClick={() => void test(draft)}>
                  {t('rules.test')}
                </button>
                <button
                  type="button"
                  aria-label={t('rules.removeNamed', { name })}
                  onClick={() => setDrafts(drafts.filter((d) => d.id !== draft.id))}
                >
                  {t('options.remove')}
                </button>
              </div>
              <OutcomeMessage outcome={previews[draft.id] ?? IDLE} />
            </fieldset>
          );
        })}
        <div class="actions">
          <button type="button" onClick={addRule}>
            {t('rules.add')}
          </button>
          <button type="submit" disabled={busy}>
            {t('rules.save')}
          </button>
        </div>
        {unsaved && <p class="note">{t('rules.unsaved')}</p>}
        <OutcomeMessage outcome={outcome} />
      </form>
    </Section>
  );
}

/** The background's field errors (`0.urlPattern`) on the drafts they belong to. */
function backgroundErrors(
  drafts: Draft[],
  fieldErrors: Record<string, string[]> = {},
): Record<string, DraftErrors> {
  const result: Record<string, DraftErrors> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const [index, field = ''] = path.split('.');
    const draft = drafts[Number(index)];
    if (draft) (result[draft.id] ??= {})[draftField(field)] = messages.join(' ');
  }
  return result;
}
