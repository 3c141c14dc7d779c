import { useEffect, useState } from 'preact/hooks';
import type { ConversationChange, ConversationRef, StaffMember } from '@/lib/actions/schemas';
import type { ConversationSummary } from '@/lib/lookup/summary';
import type { MessageError } from '@/lib/messaging/errors';
import { statusLabel } from '@/lib/api/labels';
import { errorsAt, type ActionServices } from './action-services';
import { ErrorAlert } from './error-alert';
import { useI18n } from './i18n';
import type { Translate } from '@/lib/i18n/translate';
import { describedBy, FieldNotes } from './options/form-parts';
import { issueText } from '@/lib/i18n/translate';

/** The statuses an agent may choose, in the order Re:amaze lists them. */
export const STATUS_CHOICES: readonly number[] = [0, 1, 2, 5, 3, 4];
const ON_HOLD = 5;

/** Which control shows each field error a 422 names. */
const FIELDS = {
  status: ['status'],
  holdUntil: ['hold_until', 'holdUntil'],
  tags: ['tag_list', 'tags'],
  assignee: ['assignee', 'assignee_email', 'email'],
  data: ['data'],
} as const;
const SHOWN_AT_FIELDS = Object.values(FIELDS).flat();

type Failure = { what: string; error: MessageError } | null;

