import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsServices } from '@/components/options-app';
import type { SiteAccessServices } from '@/components/options/sites-section';
import { grantedSites } from '@/lib/settings/granted-sites';
import { send } from '@/lib/messaging/send';
import { renderPage } from '@/components/i18n';
import '@/components/styles.css';
import '@/components/options.css';

/** Sites the agent enabled: granted origins the manifest does not grant by itself. */
const sites: SiteAccessServices = {
  async list() {
    const { origins = [] } = await browser.permissions.getAll();
    return grantedSites(origins);
  },
  // The background unregisters the detector there when the permission goes (permissions.onRemoved).
  disable: (site) => browser.permissions.remove({ origins: [site] }),
};

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const services: OptionsServices = { send, sites, download };

renderPage(<OptionsApp services={services} />, { messages: browser.i18n, title: 'pages.options' });
