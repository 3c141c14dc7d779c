import type { ComponentChildren } from 'preact';
import type { MessageError } from '@/lib/messaging/errors';

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
