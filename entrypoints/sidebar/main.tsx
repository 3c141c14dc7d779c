import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidebarApp, type SidebarServices } from '@/components/sidebar-app';
import { send } from '@/lib/messaging/send';
import { createI18n } from '@/lib/i18n/translate';
import { I18nProvider } from '@/components/i18n';
import '@/components/styles.css';

/** The sidebar runs framed in the store tab; the background answers for that tab only. */
const services: SidebarServices = {
  getTabConversations: (refresh) => send('getTabConversations', { refresh }),
  getThread: (slug, brand) => send('getThread', { slug, brand }),
  clearSearch: () => send('clearSearch', {}),
  setAutoOpen: (autoOpen) => send('setAutoOpen', { autoOpen }),
  close: () => void send('closeSidebar', {}),
  getConversationTools: (ref) => send('getConversationTools', ref),
  saveDraft: (ref, draft) => send('saveDraft', { ...ref, draft }),
  discardDraft: (ref) => send('discardDraft', ref),
  sendDraft: (ref) => send('sendDraft', ref),
  updateConversation: (ref, change) => send('updateConversation', { ...ref, change }),
  getActivity: (ref) => send('getActivity', ref),
  listStaff: (brand) => send('listStaff', { brand }),
  listTemplates: (brand) => send('listTemplates', { brand }),
  getNewConversationForm: () => send('getNewConversationForm', {}),
  createConversation: (input) => send('createConversation', input),
  openOptions: () => void browser.runtime.openOptionsPage(),
};

/** The browser's language (and messages) for this extension: locales/*.yml, English by default. */
const i18n = createI18n(browser.i18n, browser.i18n.getUILanguage());
document.documentElement.lang = i18n.locale;
document.title = i18n.t('pages.sidebar');

render(
  <I18nProvider i18n={i18n}>
    <SidebarApp services={services} />
  </I18nProvider>,
  document.getElementById('app')!,
);
