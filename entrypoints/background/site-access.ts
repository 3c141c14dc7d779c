import { browser } from 'wxt/browser';
import { DETECTOR_SCRIPTS } from '@/lib/detection/scripts';
import { grantedSites } from '@/lib/settings/granted-sites';

/**
 * Self-hosted stores (WooCommerce, Magento, PrestaShop) live on the merchant's own domain, so the
 * detector is not in the manifest for them: the agent grants a site from the popup ("Enable on
 * this site") and the detector is registered for every granted origin.
 */
const SCRIPT_ID = 'detector-granted-sites';
/**
 * The self-hosted stores' detector script, registered per site and injected on demand (granted sites
 * are never hosted admins, whose scripts the manifest loads).
 */
const DETECTOR_SCRIPT = DETECTOR_SCRIPTS.selfHosted;

/** Registers the detector for exactly the granted sites (run at start-up and on every change). */
export async function syncSiteScripts(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const sites = grantedSites(origins);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (sites.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        js: [DETECTOR_SCRIPT],
        matches: sites,
        runAt: 'document_start', // as the manifest's: under way while the page loads (runtime.ts)
        persistAcrossSessions: true,
      },
    ]);
  }
  return sites;
}

/** A newly granted site's open tabs get the detector now, without a reload. */
export async function injectIntoOpenTabs(origins: readonly string[]): Promise<void> {
  const sites = grantedSites(origins);
  if (sites.length === 0) return;
  const tabs = await browser.tabs.query({ url: sites });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting
            .executeScript({ target: { tabId: tab.id }, files: [DETECTOR_SCRIPT] })
            .catch(() => undefined),
    ),
  );
}
