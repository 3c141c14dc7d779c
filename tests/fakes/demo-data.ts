/**
 * Demo and test data for the fake Re:amaze: two brands, realistic conversations and the values
 * the tests and `npm run demo` name (DEMO). Times are fixed, so every run sees the same data.
 */

/** Fields the API never shows, used by the fake to answer the lookup forms. */
export interface FakeConversation {
  dbId: number;
  refId: string;
  originId?: string;
  messages: MessageJson[];
  /** The conversation as the API returns it. */
  json: Record<string, unknown> & { slug: string; status: number; created_at: string };
}

export interface FakeBrand {
  name: string;
  /** Staff who may call the API, with their tokens. */
  users: { email: string; token: string; name: string }[];
  staff: Record<string, unknown>[];
  channels: ChannelJson[];
  conversations: FakeConversation[];
}

export interface FakeData {
  brands: Record<string, FakeBrand>;
}

type Person = { name: string | null; email: string | null };
type ChannelJson = { name: string; slug: string; email: string | null; channel: number } & Record<string, unknown>;
export type MessageJson = Record<string, unknown> & { body: string; visibility: number; created_at: string };

const BASE = Date.parse('2026-11-27T15:00:00.000Z');
const at = (hoursBefore: number) => new Date(BASE - hoursBefore * 3_600_000).toISOString();

const dana = { name: 'Dana Whitfield', email: 'dana@northwind.example' };
const sam = { name: 'Sam Ortega', email: 'sam@northwind.example' };
const maya = { name: 'Maya Chen', email: 'maya.chen@example.net' };
const leo = { name: 'Leo Brandt', email: 'leo.brandt@example.org' };
const bulk = { name: 'Bulk Buyer Ltd', email: 'orders@bulkbuyer.example' };
const mallory = { name: '<script>window.hacked=3</script>Mallory <b>Bold</b>', email: 'mallory@example.com' };

const channels = {
  support: { name: 'Support', slug: 'support', email: 'support@northwind.example', channel: 1 },
  chat: { name: 'Website Chat', slug: 'northwind-chat', email: 'northwind-chat@northwind.reamaze.com', channel: 6 },
  amazon: { name: 'Amazon US', slug: 'amazon-us', email: 'amazon-us@northwind.reamaze.com', channel: 1 },
  ebay: { name: 'eBay', slug: 'ebay', email: 'ebay@northwind.reamaze.com', channel: 1 },
} satisfies Record<string, ChannelJson>;

interface Draft {
  slug: string;
  subject: string | null;
  status: number;
  channel: ChannelJson;
  customer: Person;
  assignee?: Person | null;
  tags?: string[];
  data?: Record<string, string>;
  dbId: number;
  refId: string;
  originId?: string;
  holdUntil?: string;
  /** Oldest first: [hours before BASE, who, body, internal note?] */
  thread: [number, 'customer' | 'staff', string, boolean?][];
}

function conversation(brand: string, draft: Draft): FakeConversation {
  const staff = draft.assignee ?? sam;
  const category = { ...draft.channel };
  const summary = { subject: draft.subject, slug: draft.slug, created_at: at(draft.thread[0]![0]), category };
  const messages: MessageJson[] = draft.thread
    .map(([hours, who, body, note], index) => ({
      body,
      visibility: note ? 1 : 0,
      origin: note ? 7 : draft.channel.channel === 6 ? 0 : 1,
      origin_id: `${draft.slug}-${index}`,
      created_at: at(hours),
      user: who === 'customer' ? { ...draft.customer, 'staff?': false } : { ...staff, 'staff?': true },
      recipients: [],
      attachments: [],
      conversation: summary,
    }))
    .reverse();
  const last = (who: boolean) => {
    const found = messages.find((m) => m.visibility === 0 && (m.user as { 'staff?': boolean })['staff?'] === who);
    return found ? { body: found.body, created_at: found.created_at } : null;
  };
  return {
    dbId: draft.dbId,
    refId: draft.refId,
    originId: draft.originId,
    messages,
    json: {
      subject: draft.subject,
      display_subject: draft.subject ?? 'Chat conversation',
      slug: draft.slug,
      status: draft.status,
      origin: draft.channel.channel === 6 ? 0 : 1,
      created_at: summary.created_at,
      updated_at: messages[0]!.created_at,
      hold_until: draft.holdUntil ?? null,
      perma_url: `https://${brand}.reamaze.com/perma?token=${draft.slug}`,
      message_count: messages.length,
      readOnly: false,
      tag_list: draft.tags ?? [],
      message: { body: draft.thread[0]![2] },
      last_customer_message: last(false),
      last_staff_message: last(true),
      author: { ...draft.customer, id: draft.dbId + 7 },
      assignee: draft.assignee === undefined ? sam : draft.assignee,
      category,
      data: draft.data ?? {},
      followers: [{ ...draft.customer, 'staff?': false, 'customer?': true, 'bot?': false }],
    },
  };
}

