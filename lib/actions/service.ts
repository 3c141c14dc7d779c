import type { ReamazeClient } from '../api/client';
import { ReamazeApiError } from '../api/errors';
import { statusLabel } from '../api/labels';
import type { Translate } from '../i18n/translate';
import type { Channel } from '../api/schemas';
import type { DetectedIds } from '../detection/schema';
import { MARKETPLACE_NAMES } from '../detection/types';
import { resolveMarketplaceChannels } from '../lookup/channels';
import type { ConversationMatch, MatchReason, ThreadMessage } from '../lookup/schemas';
import { requireAccount, requireToken } from '../lookup/search';
import type { ConversationSummary } from '../lookup/summary';
import { summarizeConversation } from '../lookup/summarize';
import type { TabConversationService } from '../lookup/tabs';
import { toThreadMessage } from '../lookup/thread-message';
import { AppError } from '../messaging/errors';
import type { BrandAccount, Credentials, Settings } from '../settings/schema';
import { accountByName, accountForUrl } from '../settings/store-brands';
import type { ActivityStore } from '../storage/activity';
import type { DraftStore } from '../storage/drafts';
import type { KnownTagsStore } from '../storage/known-tags';
import { createSerialQueues } from '../storage/serially';
import type {
  ConversationChange,
  ConversationRef,
  ConversationTools,
  Draft,
  DraftInput,
  NewConversationForm,
  NewConversationInput,
  ResponseTemplateSummary,
  SentMessage,
  StaffMember,
} from './schemas';

export interface ActionServiceDeps {
  createClient(credentials: Credentials): ReamazeClient;
  loadSettings(): Promise<Settings>;
  drafts: DraftStore;
  activity: ActivityStore;
  knownTags: KnownTagsStore;
  /** What a store tab shows, and the tab records to keep in step with a change. */
  tabs: Pick<TabConversationService, 'shown' | 'replaceMatch' | 'addMatch'>;
  now?: () => number;
  /** A new draft's origin id. */
  newOriginId?: () => string;
  /** The agent's language, for the activity list's words. */
  t: Translate;
}

/** Staff and templates are reference lists, not what the agent is looking at: a short cache. */
const LIST_CACHE_MS = 5 * 60_000;
/** Pages read at most for the staff list, the templates and the channels (30 items a page). */
const MAX_LIST_PAGES = 5;
/** Status code for "on hold" (see labels.ts). */
const ON_HOLD = 5;
/** Channel type of an email channel (reamaze-api.md 2.2). */
const EMAIL_CHANNEL = 1;

/**
 * What an agent does to a conversation from the store's sidebar: drafts kept until Re:amaze has
 * them (one origin id per draft, so a retry never posts twice), replies and notes, status, tags,
 * assignee and custom data, new conversations, and a log of each for the sidebar to show.
 */
