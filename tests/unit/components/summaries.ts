import type { ConversationSummary } from '@/lib/lookup/summary';
import type { LookupResult } from '@/lib/lookup/schemas';

export function summary(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    slug: 'where-is-order-1042',
    subject: 'Where is my order #1042?',
    status: 1,
    channel: 'Support',
    customer: { name: 'Dana Whitfield', email: 'dana.whitfield@example.net' },
    assignee: 'Sam Ortega',
    tags: ['shipping', 'shopify'],
    lastMessage: {
      body: '<p>Thanks — any <b>update</b>?</p>',
      at: '2024-03-04T10:40:51.902-05:00',
      from: 'customer',
    },
    lastCustomerMessage: {
      body: '<p>Thanks — any <b>update</b>?</p>',
      at: '2024-03-04T10:40:51.902-05:00',
    },
    lastStaffMessage: null,
    followers: ['Dana Whitfield'],
    data: { 'Order Number': '#1042' },
    createdAt: '2024-03-04T09:15:22.481-05:00',
    updatedAt: '2024-03-04T11:02:07.113-05:00',
    url: 'https://northwind.reamaze.com/admin/conversations/where-is-order-1042',
    ...overrides,
  };
}

export function lookupResult(
  overrides: Partial<Omit<LookupResult, 'conversations'>> & {
    conversations?: ConversationSummary[];
  } = {},
): LookupResult {
  const { conversations = [summary()], ...rest } = overrides;
  return {
    brand: 'northwind',
    query: 'where-is-order-1042',
    searched: 'order #where-is-order-1042',
    warnings: [],
    page: 1,
    pageCount: 1,
    totalCount: 1,
    ...rest,
    conversations: conversations.map((conversation) => ({ ...conversation, reasons: [] })),
  };
}
