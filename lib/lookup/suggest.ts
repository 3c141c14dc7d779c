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

/**
 * Characters XML 1.0 does not allow even escaped: C0 controls other than tab, newline and carriage
 * return, U+FFFE, U+FFFF, and surrogates not part of a pair (`u` mode sees a pair as one character).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]/gu;

/**
 * Omnibox descriptions are XML: text from the API must not be read as markup, and characters XML
 * cannot hold would make the browser drop the whole description.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const CONVERSATION_URL = /^https:\/\/[a-z0-9-]+\.reamaze\.com\/admin\/conversations\/[^/?#\s]+$/;

/** Only our own suggestions' addresses are opened as they are; anything else is a search. */
export function isConversationUrl(text: string): boolean {
  return CONVERSATION_URL.test(text.trim());
}
