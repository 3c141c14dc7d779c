import type { ActivityEntry } from '@/lib/actions/schemas';
import { useI18n } from './i18n';
import { RelativeTime } from './relative-time';

/** What the agent did to this conversation from the store, newest first, failures with why. */
export function ActivityList({ entries }: { entries: readonly ActivityEntry[] }) {
  const { t } = useI18n();
  const newest = [...entries].sort((a, b) => b.at - a.at);
  return (
    <section class="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t('activity.heading')}</h2>
      {newest.length === 0 && <p class="empty">{t('activity.empty')}</p>}
      <ul aria-label={t('activity.heading')}>
        {newest.map((entry, index) => (
          <li key={`${entry.at}-${index}`} class={entry.result === 'failed' ? 'failed' : undefined}>
            <span class="what">{entry.what}</span>{' '}
            <RelativeTime iso={new Date(entry.at).toISOString()} />
            {entry.result === 'failed' && (
              <span class="detail">
                {' '}
                {t('activity.failed', { reason: entry.detail ?? t('activity.noReason') })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
