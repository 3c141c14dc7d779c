import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '@/lib/messaging/protocol';
import type { MessageError } from '@/lib/messaging/errors';
import type {
  ConversationMatch,
  MatchReason,
  TabConversations,
  Thread,
  ThreadMessage,
} from '@/lib/lookup/schemas';
import { ConversationCard } from './conversation-card';
import { ErrorAlert, isSettingsError, OptionsButton } from './error-alert';
import { RelativeTime } from './relative-time';
import type { ActionServices } from './action-services';
import { NewConversation } from './new-conversation-form';
import { describesOneOrder } from '@/lib/actions/new-conversation';
import type { DetectedIds } from '@/lib/detection/schema';
import type { ConversationSummary } from '@/lib/lookup/summary';
import { MARKETPLACE_NAMES } from '@/lib/detection/types';
import { htmlToText, truncate } from './html-text';

export interface SidebarServices extends ActionServices {
  getTabConversations(refresh: boolean): Promise<Result<TabConversations>>;
  getThread(slug: string, brand: string): Promise<Result<Thread>>;
  /** Leaves a right-click search for the page's own conversations. */
  clearSearch(): Promise<Result<object>>;
  setAutoOpen(autoOpen: boolean): Promise<Result<object>>;
  close(): void;
  openOptions(): void;
}

type View =
  | { state: 'loading' }
  | { state: 'failed'; error: MessageError }
  | { state: 'ready'; data: TabConversations; refreshing: boolean };

type Open = null | { match: ConversationMatch; thread: Result<Thread> | null };

/** The thread's view and tools: loaded once the list shows (see thread-parts.ts). */
const loadThreadParts = () => import('./thread-parts');
type ThreadParts = Awaited<ReturnType<typeof loadThreadParts>>;

export function SidebarApp({ services }: { services: SidebarServices }) {
  const [view, setView] = useState<View>({ state: 'loading' });
  const [open, setOpen] = useState<Open>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (refresh: boolean) => {
      setView((current) =>
        current.state === 'ready' ? { ...current, refreshing: true } : { state: 'loading' },
      );
      const reply = await services.getTabConversations(refresh);
      setView(
        reply.ok
          ? { state: 'ready', data: reply.data, refreshing: false }
          : { state: 'failed', error: reply.error },
      );
    },
    [services],
  );

  useEffect(() => {
    void load(false);
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      // A part of the sidebar that used the key (the composer cancelling a send) keeps it open.
      if (event.key === 'Escape' && !event.defaultPrevented) services.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [load, services]);

  // The list is shown: what a thread needs loads now, before the agent opens one.
  const ready = view.state === 'ready';
  useEffect(() => {
    if (ready) void loadThreadParts();
  }, [ready]);

  // Stale results were shown at once; fetch fresh ones behind them.
  useEffect(() => {
    if (view.state === 'ready' && view.data.stale && !view.refreshing) void load(true);
  }, [view, load]);

  /** The conversation changed in the thread view: the list shows it too when the agent goes back. */
  function updateMatch(summary: ConversationSummary) {
    setOpen((current) =>
      current?.match.slug === summary.slug
        ? { ...current, match: { ...current.match, ...summary } }
        : current,
    );
    setView((current) =>
      current.state === 'ready'
        ? {
            ...current,
            data: {
              ...current.data,
              matches: current.data.matches.map((match) =>
                match.slug === summary.slug ? { ...match, ...summary } : match,
              ),
            },
          }
        : current,
    );
  }

  async function showThread(match: ConversationMatch, brand: string) {
    setOpen({ match, thread: null });
    const thread = await services.getThread(match.slug, brand);
    setOpen((current) => (current?.match.slug === match.slug ? { match, thread } : current));
  }

  return (
    <main class="sidebar">
      <header class="bar">
        <h1 tabIndex={-1} ref={heading}>
          Re:amaze
        </h1>
        {view.state === 'ready' && view.data.brand && <span class="brand">{view.data.brand}</span>}
        <button type="button" onClick={() => void load(true)} disabled={view.state === 'loading'}>
          Refresh
        </button>
        <button type="button" aria-label="Close sidebar" onClick={() => services.close()}>
          ×
        </button>
      </header>
      {view.state === 'loading' && <p role="status">Looking up conversations…</p>}
      {view.state === 'failed' && (
        <ErrorAlert
          error={view.error}
          action={
            isSettingsError(view.error) ? (
              <OptionsButton onClick={() => services.openOptions()} />
            ) : undefined
          }
        />
      )}
      {view.state === 'ready' && open && (
        <ThreadPanel
          open={open}
          brand={view.data.brand ?? ''}
          ids={view.data.ids}
          sidebarTags={view.data.matches.flatMap((match) => match.tags)}
          services={services}
          onSummary={updateMatch}
          onBack={() => setOpen(null)}
        />
      )}
      {view.state === 'ready' && !open && (
        <Matches
          view={view}
          services={services}
          onCreated={(match) => {
            void showThread(match, view.data.brand ?? '');
            void load(true);
          }}
          onShowThread={(match) => void showThread(match, view.data.brand ?? '')}
          onAutoOpen={(value) => void services.setAutoOpen(value)}
          onBackToPage={() => void services.clearSearch().then(() => load(false))}
        />
      )}
    </main>
  );
}

