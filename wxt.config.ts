import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Self-hosted stores live on any domain: asked for one site at a time, from the popup. */
const SELF_HOSTED_SITES = ['https://*/*', 'http://*/*'];

/**
 * Extension pages show customer-written HTML (sanitised), so they get a policy that limits any slip:
 * only our own scripts, no plugins, base or forms; images and media only from https (after the
 * agent's click) or inline data; framed only by web pages (the sidebar in a store page).
 */
const EXTENSION_PAGES_CSP = [
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "img-src 'self' https: data:",
  'media-src https: data:',
  'frame-ancestors https: http:',
].join('; ');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Re:amaze Inline',
    minimum_chrome_version: '130', // the oldest supported; scripts/chromium.ts says why
    description:
      'See the Re:amaze conversations linked to an order or customer without leaving your store admin.',
    // contextMenus: "Search Re:amaze for …" on selections and links, answered in that tab through
    // the activeTab grant the click gives.
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus'],
    host_permissions: ['https://*.reamaze.io/*'],
    optional_host_permissions: SELF_HOSTED_SITES,
    web_accessible_resources: [
      // The sidebar page is framed by the launcher on store pages, hosted or self-hosted. A dynamic
      // URL (a per-session id instead of the extension id) keeps sites from probing for it.
      { resources: ['sidebar.html'], matches: SELF_HOSTED_SITES, use_dynamic_url: true },
    ],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    omnibox: { keyword: 'rz' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open or close the Re:amaze sidebar',
      },
    },
  },
});
