import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupResult, Result } from '@/lib/messaging/protocol';
import type { MessageError } from '@/lib/messaging/errors';
import type { SettingsSummary } from '@/lib/settings/schema';
import type { RecentLookup } from '@/lib/lookup/recent';
import { ConversationList } from './conversation-list';
import { ErrorAlert, isSettingsError, OptionsButton } from './error-alert';

export interface PopupServices {
  getSettings(): Promise<Result<SettingsSummary>>;
  lookup(query: string, page?: number): Promise<Result<LookupResult>>;
  loadRecent(): Promise<RecentLookup[]>;
  /** Records a lookup and returns the updated list. */
  remember(query: string): Promise<RecentLookup[]>;
  openOptions(): void;
  /** The current tab's store site, for enabling self-hosted stores; null where there is none. */
  site?: SiteServices;
}

export interface SiteAccess {
  origin: string;
  state: 'hosted' | 'enabled' | 'disabled';
}

export interface SiteServices {
  load(): Promise<SiteAccess | null>;
  /** Must be called straight from the click: browsers grant sites only during a user gesture. */
  setEnabled(origin: string, enabled: boolean): Promise<SiteAccess>;
}

type Search =
  | { state: 'idle' }
  | { state: 'loading'; query: string }
  | { state: 'done'; result: LookupResult; loadingMore: boolean }
  | { state: 'failed'; query: string; error: MessageError };


export function PopupApp({ services }: { services: PopupServices }) {
  const [settings, setSettings] = useState<Result<SettingsSummary> | null>(null);
  const [recent, setRecent] = useState<RecentLookup[]>([]);
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [site, setSite] = useState<SiteAccess | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    void services.getSettings().then(setSettings);
    void services.loadRecent().then(setRecent);
    void services.site?.load().then(setSite);
  }, [services]);

  async function run(query: string) {
    const trimmed = query.trim();
    if (!trimmed) return;
    setText(trimmed);
    const ticket = ++latest.current;
    setSearch({ state: 'loading', query: trimmed });
    const reply = await services.lookup(trimmed);
    if (ticket !== latest.current) return; // a newer search replaced this one
    if (reply.ok) {
      setSearch({ state: 'done', result: reply.data, loadingMore: false });
      setRecent(await services.remember(trimmed));
    } else {
      setSearch({ state: 'failed', query: trimmed, error: reply.error });
    }
  }

  async function loadMore() {
    if (search.state !== 'done') return;
    const { result } = search;
    const ticket = latest.current;
    setSearch({ ...search, loadingMore: true });
    const reply = await services.lookup(result.query, result.page + 1);
    if (ticket !== latest.current) return;
    if (reply.ok) {
      const merged = {
        ...reply.data,
        conversations: [...result.conversations, ...reply.data.conversations],
      };
      setSearch({ state: 'done', result: merged, loadingMore: false });
    } else {
      setSearch({ state: 'failed', query: result.query, error: reply.error });
    }
  }

  const optionsLink = <OptionsButton onClick={() => services.openOptions()} />;

  return (
    <main class="popup">
      <header class="bar">
        <h1>Re:amaze Inline</h1>
        {settings?.ok && settings.data.brand && <span class="brand">{settings.data.brand}</span>}
        <button type="button" class="link" onClick={() => services.openOptions()}>
          Options
        </button>
      </header>
      {settings === null && <p role="status">Loading…</p>}
      {settings && !settings.ok && <ErrorAlert error={settings.error} action={optionsLink} />}
      {settings?.ok && !isConfigured(settings.data) && (
        <div class="setup" role="status">
          <p>{settings.data.problem ?? 'Connect your Re:amaze account to look up conversations.'}</p>
          <p>Enter your brand, login email and API token in the options.</p>
          {optionsLink}
        </div>
      )}
      {settings?.ok && isConfigured(settings.data) && (
        <>
          <form
            role="search"
            class="search"
            onSubmit={(event) => {
              event.preventDefault();
              void run(text);
            }}
          >
            <input
              type="search"
              aria-label="Search Re:amaze"
              placeholder="Order number, reference id, slug or email"
              value={text}
              onInput={(event) => setText(event.currentTarget.value)}
              autoFocus
            />
            <button type="submit">Search</button>
          </form>
          <SearchOutcome search={search} onLoadMore={loadMore} optionsLink={optionsLink} />
          {recent.length > 0 && (
            <section class="recent" aria-labelledby="recent-heading">
              <h2 id="recent-heading">Recent lookups</h2>
              <ul>
                {recent.map((item) => (
                  <li key={item.query}>
                    <button
                      type="button"
                      class="link"
                      aria-label={`Search again for ${item.query}`}
                      onClick={() => void run(item.query)}
                    >
                      {item.query}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {site && services.site && <SiteToggle site={site} services={services.site} onChange={setSite} />}
    </main>
  );
}

function SiteToggle({
  site,
  services,
  onChange,
}: {
  site: SiteAccess;
  services: SiteServices;
  onChange(site: SiteAccess): void;
}) {
  const host = new URL(site.origin).host;
  if (site.state === 'hosted') {
    return <p class="site">Re:amaze Inline works on {host} without setup.</p>;
  }
  const enabled = site.state === 'enabled';
  return (
    <section class="site" aria-label="This site">
      <p role="status">
        {enabled
          ? `Enabled on ${host}: order pages here show their conversations.`
          : `Not enabled on ${host}. Enable it if this is your store's admin (WooCommerce, Magento, PrestaShop).`}
      </p>
      <button type="button" onClick={() => void services.setEnabled(site.origin, !enabled).then(onChange)}>
        {enabled ? 'Disable on this site' : 'Enable on this site'}
      </button>
    </section>
  );
}

function SearchOutcome({
  search,
  onLoadMore,
  optionsLink,
}: {
  search: Search;
  onLoadMore: () => void;
  optionsLink: ComponentChildren;
}) {
  switch (search.state) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <p role="status" class="loading">
          Searching for “{search.query}”…
        </p>
      );
    case 'failed':
      return (
        <ErrorAlert
          error={search.error}
          action={isSettingsError(search.error) ? optionsLink : undefined}
        />
      );
    case 'done':
      return (
        <ConversationList
          result={search.result}
          onLoadMore={onLoadMore}
          loadingMore={search.loadingMore}
        />
      );
  }
}

function isConfigured(summary: SettingsSummary): boolean {
  return Boolean(summary.brand && summary.email && summary.hasToken);
}
