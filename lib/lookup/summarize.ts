import type { Conversation } from '../api/schemas';
import { adminConversationUrl } from '../api/client';
import type { ConversationSummary } from './summary';

/**
 * A Re:amaze conversation as the UI shows it. The background's alone: it needs the API client,
 * which the pages, parsing summaries only (summary.ts), never load.
 */
export function summarizeConversation(
  conversation: Conversation,
  brand: string,
): ConversationSummary {
  const author = conversation.author ?? null;
  return {
    slug: conversation.slug,
    subject: conversation.subject ?? conversation.display_subject ?? null,
    status: conversation.status,
    channel: conversation.category?.name ?? null,
    customer: author ? { name: author.name ?? null, email: author.email ?? null } : null,
    assignee: conversation.assignee?.name ?? conversation.assignee?.email ?? null,
    tags: conversation.tag_list ?? [],
    lastMessage: lastMessageOf(conversation),
    lastCustomerMessage: excerpt(conversation.last_customer_message),
    lastStaffMessage: excerpt(conversation.last_staff_message),
    followers: (conversation.followers ?? [])
      .map((follower) => follower.name || follower.email)
      .filter((name): name is string => Boolean(name)),
    data: Object.fromEntries(
      Object.entries(conversation.data ?? {}).map(([key, value]) => [
        key,
        value === null ? '' : String(value),
      ]),
    ),
    createdAt: conversation.created_at,
    updatedAt: conversation.updated_at ?? null,
    url: adminConversationUrl(brand, conversation.slug),
  };
}

function excerpt(message: { body: string; created_at: string } | null | undefined) {
  return message ? { body: message.body, at: message.created_at } : null;
}

function lastMessageOf(conversation: Conversation): ConversationSummary['lastMessage'] {
  const candidates = [
    { message: conversation.last_customer_message, from: 'customer' as const },
    { message: conversation.last_staff_message, from: 'staff' as const },
  ].flatMap(({ message, from }) =>
    message?.body != null && message.created_at
      ? [{ body: message.body, at: message.created_at, from }]
      : [],
  );
  candidates.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return candidates[0] ?? null;
}