/** Tomorrow's date in the agent's time zone, as a date input's value. */
function tomorrow(now = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The start of a date input's day in the agent's time zone, as ISO 8601; null when invalid. */
function startOfDay(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function describeChange(t: Translate, change: ConversationChange): string {
  switch (change.kind) {
    case 'status':
      return t('controls.statusNotChanged', { status: statusLabel(t, change.status) });
    case 'tags':
      return t('controls.tagsNotSaved');
    case 'assignee':
      return t('controls.assigneeNotChanged');
    case 'data':
      return t('controls.dataNotSaved');
  }
}

export interface ConversationControlsProps {
  conversation: ConversationRef;
  summary: ConversationSummary;
  services: Pick<ActionServices, 'updateConversation' | 'listStaff'>;
  /** Tags for completion: the brand's known tags and those of the sidebar's conversations. */
  knownTags: readonly string[];
  /** The conversation as the view should show it now (optimistic, confirmed or rolled back). */
  onSummary(summary: ConversationSummary): void;
  onActivity(): void;
}

/**
 * Status, tags, assignee and custom data. Each change shows at once, is sent as one
 * updateConversation, and is replaced by Re:amaze's answer, or rolled back with an alert.
 */
export function ConversationControls(props: ConversationControlsProps) {
  const { t } = useI18n();
  const { summary, services } = props;
  const [failure, setFailure] = useState<Failure>(null);
  const [holding, setHolding] = useState(false);
  const [holdUntil, setHoldUntil] = useState(tomorrow);
  const [tagInput, setTagInput] = useState('');
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [data, setData] = useState<Record<string, string>>(summary.data);
  const [newField, setNewField] = useState({ name: '', value: '' });

  useEffect(() => {
    let live = true;
    void services.listStaff(props.conversation.brand).then((reply) => {
      if (live && reply.ok) setStaff(reply.data);
    });
    return () => {
      live = false;
    };
  }, [services, props.conversation.brand]);

  useEffect(() => setData(summary.data), [summary.data]);

  async function apply(change: ConversationChange, optimistic: Partial<ConversationSummary>) {
    const before = summary;
    setFailure(null);
    props.onSummary({ ...summary, ...optimistic });
    const reply = await services.updateConversation(props.conversation, change);
    if (reply.ok) {
      props.onSummary(reply.data.conversation);
    } else {
      props.onSummary(before);
      setFailure({ what: describeChange(t, change), error: reply.error });
    }
    props.onActivity();
    return reply.ok;
  }

  function chooseStatus(value: string) {
    const status = Number(value);
    if (status === ON_HOLD) {
      setHolding(true);
      return;
    }
    setHolding(false);
    void apply({ kind: 'status', status }, { status });
  }

  async function putOnHold() {
    const until = startOfDay(holdUntil);
    // The start of a day that has begun is already past: Re:amaze would reopen it at once.
    if (!until || Date.parse(until) <= Date.now()) {
      const problem = until ? t('controls.dayAfterToday') : t('controls.chooseDate');
      setFailure({
        what: describeChange(t, { kind: 'status', status: ON_HOLD }),
        error: {
          kind: 'invalidInput',
          message: t('controls.holdUntilProblem', { problem }),
          fieldErrors: { hold_until: [problem] },
        },
      });
      return;
    }
    const done = await apply(
      { kind: 'status', status: ON_HOLD, holdUntil: until },
      { status: ON_HOLD },
    );
    if (done) setHolding(false);
  }

  function saveTags(tags: string[]) {
    void apply({ kind: 'tags', tags }, { tags });
  }

  function addTag() {
    const tag = tagInput.trim();
    if (!tag) return;
    setTagInput('');
    if (summary.tags.includes(tag)) return;
    saveTags([...summary.tags, tag]);
  }

  function chooseAssignee(email: string) {
    const member = staff.find((candidate) => candidate.email === email);
    if (!member) return;
    void apply({ kind: 'assignee', email }, { assignee: member.name });
  }

  function saveData() {
    const next = { ...data };
    const name = newField.name.trim();
    if (name) next[name] = newField.value;
    void apply({ kind: 'data', data: next }, { data: next }).then((done) => {
      if (done) setNewField({ name: '', value: '' });
    });
  }

  const errors = failure ? errorsAt(failure.error.fieldErrors, FIELDS) : {};
  const listed = STATUS_CHOICES.includes(summary.status);
  const assignee = staff.find(
    (member) => member.name === summary.assignee || member.email === summary.assignee,
  );
  const tagChoices = [...new Set(props.knownTags)].filter((tag) => !summary.tags.includes(tag));

  return (
    <section class="controls" aria-label={t('controls.label')}>
      <div class="field">
        <label for="control-status">{t('controls.status')}</label>
        <select
          id="control-status"
          value={holding ? String(ON_HOLD) : String(summary.status)}
          onChange={(event) => chooseStatus(event.currentTarget.value)}
          {...describedBy('control-status', null, errors.status)}
        >
          {STATUS_CHOICES.map((status) => (
            <option key={status} value={String(status)}>
              {statusLabel(t, status)}
            </option>
          ))}
          {!listed && (
            <option value={String(summary.status)}>{statusLabel(t, summary.status)}</option>
          )}
        </select>
        <FieldNotes id="control-status" error={errors.status} />
      </div>
      {holding && (
        <div class="field hold">
          <label for="control-hold-until">{t('controls.holdUntil')}</label>
          <input
            id="control-hold-until"
            type="date"
            value={holdUntil}
            min={tomorrow()}
            onInput={(event) => setHoldUntil(event.currentTarget.value)}
            {...describedBy('control-hold-until', null, errors.holdUntil)}
          />
          <FieldNotes id="control-hold-until" error={errors.holdUntil} />
          <button type="button" onClick={() => void putOnHold()}>
            {t('controls.putOnHold')}
          </button>
        </div>
      )}
      <div class="field">
        <label for="control-tags">{t('controls.tags')}</label>
        {summary.tags.length > 0 && (
          <ul class="tags editable">
            {summary.tags.map((tag) => (
              <li key={tag}>
                {tag}{' '}
                <button
                  type="button"
                  class="remove"
                  aria-label={t('controls.removeTag', { tag })}
                  onClick={() => saveTags(summary.tags.filter((other) => other !== tag))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="inline">
          <input
            id="control-tags"
            list="control-tags-known"
            value={tagInput}
            autoComplete="off"
            onInput={(event) => setTagInput(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addTag();
              }
            }}
            {...describedBy('control-tags', null, errors.tags)}
          />
          <button type="button" onClick={addTag}>
            {t('controls.addTag')}
          </button>
        </div>
        <datalist id="control-tags-known">
          {tagChoices.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <FieldNotes id="control-tags" error={errors.tags} />
      </div>
      <div class="field">
        <label for="control-assignee">{t('controls.assignee')}</label>
        <select
          id="control-assignee"
          value={assignee?.email ?? ''}
          onChange={(event) => chooseAssignee(event.currentTarget.value)}
          {...describedBy('control-assignee', null, errors.assignee)}
        >
          {!assignee && (
            <option value="" disabled>
              {summary.assignee ?? t('card.unassigned')}
            </option>
          )}
          {staff.map((member) => (
            <option key={member.email} value={member.email}>
              {member.name}
            </option>
          ))}
        </select>
        <FieldNotes id="control-assignee" error={errors.assignee} />
      </div>
      <fieldset class="custom-data" {...describedBy('control-data', null, errors.data)}>
        <legend>{t('controls.customData')}</legend>
        {Object.entries(data).map(([key, value], index) => (
          <div class="field" key={key}>
            <label for={`control-data-${index}`}>{key}</label>
            <input
              id={`control-data-${index}`}
              value={value}
              onInput={(event) => setData({ ...data, [key]: event.currentTarget.value })}
            />
          </div>
        ))}
        <div class="inline">
          <div class="field">
            <label for="control-field-name">{t('controls.fieldName')}</label>
            <input
              id="control-field-name"
              value={newField.name}
              onInput={(event) => setNewField({ ...newField, name: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="control-field-value">{t('controls.fieldValue')}</label>
            <input
              id="control-field-value"
              value={newField.value}
              onInput={(event) => setNewField({ ...newField, value: event.currentTarget.value })}
            />
          </div>
        </div>
        <FieldNotes id="control-data" error={errors.data} />
        <button type="button" onClick={saveData}>
          {t('controls.saveFields')}
        </button>
      </fieldset>
      {failure && (
        <ErrorAlert
          error={{
            ...failure.error,
            message: t('controls.failure', {
              what: failure.what,
              message: issueText(t, failure.error.message),
            }),
          }}
          shownAtFields={SHOWN_AT_FIELDS}
        />
      )}
    </section>
  );
}
