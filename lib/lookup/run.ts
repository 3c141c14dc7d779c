import type { ReamazeClient } from '../api/client';
import { ReamazeApiError } from '../api/errors';
import type { Conversation } from '../api/schemas';
import type { PlannedRequest } from './plan';

/**
 * Runs one planned request. A 404 on a single conversation (ref, slug, origin) is an empty answer;
 * on a list it means the brand or the endpoint is wrong, so it propagates like any other failure.
 */
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
    const single = request.kind === 'ref' || request.kind === 'slug' || request.kind === 'origin';
    if (single && error instanceof ReamazeApiError && error.kind === 'notFound') return [];
    throw error;
  }
}
