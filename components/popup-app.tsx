import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Result } from '@/lib/messaging/protocol';
import type { MessageError } from '@/lib/messaging/errors';
import type { LookupResult, TabConversations } from '@/lib/lookup/schemas';
import type { SettingsSummary } from '@/lib/settings/schema';
import { accountForUrl } from '@/lib/settings/store-brands';
import { classifyText, describeTerm } from '@/lib/lookup/classify';
import type { Translate } from '@/lib/i18n/translate';
import type { RecentLookup } from '@/lib/lookup/recent';
import { ConversationList } from './conversation-list';
import { ConversationCard } from './conversation-card';
import { ErrorAlert, isSettingsError, OptionsButton } from './error-alert';
import { useI18n } from './i18n';

export interface CurrentTab {
  id: number;
  url: string;
}

export interface PopupServices {
  getSettings(): Promise<Result<SettingsSummary>>;
  lookup(query: string, page?: number, brand?: string): Promise<Result<LookupResult>>;
  loadRecent(): Promise<RecentLookup[]>;
  /** Records a lookup and returns the updated list. */
  remember(query: string): Promise<RecentLookup[]>;
  openOptions(): void;
  /** Opens a conversation in Re:amaze, in a new tab. */
  openConversation(url: string): void;
  copy(text: string): Promise<void>;
  /** The agent's current tab; null on pages that are no web page. */
  currentTab?(): Promise<CurrentTab | null>;
  /** What the content script found on that tab, looked up. */
  tabConversations?(tabId: number): Promise<Result<TabConversations>>;
  /** The current tab's store site, for enabling self-hosted stores; null where there is none. */
  site?: SiteServices;
  /** A search to run at once (the popup opened in a tab by the omnibox or the context menu). */
  initialQuery?: string;
}

export interface SiteAccess {
  origin: string;
  state: 'hosted' | 'enabled' | 'disabled';
}

export interface SiteServices {
  load(tab: CurrentTab): Promise<SiteAccess | null>;
  /** Must be called straight from the click: browsers grant sites only during a user gesture. */
  setEnabled(origin: string, enabled: boolean): Promise<SiteAccess>;
}

const KEYS_HINT_ID = 'result-keys';

type Search =
  | { state: 'idle' }
  | { state: 'loading'; query: string }
  | { state: 'done'; result: LookupResult; loadingMore: boolean }
  | { state: 'failed'; query: string; error: MessageError };

/**
 * `prerendered`: the render made at build time (scripts/build/prerender-popup.tsx), painted before
 * any script runs; its Search button is disabled, so an Enter pressed that early is not taken for a
 * search that nothing would run. `typed`: what the agent typed into that page's field before the
 * script took it over.
 */