const bulkConversations: Draft[] = Array.from({ length: 35 }, (_, i) => ({
  slug: `bulk-order-${2001 + i}`,
  subject: `Wholesale order #${2001 + i}`,
  status: i % 3 === 0 ? 2 : 0,
  channel: channels.support,
  customer: bulk,
  tags: ['wholesale'],
  dbId: 700_000 + i,
  refId: `3${String(100 + i)}-4400`,
  thread: [[300 - i * 5, 'customer', `Please confirm wholesale order #${2001 + i}.`]],
}));

const northwindDrafts: Draft[] = [
  {
    slug: 'where-is-order-1042',
    subject: 'Where is my order #1042?',
    status: 1,
    channel: channels.support,
    customer: maya,
    assignee: dana,
    tags: ['shipping', 'shopify'],
    data: { 'Order Number': '#1042' },
    dbId: 918_001,
    refId: '4815-1042',
    thread: [
      [50, 'customer', 'Hi, I ordered a kettle last week (order #1042) and tracking has not moved since Friday.'],
      [26, 'staff', 'Courier says the parcel is stuck at the depot; trace ref TR-55120.', true],
      [24, 'staff', '<p>I have opened a trace with the courier and will update you <b>by tomorrow</b>.</p>'],
      [3, 'customer', 'Thanks, any update on the courier?'],
    ],
  },
  {
    slug: 'return-label-for-order-0977',
    subject: 'Return label for order #0977',
    status: 4,
    channel: channels.chat,
    customer: maya,
    assignee: null,
    tags: ['returns'],
    dbId: 918_002,
    refId: '4815-0977',
    thread: [
      [900, 'customer', 'Can I get a prepaid return label?'],
      [899, 'staff', 'Here it is: the label is attached to your order page.'],
      [898, 'customer', 'Got it, thank you!'],
    ],
  },
  {
    slug: 'damaged-kettle-on-arrival',
    subject: 'Kettle arrived damaged',
    status: 0,
    channel: channels.support,
    customer: maya,
    assignee: null,
    tags: ['damaged', 'refund'],
    dbId: 918_003,
    refId: '4815-1107',
    thread: [[5, 'customer', 'The lid of my kettle is cracked. Can I get a replacement?']],
  },
  {
    slug: 'gift-wrap-question',
    subject: 'Can you gift-wrap my order?',
    status: 2,
    channel: channels.support,
    customer: leo,
    dbId: 918_273,
    refId: '5530-1190',
    thread: [
      [200, 'customer', 'Is gift wrapping available?'],
      [190, 'staff', 'Yes, we have added it to your order.'],
    ],
  },
  {
    slug: 'refund-now-please',
    subject: '<img src=x onerror="window.hacked=1">Refund <b>now</b><script>window.hacked=2</script>',
    status: 0,
    channel: channels.support,
    customer: mallory,
    dbId: 918_004,
    refId: '6660-0001',
    thread: [[8, 'customer', '<img src=x onerror="window.hacked=4"><a href="javascript:window.hacked=5">click</a> I want a refund']],
  },
  {
    slug: 'amazon-order-113-1234567',
    subject: 'Question about Amazon order 113-1234567-1234567',
    status: 5,
    holdUntil: at(-48),
    channel: channels.amazon,
    customer: { name: 'Priya N.', email: 'x7k2m9q4@marketplace.amazon.com' },
    tags: ['amazon'],
    dbId: 918_005,
    refId: '7001-3311',
    originId: '113-1234567-1234567',
    thread: [[30, 'customer', 'When will my order ship?']],
  },
  {
    slug: 'ebay-item-not-received',
    subject: 'Item not received',
    status: 12,
    channel: channels.ebay,
    customer: { name: 'ebay_buyer_42', email: null },
    tags: ['ebay'],
    dbId: 918_006,
    refId: '7001-4420',
    originId: '27-11234-55667',
    thread: [[12, 'customer', 'My item has not arrived yet.']],
  },
  {
    slug: 'chat-with-visitor',
    subject: null,
    status: 1,
    channel: channels.chat,
    customer: { name: null, email: 'visitor-8841@example.com' },
    dbId: 918_007,
    refId: '7001-5530',
    thread: [
      [2, 'customer', 'Do you ship to Canada?'],
      [1, 'staff', 'We do, in 5 to 7 business days.'],
    ],
  },
  ...bulkConversations,
];

