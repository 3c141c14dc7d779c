import type { LookupResult } from '@/lib/lookup/schemas';
import { ConversationCard } from './conversation-card';

/** The conversations a lookup found, or a sentence saying none was (the popup names what was searched). */
export function ConversationList({
  result,
  onLoadMore,
  loadingMore = false,
  keysHint,
}: {
  result: LookupResult;
  onLoadMore?: () => void;
  loadingMore?: boolean;
  keysHint?: string;
}) {
  if (result.conversations.length === 0) {
    return (
      <p class="empty" role="status">
        No conversation found for “{result.query}”.
      </p>
    );
  }
  const shown = result.conversations.length;
  return (
    <section aria-label="Conversations">
      <p class="count" role="status">
        {result.totalCount > shown
          ? `Showing ${shown} of ${result.totalCount} conversations for “${result.query}”`
          : `${shown} ${shown === 1 ? 'conversation' : 'conversations'} for “${result.query}”`}
      </p>
      <ul class="conversations">
        {result.conversations.map((conversation) => (
          <li key={conversation.slug}>
            <ConversationCard conversation={conversation} keysHint={keysHint} />
          </li>
        ))}
      </ul>
      {onLoadMore && result.page < result.pageCount && (
        <button type="button" class="more" onClick={onLoadMore} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Show more conversations'}
        </button>
      )}
    </section>
  );
}
