import type { ReamazeClient } from '../api/client';
import { ReamazeApiError } from '../api/errors';
import type { Conversation } from '../api/schemas';
import type { PlannedRequest } from './plan';

/** What one request found; `unreadable` counts list items too damaged to show. */
export interface LookupAnswer {
  conversations: Conversation[];
  unreadable: number;
}

/**
 * Runs one planned request. A 404 on a single conversation (ref, slug, origin) is an empty answer;
 * on a list it means the brand or the endpoint is wrong, so it propagates like any other failure.
 */
export async function runLookup(
  client: ReamazeClient,
  request: PlannedRequest,
): Promise<LookupAnswer> {
  const one = (conversation: Conversation) => ({ conversations: [conversation], unreadable: 0 });
  const page = ({
    conversations,
    skipped,
  }: {
    conversations: Conversation[];
    skipped: number;
  }) => ({
    conversations,
    unreadable: skipped,
  });
  try {
    switch (request.kind) {
      case 'ref':
        return one(await client.getConversation(request.id, { idType: 'ref' }));
      case 'slug':
        return one(await client.getConversation(request.slug, undefined));
      case 'origin': {
        const lookup = { idType: 'origin', category: request.category } as const;
        return one(await client.getConversation(request.id, lookup));
      }
      // Lists: the first page only (30 at most), so one id costs one request.
      case 'customer':
        return page(await client.listConversations({ for: request.email, filter: 'all' }));
      case 'data': {
        const query = { filter: 'all', data: { [request.dataKey]: request.value } } as const;
        return page(await client.listConversations(query));
      }
    }
  } catch (error) {
    const single = request.kind === 'ref' || request.kind === 'slug' || request.kind === 'origin';
    if (single && error instanceof ReamazeApiError && error.kind === 'notFound') {
      return { conversations: [], unreadable: 0 };
    }
    throw error;
  }
}
