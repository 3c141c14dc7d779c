import type { ActionService } from '@/lib/actions/service';
import type { LookupService } from '@/lib/lookup/service';
import type { TabConversationService } from '@/lib/lookup/tabs';
import { requirePage, requireTab, type Handlers, type SenderContext } from '@/lib/messaging/router';
import type { DetectedIds, RuleTest } from '@/lib/detection/schema';
import type { ParsedRequestOf } from '@/lib/messaging/protocol';
import type { UserRule } from '@/lib/settings/schema';
import type { SettingsService } from '@/lib/settings/service';
import type { SitePrefsStore } from '@/lib/storage/site-prefs';

export interface Services {
  settings: SettingsService;
  lookups: LookupService;
  tabs: TabConversationService;
  actions: ActionService;
  sitePrefs: SitePrefsStore;
  /** Commands to a store tab's content script. */
  closeSidebar(tabId: number): Promise<void>;
  /** Runs a rule in the store tab the agent used last. */
  testRule(rule: UserRule): Promise<RuleTest>;
}

/** One line per message: each hands its parsed request to the service that owns it. */
export function createHandlers(s: Services): Handlers {
  return {
    getSettings: () => s.settings.summary(),
    saveBrand: (input) => s.settings.saveBrand(input),
    removeBrand: ({ brand }) => s.settings.removeBrand(brand),
    setDefaultBrand: ({ brand }) => s.settings.setDefaultBrand(brand),
    saveStoreBrands: (mappings) => s.settings.saveStoreBrands(mappings),
    exportSettings: () => s.settings.exportSettings(),
    importSettings: (file) => s.settings.importSettings(file),
    testConnection: (input) => s.settings.testConnection(input),
    getLookupSettings: ({ brand }) => s.settings.channelChoices(brand),
    saveLookupSettings: ({ brand, marketplaceChannels }) =>
      s.settings.saveMarketplaceChannels(brand, marketplaceChannels),
    saveDataKeys: (dataKeys) => s.settings.saveDataKeys(dataKeys),
    saveUndoSeconds: ({ undoSeconds }) => s.settings.saveUndoSeconds(undoSeconds),
    getUserRules: () => s.settings.userRules(),
    saveUserRules: (rules) => s.settings.saveUserRules(rules),
    testRule: ({ rule }) => s.testRule(rule),
    getSitePrefs: () => s.sitePrefs.all(),
    saveSitePrefs: ({ origin, prefs }) => s.sitePrefs.update(origin, prefs).then(s.sitePrefs.all),
    lookup: (request) => s.lookups.lookup(request),
    getThread: (request, sender) => sidebarOf(s, sender).then(() => s.lookups.thread(request)),
    // From the content script on a store page.
    getContentConfig: (_, sender) => s.tabs.contentConfig(requireTab(sender), requirePage(sender)),
    reportDetection: (detection, sender) =>
      s.tabs.report(requireTab(sender), requirePage(sender).url, detection),
    rowCounts: (ids, sender) => s.tabs.rowCounts(requireTab(sender), requirePage(sender).url, ids),
    showRow: (row, sender) =>
      s.tabs.searchIn(requireTab(sender), requirePage(sender).url, ...rowSearch(row)).then(done),
    pageGone: (_, sender) => s.tabs.forget(requireTab(sender)).then(done),
    saveSidebarState: ({ width }, sender) =>
      s.sitePrefs.update(requirePage(sender).origin, { width }).then(done),
    // From the sidebar, framed in its store tab (the popup names the active tab instead).
    getTabConversations: ({ refresh, tabId }, sender) =>
      sender.tabId === undefined
        ? s.tabs.forTab(tabId ?? requireTab(sender), refresh)
        : sidebarOf(s, sender).then((tab) => s.tabs.forTab(tab, refresh)),
    clearSearch: (_, sender) => sidebarOf(s, sender).then(s.tabs.clearSearch).then(done),
    setAutoOpen: ({ autoOpen }, sender) =>
      sidebarOf(s, sender)
        .then((tab) => s.tabs.setAutoOpen(tab, autoOpen))
        .then(done),
    closeSidebar: (_, sender) => sidebarOf(s, sender).then(s.closeSidebar).then(done),
    // Acting on a conversation: from the tab's own sidebar only.
    getConversationTools: (ref, sender) => sidebarOf(s, sender).then(() => s.actions.tools(ref)),
    saveDraft: ({ draft, ...ref }, sender) =>
      sidebarOf(s, sender).then(() => s.actions.saveDraft(ref, draft)),
    discardDraft: (ref, sender) =>
      sidebarOf(s, sender)
        .then(() => s.actions.discardDraft(ref))
        .then(done),
    sendDraft: (ref, sender) => sidebarOf(s, sender).then(() => s.actions.send(ref)),
    updateConversation: ({ change, ...ref }, sender) =>
      sidebarOf(s, sender).then((tab) => s.actions.update(tab, ref, change)),
    getActivity: (ref, sender) => sidebarOf(s, sender).then(() => s.actions.activity(ref)),
    listStaff: ({ brand }, sender) => sidebarOf(s, sender).then(() => s.actions.staff(brand)),
    listTemplates: ({ brand, query }, sender) =>
      sidebarOf(s, sender).then(() => s.actions.templates(brand, query)),
    getNewConversationForm: (_, sender) =>
      sidebarOf(s, sender).then((tab) => s.actions.newConversationForm(tab)),
    createConversation: (input, sender) =>
      sidebarOf(s, sender).then((tab) => s.actions.create(tab, input)),
  };
}

/** The tab of a sidebar frame, once it has shown it is the one its content script framed. */
async function sidebarOf(s: Services, sender: SenderContext): Promise<number> {
  const tabId = requireTab(sender);
  await s.tabs.requireSidebar(tabId, sender.frameKey);
  return tabId;
}

/** A row's order as a search of its tab: what the sidebar says was searched, and the ids. */
function rowSearch(row: ParsedRequestOf<'showRow'>): [query: string, ids: DetectedIds] {
  return 'orderRef' in row
    ? [`#${row.orderRef}`, { orderRefs: [row.orderRef], originIds: [], emails: [] }]
    : [row.originId.id, { orderRefs: [], originIds: [row.originId], emails: [] }];
}

/** The answer of a message that only acts. */
const done = () => ({});
