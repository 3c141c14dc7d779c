/**
 * Demo and test data for the fake Re:amaze (tests/fakes/reamaze-server.ts): two brands with
 * realistic, varied conversations, and the values tests and `npm run demo` refer to (DEMO).
 * Every time is relative to a fixed BASE, so each run sees the same data. Shapes follow the
 * objects and examples of the public API documentation (see lib/api/schemas.ts).
 */

// ---------------------------------------------------------------------------------------------
// The values tests use. Each one is checked against the data below in
// tests/unit/fakes/reamaze-server.test.ts.

export const DEMO = {
  brand: 'northwind',
  /** The staff user whose token the demo uses: "Connected to northwind as Dana Whitfield". */
  login: {
    email: 'dana@northwind.example',
    token: 'nw-demo-token-5f2c9a81',
    name: 'Dana Whitfield',
  },
  wrongToken: 'nw-wrong-token-000000',
  /** A second northwind user with an API token of its own (a separate rate-limit count). */
  secondLogin: {
    email: 'sam@northwind.example',
    token: 'nw-sam-token-19d0e4aa',
    name: 'Sam Ortega',
  },
  conversation: {
    slug: 'where-is-order-1042',
    /** Its reference id: the order number, so a detected "#1042" finds it with id_type=ref. */
    refId: '1042',
    subject: 'Where is my order #1042?',
    /** What its card shows besides the subject. */
    shows: [
      'Pending',
      'Support',
      'Maya Chen',
      'maya.chen@example.net',
      'Dana Whitfield',
      'shipping',
      'shopify',
      'Thanks, any update on the courier?',
    ],
    /** Custom data stored on it, for `data[key]=value` lookups. */
    data: { key: 'Order Number', value: '#1042' },
    /** Its thread holds this many messages, one of them an internal note. */
    messageCount: 4,
    internalNote: 'Courier says the parcel is stuck at the depot; trace ref TR-55120.',
  },
  /** A database id that is no reference id or slug: found only by the fallback without id_type. */
  dbIdLookup: { dbId: 918_273, slug: 'gift-wrap-question', subject: 'Can you gift-wrap my order?' },
  /** A customer with three conversations, one of them archived (status 4), plus one in southwind. */
  customer: {
    email: 'maya.chen@example.net',
    name: 'Maya Chen',
    ssoId: 'shopify-7120043311',
    conversationCount: 3,
    archivedSlug: 'return-label-for-order-0977',
  },
  /** A customer with more conversations than one page (30) holds. */
  bulkCustomer: { email: 'orders@bulkbuyer.example', conversationCount: 35 },
  unknownEmail: 'nobody@example.net',
  unassigned: { slug: 'damaged-kettle-on-arrival' },
  /** Subject, body, customer name and custom data carry markup that must never run. */
  hostile: { slug: 'refund-now-please', customerEmail: 'mallory@example.com' },
  amazon: {
    originId: '113-1234567-1234567',
    channel: 'amazon-us',
    slug: 'amazon-order-113-1234567',
  },
  ebay: { originId: '1459872301', channel: 'ebay', slug: 'ebay-item-not-received' },
  /** A chat whose subject is null. */
  chat: { slug: 'chat-with-visitor', channel: 'northwind-chat' },
  /** Status 12, which no documented table names. */
  unknownStatus: { slug: 'ebay-item-not-received', status: 12 },
  onHold: { slug: 'amazon-order-113-1234567' },
  /** A staff-started thread: no customer message yet. */
  outbound: { slug: 'backorder-notice-kettle' },
  /** A thread longer than one page of messages. */
  longThread: { slug: 'warranty-claim-toaster', messageCount: 36 },
  /** Canned replies of northwind; `q=refund` matches two of them (one by name, one by body). */
  responseTemplates: {
    count: 5,
    shippingDelayId: 31_001,
    shippingDelayName: 'Shipping delay',
    refundMatches: ['Damaged item', 'Refund issued'],
  },
  otherBrand: {
    brand: 'southwind',
    email: 'sol@southwind.example',
    token: 'sw-demo-token-77ab310c',
    name: 'Sol Reyes',
    slug: 'tent-pole-replacement',
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Types: what the API shows, and the fake's hidden bookkeeping.

export type CustomData = Record<string, string>;

/** An author or assignee (4.1, user fields as in 5.1). */
export interface UserJson {
  id: number;
  name: string | null;
  email: string | null;
  friendly_name: string | null;
  display_name: string | null;
  mobile: string | null;
  twitter: string | null;
  facebook: string | null;
  instagram: string | null;
  data: CustomData;
}

export interface FollowerJson {
  id: number;
  name: string | null;
  email: string | null;
  'staff?': boolean;
  'customer?': boolean;
  'bot?': boolean;
}

/** A conversation's channel as embedded in conversations and messages. */
export interface CategoryJson {
  name: string;
  slug: string;
  email: string | null;
  channel: number;
}

/** A channel as GET /channels returns it, as third-party clients know it (no official example). */
export interface ChannelJson extends CategoryJson {
  created_at: string;
  updated_at: string;
  visibility: 0 | 1;
  spam_filter_enabled: boolean;
  reply_from_origin: boolean;
  verified: boolean;
  verification_email: string | null;
  last_verified: string | null;
  settings_reply_from_name: 'channel' | 'brand' | 'staff';
  settings_signature: string | null;
  brand: { name: string; url: string };
}

export interface ExcerptJson {
  body: string;
  created_at: string;
}

export interface AttachmentJson {
  file_file_name: string;
  file_content_type: string;
  file_file_size: number;
  thumb_url: string;
  url: string;
  'image?': boolean;
}

/** A message as GET .../messages returns it (4.2, 5.3). */
export interface MessageJson {
  body: string;
  visibility: 0 | 1;
  origin: number;
  origin_id?: string;
  created_at: string;
  user: { name: string | null; email: string | null; 'staff?': boolean };
  recipients: { name: string | null; email: string | null }[];
  attachments: AttachmentJson[];
  conversation: {
    subject: string | null;
    slug: string;
    created_at: string;
    category: CategoryJson;
  };
}

export interface StaffJson {
  name: string;
  email: string;
  display_name: string;
  notification_email: string;
  created_at: string;
  role: {
    id: number | null;
    name: string;
    description: string | null;
    'admin?': boolean;
    'default?': boolean;
    permissions: Record<string, unknown>;
  };
}

/** A conversation as GET /conversations/{slug} returns it (4.1, 5.1). */
export interface ConversationJson {
  subject: string | null;
  display_subject: string;
  slug: string;
  status: number;
  origin: number;
  created_at: string;
  updated_at: string;
  hold_until: string | null;
  perma_url: string;
  message_count: number;
  readOnly: boolean;
  tag_list: string[];
  message: { body: string; origin_id?: string };
  last_customer_message: ExcerptJson | null;
  last_staff_message: ExcerptJson | null;
  author: UserJson;
  assignee: UserJson | null;
  category: CategoryJson;
  data: CustomData;
  followers: FollowerJson[];
}

/** What the fake knows about a conversation but the API never shows as such. */
export interface HiddenConversationFields {
  /** The numeric database id, found by GET /conversations/{id} without id_type. */
  dbId: number;
  /** The reference id, found with id_type=ref. */
  refId: string;
  /** The marketplace/channel thread id, found with id_type=origin inside its channel. */
  originId?: string;
  /** The author's SSO id, matched by `for_id`. */
  authorSsoId?: string;
  /** The whole thread, in any order (the fake sorts it). */
  messages: MessageJson[];
}

export type FakeConversation = ConversationJson & HiddenConversationFields;

/** A staff user allowed to call the API: login email and API token. */
export interface FakeUser {
  email: string;
  token: string;
  name: string;
}

/** A canned reply as GET /response_templates shows it. */
export interface ResponseTemplateJson {
  id: number;
  name: string;
  body: string;
  response_template_group: { id: number; name: string };
}

export interface FakeBrand {
  name: string;
  users: FakeUser[];
  staff: StaffJson[];
  channels: ChannelJson[];
  conversations: FakeConversation[];
  responseTemplates: ResponseTemplateJson[];
}

/** Brands by subdomain: `northwind` answers at northwind.reamaze.io. */
export interface FakeData {
  brands: Record<string, FakeBrand>;
}

// ---------------------------------------------------------------------------------------------
// Builders.

const BASE = Date.parse('2026-11-27T15:00:00.000Z');
const HOUR = 3_600_000;

/** Re:amaze shows times with milliseconds and the brand's UTC offset, e.g. `…T10:00:00.000-05:00`. */
function timestamp(hoursBefore: number, offsetMinutes: number): string {
  const instant = BASE - Math.round(hoursBefore * HOUR);
  if (offsetMinutes === 0) return new Date(instant).toISOString();
  const local = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

interface BrandContext {
  subdomain: string;
  name: string;
  utcOffsetMinutes: number;
}

interface Customer {
  id: number;
  name: string | null;
  email: string | null;
  ssoId?: string;
  mobile?: string;
  data?: CustomData;
}

interface Agent {
  id: number;
  name: string;
  email: string;
}

interface Turn {
  hoursBefore: number;
  /** 'customer' or the staff member who wrote it. */
  from: 'customer' | Agent;
  body: string;
  note?: boolean;
  attachments?: AttachmentJson[];
}

interface Draft {
  slug: string;
  subject: string | null;
  status: number;
  channel: ChannelJson;
  customer: Customer;
  assignee: Agent | null;
  tags?: string[];
  data?: CustomData;
  dbId: number;
  refId: string;
  originId?: string;
  /** On-hold conversations: hours before BASE (negative = in the future). */
  holdUntilHoursBefore?: number;
  /** A status change after the last message (e.g. archiving) moves updated_at here. */
  changedHoursBefore?: number;
  /** Conversation origin when it differs from the channel's (16 = staff outbound). */
  origin?: number;
  /** Oldest first. */
  thread: Turn[];
}

const fromCustomer = (hoursBefore: number, body: string, attachments?: AttachmentJson[]): Turn => ({
  hoursBefore,
  from: 'customer',
  body,
  attachments,
});
const reply = (agent: Agent, hoursBefore: number, body: string): Turn => ({
  hoursBefore,
  from: agent,
  body,
});
const internalNote = (agent: Agent, hoursBefore: number, body: string): Turn => ({
  hoursBefore,
  from: agent,
  body,
  note: true,
});

const CHAT_CHANNEL_TYPE = 6;
/** Message origin for ordinary messages in a channel: chat or email. */
const originOf = (channel: CategoryJson) => (channel.channel === CHAT_CHANNEL_TYPE ? 0 : 1);
const API_ORIGIN = 7;

function userJson(person: Customer | Agent): UserJson {
  const friendly = person.name?.split(' ')[0] ?? null;
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    friendly_name: friendly,
    display_name: person.name,
    mobile: 'mobile' in person ? (person.mobile ?? null) : null,
    twitter: null,
    facebook: null,
    instagram: null,
    data: 'data' in person ? (person.data ?? {}) : {},
  };
}

/** A follower as the API lists them: a staff member or the customer. */
export function followerJson(
  person: { id: number; name: string | null; email: string | null },
  staff: boolean,
): FollowerJson {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    'staff?': staff,
    'customer?': !staff,
    'bot?': false,
  };
}

function categoryOf(channel: ChannelJson): CategoryJson {
  return { name: channel.name, slug: channel.slug, email: channel.email, channel: channel.channel };
}

function buildConversation(brand: BrandContext, draft: Draft): FakeConversation {
  const at = (hoursBefore: number) => timestamp(hoursBefore, brand.utcOffsetMinutes);
  const category = categoryOf(draft.channel);
  const first = draft.thread[0]!;
  const createdAt = at(first.hoursBefore);
  const summary = { subject: draft.subject, slug: draft.slug, created_at: createdAt, category };
  const emailed = originOf(category) === 1;

  const messages: MessageJson[] = draft.thread.map((turn, index) => {
    const sender = turn.from === 'customer' ? draft.customer : turn.from;
    return {
      body: turn.body,
      visibility: turn.note ? 1 : 0,
      origin: turn.note ? API_ORIGIN : originOf(category),
      // Email messages carry their Message-ID; chat messages and notes have none.
      ...(emailed && !turn.note
        ? { origin_id: `<${draft.slug}.${index}@mail.${brand.subdomain}.example>` }
        : {}),
      created_at: at(turn.hoursBefore),
      user: { name: sender.name, email: sender.email, 'staff?': turn.from !== 'customer' },
      recipients:
        emailed && !turn.note && turn.from !== 'customer'
          ? [{ name: draft.customer.name, email: draft.customer.email }]
          : [],
      attachments: turn.attachments ?? [],
      conversation: summary,
    };
  });

  const newestFirst = [...messages].reverse();
  const lastFrom = (staff: boolean): ExcerptJson | null => {
    const found = newestFirst.find((m) => m.visibility === 0 && m.user['staff?'] === staff);
    return found ? { body: found.body, created_at: found.created_at } : null;
  };
  const lastTurn = draft.thread[draft.thread.length - 1]!;
  const lastActivity = Math.min(lastTurn.hoursBefore, draft.changedHoursBefore ?? Infinity);
  const staffInThread = draft.thread.flatMap((turn) =>
    turn.from === 'customer' ? [] : [turn.from],
  );
  const staffFollowers = [
    ...new Map([draft.assignee, ...staffInThread].flatMap((a) => (a ? [[a.id, a]] : []))).values(),
  ];

  return {
    dbId: draft.dbId,
    refId: draft.refId,
    originId: draft.originId,
    authorSsoId: draft.customer.ssoId,
    messages,
    subject: draft.subject,
    display_subject: draft.subject ?? first.body.slice(0, 60),
    slug: draft.slug,
    status: draft.status,
    origin: draft.origin ?? originOf(category),
    created_at: createdAt,
    updated_at: at(lastActivity),
    hold_until: draft.holdUntilHoursBefore === undefined ? null : at(draft.holdUntilHoursBefore),
    perma_url: `https://${brand.subdomain}.reamaze.com/perma?token=${(draft.dbId * 7919).toString(36)}`,
    message_count: messages.length,
    readOnly: false,
    tag_list: draft.tags ?? [],
    message: {
      body: first.body,
      ...(messages[0]!.origin_id ? { origin_id: messages[0]!.origin_id } : {}),
    },
    last_customer_message: lastFrom(false),
    last_staff_message: lastFrom(true),
    author: userJson(draft.customer),
    assignee: draft.assignee ? userJson(draft.assignee) : null,
    category,
    data: draft.data ?? {},
    followers: [
      followerJson(draft.customer, false),
      ...staffFollowers.map((agent) => followerJson(agent, true)),
    ],
  };
}

function buildChannel(
  brand: BrandContext,
  fields: CategoryJson & { hoursBefore: number; verified?: boolean },
): ChannelJson {
  const at = (hoursBefore: number) => timestamp(hoursBefore, brand.utcOffsetMinutes);
  const emailChannel = fields.channel !== CHAT_CHANNEL_TYPE;
  return {
    name: fields.name,
    slug: fields.slug,
    email: fields.email,
    channel: fields.channel,
    created_at: at(fields.hoursBefore),
    updated_at: at(fields.hoursBefore / 3),
    visibility: 1,
    spam_filter_enabled: emailChannel,
    reply_from_origin: false,
    verified: fields.verified ?? emailChannel,
    verification_email: emailChannel ? fields.email : null,
    last_verified: emailChannel ? at(fields.hoursBefore / 2) : null,
    settings_reply_from_name: 'staff',
    settings_signature: emailChannel ? `The ${brand.name} team` : null,
    brand: { name: brand.name, url: `https://${brand.subdomain}.reamaze.io` },
  };
}

function buildStaff(
  brand: BrandContext,
  agent: Agent,
  hoursBefore: number,
  admin: boolean,
): StaffJson {
  return {
    name: agent.name,
    email: agent.email,
    display_name: agent.name,
    notification_email: agent.email,
    created_at: timestamp(hoursBefore, brand.utcOffsetMinutes),
    role: {
      id: admin ? 1 : null,
      name: admin ? 'Administrator' : 'Agent',
      description: admin ? 'Full access' : null,
      'admin?': admin,
      'default?': !admin,
      permissions: {
        'manage_staff?': admin,
        'access_reports?': admin,
        'reply_to_customers?': true,
        max_chats: 5,
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// northwind: the demo brand.

const northwind: BrandContext = {
  subdomain: 'northwind',
  name: 'Northwind Goods',
  utcOffsetMinutes: -300,
};

const dana: Agent = { id: 902_101, name: DEMO.login.name, email: DEMO.login.email };
const sam: Agent = { id: 902_114, name: DEMO.secondLogin.name, email: DEMO.secondLogin.email };
const priya: Agent = { id: 902_130, name: 'Priya Raman', email: 'priya@northwind.example' };

const maya: Customer = {
  id: 48_213_377,
  name: DEMO.customer.name,
  email: DEMO.customer.email,
  ssoId: DEMO.customer.ssoId,
  mobile: '+15555550142',
  data: {
    '(northwind-goods.myshopify.com) Order count': '3',
    '(northwind-goods.myshopify.com) Total spent': '214.50',
  },
};
const leo: Customer = { id: 48_220_014, name: 'Leo Brandt', email: 'leo.brandt@example.org' };
const bulkBuyer: Customer = {
  id: 48_230_990,
  name: 'Bulk Buyer Ltd',
  email: DEMO.bulkCustomer.email,
};
const mallory: Customer = {
  id: 48_266_601,
  name: '<script>window.hacked=3</script>Mallory <b>Bold</b><img src=x onerror=alert(1)>',
  email: DEMO.hostile.customerEmail,
};
const amazonBuyer: Customer = {
  id: 48_270_113,
  name: 'Priya N.',
  email: 'x7k2m9q4lw3r8t@marketplace.amazon.com',
};
const ebayBuyer: Customer = { id: 48_270_220, name: 'ebay_buyer_42', email: null };
const chatVisitor: Customer = { id: 48_280_001, name: null, email: 'visitor-8841@example.com' };

const northwindChannels = {
  support: buildChannel(northwind, {
    name: 'Support',
    slug: 'support',
    email: 'support@northwind.example',
    channel: 1,
    hoursBefore: 20_000,
  }),
  chat: buildChannel(northwind, {
    name: 'Website Chat',
    slug: DEMO.chat.channel,
    email: 'northwind-chat@northwind.reamaze.com',
    channel: CHAT_CHANNEL_TYPE,
    hoursBefore: 19_000,
  }),
  // Marketplace messages reach Re:amaze by email, so both are email channels.
  amazon: buildChannel(northwind, {
    name: 'Amazon US',
    slug: DEMO.amazon.channel,
    email: 'amazon-us@northwind.reamaze.com',
    channel: 1,
    hoursBefore: 15_000,
  }),
  ebay: buildChannel(northwind, {
    name: 'eBay',
    slug: DEMO.ebay.channel,
    email: 'ebay@northwind.reamaze.com',
    channel: 1,
    hoursBefore: 12_000,
    verified: false,
  }),
};

const trackingScreenshot: AttachmentJson = {
  file_file_name: 'tracking.png',
  file_content_type: 'image/png',
  file_file_size: 48_211,
  thumb_url: 'https://cdn.reamaze.example/att/918001/thumb/tracking.png',
  url: 'https://cdn.reamaze.example/att/918001/tracking.png',
  'image?': true,
};

const northwindDrafts: Draft[] = [
  {
    slug: DEMO.conversation.slug,
    subject: DEMO.conversation.subject,
    status: 1,
    channel: northwindChannels.support,
    customer: maya,
    assignee: dana,
    tags: ['shipping', 'shopify'],
    data: {
      [DEMO.conversation.data.key]: DEMO.conversation.data.value,
      'Shopify Order ID': '5523819086117',
    },
    dbId: 918_001,
    refId: DEMO.conversation.refId,
    thread: [
      fromCustomer(
        50.25,
        'Hi, I ordered a kettle last week (order #1042) and tracking has not moved since Friday.',
        [trackingScreenshot],
      ),
      internalNote(dana, 26.5, DEMO.conversation.internalNote),
      reply(
        dana,
        24.1,
        '<p>I have opened a trace with the courier and will update you <b>by tomorrow</b>.</p>',
      ),
      fromCustomer(3.2, 'Thanks, any update on the courier?'),
    ],
  },
  {
    slug: DEMO.customer.archivedSlug,
    subject: 'Return label for order #0977',
    status: 4,
    channel: northwindChannels.chat,
    customer: maya,
    assignee: null,
    tags: ['returns'],
    data: { 'Order Number': '#0977' },
    dbId: 918_002,
    refId: '4815-0977',
    changedHoursBefore: 100, // archived long after the last message
    thread: [
      fromCustomer(900.4, 'Can I get a prepaid return label?'),
      reply(sam, 899.7, 'Here it is: the label is attached to your order page.'),
      fromCustomer(898.9, 'Got it, thank you!'),
    ],
  },
  {
    slug: DEMO.unassigned.slug,
    subject: 'Kettle arrived damaged',
    status: 0,
    channel: northwindChannels.support,
    customer: maya,
    assignee: null,
    tags: ['damaged', 'refund'],
    data: { 'Order Number': '#1107' },
    dbId: 918_003,
    refId: '4815-1107',
    thread: [fromCustomer(5.6, 'The lid of my kettle is cracked. Can I get a replacement?')],
  },
  {
    slug: DEMO.dbIdLookup.slug,
    subject: DEMO.dbIdLookup.subject,
    status: 2,
    channel: northwindChannels.support,
    customer: leo,
    assignee: sam,
    tags: ['gift'],
    dbId: DEMO.dbIdLookup.dbId,
    refId: '5530-1190',
    thread: [
      fromCustomer(200.8, 'Is gift wrapping available?'),
      reply(sam, 190.3, 'Yes, we have added it to your order.'),
    ],
  },
  {
    slug: DEMO.hostile.slug,
    subject:
      '<img src=x onerror="window.hacked=1">Refund <b>now</b><script>window.hacked=2</script>',
    status: 0,
    channel: northwindChannels.support,
    customer: mallory,
    assignee: sam,
    tags: ['refund', '<i>urgent</i>'],
    data: { 'Order Number': '<img src=x onerror="window.hacked=6">' },
    dbId: 918_004,
    refId: '6660-0001',
    thread: [
      fromCustomer(
        8.3,
        '<img src=x onerror="window.hacked=4"><a href="javascript:window.hacked=5">click</a> I want a refund <script>alert(1)</script>',
      ),
    ],
  },
  {
    slug: DEMO.amazon.slug,
    subject: `Question about Amazon order ${DEMO.amazon.originId}`,
    status: 5,
    holdUntilHoursBefore: -48,
    channel: northwindChannels.amazon,
    customer: amazonBuyer,
    assignee: priya,
    tags: ['amazon'],
    data: { 'Amazon Order ID': DEMO.amazon.originId },
    dbId: 918_005,
    refId: '7001-3311',
    originId: DEMO.amazon.originId,
    thread: [
      fromCustomer(30.7, 'When will my order ship? It has been four days.'),
      reply(
        priya,
        29.9,
        'It ships on Monday once the restock arrives; I have put this on hold until then.',
      ),
    ],
  },
  {
    slug: DEMO.ebay.slug,
    subject: 'Item not received',
    status: DEMO.unknownStatus.status,
    channel: northwindChannels.ebay,
    customer: ebayBuyer,
    assignee: priya,
    tags: ['ebay'],
    dbId: 918_006,
    refId: '7001-4420',
    originId: DEMO.ebay.originId,
    thread: [fromCustomer(12.4, 'My item has not arrived yet.')],
  },
  {
    slug: DEMO.chat.slug,
    subject: null,
    status: 1,
    channel: northwindChannels.chat,
    customer: chatVisitor,
    assignee: sam,
    dbId: 918_007,
    refId: '7001-5530',
    thread: [
      fromCustomer(2.3, 'Do you ship to Canada?'),
      reply(sam, 1.9, 'We do, in 5 to 7 business days.'),
    ],
  },
  {
    slug: DEMO.outbound.slug,
    subject: 'Your kettle is on backorder',
    status: 1,
    channel: northwindChannels.support,
    customer: leo,
    assignee: dana,
    tags: ['backorder'],
    dbId: 918_008,
    refId: '7001-6610',
    origin: 16,
    thread: [
      reply(
        dana,
        70.6,
        'The kettle you ordered is on backorder until next week. Reply if you would rather cancel.',
      ),
    ],
  },
  {
    slug: DEMO.longThread.slug,
    subject: 'Warranty claim for toaster',
    status: 0,
    channel: northwindChannels.support,
    customer: leo,
    assignee: sam,
    tags: ['warranty'],
    dbId: 918_009,
    refId: '7001-7702',
    thread: Array.from({ length: DEMO.longThread.messageCount }, (_, i) =>
      i % 2 === 0
        ? fromCustomer(140 - i * 3, `Toaster warranty, message ${i + 1}: it still burns one side.`)
        : reply(sam, 140 - i * 3, `Warranty reply ${i + 1}: please try the following step.`),
    ),
  },
  ...Array.from({ length: DEMO.bulkCustomer.conversationCount }, (_, i): Draft => ({
    slug: `bulk-order-${2001 + i}`,
    subject: `Wholesale order #${2001 + i}`,
    status: i % 3 === 0 ? 2 : 0,
    channel: northwindChannels.support,
    customer: bulkBuyer,
    assignee: i % 4 === 0 ? null : sam,
    tags: ['wholesale'],
    data: { 'Order Number': `#${2001 + i}` },
    dbId: 700_000 + i,
    refId: `3${100 + i}-4400`,
    thread: [fromCustomer(300 - i * 5, `Please confirm wholesale order #${2001 + i}.`)],
  })),
];

// ---------------------------------------------------------------------------------------------
// southwind: a second brand, to prove brands are separate (same customer, other token).

const southwind: BrandContext = {
  subdomain: DEMO.otherBrand.brand,
  name: 'Southwind Outdoors',
  utcOffsetMinutes: 0,
};
const sol: Agent = { id: 903_001, name: DEMO.otherBrand.name, email: DEMO.otherBrand.email };
const southwindHelp = buildChannel(southwind, {
  name: 'Help',
  slug: 'help',
  email: 'help@southwind.example',
  channel: 1,
  hoursBefore: 9_000,
});

// Response templates. The API documents no placeholder syntax, so the bodies are plain text with
// blanks an agent fills in by hand.
const shippingGroup = { id: 3_100, name: 'Shipping' };
const returnsGroup = { id: 3_200, name: 'Returns and refunds' };
const generalGroup = { id: 3_300, name: 'General' };

const northwindTemplates: ResponseTemplateJson[] = [
  {
    id: DEMO.responseTemplates.shippingDelayId,
    name: DEMO.responseTemplates.shippingDelayName,
    body:
      'Hi there,\n\nSorry your order is taking longer than expected. I have asked the courier ' +
      'for an update and will write again within one business day.\n\nThanks for your patience,\n' +
      'The Northwind team',
    response_template_group: shippingGroup,
  },
  {
    id: 31_002,
    name: 'Tracking link',
    body:
      'Hi there,\n\nYour parcel is on its way. You can follow it here: [tracking link]\n\n' +
      'The Northwind team',
    response_template_group: shippingGroup,
  },
  {
    id: 31_003,
    name: 'Damaged item',
    body:
      'Hi there,\n\nI am sorry your item arrived damaged. Could you send a photo of the damage? ' +
      'We will send a replacement or a full refund, whichever you prefer.\n\nThe Northwind team',
    response_template_group: returnsGroup,
  },
  {
    id: 31_004,
    name: 'Refund issued',
    body:
      'Hi there,\n\nYour refund is on its way; it takes 5 to 10 business days to appear on your ' +
      'statement.\n\nThe Northwind team',
    response_template_group: returnsGroup,
  },
  {
    id: 31_005,
    name: 'Thanks for reaching out',
    body: 'Hi there,\n\nThanks for getting in touch! We usually answer within a few hours.',
    response_template_group: generalGroup,
  },
];

export const demoData: FakeData = {
  brands: {
    [northwind.subdomain]: {
      name: northwind.name,
      users: [DEMO.login, DEMO.secondLogin],
      staff: [
        buildStaff(northwind, dana, 21_000, true),
        buildStaff(northwind, sam, 18_000, false),
        buildStaff(northwind, priya, 6_000, false),
      ],
      channels: Object.values(northwindChannels),
      conversations: northwindDrafts.map((draft) => buildConversation(northwind, draft)),
      responseTemplates: northwindTemplates,
    },
    [southwind.subdomain]: {
      name: southwind.name,
      users: [{ email: sol.email, token: DEMO.otherBrand.token, name: sol.name }],
      staff: [buildStaff(southwind, sol, 8_000, true)],
      channels: [southwindHelp],
      conversations: [
        buildConversation(southwind, {
          slug: DEMO.otherBrand.slug,
          subject: 'Tent pole replacement',
          status: 0,
          channel: southwindHelp,
          customer: { ...maya, id: 51_000_001, data: {} },
          assignee: sol,
          dbId: 30_001,
          refId: '9001-0001',
          thread: [fromCustomer(10.5, 'One of my tent poles snapped.')],
        }),
      ],
      responseTemplates: [
        {
          id: 52_001,
          name: 'Spare parts',
          body: 'Hi there,\n\nWe will post the spare part today, free of charge.\n\nSouthwind Outdoors',
          response_template_group: { id: 5_200, name: 'Repairs' },
        },
      ],
    },
  },
};
