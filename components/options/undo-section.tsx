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

const ID = 'undo-seconds';
const HINT = 'From 0 to 30. 0 sends at once, without an Undo button.';
const RANGE_ERROR = 'Enter whole seconds from 0 (send at once) to 30.';

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
  const [value, setValue] = useState(String(settings.undoSeconds));
  const [localError, setLocalError] = useState<string | undefined>();
  const { outcome, busy, submit } = useSubmit();

  async function save(event: Event) {
    event.preventDefault();
    const seconds = Number(value);
    const valid = value.trim() !== '' && Number.isInteger(seconds) && seconds >= 0 && seconds <= 30;
    setLocalError(valid ? undefined : RANGE_ERROR);
    if (!valid) return;
    await submit(() => send('saveUndoSeconds', { undoSeconds: seconds }), {
      doing: 'Saving…',
      done: (data) => {
        setValue(String(data.undoSeconds));
        onSaved(data);
        return data.undoSeconds === 0
          ? 'Saved: replies and notes are sent at once.'
          : `Saved: replies and notes wait ${data.undoSeconds} s before they are sent.`;
      },
    });
  }

  const error = localError ?? fieldError(outcome, 'undoSeconds');
  return (
    <Section id="undo" title="Sending">
      <p class="hint">
        After you press Send in the sidebar, a reply or note waits this long, with an Undo button,
        before it leaves. Its draft is kept until Re:amaze has it.
      </p>
      <form onSubmit={(event) => void save(event)} noValidate>
        <div class="field">
          <label for={ID}>Undo window (seconds)</label>
          <input
            id={ID}
            type="number"
            min={0}
            max={30}
            step={1}
            value={value}
            onInput={(event) => setValue(event.currentTarget.value)}
            {...describedBy(ID, HINT, error)}
          />
          <FieldNotes id={ID} hint={HINT} error={error} />
        </div>
        <button type="submit" disabled={busy}>
          Save
        </button>
      </form>
      <OutcomeMessage outcome={outcome} />
    </Section>
  );
}
