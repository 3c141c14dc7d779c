import { vi } from 'vitest';
import type { ActionServices } from '@/components/action-services';
import type { ConversationTools, Draft, NewConversationForm } from '@/lib/actions/schemas';
import type { ThreadMessage } from '@/lib/lookup/schemas';
import { summary } from './summaries';

export const ref = { brand: 'northwind', slug: 'where-is-order-1042' };

export function draft(overrides: Partial<Draft> = {}): Draft {
  return {
    body: '',
    visibility: 'reply',
    suppressNotifications: false,
    suppressAutoresolve: false,
    originId: 'origin-1',
    attempts: 0,
    updatedAt: 1,
    ...overrides,
  };
}

export function tools(overrides: Partial<ConversationTools> = {}): ConversationTools {
  return { draft: null, undoSeconds: 5, activity: [], knownTags: ['vip', 'refund'], ...overrides };
}

export const sentMessage: ThreadMessage = {
  body: 'On its way.',
  internal: false,
  author: 'Sam Ortega',
  staff: true,
  at: '2026-11-27T12:30:00Z',
  attachments: [],
};

export const formDefaults: NewConversationForm = {
  brand: 'northwind',
  customerEmail: 'maya.chen@example.net',
  customerName: 'Maya Chen',
  subject: 'Order #1042',
  channel: 'email-support',
  channels: [
    { slug: 'chat', name: 'Chat' },
    { slug: 'email-support', name: 'Support email' },
  ],
  data: { 'Order Number': '#1042' },
  draftKey: 'new:1042',
};

/** Every action answered as a working background would; override one to make it fail. */
export function actionServices(overrides: Partial<ActionServices> = {}): ActionServices {
  return {
    getConversationTools: vi.fn(async () => ({ ok: true as const, data: tools() })),
    saveDraft: vi.fn(async (_ref, input) => ({ ok: true as const, data: draft(input) })),
    discardDraft: vi.fn(async () => ({ ok: true as const, data: {} })),
    sendDraft: vi.fn(async () => ({
      ok: true as const,
      data: {
        message: sentMessage,
        alreadySent: false,
        editedDraftKept: false,
        conversation: null,
      },
    })),
    updateConversation: vi.fn(async (_ref, change) => ({
      ok: true as const,
      data: {
        conversation: summary(
          change.kind === 'status'
            ? { status: change.status }
            : change.kind === 'tags'
              ? { tags: change.tags }
              : {},
        ),
      },
    })),
    getActivity: vi.fn(async () => ({ ok: true as const, data: [] })),
    listStaff: vi.fn(async () => ({
      ok: true as const,
      data: [
        { name: 'Sam Ortega', email: 'sam@northwind.example' },
        { name: 'Ada Park', email: 'ada@northwind.example' },
      ],
    })),
    listTemplates: vi.fn(async () => ({
      ok: true as const,
      data: [
        {
          id: 't1',
          name: 'Shipping update',
          body: 'Hi {customer_first_name}, order {order_number} ships today. {customer_name}',
          group: null,
        },
      ],
    })),
    getNewConversationForm: vi.fn(async () => ({ ok: true as const, data: formDefaults })),
    createConversation: vi.fn(async () => ({
      ok: true as const,
      data: {
        conversation: { ...summary({ slug: 'new-one', subject: 'Order #1042' }), reasons: [] },
      },
    })),
    ...overrides,
  };
}
