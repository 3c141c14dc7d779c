import { useEffect, useRef, useState } from 'preact/hooks';
import {
  NewConversationInputSchema,
  type NewConversationForm as FormDefaults,
  type NewConversationInput,
} from '@/lib/actions/schemas';
import type { ConversationMatch } from '@/lib/lookup/schemas';
import type { MessageError } from '@/lib/messaging/errors';
import { errorsAt, type ActionServices } from './action-services';
import { ErrorAlert } from './error-alert';
import { useI18n } from './i18n';
import { focusUnlessTaken } from './focus';
import { issueText } from '@/lib/i18n/translate';
import { describedBy, FieldNotes, TextField } from './options/form-parts';

/** Which form field shows each error key, from Re:amaze's 422 or the form's own check. */
const FIELDS = {
  customerEmail: ['customerEmail', 'user.email', 'email', 'user'],
  customerName: ['customerName', 'user.name', 'name'],
  subject: ['subject'],
  channel: ['channel', 'category'],
  body: ['body', 'message.body', 'message'],
} as const;
const SHOWN_AT_FIELDS = Object.values(FIELDS).flat();

type Fields = Omit<NewConversationInput, 'brand' | 'data'>;
type Status = { state: 'idle' } | { state: 'busy' } | { state: 'failed'; error: MessageError };

/**
 * "New conversation", offered when the page's own ids found none: a button that opens the form,
 * prefilled from the page and the settings.
 */
export function NewConversation(props: {
  services: Pick<
    ActionServices,
    | 'getNewConversationForm'
    | 'createConversation'
    | 'getConversationTools'
    | 'saveDraft'
    | 'discardDraft'
  >;
  onCreated(conversation: ConversationMatch): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('newConversation.title')}
      </button>
    );
  }
  return (
    <NewConversationForm
      services={props.services}
      onCreated={props.onCreated}
      onCancel={() => setOpen(false)}
    />
  );
}

