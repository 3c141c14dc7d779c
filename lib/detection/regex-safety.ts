import { isSafePattern } from 'redos-detector';

/*
 * Whether an agent's regular expression is safe to run over store pages. Runs where rules are
 * parsed (background, options page), never in the content script: the checker is too big for it.
 */

/** Why a pattern is refused, in the agent's words; null when it is safe to run. */
export function regexProblem(source: string): string | null {
  let verdict = verdicts.get(source);
  if (verdict === undefined) {
    verdict = judge(source);
    // Rules are parsed on every settings read and message: judge each pattern once.
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(source, verdict);
  }
  return verdict;
}

const verdicts = new Map<string, string | null>();
const MAX_VERDICTS = 200;

/** Message keys (locales/en.yml), put in words where a rule's problem is shown (issueText). */
export const SLOW_REGEX = 'settings.regexSlow';
export const COMPLEX_REGEX = 'settings.regexComplex';

function judge(source: string): string | null {
  try {
    // One match attempt from one position is judged; the restarts of a scan across the page are
    // bounded by the text a rule may read (MAX_RULE_TEXT). Judging the unanchored scan instead
    // refuses plain rules such as `Order number:\s*(\S+)`. The step limit keeps the verdict the
    // same on every machine; the time limit only backs it up.
    const result = isSafePattern(`^(?:${source})`, { maxSteps: 5000, timeout: 1000 });
    if (result.safe) return null;
    return result.error === 'hitMaxScore' ? SLOW_REGEX : COMPLEX_REGEX;
  } catch {
    return COMPLEX_REGEX;
  }
}
