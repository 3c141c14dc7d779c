import { z } from 'zod';
import { regexProblem } from '../detection/regex-safety';
import { SettingsSchema, UserRuleSchema } from './schema';

/*
 * Rules the content scripts may run: each regex judged to run in bounded time over any page text
 * (regex-safety.ts). The judge is a ReDoS detector, too big for the pages that only show rules (the
 * popup, the sidebar), so it applies where rules enter: the options page's rule editor, and the
 * background on every settings read and write (saves and imports) and before a rule is tested.
 */

export const SafeUserRuleSchema = UserRuleSchema.superRefine((rule, ctx) => {
  // A regex that does not compile already has its message (UserRuleSchema).
  const problem = rule.regex && compiles(rule.regex) ? regexProblem(rule.regex) : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['regex'] });
});

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** The stored settings as the background reads and writes them. */
export const SafeSettingsSchema = SettingsSchema.extend({
  userRules: z.array(SafeUserRuleSchema).max(50),
});
