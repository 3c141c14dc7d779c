import type { ReamazeClient } from '../api/client';
import { ReamazeApiError } from '../api/errors';
import type { Conversation } from '../api/schemas';
import type { PlannedRequest } from './plan';

/** Runs one planned request; "not found" is an empty answer, other failures propagate. */
export async function runLookup(
  client: ReamazeClient,
  request: PlannedRequest,
): Promise<Conversation[]> {
  try {
    switch (request.kind) {
      case 'ref':
        return [await client.getConversation(request.id, { idType: 'ref' })];
      case 'slug':
        return [await client.getConversation(request.slug, undefined)];
      case 'origin': {
        const lookup = { idType: 'origin', category: request.category } as const;
        return [await client.getConversation(request.id, lookup)];
      }
      // Lists: the first page only (30 at most), so one id costs one request.
      case 'customer':
        return (await client.listConversations({ for: request.email, filter: 'all' }))
          .conversations;
      case 'data': {
        const query = { filter: 'all', data: { [request.dataKey]: request.value } } as const;
        return (await client.listConversations(query)).conversations;
      }
    }
  } catch (error) {
    if (error instanceof ReamazeApiError && error.kind === 'notFound') return [];
    throw error;
  }
}
