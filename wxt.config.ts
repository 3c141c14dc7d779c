import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Self-hosted stores live on any domain: asked for one site at a time, from the popup. */
const SELF_HOSTED_SITES = ['https://*/*', 'http://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Re:amaze Inline',
    minimum_chrome_version: '111', // the oldest supported; scripts/chromium.ts says why
    description:
      'See the Re:amaze conversations linked to an order or customer without leaving your store admin.',
    // contextMenus: "Search Re:amaze for …" on selections and links, answered in that tab through
    // the activeTab grant the click gives.
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus'],
    host_permissions: ['https://*.reamaze.io/*'],
    optional_host_permissions: SELF_HOSTED_SITES,
    web_accessible_resources: [
      // The sidebar page is framed by the launcher on store pages, hosted or self-hosted.
      { resources: ['sidebar.html'], matches: SELF_HOSTED_SITES },
    ],
    omnibox: { keyword: 'rz' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open or close the Re:amaze sidebar',
      },
    },
  },
});
