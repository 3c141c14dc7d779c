import { describe, expect, test } from 'vitest';
import { UserRuleSchema } from '@/lib/settings/schema';

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
    expect(issue?.message).toMatch(message);
  });
});
