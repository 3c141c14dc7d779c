import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_FILE_FORMAT, SettingsFileSchema, importSettings } from '@/lib/settings/export';
import { SafeUserRuleSchema } from '@/lib/settings/safe-rules';
import { DEFAULT_SETTINGS, UserRuleSchema, type UserRule } from '@/lib/settings/schema';
import { loadSettings, updateSettings } from '@/lib/storage/settings';
import { issueText } from '@/lib/i18n/translate';
import { english } from '../i18n/locales';

/** A schema's message key in English words, as the options page shows it. */
const words = (message = '') => issueText(english.t, message);

const rule = {
  id: 'r1',
  name: 'Legacy shop',
  urlPattern: 'https://legacy.example/admin/*',
  kind: 'order',
  target: 'orderRef',
  selector: '#order-number',
};

describe('user rule settings', () => {
  test('a rule with a pattern and a selector or regex is accepted', () => {
    expect(UserRuleSchema.parse(rule)).toEqual(rule);
    expect(
      UserRuleSchema.safeParse({ ...rule, selector: undefined, regex: 'Order #(\\d+)' }).success,
    ).toBe(true);
  });

  test.each([
    [{ urlPattern: 'legacy.example' }, 'urlPattern', /match pattern/],
    [{ selector: undefined }, 'selector', /selector, a regular expression/],
    [{ regex: '(' }, 'regex', /not valid/],
    [{ target: 'originId' }, 'marketplace', /marketplace/],
    [{ name: ' ' }, 'name', /name/],
  ])('%j is refused at %s', (change, path, message) => {
    const result = UserRuleSchema.safeParse({ ...rule, ...change });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === path);
    expect(words(issue?.message)).toMatch(message);
  });

  test('an invalid regex gets one message, not a second one about its speed', () => {
    const result = SafeUserRuleSchema.safeParse({ ...rule, regex: '(a+' });
    expect(result.error!.issues.map((i) => words(i.message))).toEqual([
      'That regular expression is not valid.',
    ]);
  });
});

/** Patterns that froze a page for seconds on a long run of letters or spaces. */
const CATASTROPHIC = ['(a+)+$', '(\\w+\\s?)*$', '(x+x+)+y', '\\d+\\d+x', '(.*)*x', '^(a|aa)+$'];
/** Rules agents write, which must stay allowed. */
const PLAIN = [
  'Order #(\\d+)',
  'Order number:\\s*(\\S+)',
  'Order (?:ID|#):? *([\\w-]+)',
  '[\\w.+-]+@[\\w-]+\\.[\\w.]+',
  '\\b\\d{3}-\\d{7}-\\d{7}\\b',
  '(?<=Ref: )[A-Z]{9}',
];

describe('a rule’s regex runs in bounded time', () => {
  test.each(CATASTROPHIC)('%s is refused at the regex field', (regex) => {
    const result = SafeUserRuleSchema.safeParse({ ...rule, regex });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === 'regex');
    expect(words(issue?.message)).toMatch(/can take very long|too complex to check/);
  });

  test.each(PLAIN)('%s is accepted', (regex) => {
    expect(SafeUserRuleSchema.safeParse({ ...rule, regex }).success).toBe(true);
  });

  test('the shape alone, which the popup and sidebar parse, leaves the judging to where rules enter', () => {
    expect(UserRuleSchema.safeParse({ ...rule, regex: '(a+)+$' }).success).toBe(true);
  });

  test('saving never stores such a rule, naming the rule’s regex', async () => {
    const unsafe = { ...rule, id: 'r2', regex: '(\\w+\\s?)*$' } as UserRule;
    const saving = updateSettings({ userRules: [rule as UserRule, unsafe] });
    await expect(saving).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['userRules', 1, 'regex'] })],
    });
    await expect(saving).rejects.toThrow(/settings\.regexSlow/);
    expect((await loadSettings()).settings.userRules).toEqual([]);
  });

  test('importing a file with such a rule stores nothing of it', async () => {
    const file = SettingsFileSchema.parse({
      format: SETTINGS_FILE_FORMAT,
      version: 3,
      brands: [],
      defaultBrand: null,
      storeBrands: [],
      dataKeys: [],
      userRules: [rule, { ...rule, id: 'r2', regex: '(a+)+$' }],
    });
    const { settings } = importSettings(DEFAULT_SETTINGS, file);
    await expect(updateSettings(settings)).rejects.toThrow(/settings\.regexSlow/);
    expect((await loadSettings()).settings.userRules).toEqual([]);
  });

  test('a stored rule that is no longer judged safe is not handed to the content scripts', async () => {
    await updateSettings({ userRules: [rule as UserRule] });
    const { settings: raw } = await fakeBrowser.storage.local.get('settings');
    await fakeBrowser.storage.local.set({
      settings: { ...(raw as object), userRules: [{ ...rule, regex: '(x+x+)+y' }] },
    });
    const loaded = await loadSettings();
    expect(loaded.settings.userRules).toEqual([]);
    expect(loaded.problems).toEqual([{ unreadable: 'userRules' }]);
  });
});
