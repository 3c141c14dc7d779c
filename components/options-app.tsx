import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MessageError } from '@/lib/messaging/errors';
import type { SettingsSummary } from '@/lib/settings/schema';
import { ErrorAlert } from './error-alert';
import { useI18n } from './i18n';
import type { MessageKey } from '@/lib/i18n/translate';
import { BrandsSection } from './options/brands-section';
import type { SendMessage } from './options/form-parts';
import { DataKeysSection, MarketplaceChannelsSection } from './options/lookup-sections';
import { UserRulesSection } from './options/rules-section';
import { SidebarSection } from './options/sidebar-section';
import { SitesSection, type SiteAccessServices } from './options/sites-section';
import { StoresSection } from './options/stores-section';
import { TransferSection } from './options/transfer-section';
import { UndoSection } from './options/undo-section';

export interface OptionsServices {
  send: SendMessage;
  sites: SiteAccessServices;
  /** Saves text as a file in the agent's downloads. */
  download(fileName: string, text: string): void;
}

const SECTIONS: readonly (readonly [string, MessageKey])[] = [
  ['brands', 'options.brands'],
  ['stores', 'options.stores'],
  ['channels', 'options.channels'],
  ['data-keys', 'options.dataKeys'],
  ['rules', 'options.rules'],
  ['sites', 'options.sites'],
  ['sidebar', 'options.sidebar'],
  ['undo', 'options.undo'],
  ['transfer', 'options.transfer'],
];

export function OptionsApp({ services }: { services: OptionsServices }) {
  const { t } = useI18n();
  const { send } = services;
  const [settings, setSettings] = useState<SettingsSummary | null>(null);
  const [loadError, setLoadError] = useState<MessageError | null>(null);
  // Bumped by an import: sections holding edited copies of the settings start again from the new ones.
  const [imports, setImports] = useState(0);

  const reload = useCallback(() => {
    void send('getSettings', {}).then((reply) => {
      if (!reply.ok) return setLoadError(reply.error);
      setLoadError(null);
      setSettings(reply.data);
    });
  }, [send]);
  useEffect(reload, [reload]);

  const brandNames = settings?.brands.map((b) => b.brand).join(' ') ?? '';
  return (
    <main class="options">
      <h1>{t('options.heading')}</h1>
      <nav aria-label={t('options.nav')}>
        <ul>
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {loadError && <ErrorAlert error={loadError} />}
      {settings?.problem && <p class="warning">{settings.problem}</p>}
      {settings && (
        <>
          <BrandsSection key={imports} settings={settings} send={send} onSettings={setSettings} />
          {/* Renaming or removing a brand rewrites the mappings in the background: start again from them. */}
          <StoresSection
            key={`${imports} ${brandNames}`}
            settings={settings}
            send={send}
            onSettings={setSettings}
          />
          <MarketplaceChannelsSection
            key={imports}
            settings={settings}
            send={send}
            onSaved={reload}
          />
          <DataKeysSection key={imports} settings={settings} send={send} onSaved={reload} />
        </>
      )}
      <UserRulesSection key={imports} send={send} />
      <SitesSection sites={services.sites} />
      <SidebarSection send={send} />
      {settings && (
        <UndoSection key={imports} settings={settings} send={send} onSaved={setSettings} />
      )}
      <TransferSection
        send={send}
        download={services.download}
        onImported={(next) => {
          setSettings(next);
          setImports((count) => count + 1);
        }}
      />
    </main>
  );
}
