import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type {
  ConversationRef,
  Draft,
  DraftInput,
  ResponseTemplateSummary,
  SentMessage,
} from '@/lib/actions/schemas';
import type { MessageError } from '@/lib/messaging/errors';
import type { Result } from '@/lib/messaging/protocol';
import { fillTemplate, type PlaceholderValues } from '@/lib/actions/templates';
import type { ActionServices } from './action-services';
import { ErrorAlert } from './error-alert';
import { renderMarkdown } from './markdown';
import { useI18n } from './i18n';

const EMPTY: DraftInput = {
  body: '',
  visibility: 'reply',
  suppressNotifications: false,
  suppressAutoresolve: false,
};

/** Failures after which the message may still have reached Re:amaze. */
const MAYBE_ARRIVED = new Set(['timeout', 'server', 'badResponse', 'offline']);

/** Field error keys the composer shows at the Message box. */
const BODY_FIELDS = ['body', 'message.body'];

type Sending =
  | { state: 'idle' }
  | { state: 'counting'; remaining: number }
  | { state: 'sending' }
  | { state: 'sent'; text: string }
  | { state: 'failed'; error: MessageError };

export interface ComposerProps {
  conversation: ConversationRef;
  services: Pick<ActionServices, 'saveDraft' | 'sendDraft' | 'listTemplates'>;
  /** The kept draft, from getConversationTools. */
  draft: Draft | null;
  /** Seconds "Send" waits with an Undo button; 0 sends at once. */
  undoSeconds: number;
  /** What the templates' placeholders are filled with. */
  values: PlaceholderValues;
  /** Re:amaze has a message (shown at the top of the thread) and the conversation as it is now. */
  onSent(sent: SentMessage): void;
  /** Something was done or failed: the activity list reloads. */
  onActivity(): void;
}

/**
 * Writes a reply or an internal note. Every change is kept at once through saveDraft (in order, no
 * debounce), so closing the sidebar, navigating or restarting the browser loses nothing.
 */
