import { VISIBILITY, type Message } from '../api/schemas';
import type { ThreadMessage } from './schemas';

/** A Re:amaze message as the thread shows it: who wrote it, when, and only web attachments. */
export function toThreadMessage(message: Message): ThreadMessage {
  const staff = message.user['staff?'] === true;
  return {
    body: message.body,
    internal: message.visibility === VISIBILITY.internalNote,
    author: message.user.name || message.user.email || (staff ? 'Staff' : 'Customer'),
    staff,
    at: message.created_at,
    attachments: (message.attachments ?? []).flatMap((attachment) =>
      /^https?:\/\//.test(attachment.url)
        ? [{ name: attachment.file_file_name, url: attachment.url }]
        : [],
    ),
  };
}