export function NewConversationForm(props: {
  services: Pick<
    ActionServices,
    | 'getNewConversationForm'
    | 'createConversation'
    | 'getConversationTools'
    | 'saveDraft'
    | 'discardDraft'
  >;
  onCreated(conversation: ConversationMatch): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { services } = props;
  const [defaults, setDefaults] = useState<FormDefaults | null>(null);
  const [loadError, setLoadError] = useState<MessageError | null>(null);
  const [fields, setFields] = useState<Fields>({
    customerEmail: '',
    customerName: '',
    subject: '',
    channel: '',
    body: '',
    suppressNotifications: false,
  });
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const first = useRef<HTMLInputElement>(null);
  /** The first message's saves, in order, as the composer keeps a reply's. */
  const saves = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void services.getNewConversationForm().then(async (reply) => {
      if (!live) return;
      if (!reply.ok) return setLoadError(reply.error);
      const { brand, draftKey } = reply.data;
      // The first message is a draft like any other: kept in the background, found again here.
      const tools = await services.getConversationTools({ brand, slug: draftKey });
      if (!live) return;
      setDefaults(reply.data);
      setFields((current) => ({
        ...current,
        customerEmail: reply.data.customerEmail,
        customerName: reply.data.customerName,
        subject: reply.data.subject,
        channel: reply.data.channel,
        body: tools.ok ? (tools.data.draft?.body ?? '') : '',
      }));
    });
    return () => {
      live = false;
    };
  }, [services]);

  // The form, once shown, starts at its first field (unless the agent is in one already).
  useEffect(() => {
    if (defaults) focusUnlessTaken(first.current);
  }, [defaults]);

  function set(next: Partial<Fields>) {
    setFields((current) => ({ ...current, ...next }));
  }

  function setBody(body: string) {
    set({ body });
    if (!defaults) return;
    const ref = { brand: defaults.brand, slug: defaults.draftKey };
    const draft = {
      body,
      visibility: 'reply' as const,
      suppressNotifications: false,
      suppressAutoresolve: false,
    };
    saves.current = saves.current.then(() => services.saveDraft(ref, draft));
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!defaults || status.state === 'busy') return;
    const parsed = NewConversationInputSchema.safeParse({
      ...fields,
      brand: defaults.brand,
      data: defaults.data,
    });
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'base');
        (fieldErrors[key] ??= []).push(issueText(t, issue.message));
      }
      setStatus({
        state: 'failed',
        error: { kind: 'invalidInput', message: t('newConversation.checkFields'), fieldErrors },
      });
      return;
    }
    setStatus({ state: 'busy' });
    const reply = await services.createConversation(parsed.data);
    if (!reply.ok) return setStatus({ state: 'failed', error: reply.error });
    await saves.current;
    void services.discardDraft({ brand: defaults.brand, slug: defaults.draftKey });
    setStatus({ state: 'idle' });
    props.onCreated(reply.data.conversation);
  }

  if (loadError) {
    return (
      <>
        <ErrorAlert error={loadError} />
        <button type="button" onClick={props.onCancel}>
          {t('newConversation.cancel')}
        </button>
      </>
    );
  }
  if (!defaults) return <p role="status">{t('newConversation.preparing')}</p>;

  const errors = status.state === 'failed' ? errorsAt(status.error.fieldErrors, FIELDS) : {};
  const data = Object.entries(defaults.data);
  return (
    <form
      class="new-conversation"
      aria-label={t('newConversation.title')}
      onSubmit={submit}
      noValidate
    >
      <TextField
        id="new-email"
        label={t('newConversation.email')}
        type="email"
        inputRef={first}
        value={fields.customerEmail}
        onInput={(customerEmail) => set({ customerEmail })}
        error={errors.customerEmail}
      />
      <TextField
        id="new-name"
        label={t('newConversation.name')}
        value={fields.customerName}
        onInput={(customerName) => set({ customerName })}
        error={errors.customerName}
      />
      <TextField
        id="new-subject"
        label={t('newConversation.subject')}
        value={fields.subject}
        onInput={(subject) => set({ subject })}
        error={errors.subject}
      />
      <div class="field">
        <label for="new-channel">{t('newConversation.channel')}</label>
        <select
          id="new-channel"
          value={fields.channel}
          onChange={(event) => set({ channel: event.currentTarget.value })}
          {...describedBy('new-channel', null, errors.channel)}
        >
          {!defaults.channels.some((channel) => channel.slug === fields.channel) && (
            <option value={fields.channel} disabled>
              {fields.channel ? fields.channel : t('newConversation.chooseChannel')}
            </option>
          )}
          {defaults.channels.map((channel) => (
            <option key={channel.slug} value={channel.slug}>
              {channel.name}
            </option>
          ))}
        </select>
        <FieldNotes id="new-channel" error={errors.channel} />
      </div>
      <div class="field">
        <label for="new-body">{t('newConversation.message')}</label>
        <textarea
          id="new-body"
          rows={5}
          value={fields.body}
          onInput={(event) => setBody(event.currentTarget.value)}
          {...describedBy('new-body', null, errors.body)}
        />
        <FieldNotes id="new-body" error={errors.body} />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={fields.suppressNotifications}
          onChange={(event) => set({ suppressNotifications: event.currentTarget.checked })}
        />{' '}
        {t('composer.dontNotify')}
      </label>
      {data.length > 0 && (
        <>
          <p class="hint" id="new-data-hint">
            {t('newConversation.savedAsData')}
          </p>
          <dl class="facts" aria-describedby="new-data-hint">
            {data.map(([key, value]) => (
              <>
                <dt key={`k-${key}`}>{key}</dt>
                <dd key={`v-${key}`}>{value}</dd>
              </>
            ))}
          </dl>
        </>
      )}
      {status.state === 'failed' && (
        <ErrorAlert error={status.error} shownAtFields={SHOWN_AT_FIELDS} />
      )}
      <div class="form-actions">
        <button type="submit" disabled={status.state === 'busy'}>
          {t('newConversation.create')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('newConversation.cancel')}
        </button>
        {status.state === 'busy' && <span role="status">{t('newConversation.creating')}</span>}
      </div>
    </form>
  );
}
