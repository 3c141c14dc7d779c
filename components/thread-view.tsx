import { useMemo, useState } from 'preact/hooks';
import type { Thread, ThreadMessage } from '@/lib/lookup/schemas';
import { useI18n } from './i18n';
import { RelativeTime } from './relative-time';
import { sanitizeMessageHtml } from './sanitize';

/** A conversation's messages, newest first, internal notes marked. Bodies are sanitised HTML. */
export function ThreadView({ thread }: { thread: Thread }) {
  const { t } = useI18n();
  if (thread.messages.length === 0) return <p class="empty">{t('thread.empty')}</p>;
  return (
    <ol class="thread" aria-label={t('thread.label')}>
      {thread.messages.map((message, index) => (
        <li key={`${message.at}-${index}`} class={message.internal ? 'message note' : 'message'}>
          <header class="message-header">
            <strong>{message.author}</strong>
            {message.internal && <span class="note-label">{t('thread.internalNote')}</span>}
            <RelativeTime iso={message.at} />
          </header>
          <MessageBody body={message.body} />
          {message.attachments.length > 0 && (
            <ul class="attachments" aria-label={t('thread.attachments')}>
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

/**
 * One message's HTML. Remote images and media stay out until the agent asks for them, message by
 * message: loading one tells its sender that the message was read, when, and from which address.
 */
function MessageBody({ body }: { body: ThreadMessage['body'] }) {
  const { t } = useI18n();
  const [loadMedia, setLoadMedia] = useState(false);
  const { html, blockedMedia } = useMemo(
    () => sanitizeMessageHtml(body, { loadMedia }),
    [body, loadMedia],
  );
  return (
    <>
      {blockedMedia > 0 && (
        <p class="blocked-media">
          {t('thread.imagesBlocked')}{' '}
          <button type="button" class="link" onClick={() => setLoadMedia(true)}>
            {t('thread.loadImages')}
          </button>
        </p>
      )}
      <div class="message-body" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
