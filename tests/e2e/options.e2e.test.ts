import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startHarness, type Harness } from './harness';
import { OptionsPage } from './pages/options-page';
import { DEMO } from '../fakes/demo-data';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(() => harness.fake.reset());

describe('options page', () => {
  test('Save keeps brand and email, normalises a pasted admin link, never shows the token', async () => {
    const options = await OptionsPage.open(harness.browser);
    await options.fill({
      brand: `https://${DEMO.brand}.reamaze.com/admin/conversations/some-slug`,
      email: DEMO.login.email,
      token: DEMO.login.token,
    });
    await options.save();
    await expect.poll(() => options.status().innerText()).toContain('Saved');

    const reopened = await OptionsPage.open(harness.browser);
    await expect.poll(() => reopened.brand().inputValue()).toBe(DEMO.brand);
    expect(await reopened.email().inputValue()).toBe(DEMO.login.email);
    expect(await reopened.token().inputValue()).toBe('');
    expect(await reopened.token().getAttribute('type')).toBe('password');
    expect(await reopened.page.getByText('A token is saved').count()).toBe(1);
    expect(await reopened.page.content()).not.toContain(DEMO.login.token);
  });

  test('Test connection names the brand and the staff user', async () => {
    const options = await OptionsPage.open(harness.browser);
    await options.fill({ brand: DEMO.brand, email: DEMO.login.email, token: DEMO.login.token });
    await options.testConnection();
    await expect
      .poll(() => options.status().innerText())
      .toBe(`Connected to ${DEMO.brand} as ${DEMO.login.name}.`);
    const request = harness.fake.log.at(-1)!;
    expect(request).toMatchObject({ brand: DEMO.brand, path: '/api/v1/staff', status: 200 });
  });

  test('a wrong token is an alert that mentions the token without echoing it', async () => {
    const options = await OptionsPage.open(harness.browser);
    await options.fill({ brand: DEMO.brand, email: DEMO.login.email, token: DEMO.wrongToken });
    await options.testConnection();
    const alert = options.alert();
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('API token');
    expect(text).not.toContain(DEMO.wrongToken);
    expect(await options.page.getByRole('status').count()).toBe(0);
    expect(harness.fake.log.at(-1)!.status).toBe(403);
  });

  test('a 401 from the API is treated the same as a 403', async () => {
    harness.fake.configure({ authFailureStatus: 401 });
    const options = await OptionsPage.open(harness.browser);
    await options.fill({ brand: DEMO.brand, email: DEMO.login.email, token: DEMO.wrongToken });
    await options.testConnection();
    expect(await options.alert().innerText()).toContain('API token');
    expect(harness.fake.log.at(-1)!.status).toBe(401);
  });

  test('invalid fields are named next to the field and nothing is sent', async () => {
    const options = await OptionsPage.open(harness.browser);
    await options.fill({ brand: 'not a brand!', email: 'dana', token: 'x' });
    await options.save();
    await options.alert().waitFor();
    expect(await options.brand().getAttribute('aria-invalid')).toBe('true');
    expect(await options.email().getAttribute('aria-invalid')).toBe('true');
    expect(await options.page.locator('#brand-error').innerText()).toMatch(/brand/i);
    // The lookup settings below the form load the channel list; the invalid Save sent nothing.
    expect(harness.fake.log.filter((r) => r.path !== '/api/v1/channels')).toEqual([]);
  });

  test('marketplace channels arrive preselected from Re:amaze, and a different choice is saved', async () => {
    const options = await OptionsPage.open(harness.browser);
    await options.fill({ brand: DEMO.brand, email: DEMO.login.email, token: DEMO.login.token });
    await options.save();
    const amazon = options.page.getByLabel('Amazon channel');
    await expect.poll(() => amazon.inputValue()).toBe(DEMO.amazon.channel);
    expect(await options.page.getByLabel('eBay channel').inputValue()).toBe('ebay');
    expect(await options.page.getByLabel('Etsy channel').inputValue()).toBe('');
    await amazon.selectOption('support');
    await options.page.getByLabel('Custom-data keys').fill('order_number, Order Number');
    await options.page.getByRole('button', { name: 'Save lookups' }).click();
    await options.page.getByText('Lookup settings saved.').waitFor();

    const reopened = await OptionsPage.open(harness.browser);
    await expect.poll(() => reopened.page.getByLabel('Amazon channel').inputValue()).toBe('support');
    expect(await reopened.page.getByLabel('Custom-data keys').inputValue()).toBe('order_number, Order Number');
  });

  test('a detection rule is added, checked and removed', async () => {
    const options = await OptionsPage.open(harness.browser);
    const rules = options.page.getByRole('region', { name: 'Detection rules' });
    await rules.getByLabel('Rule name').fill('Legacy shop');
    await rules.getByLabel('URL pattern').fill('not a pattern');
    await rules.getByLabel('CSS selector').fill('#order-number');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    expect(await rules.getByRole('alert').innerText()).toMatch(/match pattern/);
    await rules.getByLabel('URL pattern').fill('https://legacy.northwind.example/admin/*');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await rules.getByRole('button', { name: 'Remove rule Legacy shop' }).waitFor();

    const reopened = await OptionsPage.open(harness.browser);
    const saved = reopened.page.getByRole('region', { name: 'Detection rules' });
    await saved.getByRole('button', { name: 'Remove rule Legacy shop' }).click();
    await expect.poll(() => saved.getByRole('listitem').count()).toBe(0);
  });
});
