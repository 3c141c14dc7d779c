import { RuleTestSchema, type RuleTest } from '@/lib/detection/schema';
import { tabsForRule } from '@/lib/detection/user-rules';
import { AppError } from '@/lib/messaging/errors';
import { SafeUserRuleSchema } from '@/lib/settings/safe-rules';
import type { UserRule } from '@/lib/settings/schema';
import { sendToTab } from './sidebar';

/**
 * Runs a rule in the store tab the agent used last, preferring one the rule's pattern matches
 * (the one the agent means); its content script reads the page, and its answer is parsed here.
 * The rule's regex is judged safe first: the page runs it.
 */
export async function testRuleInTabs(
  unchecked: UserRule,
  recent: [tabId: number, url: string][],
): Promise<RuleTest> {
  const rule = SafeUserRuleSchema.parse(unchecked);
  const tabs = tabsForRule(
    rule,
    recent.map(([id, url]) => ({ id, url })),
  );
  for (const { id } of tabs) {
    const reply = RuleTestSchema.safeParse(await sendToTab(id, 'testRule', { rule }));
    if (reply.success) return reply.data;
  }
  throw new AppError('invalidInput', NO_STORE_PAGE);
}

/** A message key: the router puts it in the agent's language. */
const NO_STORE_PAGE = 'errors.noStorePage';