export function PopupApp({
  services,
  prerendered = false,
  typed = '',
}: {
  services: PopupServices;
  prerendered?: boolean;
  typed?: string;
}) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<Result<SettingsSummary> | null>(null);
  const [recent, setRecent] = useState<RecentLookup[]>([]);
  const [text, setText] = useState(typed);
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [tab, setTab] = useState<CurrentTab | null>(null);
  const [onPage, setOnPage] = useState<TabConversations | null>(null);
  const [site, setSite] = useState<SiteAccess | null>(null);
  const [chosenBrand, setChosenBrand] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    void services.getSettings().then(setSettings);
    void services.loadRecent().then(setRecent);
    void services.currentTab?.().then(async (current) => {
      setTab(current);
      if (!current) return;
      void services.site?.load(current).then(setSite);
      const reply = await services.tabConversations?.(current.id);
      if (reply?.ok && reply.data.state === 'ready') setOnPage(reply.data);
    });
  }, [services]);

  const summary = settings?.ok ? settings.data : null;
  // The brand the current store maps to, until the agent picks another one.
  const brand = useMemo(() => {
    if (!summary) return undefined;
    const storeUrl = tab ? safeUrl(tab.url) : undefined;
    return chosenBrand ?? accountForUrl(summary, storeUrl)?.brand;
  }, [summary, tab, chosenBrand]);

  useEffect(() => {
    if (services.initialQuery && summary && isConfigured(summary)) void run(services.initialQuery);
    // Runs once the settings are known; the initial query never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary]);

  async function run(query: string) {
    const trimmed = query.trim();
    if (!trimmed) return;
    setText(trimmed);
    setNotice('');
    const ticket = ++latest.current;
    setSearch({ state: 'loading', query: trimmed });
    const reply = await services.lookup(trimmed, undefined, brand);
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
    const reply = await services.lookup(result.query, result.page + 1, result.brand);
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

  async function copyLink(url: string) {
    try {
      await services.copy(url);
      setNotice(t('popup.linkCopied'));
    } catch {
      setNotice(t('popup.copyFailed'));
    }
  }

  const optionsLink = <OptionsButton onClick={() => services.openOptions()} />;
  const hint = describeTyped(t, text);
  const brands = summary?.brands ?? [];

  return (
    <main class="popup">
      <header class="bar">
        <h1>{t('manifest.name')}</h1>
        {brands.length === 1 && <span class="brand">{brand}</span>}
        {brands.length > 1 && (
          <select
            aria-label={t('popup.brand')}
            value={brand}
            onChange={(event) => setChosenBrand(event.currentTarget.value)}
          >
            {brands.map((b) => (
              <option key={b.brand} value={b.brand}>
                {b.brand}
              </option>
            ))}
          </select>
        )}
        <button type="button" class="link" onClick={() => services.openOptions()}>
          {t('popup.options')}
        </button>
      </header>
      {settings && !settings.ok && <ErrorAlert error={settings.error} action={optionsLink} />}
      {summary && !isConfigured(summary) && (
        <div class="setup" role="status">
          <p>{summary.problem ?? t('popup.connect')}</p>
          <p>{t('popup.connectHow')}</p>
          {optionsLink}
        </div>
      )}
      {/* Shown at once: the agent types while the settings come (they hide it only when no
          brand is connected). */}
      {(settings === null || (summary && isConfigured(summary))) && (
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
              aria-label={t('popup.searchLabel')}
              aria-describedby="search-hint"
              placeholder={t('popup.searchPlaceholder')}
              value={text}
              onInput={(event) => setText(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown') {
                  event.preventDefault();
                  moveFocus(document.querySelector('.popup'), null, 1);
                }
              }}
              // The popup exists to search: the agent types as soon as it opens.
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
            />
            <button type="submit" disabled={prerendered}>
              {t('popup.search')}
            </button>
          </form>
          <p id="search-hint" class="hint">
            {hint ?? t('popup.prefixHint')}
          </p>
          <ResultKeys onOpen={services.openConversation} onCopy={(url) => void copyLink(url)}>
            {notice && (
              <p role="status" class="notice">
                {notice}
              </p>
            )}
            <SearchOutcome search={search} onLoadMore={loadMore} optionsLink={optionsLink} />
            {onPage && onPage.matches.length > 0 && search.state === 'idle' && (
              <OnThisPage data={onPage} />
            )}
          </ResultKeys>
          {recent.length > 0 && (
            <section class="recent" aria-labelledby="recent-heading">
              <h2 id="recent-heading">{t('popup.recent')}</h2>
              <ul>
                {recent.map((item) => (
                  <li key={item.query}>
                    <button
                      type="button"
                      class="link"
                      aria-label={t('popup.searchAgain', { query: item.query })}
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
      {site && services.site && (
        <SiteToggle site={site} services={services.site} onChange={setSite} />
      )}
    </main>
  );
}

/** The conversations the content script found on the current tab, shown before any search. */
function OnThisPage({ data }: { data: TabConversations }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="on-page-heading">
      <h2 id="on-page-heading">
        {data.source === 'search'
          ? t('popup.yourSearch', { query: data.query ?? '' })
          : t('popup.onThisPage')}
      </h2>
      <p class="searched">{t('common.searched', { what: data.searched.join(', ') })}</p>
      <ul class="conversations">
        {data.matches.map((match) => (
          <li key={match.slug}>
            <ConversationCard conversation={match} keysHint={KEYS_HINT_ID} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Keyboard use of the result cards: arrow keys move between them (and back to the search field),
 * Enter opens the focused one in Re:amaze, C copies its link.
 */
function ResultKeys({
  children,
  onOpen,
  onCopy,
}: {
  children: ComponentChildren;
  onOpen(url: string): void;
  onCopy(url: string): void;
}) {
  const { t } = useI18n();
  return (
    // The focusable cards inside take the keys; this only listens for them in one place.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      class="results"
      onKeyDown={(event) => {
        const card = (event.target as Element).closest?.('article.card');
        if (!card || event.target !== card) return;
        const url = card.querySelector<HTMLAnchorElement>('.card-footer a')?.href;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          moveFocus(document.querySelector('.popup'), card, event.key === 'ArrowDown' ? 1 : -1);
        } else if (event.key === 'Enter' && url) {
          event.preventDefault();
          onOpen(url);
        } else if (event.key.toLowerCase() === 'c' && !event.ctrlKey && !event.metaKey && url) {
          event.preventDefault();
          onCopy(url);
        }
      }}
    >
      <p id={KEYS_HINT_ID} class="hint" hidden>
        {t('popup.keysHint')}
      </p>
      {children}
    </div>
  );
}

/** Focus the next or previous card; above the first card is the search field. */
function moveFocus(root: Element | null, from: Element | null, step: 1 | -1) {
  if (!root) return;
  const cards = [...root.querySelectorAll<HTMLElement>('article.card')];
  const index = from ? cards.indexOf(from as HTMLElement) + step : 0;
  if (index < 0) return root.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  cards[Math.min(index, cards.length - 1)]?.focus();
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
  const { t } = useI18n();
  const host = new URL(site.origin).host;
  if (site.state === 'hosted') {
    return <p class="site">{t('popup.siteHosted', { host })}</p>;
  }
  const enabled = site.state === 'enabled';
  return (
    <section class="site" aria-label={t('popup.thisSite')}>
      <p role="status">
        {enabled ? t('popup.siteEnabled', { host }) : t('popup.siteDisabled', { host })}
      </p>
      <button
        type="button"
        onClick={() => void services.setEnabled(site.origin, !enabled).then(onChange)}
      >
        {enabled ? t('popup.disableSite') : t('popup.enableSite')}
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
  const { t } = useI18n();
  switch (search.state) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <p role="status" class="loading">
          {t('popup.searching', { query: search.query })}
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
        <>
          <p class="searched">{t('common.searched', { what: search.result.searched })}</p>
          {search.result.warnings.length > 0 && (
            <ul class="warnings">
              {search.result.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          <ConversationList
            result={search.result}
            onLoadMore={onLoadMore}
            loadingMore={search.loadingMore}
            keysHint={KEYS_HINT_ID}
          />
        </>
      );
  }
}

/** What the typed text will search, said before the agent presses Enter. */
function describeTyped(t: Translate, text: string): string | null {
  const terms = classifyText(text);
  return terms.length > 0
    ? t('popup.searches', { what: terms.map((term) => describeTerm(t, term)).join('; ') })
    : null;
}

function isConfigured(summary: SettingsSummary): boolean {
  return summary.brands.some((brand) => brand.hasToken);
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
