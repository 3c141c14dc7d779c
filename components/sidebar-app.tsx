import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '@/lib/messaging/protocol';
import type { MessageError } from '@/lib/messaging/errors';
import type {
  ConversationMatch,
  MatchReason,
  TabConversations,
  Thread,
} from '@/lib/lookup/schemas';
import { ConversationCard } from './conversation-card';
import { ErrorAlert, isSettingsError, OptionsButton } from './error-alert';
import { RelativeTime } from './relative-time';
import { ThreadView } from './thread-view';
import { MARKETPLACE_NAMES } from '@/lib/detection/types';
import { htmlToText, truncate } from './html-text';

export interface SidebarServices {
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
      if (event.key === 'Escape') services.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [load, services]);

  // Stale results were shown at once; fetch fresh ones behind them.
  useEffect(() => {
    if (view.state === 'ready' && view.data.stale && !view.refreshing) void load(true);
  }, [view, load]);

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
      {view.state === 'ready' && open && <ThreadPanel open={open} onBack={() => setOpen(null)} />}
      {view.state === 'ready' && !open && (
        <Matches
          view={view}
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
  onShowThread,
  onAutoOpen,
  onBackToPage,
}: {
  view: Extract<View, { state: 'ready' }>;
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
        <p class="empty">No conversation found for {data.searched.join(', ')}.</p>
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

function ThreadPanel({ open, onBack }: { open: NonNullable<Open>; onBack(): void }) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <section aria-label="Conversation thread">
      <button type="button" class="link" ref={back} onClick={onBack}>
        ← Back to conversations
      </button>
      <h2 class="thread-title">{open.match.subject?.trim() || '(no subject)'}</h2>
      <a href={open.match.url} target="_blank" rel="noopener noreferrer">
        Open in Re:amaze
      </a>
      {open.thread === null && <p role="status">Loading messages…</p>}
      {open.thread && !open.thread.ok && <ErrorAlert error={open.thread.error} />}
      {open.thread?.ok && <ThreadView thread={open.thread.data} />}
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
