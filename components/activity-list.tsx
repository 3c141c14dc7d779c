import type { ActivityEntry } from '@/lib/actions/schemas';
import { RelativeTime } from './relative-time';

/** What the agent did to this conversation from the store, newest first, failures with why. */
export function ActivityList({ entries }: { entries: readonly ActivityEntry[] }) {
  const newest = [...entries].sort((a, b) => b.at - a.at);
  return (
    <section class="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      {newest.length === 0 && <p class="empty">Nothing done from here yet.</p>}
      <ul aria-label="Activity">
        {newest.map((entry, index) => (
          <li key={`${entry.at}-${index}`} class={entry.result === 'failed' ? 'failed' : undefined}>
            <span class="what">{entry.what}</span>{' '}
            <RelativeTime iso={new Date(entry.at).toISOString()} />
            {entry.result === 'failed' && (
              <span class="detail"> failed: {entry.detail ?? 'no reason given'}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
