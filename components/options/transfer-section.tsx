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
import { useI18n } from '../i18n';
import { issueText, type Translate } from '@/lib/i18n/translate';

export const SETTINGS_FILE_NAME = 'reamaze-inline-settings.json';

type ReadResult = { ok: true; file: SettingsFile } | { ok: false; message: string };

/** A chosen file as settings, or why it is not one; checked here so a bad file changes nothing. */
export function readSettingsFile(t: Translate, text: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: t('transfer.notJson') };
  }
  const parsed = SettingsFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const [issue] = parsed.error.issues;
  if (!issue || issue.path.length === 0) return { ok: false, message: t('transfer.notSettings') };
  // The schema says it best when the file is someone else's or from another version.
  if (issue.path[0] === 'format' || issue.path[0] === 'version')
    return { ok: false, message: issueText(t, issue.message) };
  return {
    ok: false,
    message: t('transfer.damaged', {
      path: issue.path.join('.'),
      problem: issueText(t, issue.message).replace(/\.$/, ''),
    }),
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
  const { t } = useI18n();
  const { outcome, setOutcome, submit } = useSubmit();

  const exportSettings = () =>
    submit(() => send('exportSettings', {}), {
      done: (data) => {
        props.download(SETTINGS_FILE_NAME, `${JSON.stringify(data, null, 2)}\n`);
        return t('transfer.exported', { file: SETTINGS_FILE_NAME });
      },
    });

  async function importFile(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    input.value = ''; // choosing the same file again is a new import
    if (!chosen) return;
    const read = readSettingsFile(t, await chosen.text());
    if (!read.ok) {
      return setOutcome({
        state: 'failed',
        error: {
          kind: 'invalidInput',
          message: t('transfer.unchanged', { problem: read.message }),
        },
      });
    }
    await submit(() => send('importSettings', read.file), {
      doing: t('transfer.importing'),
      done: ({ settings, needsToken }) => {
        props.onImported(settings);
        return (
          <>
            <p>{t('transfer.imported', { file: chosen.name })}</p>
            {needsToken.length > 0 && (
              <>
                <p>{t('transfer.needTokens')}</p>
                <ul aria-label={t('transfer.needTokensLabel')}>
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

  const importHint = t('transfer.importHint');
  return (
    <Section id="transfer" title={t('options.transfer')}>
      <p class="hint">{t('transfer.intro')}</p>
      <div class="actions">
        <button type="button" onClick={() => void exportSettings()}>
          {t('transfer.export')}
        </button>
      </div>
      <div class="field">
        <label for="import-file">{t('transfer.import')}</label>
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