const staffJson = (person: { name: string; email: string }, hours: number, admin: boolean) => ({
  ...person,
  display_name: person.name,
  notification_email: person.email,
  created_at: at(hours),
  role: { id: admin ? 1 : 2, name: admin ? 'Admin' : 'Agent', description: null, 'admin?': admin, 'default?': !admin, permissions: {} },
});

export const DEMO = {
  brand: 'northwind',
  login: { email: dana.email, token: 'nw-demo-token-5f2c9a81', name: dana.name },
  wrongToken: 'nw-wrong-token-000000',
  conversation: {
    slug: 'where-is-order-1042',
    refId: '4815-1042',
    subject: 'Where is my order #1042?',
    /** What its card shows besides the subject. */
    shows: ['Responded', 'Support', 'Maya Chen', 'maya.chen@example.net', 'Dana Whitfield', 'shipping', 'shopify', 'Thanks, any update on the courier?'],
  },
  dbIdLookup: { dbId: 918_273, subject: 'Can you gift-wrap my order?' },
  customer: { email: maya.email, conversationCount: 3 },
  bulkCustomer: { email: bulk.email, conversationCount: 35 },
  unknownEmail: 'nobody@example.net',
  hostile: { slug: 'refund-now-please' },
  amazon: { originId: '113-1234567-1234567', channel: 'amazon-us' },
  otherBrand: { brand: 'southwind', email: 'sol@southwind.example', token: 'sw-demo-token-77ab310c' },
} as const;

export const demoData: FakeData = {
  brands: {
    northwind: {
      name: 'Northwind Goods',
      users: [DEMO.login, { ...sam, token: 'nw-sam-token-19d0e4aa' }],
      staff: [staffJson(dana, 9000, true), staffJson(sam, 8000, false)],
      channels: Object.values(channels),
      conversations: northwindDrafts.map((draft) => conversation('northwind', draft)),
    },
    southwind: {
      name: 'Southwind Outdoors',
      users: [{ email: DEMO.otherBrand.email, token: DEMO.otherBrand.token, name: 'Sol Reyes' }],
      staff: [staffJson({ name: 'Sol Reyes', email: DEMO.otherBrand.email }, 5000, true)],
      channels: [{ name: 'Help', slug: 'help', email: 'help@southwind.example', channel: 1 }],
      conversations: [
        conversation('southwind', {
          slug: 'tent-pole-replacement',
          subject: 'Tent pole replacement',
          status: 0,
          channel: { name: 'Help', slug: 'help', email: 'help@southwind.example', channel: 1 },
          customer: maya,
          dbId: 30_001,
          refId: '9001-0001',
          thread: [[10, 'customer', 'One of my tent poles snapped.']],
        }),
      ],
    },
  },
};
