import { detectWith, hasIds } from '@/lib/detection/detect';
import type { PlatformDetector } from '@/lib/detection/types';
import { createContentText } from '@/lib/i18n/content-text';
import { ask, extensionUrl, onTabCommands, type TabCommandHandlers } from '@/lib/messaging/ask';
import type { ContentConfig } from '@/lib/messaging/protocol';
import { createLifetime } from './lifetime';
import type { ListPage } from './list-page';
import { loadPart, type DetectorParts } from './parts';
import type { SidebarHost } from './sidebar-host';

/**
 * Batches DOM changes once the page has shown ids: admins render in bursts, and one detection per
 * burst is enough. Until then each change is looked at in the next task, so the first view is
 * reported as soon as its nodes exist.
 */
const MUTATION_DELAY_MS = 200;

/**
 * Detects order numbers, marketplace ids and customer emails on store admin pages, reports them to
 * the background and hosts the launcher. It holds no conversation data and never talks to Re:amaze.
 * Every detector content script is this runtime with its own platforms (lib/detection/scripts.ts):
 * one per hosted admin, one for self-hosted stores and the agent's rules.
 */
export async function startDetector(detectors: readonly PlatformDetector[]): Promise<void> {
  // The background injects into open tabs when a site is enabled; never run twice in one page.
  const flag = globalThis as { __reamazeInline?: boolean };
  if (flag.__reamazeInline) return;
  flag.__reamazeInline = true;
  const lifetime = createLifetime();
  const { signal } = lifetime;
  signal.addEventListener('abort', () => (flag.__reamazeInline = false));

  /** The launcher and sidebar frame, once the page showed ids or the agent searched from it. */
  let host: SidebarHost | null = null;
  let hostReady: Promise<SidebarHost | null> | null = null;
  let reported = '';
  let reportedIds = false;
  let autoOpened = false;
  let shownUrl = location.href;
  /** The agent searched from this tab (right-click): the sidebar stays, ids or not. */
  let showingSearch = false;

  /**
   * The launcher, from its part: loaded while the page loads where its address promises ids, else
   * beside the first report's round trip; a page that shows no ids never loads it.
   */
  const launcher = () =>
    (hostReady ??= Promise.all([loadPart('launcher'), configured]).then(
      ([createSidebarHost, config]) =>
        (host =
          createSidebarHost && config
            ? createSidebarHost(signal, {
                // The key tells the background this frame is the sidebar it framed for this tab.
                url: `${extensionUrl('/sidebar.html')}#${encodeURIComponent(config.sidebarKey)}`,
                width: config.sidebar.width,
                text: createContentText(config.text),
                onWidth: (width) => void ask('saveSidebarState', { width }),
              })
            : null),
    ));

  /** What the background may ask of this page (see TabCommands in the protocol). */
  const commands: TabCommandHandlers = {
    closeSidebar: () => host?.close(),
    toggleSidebar: () => host?.toggle(),
    openSidebar: async () => {
      const shown = await launcher();
      if (!shown) return false;
      showingSearch = true;
      shown.setHidden(false);
      shown.setCount(0, 'search');
      shown.reload();
      shown.open();
      return true;
    },
    redetect: async () => {
      if (!(await configured)) return;
      showingSearch = false;
      reported = '';
      return run();
    },
    // The options page's preview: what this one rule finds here (parsed by the background).
    testRule: async ({ rule }) =>
      (await loadPart('rules'))?.testRule(rule, new URL(location.href), document) ?? null,
  };

  // Listening comes first: the background injects this script and then asks it to open.
  const configured = ask('getContentConfig', {});
  onTabCommands(commands);

  /** The agent's own rules and their code, once the config is in (the first view does not wait). */
  let rules: ContentConfig['userRules'] = [];
  let rulesPart: DetectorParts['rules'] | null = null;
  /** Order lists: the rows the agent sees are counted and chipped; a chip opens its order. */
  let list: ListPage | null = null;
  let listLoaded: Promise<unknown> | null = null;
  /** The list part, loaded with the first order list the page shows; its chips need the config. */
  const loadList = () =>
    (listLoaded ??= Promise.all([loadPart('list'), configured]).then(([createListPage, config]) => {
      if (!config) return;
      list =
        createListPage?.({
          text: createContentText(config.text),
          later: lifetime.later,
          onSeen: () => void run(),
          onOpen: (row) =>
            void ask('showRow', row.id).then((shown) => shown && commands.openSidebar({})),
        }) ?? null;
    }));

  async function run() {
    if (document.readyState === 'loading') return; // the first run waits for the parsed page
    if (location.href !== shownUrl) {
      // Another view of the admin (in-page navigation): its rows start unseen.
      shownUrl = location.href;
      autoOpened = false;
      list?.reset();
    }
    const url = new URL(location.href);
    const ruled =
      rulesPart && rules.length > 0 ? rulesPart.detectWithRules(url, document, rules) : null;
    const found = detectWith(detectors, url, document, ruled);
    if (found.kind === 'order-list') await loadList();
    // An order list reports the rows the agent has seen; any other page (or a list whose part
    // could not load) as found.
    const { report: detection, grown } = list
      ? list.update(found)
      : { report: found, grown: false };
    const key = JSON.stringify(detection);
    if (key === reported) return;
    reported = key;
    const hadIds = reportedIds;
    reportedIds = hasIds(detection);
    if (!reportedIds) {
      if (!showingSearch) host?.setHidden(true);
      // A page with nothing costs nothing; only ids going away (SPA navigation) clear the badge.
      if (hadIds) await ask('reportDetection', detection);
      return;
    }
    host?.setHidden(false);
    // The report goes out at once; the launcher needs the config, asked for meanwhile.
    const replied = ask('reportDetection', detection);
    const [shown, config] = await Promise.all([launcher(), configured]);
    if (!shown || !config || key !== reported) return;
    if (!grown) shown.setCount(0, 'loading');
    const reply = await replied;
    if (key !== reported) return; // the page moved on meanwhile
    shown.setCount(reply?.count ?? 0, reply?.state ?? 'error');
    // A list that only grew as the agent scrolled does not reset the sidebar the agent is reading.
    if (!(grown && shown.isOpen())) shown.reload();
    if ((reply?.count ?? 0) > 0) shown.prepare();
    if (config.sidebar.autoOpen && !autoOpened && (reply?.count ?? 0) > 0) {
      autoOpened = true;
      shown.open();
    }
  }

  let timer = false;
  const schedule = () => {
    if (timer) return;
    timer = true;
    lifetime.later(
      () => {
        timer = false;
        void run();
      },
      reportedIds ? MUTATION_DELAY_MS : 0,
    );
  };
  const observer = new MutationObserver(() => lifetime.alive() && schedule());
  signal.addEventListener('abort', () => observer.disconnect());
  // Back on this tab, or this page back from the back/forward cache: say again what it shows
  // (cheap: the background answers from what it kept).
  const reportAgain = () => {
    if (!reportedIds || !lifetime.alive()) return;
    reported = '';
    schedule();
  };
  document.addEventListener(
    'visibilitychange',
    () => document.visibilityState === 'visible' && reportAgain(),
    { signal },
  );
  window.addEventListener('pageshow', (event) => event.persisted && reportAgain(), { signal });
  // Leaving for another document (or reloading): the tab's conversations are this page's no more.
  window.addEventListener('pagehide', () => void ask('pageGone', {}), { signal });

  // A page whose address says order, order list or customer nearly always shows ids: its parts
  // load while the page is still being parsed.
  const kind = detectors.map((d) => d.pageKind(new URL(location.href))).find((k) => k !== 'none');
  if (kind) void launcher();
  if (kind === 'order-list') void loadList();
  // Detection waits for the whole document (half a page would be looked up twice), then watches
  // it change. The first view is reported at once; where the agent has rules, again with them.
  await parsed();
  observer.observe(document.body ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  void run();
  const config = await configured;
  if (!config) return observer.disconnect();
  rules = config.userRules;
  if (rules.length === 0) return;
  rulesPart = await loadPart('rules');
  await run();
}

/**
 * Resolves once the document is parsed. The scripts start at `document_start`, so messages and
 * parts are under way while the page loads; a script injected later finds it parsed already.
 */
function parsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}
