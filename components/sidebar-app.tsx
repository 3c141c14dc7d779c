import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
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
import { fill, useI18n } from './i18n';
import { focusUnlessTaken } from './focus';
import type { Translate } from '@/lib/i18n/translate';

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

export function SidebarApp({
  services,
  firstLook,
}: {
  services: SidebarServices;
  /** The tab's conversations, asked for before the first render (the page's entrypoint). */
  firstLook?: Promise<Result<TabConversations>>;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<View>({ state: 'loading' });
  const [open, setOpen] = useState<Open>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useShown();

  const load = useCallback(
    /** `asked`: the answer already on its way (the first look), else asked for now. */
    async (refresh: boolean, asked?: Promise<Result<TabConversations>>) => {
      setView((current) =>
        current.state === 'ready' ? { ...current, refreshing: true } : { state: 'loading' },
      );
      const reply = await (asked ?? services.getTabConversations(refresh));
      setView(
        reply.ok
          ? { state: 'ready', data: reply.data, refreshing: false }
          : { state: 'failed', error: reply.error },
      );
    },
    [services],
  );

  // A layout effect: the answer is taken in as soon as it comes, not after the first paint.
  useLayoutEffect(() => {
    void load(false, firstLook);
    const onKey = (event: KeyboardEvent) => {
      // A part of the sidebar that used the key (the composer cancelling a send) keeps it open.
      if (event.key === 'Escape' && !event.defaultPrevented) services.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [load, services, firstLook]);

  // The list is shown: what a thread needs loads now, before the agent opens one.
  const ready = view.state === 'ready';
  useEffect(() => {
    if (ready) void loadThreadParts();
  }, [ready]);

  // The first time the agent sees the sidebar its heading takes the focus. Opened again, the store
  // page hands the frame the focus, which goes back where the agent left it (a draft's caret, say;
  // hiding the frame dropped it).
  const seen = useRef(false);
  useEffect(() => {
    if (!shown || seen.current) return;
    seen.current = true;
    focusUnlessTaken(heading.current);
  }, [shown]);
  const lastFocused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const remember = (event: FocusEvent) => (lastFocused.current = event.target as HTMLElement);
    const restore = () => {
      const last = lastFocused.current;
      focusUnlessTaken(last?.isConnected ? last : heading.current);
    };
    document.addEventListener('focusin', remember);
    window.addEventListener('focus', restore);
    return () => {
      document.removeEventListener('focusin', remember);
      window.removeEventListener('focus', restore);
    };
  }, []);

  // Stale results were shown at once; fresh ones are fetched behind them once the agent looks (a
  // sidebar loaded before the click spends no lookups on a page the agent never opens it on).
  useEffect(() => {
    if (shown && view.state === 'ready' && view.data.stale && !view.refreshing) void load(true);
  }, [shown, view, load]);

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
          {t('sidebar.heading')}
        </h1>
        {view.state === 'ready' && view.data.brand && <span class="brand">{view.data.brand}</span>}
        <button type="button" onClick={() => void load(true)} disabled={view.state === 'loading'}>
          {t('sidebar.refresh')}
        </button>
        <button type="button" aria-label={t('sidebar.close')} onClick={() => services.close()}>
          ×
        </button>
      </header>
      {view.state === 'loading' && <p role="status">{t('sidebar.lookingUp')}</p>}
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
  const { t } = useI18n();
  const { data } = view;
  if (data.state === 'none') {
    return <p class="empty">{t('sidebar.nothingOnPage')}</p>;
  }
  const search = data.source === 'search';
  if (search && data.searched.length === 0) {
    return (
      <p class="empty" role="status">
        {t('sidebar.nothingToSearch', { query: data.query ?? '' })}
      </p>
    );
  }
  return (
    <>
      {search && (
        <div class="search-source">
          <h2>{t('sidebar.searchResults', { query: data.query ?? '' })}</h2>
          {data.hasPage && (
            <button type="button" class="link" onClick={onBackToPage}>
              {t('sidebar.backToPage')}
            </button>
          )}
        </div>
      )}
      <p class="searched">{t('common.searched', { what: data.searched.join(', ') })}</p>
      <p class="freshness" role="status">
        {view.refreshing
          ? t('sidebar.refreshing')
          : data.fetchedAt !== null &&
            fill(t('sidebar.countUpdated', { count: data.matches.length }), {
              time: <RelativeTime iso={new Date(data.fetchedAt).toISOString()} />,
            })}
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
          {t('sidebar.autoOpen')}
        </label>
      )}
      {data.matches.length === 0 ? (
        <>
          <p class="empty">{t('sidebar.noConversationFor', { what: data.searched.join(', ') })}</p>
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
                  {t('sidebar.showThread')}
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
  const { t } = useI18n();
  const data = Object.entries(match.data);
  return (
    <>
      <p class="reasons">
        {t('sidebar.matchedBy')}{' '}
        {match.reasons.map((reason, index) => (
          <span class="reason" key={index}>
            {describeReason(t, reason)}
          </span>
        ))}
      </p>
      <dl class="facts">
        {match.followers.length > 0 && (
          <>
            <dt>{t('sidebar.followers')}</dt>
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
            <dt>{t('sidebar.lastFromCustomer')}</dt>
            <dd>{truncate(htmlToText(match.lastCustomerMessage.body), 140)}</dd>
          </>
        )}
        {match.lastStaffMessage && (
          <>
            <dt>{t('sidebar.lastFromStaff')}</dt>
            <dd>{truncate(htmlToText(match.lastStaffMessage.body), 140)}</dd>
          </>
        )}
        <dt>{t('sidebar.created')}</dt>
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
  const { t } = useI18n();
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
    <section aria-label={t('sidebar.thread')}>
      <button type="button" class="link" ref={back} onClick={onBack}>
        {t('sidebar.backToList')}
      </button>
      <h2 class="thread-title">{open.match.subject?.trim() || t('common.noSubject')}</h2>
      <a href={open.match.url} target="_blank" rel="noopener noreferrer">
        {t('common.openInReamaze')}
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
      {(open.thread === null || !parts) && <p role="status">{t('sidebar.loadingMessages')}</p>}
      {open.thread && !open.thread.ok && <ErrorAlert error={open.thread.error} />}
      {open.thread?.ok && parts && (
        <parts.ThreadView
          thread={{ ...open.thread.data, messages: [...sent, ...open.thread.data.messages] }}
        />
      )}
    </section>
  );
}

export function describeReason(t: Translate, reason: MatchReason): string {
  switch (reason.kind) {
    case 'order':
      return t('term.order', { value: reason.value });
    case 'marketplace':
      return t('term.marketplace', {
        name: MARKETPLACE_NAMES[reason.marketplace],
        value: reason.value,
      });
    case 'email':
      return t('term.email', { value: reason.value });
    case 'customData':
      return t('term.customData', { key: reason.key, value: reason.value });
    case 'conversation':
      return t('term.conversation', { value: reason.value });
    case 'reference':
      return t('term.referenceId', { value: reason.value });
  }
}

/**
 * Whether the agent can see the sidebar: its frame loads behind the closed panel (display: none,
 * so nothing in it intersects the viewport) and shows on the launcher's click. Without an
 * IntersectionObserver it counts as seen.
 */
function useShown(): boolean {
  const [shown, setShown] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) =>
      setShown(entries.some((entry) => entry.isIntersecting)),
    );
    observer.observe(document.documentElement);
    return () => observer.disconnect();
  }, []);
  return shown;
}
