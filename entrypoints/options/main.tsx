import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsServices } from '@/components/options-app';
import type { SiteAccessServices } from '@/components/options/sites-section';
import { grantedSites } from '@/lib/settings/granted-sites';
import { send } from '@/lib/messaging/send';
import { createI18n } from '@/lib/i18n/translate';
import { I18nProvider } from '@/components/i18n';
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

/** The browser's language (and messages) for this extension: locales/*.yml, English by default. */
const i18n = createI18n(browser.i18n, browser.i18n.getUILanguage());
document.documentElement.lang = i18n.locale;
document.title = i18n.t('pages.options');

render(
  <I18nProvider i18n={i18n}>
    <OptionsApp services={services} />
  </I18nProvider>,
  document.getElementById('app')!,
);
