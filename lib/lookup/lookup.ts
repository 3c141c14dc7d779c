import type { Conversation } from '../api/schemas';
import type { ReamazeClient } from '../api/client';
import { ReamazeApiError } from '../api/errors';

/** What an agent typed, as the lookup understands it. */
export type LookupQuery = { kind: 'email'; value: string } | { kind: 'id'; value: string };

export interface LookupOutcome {
  query: LookupQuery;
  /** Says in words what was searched, for the empty state and screen readers. */
  searched: string;
  conversations: Conversation[];
  page: number;
  pageCount: number;
  totalCount: number;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** A link into the Re:amaze admin, as agents copy it from the address bar: its slug is the id. */
const CONVERSATION_LINK = /^https?:\/\/[a-z0-9-]+\.reamaze\.(?:com|io)\/admin\/conversations\/([^/?#]+)/i;

export function classifyQuery(text: string): LookupQuery {
  const value = text.trim();
  if (EMAIL.test(value)) return { kind: 'email', value: value.toLowerCase() };
  const slug = value.match(CONVERSATION_LINK)?.[1];
  if (slug) return { kind: 'id', value: safeDecode(slug) };
  return { kind: 'id', value };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * An email gives that customer's conversations, archived ones included (`filter=all`). Anything
 * else is a slug or reference id (`id_type=ref`, which tries the slug first); a bare number that
 * matches neither may still be a database id, which the API only tries without an `id_type`.
 */
export async function lookupConversations(
  client: ReamazeClient,
  query: LookupQuery,
  page = 1,
): Promise<LookupOutcome> {
  if (query.kind === 'email') {
    const result = await client.listConversations({ for: query.value, filter: 'all', page });
    return {
      query,
      searched: `customer email ${query.value}`,
      conversations: result.conversations,
      page,
      pageCount: result.page_count ?? 1,
      totalCount: result.total_count ?? result.conversations.length,
    };
  }

  const found =
    (await findConversation(client, query.value, { idType: 'ref' })) ??
    (/^\d+$/.test(query.value) ? await findConversation(client, query.value) : null);
  const conversations = found ? [found] : [];
  return {
    query,
    searched: /^\d+$/.test(query.value)
      ? `slug, reference id or conversation id ${query.value}`
      : `slug or reference id ${query.value}`,
    conversations,
    page: 1,
    pageCount: 1,
    totalCount: conversations.length,
  };
}

/** One conversation, or null when the API says there is none. Other failures propagate. */
async function findConversation(
  client: ReamazeClient,
  id: string,
  lookup?: { idType: 'ref' },
): Promise<Conversation | null> {
  try {
    return await client.getConversation(id, lookup);
  } catch (error) {
    if (error instanceof ReamazeApiError && error.kind === 'notFound') return null;
    throw error;
  }
}