export function createActionService(deps: ActionServiceDeps) {
  const now = deps.now ?? Date.now;
  const newOriginId = deps.newOriginId ?? (() => crypto.randomUUID());
  /** Per conversation: draft changes and sends run one after another, none lost or reordered. */
  const queues = createSerialQueues<string>();
  const serially = <T>(ref: ConversationRef, change: () => Promise<T>) =>
    queues(`${ref.brand}|${ref.slug}`, change);
  const lists = new Map<string, { at: number; value: Promise<unknown> }>();

  /** A list fetched once per brand and kept a few minutes; a failure is not kept. */
  function cachedList<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = lists.get(key);
    if (hit && now() - hit.at < LIST_CACHE_MS) return hit.value as Promise<T>;
    const value = load();
    lists.set(key, { at: now(), value });
    value.catch(() => lists.get(key)?.value === value && lists.delete(key));
    return value;
  }

  async function accountNamed(brand?: string): Promise<BrandAccount> {
    return requireAccount(deps.t, accountByName(await deps.loadSettings(), brand));
  }

  async function clientFor(
    brand: string,
  ): Promise<{ client: ReamazeClient; account: BrandAccount }> {
    const account = await accountNamed(brand);
    return { client: deps.createClient(requireToken(deps.t, account)), account };
  }

  function log(ref: ConversationRef, what: string, failure?: unknown) {
    return deps.activity.add(ref, {
      at: now(),
      what,
      result: failure === undefined ? 'done' : 'failed',
      ...(failure !== undefined && { detail: messageOf(deps.t, failure) }),
    });
  }

  /**
   * The conversation once a message is in: a staff reply resolves it unless told not to, which the
   * sidebar must show. The message is sent whatever this read does, so a failure is only null.
   */
  async function conversationAfter(
    ref: ConversationRef,
    client: ReamazeClient,
  ): Promise<ConversationSummary | null> {
    try {
      const conversation = summarizeConversation(await client.getConversation(ref.slug), ref.brand);
      await deps.tabs.replaceMatch(ref.brand, conversation);
      return conversation;
    } catch {
      return null;
    }
  }

  const listChannels = (client: ReamazeClient): Promise<Channel[]> =>
    allPages(
      (page) => client.listChannels({ page }),
      (result) => result.channels,
    );

  return {
    /** The thread's draft, undo window, activity and the brand's known tags. */
    async tools(ref: ConversationRef): Promise<ConversationTools> {
      const [draft, settings, activity, knownTags] = await Promise.all([
        deps.drafts.get(ref),
        deps.loadSettings(),
        deps.activity.list(ref),
        deps.knownTags.list(ref.brand),
      ]);
      return { draft: draft ?? null, undoSeconds: settings.undoSeconds, activity, knownTags };
    },

    activity: (ref: ConversationRef) => deps.activity.list(ref),

    /**
     * Keeps what the agent writes. The origin id is made with the draft and kept across saves,
     * so every try of one message carries the same id; an empty draft with default options goes.
     */
    saveDraft(ref: ConversationRef, input: DraftInput): Promise<Draft> {
      return serially(ref, async () => {
        const kept = await deps.drafts.get(ref);
        const draft: Draft = {
          ...input,
          originId: kept?.originId ?? newOriginId(),
          attempts: kept?.attempts ?? 0,
          ...(kept?.triedBody !== undefined && { triedBody: kept.triedBody }),
          updatedAt: now(),
        };
        const isDefault =
          !input.body.trim() &&
          input.visibility === 'reply' &&
          !input.suppressNotifications &&
          !input.suppressAutoresolve;
        // A draft that may have reached Re:amaze keeps its origin id until a send settles it.
        if (isDefault && draft.attempts === 0) await deps.drafts.remove(ref);
        else await deps.drafts.set(ref, draft);
        return draft;
      });
    },

    discardDraft: (ref: ConversationRef) => serially(ref, () => deps.drafts.remove(ref)),

    /**
     * Sends the kept draft, never text from the page. It is cleared once Re:amaze has it, which
     * includes Re:amaze refusing its origin id as taken: an earlier try got through. Any other
     * failure keeps it as it was, origin id included, so sending again cannot post it twice.
     */
    send(ref: ConversationRef): Promise<SentMessage> {
      return serially(ref, async () => {
        const draft = await deps.drafts.get(ref);
        const { t } = deps;
        if (!draft?.body.trim()) {
          const writeFirst = t('actions.writeFirst');
          throw new AppError('invalidInput', writeFirst, { body: [writeFirst] });
        }
        const what = t(draft.visibility === 'note' ? 'activity.noteAdded' : 'activity.replySent');
        const failed = t(
          draft.visibility === 'note' ? 'activity.noteNotAdded' : 'activity.replyNotSent',
        );
        let account: BrandAccount;
        let client: ReamazeClient;
        try {
          ({ account, client } = await clientFor(ref.brand));
        } catch (error) {
          await log(ref, failed, error);
          throw error;
        }
        // What an earlier try sent, before this try's text replaces it.
        const earlierBody = draft.attempts > 0 ? draft.triedBody : undefined;
        await deps.drafts.set(ref, {
          ...draft,
          attempts: draft.attempts + 1,
          triedBody: draft.body,
        });
        try {
          const created = await client.createMessage(ref.slug, {
            body: draft.body,
            visibility: draft.visibility,
            originId: draft.originId,
            suppressNotifications: draft.suppressNotifications,
            suppressAutoresolve: draft.suppressAutoresolve,
          });
          await deps.drafts.remove(ref);
          await log(ref, what);
          return {
            message: toThreadMessage(created),
            alreadySent: false,
            editedDraftKept: false,
            conversation: await conversationAfter(ref, client),
          };
        } catch (error) {
          if (isOriginTaken(error)) {
            // An earlier try got there. If the agent edited the text since, Re:amaze has the
            // earlier text: the edit stays, as a new draft with its own origin id, unsent.
            const sentBody = earlierBody ?? draft.body;
            const edited = sentBody !== draft.body;
            if (edited) {
              const { triedBody: _tried, ...rest } = draft;
              await deps.drafts.set(ref, {
                ...rest,
                originId: newOriginId(),
                attempts: 0,
                updatedAt: now(),
              });
            } else {
              await deps.drafts.remove(ref);
            }
            await log(ref, what);
            return {
              message: messageOfDraft({ ...draft, body: sentBody }, account, now()),
              alreadySent: true,
              editedDraftKept: edited,
              conversation: await conversationAfter(ref, client),
            };
          }
          const kept = keptError(t, error, draft);
          await log(ref, failed, kept);
          throw kept;
        }
      });
    },

    /**
     * One change to a conversation, as one request. The tabs that list it show it changed, and
     * the log says what changed in words.
     */
    async update(
      tabId: number,
      ref: ConversationRef,
      change: ConversationChange,
    ): Promise<{ conversation: ConversationSummary }> {
      const shown = await deps.tabs.shown(tabId);
      const before = shown?.matches.find((match) => match.slug === ref.slug);
      let what = describeAttempt(deps.t, change);
      try {
        const { client } = await clientFor(ref.brand);
        const updated = await client.updateConversation(ref.slug, requestOf(change));
        const conversation = summarizeConversation(updated, ref.brand);
        what = describeChange(deps.t, change, before, conversation);
        await log(ref, what);
        await deps.knownTags.remember(ref.brand, conversation.tags);
        await deps.tabs.replaceMatch(ref.brand, conversation);
        return { conversation };
      } catch (error) {
        await log(ref, what, error);
        throw error;
      }
    },

    /** The brand's staff, for assigning. */
    async staff(brand: string): Promise<StaffMember[]> {
      const { client, account } = await clientFor(brand);
      return cachedList(`staff|${account.brand}`, async () =>
        (
          await allPages(
            (page) => client.listStaff({ page }),
            (result) => result.staff,
          )
        ).map(({ name, email }) => ({ name, email })),
      );
    },

    /** The brand's saved replies, all or those matching `query`. */
    async templates(brand: string, query?: string): Promise<ResponseTemplateSummary[]> {
      const { client, account } = await clientFor(brand);
      const q = query?.trim() || undefined;
      return cachedList(`templates|${account.brand}|${q ?? ''}`, async () => {
        const templates = await allPages(
          (page) => client.listResponseTemplates({ q, page }),
          (result) => result.response_templates,
        );
        return templates.map((template) => ({
          id: String(template.id),
          name: template.name,
          body: template.body,
          group: template.response_template_group?.name ?? null,
        }));
      });
    },

    /** The new-conversation form, prefilled from what the tab shows and the settings. */
    async newConversationForm(tabId: number): Promise<NewConversationForm> {
      const shown = await deps.tabs.shown(tabId);
      const settings = await deps.loadSettings();
      const account = requireAccount(
        deps.t,
        accountForUrl(settings, shown ? new URL(shown.url) : undefined),
      );
      const client = deps.createClient(requireToken(deps.t, account));
      const channels = await listChannels(client);
      const ids = shown?.ids;
      const ref = ids?.orderRefs[0];
      const origin = ids?.originIds[0];
      const email =
        ids?.emails[0] ?? shown?.matches.find((m) => m.customer?.email)?.customer?.email;
      // The name the order page prints, else the one a matching conversation's customer has.
      const customerName =
        shown?.customerName ??
        shown?.matches.find((m) => email && m.customer?.email === email)?.customer?.name ??
        '';

      const orderKey = settings.dataKeys[0] ?? 'Order Number';
      const data: Record<string, string> = {};
      if (ref) data[orderKey] = ref;
      else if (origin) data[orderKey] = origin.id;
      if (origin) data[`${MARKETPLACE_NAMES[origin.marketplace]} Order ID`] = origin.id;

      const marketplaceChannel =
        origin &&
        resolveMarketplaceChannels(account.marketplaceChannels, channels)[origin.marketplace];
      const channel =
        marketplaceChannel ??
        channels.find((c) => c.channel === EMAIL_CHANNEL)?.slug ??
        channels.find((c) => c.email)?.slug ??
        channels[0]?.slug ??
        '';
      return {
        brand: account.brand,
        customerEmail: email ?? '',
        customerName,
        subject: ref
          ? `Order #${ref.replace(/^#/, '')}`
          : origin
            ? `${MARKETPLACE_NAMES[origin.marketplace]} order ${origin.id}`
            : '',
        channel,
        channels: channels.map(({ slug, name }) => ({ slug, name })),
        data,
        draftKey: `new:${ref ?? origin?.id ?? email ?? 'page'}`.slice(0, 300),
      };
    },

    /** Starts a conversation for the customer; the tab lists it first from now on. */
    async create(
      tabId: number,
      input: NewConversationInput,
    ): Promise<{ conversation: ConversationMatch }> {
      const { client, account } = await clientFor(input.brand);
      const created = await client.createConversation({
        subject: input.subject,
        category: input.channel,
        body: input.body,
        customer: { email: input.customerEmail, name: input.customerName || undefined },
        data: Object.keys(input.data).length ? input.data : undefined,
        suppressNotifications: input.suppressNotifications,
      });
      const shown = await deps.tabs.shown(tabId);
      const conversation: ConversationMatch = {
        ...summarizeConversation(created, account.brand),
        reasons: reasonsFor(input, shown?.ids ?? null),
      };
      await deps.tabs.addMatch(tabId, account.brand, conversation);
      await log({ brand: account.brand, slug: created.slug }, deps.t('activity.created'));
      return { conversation };
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;

/** A list's items page by page, until its last page (or an empty one), at most MAX_LIST_PAGES. */
async function allPages<R extends { page_count?: number | null }, T>(
  load: (page: number) => Promise<R>,
  itemsOf: (result: R) => T[],
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    const result = await load(page);
    const found = itemsOf(result);
    items.push(...found);
    if (page >= (result.page_count ?? 1) || found.length === 0) break;
  }
  return items;
}

/** Re:amaze already has a message with this origin id: an earlier try of the draft got there. */
function isOriginTaken(error: unknown): boolean {
  if (!(error instanceof ReamazeApiError) || error.kind !== 'invalid') return false;
  return Object.entries(error.fieldErrors ?? {}).some(
    ([field, problems]) =>
      /(^|\.)origin_id$/.test(field) && problems.some((p) => /already been taken/i.test(p)),
  );
}

/** The failure of a send, said with what became of the draft; its kind and fields are kept. */
function keptError(t: Translate, error: unknown, draft: Draft): Error {
  const note = draft.visibility === 'note';
  if (error instanceof ReamazeApiError) {
    let message: string;
    if (error.kind === 'offline') {
      message = t('actions.offline');
    } else if (
      error.kind === 'timeout' ||
      error.kind === 'server' ||
      error.kind === 'badResponse'
    ) {
      message = `${error.message} ${t(note ? 'actions.noteMayHaveArrived' : 'actions.replyMayHaveArrived')}`;
    } else {
      message = `${error.message} ${t('actions.kept')}`;
    }
    return new ReamazeApiError({
      kind: error.kind,
      status: error.status,
      fieldErrors: error.fieldErrors,
      retryAfterSeconds: error.retryAfterSeconds,
      message,
      cause: error,
    });
  }
  if (error instanceof AppError) {
    return new AppError(error.kind, `${error.message} ${t('actions.kept')}`, error.fieldErrors);
  }
  return new AppError('internal', t(note ? 'actions.noteNotSent' : 'actions.replyNotSent'));
}

/** The message Re:amaze already had, as the thread would show it. */
function messageOfDraft(draft: Draft, account: BrandAccount, at: number): ThreadMessage {
  return {
    body: draft.body,
    internal: draft.visibility === 'note',
    author: account.email,
    staff: true,
    at: new Date(at).toISOString(),
    attachments: [],
  };
}

function requestOf(change: ConversationChange) {
  switch (change.kind) {
    case 'status':
      return { status: change.status, holdUntil: change.holdUntil };
    case 'tags':
      return { tagList: change.tags };
    case 'assignee':
      return { assignee: change.email };
    case 'data':
      return { data: change.data };
  }
}

/** A change that failed, in words: "Status not changed to Pending". */
function describeAttempt(t: Translate, change: ConversationChange): string {
  switch (change.kind) {
    case 'status':
      return t('activity.statusNotChanged', {
        status: statusLabel(t, change.status),
        hold: holdText(t, change),
      });
    case 'tags':
      return change.tags.length
        ? t('activity.tagsNotSet', { tags: change.tags.join(', ') })
        : t('activity.tagsNotCleared');
    case 'assignee':
      return t('activity.notAssigned', { who: change.email });
    case 'data':
      return t('activity.dataNotUpdated', { keys: Object.keys(change.data).join(', ') });
  }
}

/** A change Re:amaze made, in words, telling tags added from removed where the old ones show. */
export function describeChange(
  t: Translate,
  change: ConversationChange,
  before: ConversationSummary | undefined,
  after: ConversationSummary,
): string {
  switch (change.kind) {
    case 'status':
      return t('activity.statusChanged', {
        status: statusLabel(t, change.status),
        hold: holdText(t, change),
      });
    case 'tags':
      return describeTags(t, before?.tags, change.tags);
    case 'assignee':
      return t('activity.assigned', { who: after.assignee ?? change.email });
    case 'data':
      return t('activity.dataUpdated', { keys: Object.keys(change.data).join(', ') });
  }
}

/** " until 4 Mar 2024" (English keeps its day-month order), in the agent's language. */
function holdText(t: Translate, change: Extract<ConversationChange, { kind: 'status' }>): string {
  if (change.status !== ON_HOLD || !change.holdUntil) return '';
  const locale = t('activity.dateLocale');
  const date = new Date(change.holdUntil).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return t('activity.until', { date });
}

function describeTags(
  t: Translate,
  before: readonly string[] | undefined,
  after: readonly string[],
): string {
  const setTo = after.length
    ? t('activity.tagsSet', { tags: after.join(', ') })
    : t('activity.tagsCleared');
  if (!before) return setTo;
  const had = new Set(before.map((tag) => tag.toLowerCase()));
  const has = new Set(after.map((tag) => tag.toLowerCase()));
  const added = after.filter((tag) => !had.has(tag.toLowerCase()));
  const removed = before.filter((tag) => !has.has(tag.toLowerCase()));
  const parts = [
    ...(added.length
      ? [t('activity.tagsAdded', { count: added.length, tags: added.join(', ') })]
      : []),
    ...(removed.length
      ? [t('activity.tagsRemoved', { count: removed.length, tags: removed.join(', ') })]
      : []),
  ];
  return parts.length ? parts.join('; ') : setTo;
}

/** Why the new conversation belongs to the tab: the tab's ids it was made with. */
function reasonsFor(input: NewConversationInput, ids: DetectedIds | null): MatchReason[] {
  const values = new Set(Object.values(input.data).map((value) => value.trim()));
  const reasons: MatchReason[] = [];
  for (const ref of ids?.orderRefs ?? []) {
    if (values.has(ref)) reasons.push({ kind: 'order', value: ref });
  }
  for (const origin of ids?.originIds ?? []) {
    if (values.has(origin.id)) {
      reasons.push({
        kind: 'marketplace',
        value: origin.id,
        marketplace: origin.marketplace,
        channel: input.channel,
      });
    }
  }
  const email = input.customerEmail.toLowerCase();
  if (reasons.length === 0 || ids?.emails.some((e) => e.toLowerCase() === email)) {
    reasons.push({ kind: 'email', value: input.customerEmail });
  }
  return reasons;
}

function messageOf(t: Translate, error: unknown): string {
  return error instanceof Error ? error.message : t('actions.somethingWrong');
}
