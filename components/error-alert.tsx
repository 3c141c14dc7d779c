import type { ComponentChildren } from 'preact';
import type { MessageError } from '@/lib/messaging/errors';
import { useI18n } from './i18n';
import { issueText } from '@/lib/i18n/translate';

/** Errors the agent fixes in the options rather than by trying again. */
export function isSettingsError(error: MessageError): boolean {
  return error.kind === 'unauthorized' || error.kind === 'notConfigured';
}

export function OptionsButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="link" onClick={onClick}>
      {t('common.openOptions')}
    </button>
  );
}

/** Field errors that belong to no field of the form: the whole request's (`base`) come first. */
const NO_FIELD = 'base';

/**
 * A failure, said plainly; `action` offers the way out (e.g. a link to the options). Field errors
 * the form shows at its fields are named in `shownAtFields` and left out here; `base` errors are
 * the request's own and read without a field name.
 */
export function ErrorAlert({
  error,
  action,
  shownAtFields = [],
}: {
  error: MessageError;
  action?: ComponentChildren;
  shownAtFields?: readonly string[];
}) {
  const { t } = useI18n();
  const fields = Object.entries(error.fieldErrors ?? {}).filter(
    ([field, messages]) => !shownAtFields.includes(field) && messages.length > 0,
  );
  fields.sort(([a], [b]) => Number(b === NO_FIELD) - Number(a === NO_FIELD));
  return (
    <div role="alert" class="alert" data-kind={error.kind}>
      <p>{issueText(t, error.message)}</p>
      {fields.length > 0 && (error.kind === 'invalid' || error.kind === 'invalidInput') && (
        <ul>
          {fields.map(([field, messages]) => (
            <li key={field}>
              {field === NO_FIELD ? '' : `${field}: `}
              {messages.join(', ')}
            </li>
          ))}
        </ul>
      )}
      {action}
    </div>
  );
}