function Matches({
  view,
  services,
  onCreated,
  onShowThread,
  onAutoOpen,
  onBackToPage,
}: {
  view: Extract<View, { state: 'ready' }>;
  services: ActionServices;
  onCreated(match: ConversationMatch): void;
  onShowThread(match: ConversationMatch): void;
  onAutoOpen(value: boolean): void;
  onBackToPage(): void;
}) {
  const { data } = view;
  if (data.state === 'none') {
    return (
      <p class="empty">
        Nothing on this page to look up: no order number, marketplace id or customer email was
        found.
      </p>
    );
  }
  const search = data.source === 'search';
  if (search && data.searched.length === 0) {
    return (
      <p class="empty" role="status">
        Nothing to search for in “{data.query}”. Select an order number, marketplace order id, email
        or Re:amaze conversation link, then right-click it again.
      </p>
    );
  }
  return (
    <>
      {search && (
        <div class="search-source">
          <h2>Search results for “{data.query}”</h2>
          {data.hasPage && (
            <button type="button" class="link" onClick={onBackToPage}>
              Back to this page’s conversations
            </button>
          )}
        </div>
      )}
      <p class="searched">Searched {data.searched.join(', ')}.</p>
      <p class="freshness" role="status">
        {view.refreshing
          ? 'Refreshing…'
          : data.fetchedAt !== null && (
              <>
                {data.matches.length} {data.matches.length === 1 ? 'conversation' : 'conversations'}
                , updated <RelativeTime iso={new Date(data.fetchedAt).toISOString()} />
              </>
            )}
      </p>
      {data.warnings.length > 0 && (
        <ul class="warnings">
          {data.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {!search && (
        <label class="auto-open">
          <input
            type="checkbox"
            defaultChecked={data.autoOpen}
            onChange={(event) => onAutoOpen(event.currentTarget.checked)}
          />{' '}
          Open automatically on this site
        </label>
      )}
      {data.matches.length === 0 ? (
        <>
          <p class="empty">No conversation found for {data.searched.join(', ')}.</p>
          {/* Only the page's own ids, of one order: a search or a list is no reason to start one. */}
          {data.source === 'page' && describesOneOrder(data.ids) && (
            <NewConversation services={services} onCreated={onCreated} />
          )}
        </>
      ) : (
        <ul class="conversations">
          {data.matches.map((match) => (
            <li key={match.slug}>
              <ConversationCard conversation={match}>
                <MatchDetails match={match} />
                <button type="button" class="link" onClick={() => onShowThread(match)}>
                  Show thread
                </button>
              </ConversationCard>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function MatchDetails({ match }: { match: ConversationMatch }) {
  const data = Object.entries(match.data);
  return (
    <>
      <p class="reasons">
        Matched by{' '}
        {match.reasons.map((reason, index) => (
          <span class="reason" key={index}>
            {describeReason(reason)}
          </span>
        ))}
      </p>
      <dl class="facts">
        {match.followers.length > 0 && (
          <>
            <dt>Followers</dt>
            <dd>{match.followers.join(', ')}</dd>
          </>
        )}
        {data.map(([key, value]) => (
          <>
            <dt key={`k-${key}`}>{key}</dt>
            <dd key={`v-${key}`}>{value}</dd>
          </>
        ))}
        {match.lastCustomerMessage && (
          <>
            <dt>Last from customer</dt>
            <dd>{truncate(htmlToText(match.lastCustomerMessage.body), 140)}</dd>
          </>
        )}
        {match.lastStaffMessage && (
          <>
            <dt>Last from staff</dt>
            <dd>{truncate(htmlToText(match.lastStaffMessage.body), 140)}</dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <RelativeTime iso={match.createdAt} />
        </dd>
      </dl>
    </>
  );
}

function ThreadPanel({
  open,
  brand,
  ids,
  sidebarTags,
  services,
  onSummary,
  onBack,
}: {
  open: NonNullable<Open>;
  brand: string;
  ids: DetectedIds | null;
  sidebarTags: readonly string[];
  services: ActionServices;
  onSummary(summary: ConversationSummary): void;
  onBack(): void;
}) {
  const back = useRef<HTMLButtonElement>(null);
  /** Messages sent from here, newest first, shown above the thread as loaded. */
  const [sent, setSent] = useState<ThreadMessage[]>([]);
  const [parts, setParts] = useState<ThreadParts | null>(null);
  useEffect(() => back.current?.focus(), []);
  useEffect(() => {
    let shown = true;
    void loadThreadParts().then((loaded) => shown && setParts(loaded));
    return () => {
      shown = false;
    };
  }, []);
  return (
    <section aria-label="Conversation thread">
      <button type="button" class="link" ref={back} onClick={onBack}>
        ← Back to conversations
      </button>
      <h2 class="thread-title">{open.match.subject?.trim() || '(no subject)'}</h2>
      <a href={open.match.url} target="_blank" rel="noopener noreferrer">
        Open in Re:amaze
      </a>
      {brand && parts && (
        <parts.ConversationActions
          brand={brand}
          summary={open.match}
          ids={ids}
          services={services}
          sidebarTags={sidebarTags}
          onSummary={onSummary}
          onSent={(message) => setSent((current) => [message, ...current])}
        />
      )}
      {(open.thread === null || !parts) && <p role="status">Loading messages…</p>}
      {open.thread && !open.thread.ok && <ErrorAlert error={open.thread.error} />}
      {open.thread?.ok && parts && (
        <parts.ThreadView
          thread={{ ...open.thread.data, messages: [...sent, ...open.thread.data.messages] }}
        />
      )}
    </section>
  );
}

export function describeReason(reason: MatchReason): string {
  switch (reason.kind) {
    case 'order':
      return `order #${reason.value}`;
    case 'marketplace':
      return `${MARKETPLACE_NAMES[reason.marketplace]} order ${reason.value}`;
    case 'email':
      return `customer email ${reason.value}`;
    case 'customData':
      return `${reason.key} = ${reason.value}`;
    case 'conversation':
      return `conversation ${reason.value}`;
    case 'reference':
      return `reference id ${reason.value}`;
  }
}
