import type { ComponentChildren } from 'preact';
import type { ConversationSummary } from '@/lib/lookup/summary';
import { htmlToText, truncate } from './html-text';
import { statusLabel } from '@/lib/api/labels';
import { fill, useI18n } from './i18n';
import { RelativeTime } from './relative-time';

const PREVIEW_LENGTH = 160;

/** One conversation. Every string from the API is rendered as text, never as HTML. */
export function ConversationCard({
  conversation,
  children,
  keysHint,
}: {
  conversation: ConversationSummary;
  /** More about the conversation, shown before the footer (the sidebar's details). */
  children?: ComponentChildren;
  /** Makes the card focusable, described by the element with this id (the popup's key help). */
  keysHint?: string;
}) {
  const { t } = useI18n();
  const { subject, customer, lastMessage } = conversation;
  const title = subject?.trim() || t('common.noSubject');
  const customerText = customer
    ? [customer.name, customer.email && `<${customer.email}>`].filter(Boolean).join(' ')
    : t('card.unknownCustomer');

  return (
    <article
      class="card"
      aria-label={title}
      data-slug={conversation.slug}
      // A focusable card in the popup: arrow keys move between cards, Enter opens, C copies.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={keysHint ? 0 : undefined}
      aria-describedby={keysHint}
    >
      <header class="card-header">
        <h3 class="card-title">{title}</h3>
        <span class="status" data-status={conversation.status}>
          {statusLabel(t, conversation.status)}
        </span>
      </header>
      <dl class="facts">
        <dt>{t('card.channel')}</dt>
        <dd>{conversation.channel ?? t('card.unknownChannel')}</dd>
        <dt>{t('card.customer')}</dt>
        <dd>{customerText}</dd>
        <dt>{t('card.assignee')}</dt>
        <dd>{conversation.assignee ?? t('card.unassigned')}</dd>
        {conversation.tags.length > 0 && (
          <>
            <dt>{t('card.tags')}</dt>
            <dd>
              <ul class="tags">
                {conversation.tags.map((tag) => (
                  <li key={tag}>{tag}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {lastMessage && (
        <p class="preview">
          <span class="preview-from">
            {lastMessage.from === 'staff' ? t('card.fromStaff') : t('card.fromCustomer')}
          </span>{' '}
          {truncate(htmlToText(lastMessage.body), PREVIEW_LENGTH)}
        </p>
      )}
      {children}
      <footer class="card-footer">
        <span class="changed">
          {fill(t('card.updated'), {
            time: (
              <RelativeTime
                iso={conversation.updatedAt ?? lastMessage?.at ?? conversation.createdAt}
              />
            ),
          })}
        </span>
        <a href={conversation.url} target="_blank" rel="noopener noreferrer">
          {t('common.openInReamaze')}
        </a>
      </footer>
    </article>
  );
}
