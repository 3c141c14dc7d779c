import type { LookupResult } from '@/lib/lookup/schemas';
import { ConversationCard } from './conversation-card';
import { useI18n } from './i18n';

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
  const { t } = useI18n();
  if (result.conversations.length === 0) {
    return (
      <p class="empty" role="status">
        {t('common.noConversationFor', { query: result.query })}
      </p>
    );
  }
  const shown = result.conversations.length;
  return (
    <section aria-label={t('list.label')}>
      <p class="count" role="status">
        {result.totalCount > shown
          ? t('list.showingOf', { shown, total: result.totalCount, query: result.query })
          : t('list.countFor', { count: shown, query: result.query })}
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
          {loadingMore ? t('common.loading') : t('list.showMore')}
        </button>
      )}
    </section>
  );
}
