import { z } from 'zod';
import type { Conversation } from '../api/schemas';
import { adminConversationUrl } from '../api/client';

/** The part of a conversation the UI shows; built in the background, parsed again by the page. */
export const ConversationSummarySchema = z.object({
  slug: z.string(),
  subject: z.string().nullable(),
  status: z.number().int(),
  channel: z.string().nullable(),
  customer: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  assignee: z.string().nullable(),
  tags: z.array(z.string()),
  /** The newest of the last customer and last staff message; its body may hold HTML. */
  lastMessage: z
    .object({ body: z.string(), at: z.string(), from: z.enum(['customer', 'staff']) })
    .nullable(),
  lastCustomerMessage: z.object({ body: z.string(), at: z.string() }).nullable(),
  lastStaffMessage: z.object({ body: z.string(), at: z.string() }).nullable(),
  followers: z.array(z.string()),
  /** Custom data, values as text. */
  data: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  url: z.url(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

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
