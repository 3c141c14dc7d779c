import { isOpenStatus } from '../api/labels';
import type { Conversation } from '../api/schemas';
import type { PlannedRequest } from './plan';
import type { MatchReason } from './schemas';

export interface RankedMatch {
  conversation: Conversation;
  reasons: MatchReason[];
}

/**
 * One entry per conversation with every reason it matched, ranked: direct id matches before
 * email-only ones, open before done, newest first.
 */
export function mergeMatches(
  results: { request: PlannedRequest; conversations: Conversation[] }[],
): RankedMatch[] {
  const bySlug = new Map<string, RankedMatch & { requestKeys: Set<string> }>();
  for (const { request, conversations } of results) {
    for (const conversation of conversations) {
      const known = bySlug.get(conversation.slug);
      const match = known ?? { conversation, reasons: [], requestKeys: new Set<string>() };
      if (known) match.conversation = combineCopies(known.conversation, conversation);
      if (!match.requestKeys.has(request.key)) {
        match.requestKeys.add(request.key);
        match.reasons.push(request.reason);
      }
      bySlug.set(conversation.slug, match);
    }
  }
  return (
    [...bySlug.values()]
      // The direct id matches say most about why a conversation is here, so they are named first.
      .map(({ conversation, reasons }) => ({
        conversation,
        reasons: [...reasons].sort(
          (a, b) => Number(a.kind === 'email') - Number(b.kind === 'email'),
        ),
      }))
      .sort(
        (a, b) =>
          Number(isDirect(b)) - Number(isDirect(a)) ||
          Number(isOpenStatus(b.conversation.status)) -
            Number(isOpenStatus(a.conversation.status)) ||
          timeOf(b.conversation) - timeOf(a.conversation),
      )
  );
}

/**
 * The same conversation from two requests: the newer copy wins, and fields it lacks come from the
 * other. A list item has no `data` or `last_staff_message`; the single GET by id has both.
 */
function combineCopies(first: Conversation, second: Conversation): Conversation {
  const [older, newer] = timeOf(second) > timeOf(first) ? [first, second] : [second, first];
  return { ...older, ...newer };
}

function isDirect(match: RankedMatch): boolean {
  return match.reasons.some((reason) => reason.kind !== 'email');
}

/** Last activity, else creation; unreadable times sort last. */
function timeOf(conversation: Conversation): number {
  const updated = Date.parse(conversation.updated_at ?? '');
  return Number.isNaN(updated) ? Date.parse(conversation.created_at) || 0 : updated;
}