export function Composer(props: ComposerProps) {
  const { t } = useI18n();
  const { conversation, services, undoSeconds } = props;
  const [draft, setDraft] = useState<DraftInput>(() =>
    props.draft
      ? {
          body: props.draft.body,
          visibility: props.draft.visibility,
          suppressNotifications: props.draft.suppressNotifications,
          suppressAutoresolve: props.draft.suppressAutoresolve,
        }
      : EMPTY,
  );
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  /** An earlier try of this draft may have reached Re:amaze (it went out and no answer came). */
  const [tried, setTried] = useState(() => (props.draft?.attempts ?? 0) > 0);
  const [saveError, setSaveError] = useState<MessageError | null>(null);
  const [templates, setTemplates] = useState<ResponseTemplateSummary[]>([]);
  const [templateNote, setTemplateNote] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  /** The saves still out, in order: a send waits for the last one. */
  const saves = useRef<Promise<Result<Draft> | null>>(Promise.resolve(null));
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const remaining = useRef(0);

  useEffect(() => {
    let live = true;
    void services.listTemplates(conversation.brand).then((reply) => {
      if (live && reply.ok) setTemplates(reply.data);
    });
    return () => {
      live = false;
    };
  }, [services, conversation.brand]);

  // Closing the sidebar during the countdown stops it here: nothing is sent and the draft, already
  // kept, waits for the agent's next visit. By design: a send needs the agent to see it through.
  useEffect(() => () => stopCountdown(), []);

  const pending = sending.state === 'counting' || sending.state === 'sending';

  // While a send is pending or out, Esc cancels it (or does nothing) rather than closing the sidebar.
  // Capture phase on window, so this runs before the sidebar's own Escape listener sees the key; a
  // layout effect, so it is listening as soon as the countdown is shown, not a frame later.
  useLayoutEffect(() => {
    if (!pending) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      if (sending.state === 'counting') cancel();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  function change(next: Partial<DraftInput>) {
    const updated = { ...draft, ...next };
    setDraft(updated);
    if (sending.state === 'sent' || sending.state === 'failed') setSending({ state: 'idle' });
    saves.current = saves.current.then(async () => {
      const reply = await services.saveDraft(conversation, updated);
      setSaveError(reply.ok ? null : reply.error);
      return reply;
    });
  }

  function stopCountdown() {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  }

  function cancel() {
    stopCountdown();
    setSending({ state: 'idle' });
    textarea.current?.focus();
  }

  function start() {
    if (pending || draft.body.trim() === '') return;
    if (undoSeconds <= 0) {
      void send();
      return;
    }
    remaining.current = undoSeconds;
    setSending({ state: 'counting', remaining: undoSeconds });
    timer.current = setInterval(() => {
      remaining.current -= 1;
      if (remaining.current > 0) {
        setSending({ state: 'counting', remaining: remaining.current });
        return;
      }
      stopCountdown();
      void send();
    }, 1000);
  }

  async function send() {
    setSending({ state: 'sending' });
    const saved = await saves.current;
    if (saved && !saved.ok) {
      setSending({ state: 'failed', error: saved.error });
      props.onActivity();
      return;
    }
    const reply = await services.sendDraft(conversation);
    props.onActivity();
    if (!reply.ok) {
      // A try that went out unanswered may have reached Re:amaze.
      if (MAYBE_ARRIVED.has(reply.error.kind)) setTried(true);
      setSending({ state: 'failed', error: reply.error });
      return;
    }
    const { alreadySent, editedDraftKept } = reply.data;
    setTried(false);
    props.onSent(reply.data);
    if (editedDraftKept) {
      // Re:amaze has the text of the earlier try; the edit stays in the box, not sent.
      setSending({ state: 'sent', text: t('composer.editedKept') });
      return;
    }
    const text = alreadySent
      ? t('composer.alreadySent')
      : draft.visibility === 'note'
        ? t('composer.noteAdded')
        : t('composer.replySent');
    // Re:amaze has it and the background cleared the kept draft: the box starts empty again.
    setDraft({ ...draft, body: '' });
    setSending({ state: 'sent', text });
  }

  function insertTemplate(id: string) {
    const template = templates.find((candidate) => candidate.id === id);
    if (!template) return;
    const filled = fillTemplate(template.body, props.values);
    const box = textarea.current;
    const at = box ? box.selectionStart : draft.body.length;
    const end = box ? box.selectionEnd : draft.body.length;
    change({ body: draft.body.slice(0, at) + filled.body + draft.body.slice(end) });
    setTemplateNote(
      filled.missing.length > 0
        ? t('composer.noValueFor', {
            names: filled.missing.map((name) => `{${name}}`).join(', '),
          })
        : null,
    );
    box?.focus();
  }

  const preview = useMemo(() => renderMarkdown(draft.body), [draft.body]);
  const error = sending.state === 'failed' ? sending.error : saveError;
  const bodyError = BODY_FIELDS.flatMap((key) => error?.fieldErrors?.[key] ?? []).join(' ');
  const note = draft.visibility === 'note';

  return (
    <section class="composer" aria-label={t('composer.label')}>
      <div role="tablist" aria-label={t('composer.type')} class="tabs">
        {(['reply', 'note'] as const).map((visibility) => (
          <button
            key={visibility}
            type="button"
            role="tab"
            id={`composer-tab-${visibility}`}
            aria-selected={draft.visibility === visibility}
            aria-controls="composer-panel"
            tabIndex={draft.visibility === visibility ? 0 : -1}
            disabled={pending}
            onClick={() => change({ visibility })}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
              event.preventDefault();
              const other = visibility === 'reply' ? 'note' : 'reply';
              change({ visibility: other });
              document.getElementById(`composer-tab-${other}`)?.focus();
            }}
          >
            {visibility === 'reply' ? t('composer.reply') : t('composer.note')}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="composer-panel"
        aria-labelledby={`composer-tab-${draft.visibility}`}
        class={note ? 'composer-panel note' : 'composer-panel'}
      >
        <div class="field">
          <label for="composer-template">{t('composer.template')}</label>
          <select
            id="composer-template"
            value=""
            disabled={pending || templates.length === 0}
            onChange={(event) => {
              const id = event.currentTarget.value;
              event.currentTarget.value = '';
              insertTemplate(id);
            }}
          >
            <option value="">{t('composer.insertTemplate')}</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </select>
        </div>
        {templateNote && (
          <p class="hint" role="status">
            {templateNote}
          </p>
        )}
        <div class="field">
          <label for="composer-body">{t('composer.message')}</label>
          <textarea
            id="composer-body"
            ref={textarea}
            rows={5}
            value={draft.body}
            readOnly={pending}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={
              bodyError ? 'composer-body-hint composer-body-error' : 'composer-body-hint'
            }
            onInput={(event) => change({ body: event.currentTarget.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                start();
              }
            }}
          />
          <p id="composer-body-hint" class="hint">
            {t('composer.markdownHint')}
          </p>
          {bodyError && (
            <p id="composer-body-error" class="field-error">
              {bodyError}
            </p>
          )}
        </div>
        {tried && (
          <p class="hint" role="note">
            {t('composer.mayHaveArrived')}
          </p>
        )}
        <section class="preview-box" aria-label={t('composer.preview')}>
          <div class="message-body" dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.suppressNotifications}
            disabled={pending}
            onChange={(event) => change({ suppressNotifications: event.currentTarget.checked })}
          />{' '}
          {t('composer.dontNotify')}
        </label>
        {!note && (
          <label class="check">
            <input
              type="checkbox"
              checked={draft.suppressAutoresolve}
              disabled={pending}
              onChange={(event) => change({ suppressAutoresolve: event.currentTarget.checked })}
            />{' '}
            {t('composer.keepStatus')}
          </label>
        )}
        <div class="composer-actions">
          {sending.state === 'counting' ? (
            <>
              <span role="status">{t('composer.sendingIn', { seconds: sending.remaining })}</span>
              <button type="button" onClick={cancel}>
                {t('composer.undo')}
              </button>
            </>
          ) : (
            <button
              type="button"
              class="primary"
              disabled={pending || draft.body.trim() === ''}
              onClick={start}
            >
              {t('composer.send')}
            </button>
          )}
          {sending.state === 'sending' && <span role="status">{t('composer.sending')}</span>}
          {sending.state === 'sent' && (
            <span role="status" class="success">
              {sending.text}
            </span>
          )}
        </div>
        {error && <ErrorAlert error={error} shownAtFields={bodyError ? BODY_FIELDS : []} />}
      </div>
    </section>
  );
}
