import type { ComponentChildren, Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { MessageError } from '@/lib/messaging/errors';
import type { MessageType, RequestOf, ResponseOf, Result } from '@/lib/messaging/protocol';
import { ErrorAlert } from '../error-alert';

/** One protocol message to the background (lib/messaging/send.ts in the page, a fake in tests). */
export type SendMessage = <T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
) => Promise<Result<ResponseOf<T>>>;

/** A section of the options page: a landmark named by its heading, reachable from the nav. */
export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={props.id} aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** What the last action in a form did: shown under it as a status, or an alert when it failed. */
export type Outcome =
  | { state: 'idle' }
  | { state: 'busy'; doing: string }
  | { state: 'done'; message: ComponentChildren }
  | { state: 'failed'; error: MessageError };

export const IDLE: Outcome = { state: 'idle' };

export function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  switch (outcome.state) {
    case 'idle':
      return null;
    case 'busy':
      return <p role="status">{outcome.doing}</p>;
    case 'done':
      return (
        <div role="status" class="success">
          {outcome.message}
        </div>
      );
    case 'failed':
      return <ErrorAlert error={outcome.error} />;
  }
}

/** The background's message for one field (`brand`, `0.store`…) of a failed request. */
export function fieldError(outcome: Outcome, field: string): string | undefined {
  if (outcome.state !== 'failed') return undefined;
  return outcome.error.fieldErrors?.[field]?.join(' ') || undefined;
}

/** How one request reports on a form: while it is out, and once it was answered. */
export interface SubmitSteps<T> {
  /** Shown while the request is out; without it the last outcome stays until the answer. */
  doing?: string;
  /** Takes in the answer and says what was done. */
  done: (data: T) => ComponentChildren;
  /** Runs before a refusal shows, for errors kept outside the outcome. */
  failed?: (error: MessageError) => void;
}

/**
 * Sends one request and reports it through `show`: busy, then done, or failed with the
 * background's error (its field errors are what fieldError reads).
 */
export async function submitTo<T>(
  show: (outcome: Outcome) => void,
  request: () => Promise<Result<T>>,
  steps: SubmitSteps<T>,
): Promise<void> {
  if (steps.doing !== undefined) show({ state: 'busy', doing: steps.doing });
  const reply = await request();
  if (!reply.ok) {
    steps.failed?.(reply.error);
    return show({ state: 'failed', error: reply.error });
  }
  show({ state: 'done', message: steps.done(reply.data) });
}

/** A form's outcome, and `submit` to send its requests through it. */
export function useSubmit() {
  const [outcome, setOutcome] = useState<Outcome>(IDLE);
  function submit<T>(request: () => Promise<Result<T>>, steps: SubmitSteps<T>) {
    return submitTo(setOutcome, request, steps);
  }
  return { outcome, setOutcome, busy: outcome.state === 'busy', submit };
}

/** Wires a control to its hint and error, so screen readers read both with the label. */
export function describedBy(id: string, hint: ComponentChildren, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return {
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  };
}

export function FieldNotes({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: ComponentChildren;
  error?: string;
}) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </>
  );
}

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: ComponentChildren;
  error?: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { id, hint, error } = props;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={props.inputRef}
        type={props.type ?? 'text'}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        autoComplete={props.autoComplete ?? 'off'}
        spellcheck={false}
        {...describedBy(id, hint, error)}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  hint?: ComponentChildren;
  error?: string;
}) {
  const { id, hint, error } = props;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        {...describedBy(id, hint, error)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** The host of an origin or match pattern (`https://shop.example/*` → `shop.example`). */
export function hostOf(originOrPattern: string): string {
  return originOrPattern.match(/^[a-z]+:\/\/([^/]+)/i)?.[1] ?? originOrPattern;
}
