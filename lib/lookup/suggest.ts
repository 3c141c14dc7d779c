/**
 * Omnibox suggestions as the agent types: one lookup per pause in typing, not per key, and the
 * answer to text that has since changed is dropped rather than shown.
 */
export interface Suggester<T> {
  input(text: string, deliver: (suggestions: T[]) => void): void;
  cancel(): void;
}

export function createSuggester<T>(options: {
  delayMs: number;
  lookup(text: string): Promise<T[]>;
  onError?(error: unknown): void;
}): Suggester<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  function cancel() {
    clearTimeout(timer);
    timer = undefined;
    latest++;
  }

  return {
    input(text, deliver) {
      cancel();
      const ticket = latest;
      if (!text.trim()) return;
      timer = setTimeout(() => {
        timer = undefined;
        options.lookup(text).then(
          (suggestions) => ticket === latest && deliver(suggestions),
          (error: unknown) => ticket === latest && options.onError?.(error),
        );
      }, options.delayMs);
    },
    cancel,
  };
}

/** Omnibox descriptions are XML: text from the API must not be read as markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const CONVERSATION_URL = /^https:\/\/[a-z0-9-]+\.reamaze\.com\/admin\/conversations\/[^/?#\s]+$/;

/** Only our own suggestions' addresses are opened as they are; anything else is a search. */
export function isConversationUrl(text: string): boolean {
  return CONVERSATION_URL.test(text.trim());
}
