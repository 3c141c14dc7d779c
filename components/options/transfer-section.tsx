import { SettingsFileSchema, type SettingsFile } from '@/lib/settings/export';
import type { SettingsSummary } from '@/lib/settings/schema';
import {
  describedBy,
  FieldNotes,
  OutcomeMessage,
  Section,
  useSubmit,
  type SendMessage,
} from './form-parts';

export const SETTINGS_FILE_NAME = 'reamaze-inline-settings.json';

type ReadResult = { ok: true; file: SettingsFile } | { ok: false; message: string };

/** A chosen file as settings, or why it is not one; checked here so a bad file changes nothing. */
export function readSettingsFile(text: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'This file is not a Re:amaze Inline settings file: it is not even JSON.',
    };
  }
  const parsed = SettingsFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const [issue] = parsed.error.issues;
  if (!issue || issue.path.length === 0)
    return { ok: false, message: 'This is not a Re:amaze Inline settings file.' };
  // The schema says it best when the file is someone else's or from another version.
  if (issue.path[0] === 'format' || issue.path[0] === 'version')
    return { ok: false, message: issue.message };
  return {
    ok: false,
    message: `This settings file is damaged (at ${issue.path.join('.')}): ${issue.message}.`,
  };
}

/**
 * Settings to and from a file, to share with the team or move to another browser. API tokens
 * never leave the background, so imported brands new to this browser each need theirs.
 */
export function TransferSection(props: {
  send: SendMessage;
  download: (fileName: string, text: string) => void;
  onImported: (settings: SettingsSummary) => void;
}) {
  const { send } = props;
  const { outcome, setOutcome, submit } = useSubmit();

  const exportSettings = () =>
    submit(() => send('exportSettings', {}), {
      done: (data) => {
        props.download(SETTINGS_FILE_NAME, `${JSON.stringify(data, null, 2)}\n`);
        return `Exported to ${SETTINGS_FILE_NAME}, without API tokens.`;
      },
    });

  async function importFile(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    input.value = ''; // choosing the same file again is a new import
    if (!chosen) return;
    const read = readSettingsFile(await chosen.text());
    if (!read.ok) {
      return setOutcome({
        state: 'failed',
        error: { kind: 'invalidInput', message: `${read.message} Nothing was changed.` },
      });
    }
    await submit(() => send('importSettings', read.file), {
      doing: 'Importing…',
      done: ({ settings, needsToken }) => {
        props.onImported(settings);
        return (
          <>
            <p>Settings imported from {chosen.name}.</p>
            {needsToken.length > 0 && (
              <>
                <p>
                  These brands need an API token before they can look anything up (Edit each under
                  Brands):
                </p>
                <ul aria-label="Brands that need an API token">
                  {needsToken.map((brand) => (
                    <li key={brand}>{brand}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        );
      },
    });
  }

  const importHint =
    'The file replaces your brands, stores, channels, custom-data keys and rules. Brands already here keep their API tokens.';
  return (
    <Section id="transfer" title="Import and export">
      <p class="hint">
        The file holds your brands and their login emails, store mappings, marketplace channels,
        custom-data keys and detection rules. API tokens are never included: each agent keeps their
        own.
      </p>
      <div class="actions">
        <button type="button" onClick={() => void exportSettings()}>
          Export settings
        </button>
      </div>
      <div class="field">
        <label for="import-file">Import settings</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => void importFile(event.currentTarget)}
          {...describedBy('import-file', importHint, undefined)}
        />
        <FieldNotes id="import-file" hint={importHint} />
      </div>
      <OutcomeMessage outcome={outcome} />
    </Section>
  );
}
