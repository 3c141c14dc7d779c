import type { ComponentChildren } from 'preact';
import type { ConversationSummary } from '@/lib/lookup/summary';
import { htmlToText, truncate } from './html-text';
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
  const { subject, customer, lastMessage } = conversation;
  const title = subject?.trim() || '(no subject)';
  const customerText = customer
    ? [customer.name, customer.email && `<${customer.email}>`].filter(Boolean).join(' ')
    : 'Unknown customer';

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
          {conversation.statusLabel}
        </span>
      </header>
      <dl class="facts">
        <dt>Channel</dt>
        <dd>{conversation.channel ?? 'Unknown channel'}</dd>
        <dt>Customer</dt>
        <dd>{customerText}</dd>
        <dt>Assignee</dt>
        <dd>{conversation.assignee ?? 'Unassigned'}</dd>
        {conversation.tags.length > 0 && (
          <>
            <dt>Tags</dt>
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
          <span class="preview-from">{lastMessage.from === 'staff' ? 'Staff' : 'Customer'}:</span>{' '}
          {truncate(htmlToText(lastMessage.body), PREVIEW_LENGTH)}
        </p>
      )}
      {children}
      <footer class="card-footer">
        <span class="changed">
          Updated{' '}
          <RelativeTime iso={conversation.updatedAt ?? lastMessage?.at ?? conversation.createdAt} />
        </span>
        <a href={conversation.url} target="_blank" rel="noopener noreferrer">
          Open in Re:amaze
        </a>
      </footer>
    </article>
  );
}
