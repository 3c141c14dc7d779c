import type { Thread } from '@/lib/lookup/schemas';
import { RelativeTime } from './relative-time';
import { sanitizeMessageHtml } from './sanitize';

/** A conversation's messages, newest first, internal notes marked. Bodies are sanitised HTML. */
export function ThreadView({ thread }: { thread: Thread }) {
  if (thread.messages.length === 0) return <p class="empty">This conversation has no messages.</p>;
  return (
    <ol class="thread" aria-label="Messages, newest first">
      {thread.messages.map((message, index) => (
        <li key={`${message.at}-${index}`} class={message.internal ? 'message note' : 'message'}>
          <header class="message-header">
            <strong>{message.author}</strong>
            {message.internal && <span class="note-label">Internal note</span>}
            <RelativeTime iso={message.at} />
          </header>
          <div
            class="message-body"
            dangerouslySetInnerHTML={{ __html: sanitizeMessageHtml(message.body) }}
          />
          {message.attachments.length > 0 && (
            <ul class="attachments" aria-label="Attachments">
              {message.attachments.map((attachment) => (
                <li key={attachment.url}>
                  <a href={attachment.url} target="_blank" rel="noopener noreferrer">
                    {attachment.name}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
