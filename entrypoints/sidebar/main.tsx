import { browser } from 'wxt/browser';
import { SidebarApp, type SidebarServices } from '@/components/sidebar-app';
import { send } from '@/lib/messaging/send';
import { renderPage } from '@/components/i18n';
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

// Asked before the first render, so the answer is on its way while the page draws.
const firstLook = services.getTabConversations(false);
renderPage(<SidebarApp services={services} firstLook={firstLook} />, {
  messages: browser.i18n,
  title: 'pages.sidebar',
});
