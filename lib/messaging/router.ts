import { z } from 'zod';
import {
  classifySender,
  type ExtensionIdentity,
  type MessageSenderLike,
  type SenderClass,
} from '../security/sender';
import { ReamazeApiError } from '../api/errors';
import { issueText, type Translate } from '../i18n/translate';
import { AppError, type MessageError } from './errors';
import {
  EnvelopeSchema,
  isMessageType,
  protocol,
  type MessageType,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
} from './protocol';

/** What the browser stamped on a message, as handlers may use it. */
export interface SenderContext {
  senderClass: SenderClass;
  /** The tab a content script or sidebar frame lives in. */
  tabId?: number;
  /** The page origin of a content script (browser-stamped, so trustworthy). */
  origin?: string;
  /** The page URL of a content script's frame (browser-stamped): it picks the store's brand. */
  url?: string;
  /**
   * The key in a framed extension page's address (`sidebar.html#key`), browser-stamped: the
   * background gave it to the tab's content script, so it tells our sidebar from any other frame.
   */
  frameKey?: string;
}

export type Handlers = {
  [T in MessageType]: (
    request: ParsedRequestOf<T>,
    sender: SenderContext,
  ) => Promise<ResponseOf<T>>;
};

/**
 * The background's one message listener: classify the sender from what the browser stamped, check
 * the message is one that sender may send, parse it, dispatch. Failures come back as values.
 */
export function createRouter(handlers: Handlers, self: ExtensionIdentity, t: Translate) {
  return async (message: unknown, sender: MessageSenderLike): Promise<Result<unknown>> => {
    const envelope = EnvelopeSchema.safeParse(message);
    if (!envelope.success || !isMessageType(envelope.data.type)) {
      return failure({ kind: 'badMessage', message: t('errors.unknownMessage') });
    }
    const type = envelope.data.type;
    const senderClass = classifySender(sender, self);
    if (!(protocol[type].senders as readonly string[]).includes(senderClass)) {
      console.warn(`Refused "${type}" from a ${senderClass} sender.`);
      return failure({ kind: 'forbidden', message: t('errors.forbidden') });
    }
    const request = protocol[type].request.safeParse(envelope.data.payload);
    if (!request.success) return failure(invalidInput(t, request.error));

    try {
      const handler = handlers[type] as (
        request: unknown,
        sender: SenderContext,
      ) => Promise<unknown>;
      const context: SenderContext = {
        senderClass,
        tabId: tabIdOf(sender),
        origin: senderClass === 'contentScript' ? sender.origin : undefined,
        url: senderClass === 'contentScript' ? sender.url : undefined,
        frameKey: senderClass === 'extensionPage' ? keyOf(sender.url) : undefined,
      };
      return { ok: true, data: await handler(request.data, context) };
    } catch (error) {
      return failure(toMessageError(t, error));
    }
  };
}

/**
 * A failure as the page shows it, in the agent's language: an AppError's message and field errors
 * may be message keys (the routers' own, zod schemas'), put in words here with `issueText`.
 */
export function toMessageError(t: Translate, error: unknown): MessageError {
  if (error instanceof ReamazeApiError) return error.toJSON();
  // A value a service checks further than its message's schema (a rule's regex, say).
  if (error instanceof z.ZodError) return invalidInput(t, error);
  if (error instanceof AppError) {
    const fieldErrors = error.fieldErrors && translated(t, error.fieldErrors);
    return { kind: error.kind, message: issueText(t, error.message), fieldErrors };
  }
  console.error('Unexpected failure in the background', error);
  return { kind: 'internal', message: t('errors.internal') };
}

function translated(t: Translate, fieldErrors: Record<string, string[]>) {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [
      field,
      messages.map((message) => issueText(t, message)),
    ]),
  );
}

function invalidInput(t: Translate, error: z.ZodError): MessageError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'request';
    (fieldErrors[field] ??= []).push(issueText(t, issue.message));
  }
  return {
    kind: 'invalidInput',
    message: error.issues.map((issue) => issueText(t, issue.message)).join(' '),
    fieldErrors,
  };
}

function keyOf(url: string | undefined): string | undefined {
  try {
    return new URL(url ?? '').hash.slice(1) || undefined;
  } catch {
    return undefined;
  }
}

function tabIdOf(sender: MessageSenderLike): number | undefined {
  const id = (sender.tab as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' && id >= 0 ? id : undefined;
}

function failure(error: MessageError): Result<never> {
  return { ok: false, error };
}

/** The sender's tab: for messages that only make sense from a store tab or its sidebar. */
export function requireTab(sender: SenderContext): number {
  if (sender.tabId === undefined) {
    throw new AppError('forbidden', 'errors.storeTabOnly');
  }
  return sender.tabId;
}

/** A content script's page, as the browser stamped it: origin and URL. */
export function requirePage(sender: SenderContext): { origin: string; url: string } {
  if (!sender.origin || !sender.url) {
    throw new AppError('forbidden', 'errors.storePageOnly');
  }
  return { origin: sender.origin, url: sender.url };
}
