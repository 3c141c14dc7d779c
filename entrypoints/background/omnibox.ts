import { browser, type Browser } from 'wxt/browser';
import type { ConversationMatch } from '@/lib/lookup/schemas';
import { createSuggester, escapeXml, isConversationUrl } from '@/lib/lookup/suggest';
import { statusLabel } from '@/lib/api/labels';
import type { Translate } from '@/lib/i18n/translate';

/** Long enough that typing an order number is one lookup, short enough to feel immediate. */
const SUGGEST_DELAY_MS = 300;
const MAX_SUGGESTIONS = 6;

export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/**
 * The `rz` keyword: `rz 1042` suggests the matching conversations as the agent types and opens the
 * chosen one in Re:amaze. Enter on typed text opens the one match, or the full results otherwise.
 */
export function registerOmnibox(deps: {
  /** The agent's language; the texts hold the omnibox's XML, their values escaped. */
  t: Translate;
  search(text: string): Promise<ConversationMatch[]>;
  openResults(query: string, disposition: Disposition): Promise<void>;
}) {
  const { t } = deps;
  const suggester = createSuggester<Browser.omnibox.SuggestResult>({
    delayMs: SUGGEST_DELAY_MS,
    async lookup(text) {
      const matches = await deps.search(text);
      const query = escapeXml(text);
      setDefault(
        matches.length === 0
          ? t('omnibox.noMatch', { query })
          : t('omnibox.found', { query, count: matches.length }),
      );
      return matches.slice(0, MAX_SUGGESTIONS).map((match) => toSuggestion(t, match));
    },
    onError(error) {
      setDefault(
        t('omnibox.failed', {
          reason: escapeXml(error instanceof Error ? error.message : t('omnibox.searchFailed')),
        }),
      );
    },
  });

  browser.omnibox.onInputStarted.addListener(() => setDefault(t('omnibox.start')));
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    setDefault(t('omnibox.searching', { query: escapeXml(text) }));
    suggester.input(text, suggest);
  });
  browser.omnibox.onInputCancelled.addListener(() => suggester.cancel());
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    suggester.cancel();
    void (isConversationUrl(text)
      ? openUrl(text.trim(), disposition)
      : openBest(text, disposition));
  });

  async function openBest(text: string, disposition: Disposition) {
    const matches = await deps.search(text).catch(() => []);
    if (matches.length === 1) return openUrl(matches[0]!.url, disposition);
    return deps.openResults(text, disposition);
  }
}

function setDefault(description: string) {
  browser.omnibox.setDefaultSuggestion({ description });
}

function toSuggestion(t: Translate, match: ConversationMatch): Browser.omnibox.SuggestResult {
  const who = match.customer?.name || match.customer?.email || t('card.unknownCustomer');
  const subject = match.subject || t('common.noSubject');
  const status = statusLabel(t, match.status);
  return {
    content: match.url,
    description: `${escapeXml(subject)} <dim>· ${escapeXml(who)} · ${escapeXml(status)}</dim>`,
    deletable: false,
  };
}

export async function openUrl(url: string, disposition: Disposition) {
  if (disposition === 'currentTab') {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) return void (await browser.tabs.update(tab.id, { url }));
  }
  await browser.tabs.create({ url, active: disposition !== 'newBackgroundTab' });
}
