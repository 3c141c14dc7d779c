import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from './render';
import { UserRulesSection } from '@/components/options/rules-section';
import type { RuleTest } from '@/lib/detection/schema';
import type { UserRule } from '@/lib/settings/schema';
import {
  fail,
  fakeSend,
  LEGACY_PAGE,
  LEGACY_RULE,
  ok,
  sent,
  type FakeReplies,
} from './options-fakes';
import { clickOutsideAct } from './outside-act';

async function renderRules(rules: UserRule[], replies: FakeReplies = {}) {
  const send = fakeSend({
    getUserRules: () => ok(rules),
    saveUserRules: (saved) => ok(saved as UserRule[]),
    ...replies,
  });
  render(<UserRulesSection send={send} />);
  await screen.findByRole('region', { name: 'Detection rules' });
  await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
  return send;
}

const rule = (name: string) => within(screen.getByRole('group', { name }));

function found(overrides: Partial<RuleTest> = {}): RuleTest {
  return {
    url: LEGACY_PAGE,
    matched: true,
    orderRefs: [],
    originIds: [],
    emails: [],
    ...overrides,
  };
}

describe('Detection rules', () => {
  test('each saved rule is shown in its own editable group', async () => {
    await renderRules([LEGACY_RULE]);
    const legacy = rule('Legacy shop');
    expect((legacy.getByLabelText('URL pattern') as HTMLInputElement).value).toBe(
      LEGACY_RULE.urlPattern,
    );
    expect((legacy.getByLabelText('CSS selector') as HTMLInputElement).value).toBe('#order-number');
    expect((legacy.getByLabelText('Finds') as HTMLSelectElement).value).toBe('orderRef');
  });

  test('the preview sends the rule as edited and says what it finds on the page', async () => {
    const send = await renderRules([LEGACY_RULE], {
      testRule: () => ok(found({ orderRefs: ['1042'], emails: ['maya.chen@example.net'] })),
    });
    fireEvent.input(rule('Legacy shop').getByLabelText('CSS selector'), {
      target: { value: '.order-id' },
    });
    fireEvent.click(
      rule('Legacy shop').getByRole('button', { name: 'Test this rule on the current page' }),
    );
    await waitFor(() =>
      expect(rule('Legacy shop').getByRole('status').textContent).toBe(
        `On ${LEGACY_PAGE} this rule finds: order #1042, customer email maya.chen@example.net.`,
      ),
    );
    expect(sent(send, 'testRule')).toEqual([{ rule: { ...LEGACY_RULE, selector: '.order-id' } }]);
    // Testing saves nothing.
    expect(sent(send, 'saveUserRules')).toEqual([]);
  });

  test.each([
    [
      'a page the pattern does not match',
      found({ matched: false, url: 'https://shop.example/' }),
      'The pattern does not match https://shop.example/.',
    ],
    ['a matching page without the value', found(), `On ${LEGACY_PAGE} this rule finds nothing.`],
    [
      'marketplace ids',
      found({ originIds: [{ id: '113-1234567-1234567', marketplace: 'amazon' }] }),
      `On ${LEGACY_PAGE} this rule finds: Amazon order 113-1234567-1234567.`,
    ],
  ])('the preview names %s', async (_name, result, message) => {
    await renderRules([LEGACY_RULE], { testRule: () => ok(result) });
    fireEvent.click(
      rule('Legacy shop').getByRole('button', { name: 'Test this rule on the current page' }),
    );
    await waitFor(() => expect(rule('Legacy shop').getByRole('status').textContent).toBe(message));
  });

  test('an invalid rule is marked next to its fields and not sent to the page', async () => {
    const send = await renderRules([LEGACY_RULE], { testRule: () => ok(found()) });
    const legacy = rule('Legacy shop');
    fireEvent.input(legacy.getByLabelText('URL pattern'), {
      target: { value: 'legacy.northwind.example' },
    });
    fireEvent.input(legacy.getByLabelText('CSS selector'), { target: { value: '' } });
    fireEvent.click(legacy.getByRole('button', { name: 'Test this rule on the current page' }));

    const pattern = legacy.getByLabelText('URL pattern');
    await waitFor(() => expect(pattern.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${pattern.id}-error`)!.textContent).toMatch(
      /match pattern such as/,
    );
    expect(pattern.getAttribute('aria-describedby')).toContain(`${pattern.id}-error`);
    const selector = legacy.getByLabelText('CSS selector');
    expect(document.getElementById(`${selector.id}-error`)!.textContent).toBe(
      'Give a CSS selector, a regular expression, or both.',
    );
    expect(legacy.getByRole('alert').textContent).toContain('Fix the marked fields first.');
    expect(sent(send, 'testRule')).toEqual([]);
  });

  test('a regex that can run for seconds is refused at its field and never saved', async () => {
    const send = await renderRules([LEGACY_RULE]);
    const legacy = rule('Legacy shop');
    const regex = legacy.getByLabelText('Regular expression');
    fireEvent.input(regex, { target: { value: '(\\w+\\s?)*$' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));

    await waitFor(() => expect(regex.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${regex.id}-error`)!.textContent).toMatch(
      /can take very long on some pages .* Simplify it\./,
    );
    expect(sent(send, 'saveUserRules')).toEqual([]);
  });

  test('with no store tab to test on, the background’s message is an alert', async () => {
    await renderRules([LEGACY_RULE], {
      testRule: () =>
        fail(
          'invalidInput',
          'No store page to test on: open the store page in a tab where Re:amaze Inline runs.',
        ),
    });
    fireEvent.click(
      rule('Legacy shop').getByRole('button', { name: 'Test this rule on the current page' }),
    );
    expect((await rule('Legacy shop').findByRole('alert')).textContent).toContain(
      'No store page to test on',
    );
  });

  test('Add rule opens a new rule; Save rules checks and stores them all, Remove drops one', async () => {
    const send = await renderRules([LEGACY_RULE]);
    await clickOutsideAct(screen.getByRole('button', { name: 'Add rule' }));
    const fresh = rule('New rule');
    expect(document.activeElement).toBe(fresh.getByLabelText('Rule name'));

    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(
      (await screen.findByText(/Some rules need fixing/)).closest('[role=alert]'),
    ).toBeTruthy();
    expect(fresh.getByLabelText('Rule name').getAttribute('aria-invalid')).toBe('true');
    expect(sent(send, 'saveUserRules')).toEqual([]);

    fireEvent.input(fresh.getByLabelText('Rule name'), { target: { value: 'Customers' } });
    const customers = rule('Customers');
    fireEvent.input(customers.getByLabelText('URL pattern'), {
      target: { value: 'https://legacy.northwind.example/admin/customer/*' },
    });
    fireEvent.change(customers.getByLabelText('Finds'), { target: { value: 'email' } });
    fireEvent.input(customers.getByLabelText('Regular expression'), {
      target: { value: 'Email: (\\S+)' },
    });
    fireEvent.click(rule('Legacy shop').getByRole('button', { name: 'Remove rule Legacy shop' }));
    expect(screen.getByText(/Unsaved changes/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));

    await screen.findByText('Rules saved.');
    const [saved] = sent(send, 'saveUserRules');
    expect(saved).toEqual([
      expect.objectContaining({
        name: 'Customers',
        urlPattern: 'https://legacy.northwind.example/admin/customer/*',
        kind: 'customer',
        target: 'email',
        regex: 'Email: (\\S+)',
      }),
    ]);
    expect(screen.queryByRole('group', { name: 'Legacy shop' })).toBeNull();
    expect(screen.queryByText(/Unsaved changes/)).toBeNull();
  });

  test('a marketplace id rule is saved with its marketplace', async () => {
    const send = await renderRules([LEGACY_RULE]);
    fireEvent.change(rule('Legacy shop').getByLabelText('Finds'), { target: { value: 'ebay' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await screen.findByText('Rules saved.');
    expect(sent(send, 'saveUserRules')).toEqual([
      [{ ...LEGACY_RULE, target: 'originId', marketplace: 'ebay' }],
    ]);
  });
});
