import { useState } from 'preact/hooks';
import type { SettingsSummary } from '@/lib/settings/schema';
import {
  describedBy,
  fieldError,
  FieldNotes,
  OutcomeMessage,
  Section,
  useSubmit,
  type SendMessage,
} from './form-parts';
import { useI18n } from '../i18n';

const ID = 'undo-seconds';

/** How long a reply or note waits in the sidebar, with an Undo button, before it is sent. */
export function UndoSection({
  settings,
  send,
  onSaved,
}: {
  settings: SettingsSummary;
  send: SendMessage;
  onSaved: (settings: SettingsSummary) => void;
}) {
  const { t } = useI18n();
  const hint = t('undo.hint');
  const [value, setValue] = useState(String(settings.undoSeconds));
  const [localError, setLocalError] = useState<string | undefined>();
  const { outcome, busy, submit } = useSubmit();

  async function save(event: Event) {
    event.preventDefault();
    const seconds = Number(value);
    const valid = value.trim() !== '' && Number.isInteger(seconds) && seconds >= 0 && seconds <= 30;
    setLocalError(valid ? undefined : t('undo.range'));
    if (!valid) return;
    await submit(() => send('saveUndoSeconds', { undoSeconds: seconds }), {
      doing: t('options.saving'),
      done: (data) => {
        setValue(String(data.undoSeconds));
        onSaved(data);
        return data.undoSeconds === 0
          ? t('undo.savedAtOnce')
          : t('undo.savedWait', { seconds: data.undoSeconds });
      },
    });
  }

  const error = localError ?? fieldError(outcome, 'undoSeconds');
  return (
    <Section id="undo" title={t('options.undo')}>
      <p class="hint">{t('undo.intro')}</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        <div class="field">
          <label for={ID}>{t('undo.label')}</label>
          <input
            id={ID}
            type="number"
            min={0}
            max={30}
            step={1}
            value={value}
            onInput={(event) => setValue(event.currentTarget.value)}
            {...describedBy(ID, hint, error)}
          />
          <FieldNotes id={ID} hint={hint} error={error} />
        </div>
        <button type="submit" disabled={busy}>
          {t('undo.save')}
        </button>
      </form>
      <OutcomeMessage outcome={outcome} />
    </Section>
  );
}
