import { browser, type Browser } from 'wxt/browser';
import type { ConversationMatch } from '@/lib/lookup/schemas';
import { createSuggester, escapeXml, isConversationUrl } from '@/lib/lookup/suggest';

/** Long enough that typing an order number is one lookup, short enough to feel immediate. */
const SUGGEST_DELAY_MS = 300;
const MAX_SUGGESTIONS = 6;

export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/**
 * The `rz` keyword: `rz 1042` suggests the matching conversations as the agent types and opens the
 * chosen one in Re:amaze. Enter on typed text opens the one match, or the full results otherwise.
 */
export function registerOmnibox(deps: {
  search(text: string): Promise<ConversationMatch[]>;
  openResults(query: string, disposition: Disposition): Promise<void>;
}) {
  const suggester = createSuggester<Browser.omnibox.SuggestResult>({
    delayMs: SUGGEST_DELAY_MS,
    async lookup(text) {
      const matches = await deps.search(text);
      setDefault(
        matches.length === 0
          ? `No conversation found for <match>${escapeXml(text)}</match>`
          : `Search Re:amaze for <match>${escapeXml(text)}</match> (${matches.length} found)`,
      );
      return matches.slice(0, MAX_SUGGESTIONS).map(toSuggestion);
    },
    onError(error) {
      setDefault(
        `Re:amaze: ${escapeXml(error instanceof Error ? error.message : 'the search failed')}`,
      );
    },
  });

  browser.omnibox.onInputStarted.addListener(() =>
    setDefault('Search Re:amaze for an order number, email or conversation'),
  );
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    setDefault(`Searching Re:amaze for <match>${escapeXml(text)}</match>…`);
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

function toSuggestion(match: ConversationMatch): Browser.omnibox.SuggestResult {
  const who = match.customer?.name || match.customer?.email || 'Unknown customer';
  const subject = match.subject || '(no subject)';
  return {
    content: match.url,
    description: `${escapeXml(subject)} <dim>· ${escapeXml(who)} · ${escapeXml(match.statusLabel)}</dim>`,
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
