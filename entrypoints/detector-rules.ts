import { defineUnlistedScript } from '#imports';
import { detectWithRules, testRule } from '@/lib/detection/user-rules';
import { providePart } from './detector/parts';

/** The agent's rules, a part of the detector loaded where the agent has any (see detector/parts.ts). */
export default defineUnlistedScript(() => providePart('rules', { detectWithRules, testRule }));
