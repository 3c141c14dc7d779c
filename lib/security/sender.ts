/**
 * Who sent a runtime message, judged only from fields the browser stamps (never from the message).
 *
 * | sender          | origin            | tab                     |
 * |-----------------|-------------------|-------------------------|
 * | popup / options | extension origin  | absent (set in a tab)   |
 * | sidebar iframe  | extension origin  | the store tab           |
 * | content script  | the page's origin | set                     |
 */
export type SenderClass = 'extensionPage' | 'contentScript' | 'foreign';

export interface MessageSenderLike {
  id?: string;
  origin?: string;
  url?: string;
  tab?: unknown;
}

export interface ExtensionIdentity {
  id: string;
  /** e.g. `chrome-extension://abcdef…` with no trailing slash */
  origin: string;
}

export function classifySender(sender: MessageSenderLike, self: ExtensionIdentity): SenderClass {
  if (sender.id !== self.id) return 'foreign';
  if (senderOrigin(sender) === self.origin) return 'extensionPage';
  if (sender.tab) return 'contentScript';
  return 'foreign';
}

/** Chromium stamps `origin`; Firefox only `url`, from which the origin is derived. */
function senderOrigin(sender: MessageSenderLike): string | undefined {
  if (sender.origin) return sender.origin;
  if (!sender.url) return undefined;
  try {
    // URL#origin is "null" for non-web schemes such as moz-extension: in some engines.
    const url = new URL(sender.url);
    return `${url.protocol}//${url.host}`;
  } catch {
    return undefined;
  }
}
