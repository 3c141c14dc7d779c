import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { mergeConfig } from 'vite';
import { DETECTOR_PARTS, hostedContentScripts } from './lib/detection/scripts';
import { dropDetectorExamples } from './scripts/build/drop-detector-examples';

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

/**
 * `wxt/browser` is webextension-polyfill's `browser` in the background and the extension pages
 * (what `@wxt-dev/webextension-polyfill` does for every build), but not in the detector's scripts:
 * they run in every store page, so they use the browser's own API (lib/messaging/ask.ts).
 */
const POLYFILL = { 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' };

/**
 * The detector's content scripts are WXT unlisted scripts that the manifest lists itself
 * (`content_scripts` below; the self-hosted one is registered at run time): so they carry none of
 * WXT's content-script runtime, which would be an eighth of their size budget. Their own lifetime is
 * `entrypoints/detector/lifetime.ts`.
 */
const DETECTOR_SCRIPT_TYPES = new Set(['content-script', 'unlisted-script']);

/**
 * Firefox only. `id`: an MV3 add-on needs one to be signed (and `web-ext lint` refuses it without);
 * it is the add-on's identity on addons.mozilla.org, so it never changes. 140 is the first Firefox
 * with built-in data-collection consent (and an ESR); the rest is older: `optional_host_permissions`
 * (128), `storage.session` (115), Manifest V3 (109). What leaves the browser, all of it only to the
 * agent's own Re:amaze brand: customer emails and names (personallyIdentifyingInfo), order numbers
 * and marketplace ids read from admin pages (websiteContent), what the agent types after `rz` or in
 * the popup (searchTerms), replies and notes (personalCommunications), and the agent's login email
 * and API token (authenticationInfo). README → Firefox says the same.
 */
const FIREFOX_SETTINGS = {
  gecko: {
    id: '{66ab057e-44de-4ade-9697-97514ea718ad}',
    strict_min_version: '140.0',
    data_collection_permissions: {
      required: [
        'personallyIdentifyingInfo',
        'websiteContent',
        'searchTerms',
        'personalCommunications',
        'authenticationInfo',
      ],
    },
  },
  // Firefox for Android reads `gecko` too, and has data-collection consent from 142 (not tested).
  gecko_android: { strict_min_version: '142.0' },
};

export default defineConfig({
  imports: false,
  // Manifest V3 in every browser: WXT builds Firefox as MV2 unless told (issue 13).
  manifestVersion: 3,
  // locales/<lang>.yml → _locales/<lang>/messages.json, and the message keys' types (#i18n).
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The popup, rendered in each language once the build has written its page and messages
    // (scripts/build/prerender-popup.tsx; TSX, so loaded through tsx).
    async 'build:done'(wxt) {
      if (wxt.config.command !== 'build') return;
      const { tsImport } = await import('tsx/esm/api');
      const prerender = (await tsImport(
        './scripts/build/prerender-popup.tsx',
        import.meta.url,
      )) as typeof import('./scripts/build/prerender-popup');
      prerender.prerenderPopup(wxt.config.outDir);
    },
    'vite:build:extendConfig'(entrypoints, config) {
      config.plugins = [...(config.plugins ?? []), dropDetectorExamples()];
      if (entrypoints.some((entry) => DETECTOR_SCRIPT_TYPES.has(entry.type))) return;
      config.resolve = mergeConfig(config.resolve ?? {}, { alias: POLYFILL });
    },
    // `npm run dev` serves the extension pages (never a content script) from its server.
    'vite:devServer:extendConfig'(config) {
      config.resolve = mergeConfig(config.resolve ?? {}, { alias: POLYFILL });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_manifest_name__',
    default_locale: 'en',
    ...(browser === 'firefox'
      ? { browser_specific_settings: FIREFOX_SETTINGS }
      : { minimum_chrome_version: '130' }), // the oldest supported; scripts/chromium.ts says why
    description: '__MSG_manifest_description__',
    // contextMenus: "Search Re:amaze for …" on selections and links, answered in that tab through
    // the activeTab grant the click gives.
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus'],
    host_permissions: ['https://*.reamaze.io/*'],
    optional_host_permissions: SELF_HOSTED_SITES,
    content_scripts: hostedContentScripts(),
    web_accessible_resources: [
      // The sidebar page is framed by the launcher on store pages, hosted or self-hosted, and the
      // detector's parts are imported by its content scripts there. A dynamic URL (a per-session id
      // instead of the extension id) keeps sites from probing for them.
      {
        resources: ['sidebar.html', ...Object.values(DETECTOR_PARTS).map((file) => file.slice(1))],
        matches: SELF_HOSTED_SITES,
        use_dynamic_url: true,
      },
    ],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    omnibox: { keyword: 'rz' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_manifest_toggleSidebar__',
      },
    },
  }),
});
