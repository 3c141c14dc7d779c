import type { ComponentChildren } from 'preact';
import type { MessageError } from '@/lib/messaging/errors';

/** Errors the agent fixes in the options rather than by trying again. */
export function isSettingsError(error: MessageError): boolean {
  return error.kind === 'unauthorized' || error.kind === 'notConfigured';
}

export function OptionsButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" class="link" onClick={onClick}>
      Open options
    </button>
  );
}

/** A failure, said plainly; `action` offers the way out (e.g. a link to the options). */
export function ErrorAlert({ error, action }: { error: MessageError; action?: ComponentChildren }) {
  const fields = Object.entries(error.fieldErrors ?? {});
  return (
    <div role="alert" class="alert" data-kind={error.kind}>
      <p>{error.message}</p>
      {fields.length > 0 && error.kind === 'invalid' && (
        <ul>
          {fields.map(([field, messages]) => (
            <li key={field}>
              {field}: {messages.join(', ')}
            </li>
          ))}
        </ul>
      )}
      {action}
    </div>
  );
}
