import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  fixturePage,
  SHOPIFY_ORDER,
  startHarness,
  type Harness,
} from '../../scripts/harness/harness';
import { OptionsPage } from '../../scripts/harness/pages/options-page';
import {
  accessibleDescription,
  SidebarPage,
  ThreadPanel,
} from '../../scripts/harness/pages/sidebar-page';
import { readUndoWindow, setUndoWindow } from '../../scripts/harness/pages/undo-window';
import type { RequestLogEntry } from '../fakes/reamaze-server';
import { extensionStorageHolds, stopServiceWorker } from '../../scripts/harness/worker';
import { DEMO } from '../fakes/demo-data';

/**
 * Acting on a conversation from the store page's sidebar (issue 11): a reply, an internal note,
 * status, tags, assignee, a new conversation, the undo window, a refused write, drafts. Each test
 * checks what the agent sees and what the fake Re:amaze received and now holds.
 *
 * The Shopify order #1042 lists three conversations; the tests write to two of them:
 *  - "Where is my order #1042?" (DEMO.conversation): the reply, On Hold, the draft;
 *  - "Kettle arrived damaged" (DEMO.unassigned): the undo, the note, a tag, the assignee, the 422.
 * The fake keeps what each test wrote (no reset between tests, so the extension's cached view and
 * the fake agree); every assertion is about what that test itself changed.
 */

const BRAND = DEMO.brand;
const ORDER_LAUNCHER = 'Re:amaze: 3 conversations';
const REPLY_TO = { slug: DEMO.conversation.slug, subject: DEMO.conversation.subject };
const KETTLE = { slug: DEMO.unassigned.slug, subject: 'Kettle arrived damaged' };
/** The order page of a customer Re:amaze has never heard of (see its fixture). */
const newCustomerOrder = fixturePage('shopify-order-new-customer');
const NEW_CUSTOMER = { order: '1187', email: 'nora.lindqvist@example.org', name: 'Nora Lindqvist' };
const PRIYA = { name: 'Priya Raman', email: 'priya@northwind.example' };

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    storePages: [fixturePage('shopify-order'), newCustomerOrder],
  });
  await OptionsPage.connect(harness.browser);
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(() => harness.fake.clearLog());
afterEach(() => harness.fake.configure({ rejectNextWrite: null }));

/** The requests the fake got with this method for this API path (`.json` or not). */
function requests(method: string, path: string): RequestLogEntry[] {
  return harness.fake.log.filter(
    (entry) => entry.method === method && entry.path.replace(/\.json$/, '') === `/api/v1${path}`,
  );
}
const messagesPath = (slug: string) => `/conversations/${encodeURIComponent(slug)}/messages`;
const conversationPath = (slug: string) => `/conversations/${encodeURIComponent(slug)}`;
const bodyOf = (entry: RequestLogEntry | undefined): any => entry?.body;
const stored = (slug: string) => harness.fake.conversation(BRAND, slug)!;

async function openThread(conversation: { subject: string }) {
  const sidebar = await SidebarPage.open(harness.browser, SHOPIFY_ORDER, ORDER_LAUNCHER);
  const thread = await sidebar.showThread(conversation.subject);
  return { sidebar, thread };
}

describe('with the default undo window', () => {
  test('Send then Undo (or Esc) within the window: nothing is posted and the text stays in the composer', async () => {
    expect(await readUndoWindow(harness.browser)).toBe('5');
    const { sidebar, thread } = await openThread(KETTLE);
    const text = 'A replacement kettle is on its way to you today.';
    await thread.replyTab().click();
    await thread.message().fill(text);
    await thread.send().click();

    const countdown = sidebar.statusSaying(/Sending in \d+ s/);
    await countdown.waitFor();
    const seconds = Number((await countdown.innerText()).match(/Sending in (\d+) s/)![1]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(5);
    await thread.undo().click();
    await countdown.waitFor({ state: 'hidden' });
    expect(await thread.message().inputValue()).toBe(text);

    // Esc cancels too, and leaves the sidebar open.
    await thread.send().click();
    await countdown.waitFor();
    await thread.message().press('Escape');
    await countdown.waitFor({ state: 'hidden' });
    expect(await sidebar.store.sidebarOpen()).toBe(true);

    // Past the whole window: a send that was not cancelled would have left by now.
    await sidebar.page.waitForTimeout(6_000);
    expect(requests('POST', messagesPath(KETTLE.slug))).toEqual([]);
    expect(await thread.message().inputValue()).toBe(text);
    expect(await sidebar.statusSaying('Reply sent').count()).toBe(0);
    expect(stored(KETTLE.slug).messages.some((m) => m.body.includes(text))).toBe(false);
    await sidebar.page.close();
  });
});

describe('with a one-second undo window', () => {
  beforeAll(async () => {
    await setUndoWindow(harness.browser, 1);
  });

  test('a reply is sent exactly once, with an origin id and visibility 0, and appears in the thread', async () => {
    const { sidebar, thread } = await openThread(REPLY_TO);
    const text = 'Your parcel left the depot this morning and arrives on Thursday.';
    await thread.replyTab().click();
    expect(await thread.replyTab().getAttribute('aria-selected')).toBe('true');
    await thread.message().fill(text);
    await thread.send().click();

    await sidebar.statusSaying('Reply sent').waitFor();
    await thread.messages().getByText(text).waitFor();
    await thread.activity().getByText('Reply sent').first().waitFor();
    expect(await thread.message().inputValue()).toBe('');

    const posts = requests('POST', messagesPath(REPLY_TO.slug));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.status).toBe(200);
    const sent = bodyOf(posts[0]).message;
    expect(sent.body).toContain(text);
    expect(sent.visibility).toBe(0);
    expect(sent.origin_id).toEqual(expect.any(String));
    expect(sent.origin_id).not.toBe('');
    const kept = stored(REPLY_TO.slug).messages.filter((m) => m.origin_id === sent.origin_id);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.visibility).toBe(0);
    expect(kept[0]!.body).toContain(text);
    await sidebar.page.close();
  });

  test('an internal note (Ctrl+Enter) is posted with visibility 1 and leaves the status alone', async () => {
    const statusBefore = stored(KETTLE.slug).status;
    const { sidebar, thread } = await openThread(KETTLE);
    const text = 'Photo of the cracked lid is in the shared drive; approve a replacement.';
    await thread.noteTab().click();
    expect(await thread.noteTab().getAttribute('aria-selected')).toBe('true');
    await thread.message().fill(text);
    await thread.message().press('Control+Enter');

    await sidebar.statusSaying('Internal note added').waitFor();
    const shown = thread.messages().getByRole('listitem').filter({ hasText: text });
    await shown.waitFor();
    expect(await shown.innerText()).toContain('Internal note');

    const posts = requests('POST', messagesPath(KETTLE.slug));
    expect(posts).toHaveLength(1);
    const sent = bodyOf(posts[0]).message;
    expect(sent.visibility).toBe(1);
    expect(sent.body).toContain(text);
    expect(sent.origin_id).toEqual(expect.any(String));
    const conversation = stored(KETTLE.slug);
    const kept = conversation.messages.filter((m) => m.origin_id === sent.origin_id);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.visibility).toBe(1);
    expect(conversation.status).toBe(statusBefore);
    await sidebar.page.close();
  });

  test('On Hold with a date: the PUT carries status 5 and hold_until, and Status shows On Hold', async () => {
    const { sidebar, thread } = await openThread(REPLY_TO);
    const typed = await thread.holdFor(14);
    await thread
      .activity()
      .getByText(/Status changed to On Hold/)
      .waitFor();
    expect(await thread.statusText()).toBe('On Hold');

    const puts = requests('PUT', conversationPath(REPLY_TO.slug));
    expect(puts).toHaveLength(1);
    expect(puts[0]!.status).toBe(200);
    const change = bodyOf(puts[0]).conversation;
    expect(Number(change.status)).toBe(5);
    // The day typed, in whatever time zone the browser is in.
    const day = Date.parse(`${typed.slice(0, 10)}T00:00:00Z`);
    const holdUntil = Date.parse(change.hold_until);
    expect(holdUntil).toBeGreaterThan(day - 15 * 3_600_000);
    expect(holdUntil).toBeLessThan(day + 39 * 3_600_000);

    const conversation = stored(REPLY_TO.slug);
    expect(conversation.status).toBe(5);
    expect(Date.parse(conversation.hold_until!)).toBe(holdUntil);
    await sidebar.page.close();
  });

  test('a tag added with Enter is in the PUT and in the stored tag list, beside the old ones', async () => {
    const tagsBefore = stored(KETTLE.slug).tag_list;
    const tag = 'needs-photo';
    const { sidebar, thread } = await openThread(KETTLE);
    await thread.addTagByEnter(tag);
    await thread.removeTag(tag).waitFor();

    // The tag is shown at once; its PUT follows.
    await expect
      .poll(() => requests('PUT', conversationPath(KETTLE.slug)).map((entry) => entry.status))
      .toEqual([200]);
    const puts = requests('PUT', conversationPath(KETTLE.slug));
    const sentTags = bodyOf(puts[0]).conversation.tag_list;
    const list = typeof sentTags === 'string' ? sentTags.split(',').map((t) => t.trim()) : sentTags;
    expect(list).toEqual(expect.arrayContaining([...tagsBefore, tag]));
    expect(stored(KETTLE.slug).tag_list).toEqual(expect.arrayContaining([...tagsBefore, tag]));
    for (const old of tagsBefore) await thread.removeTag(old).waitFor();
    await sidebar.page.close();
  });

  test('assigning a staff member: the PUT names their email and the fake stores them', async () => {
    expect(stored(KETTLE.slug).assignee).toBeNull();
    const { sidebar, thread } = await openThread(KETTLE);
    await thread.assignee().selectOption({ label: PRIYA.name });

    await expect
      .poll(() => requests('PUT', conversationPath(KETTLE.slug)).map((entry) => entry.status))
      .toEqual([200]);
    const assignee = bodyOf(requests('PUT', conversationPath(KETTLE.slug))[0]).conversation
      .assignee;
    expect(typeof assignee === 'string' ? assignee : assignee.email).toBe(PRIYA.email);
    expect(stored(KETTLE.slug).assignee?.email).toBe(PRIYA.email);

    await expect.poll(() => thread.activity().innerText()).toContain(PRIYA.name);
    expect(await thread.assignee().inputValue()).toBe(PRIYA.email);
    expect((await thread.assignee().locator('option:checked').innerText()).trim()).toBe(PRIYA.name);
    expect(await sidebar.alerts().count()).toBe(0);
    await sidebar.page.close();
  });

  test('a refused write (422 naming hold_until) is shown at the Hold until field', async () => {
    const statusBefore = stored(KETTLE.slug).status;
    harness.fake.configure({
      rejectNextWrite: { field: 'hold_until', message: 'must be in the future' },
    });
    const { sidebar, thread } = await openThread(KETTLE);
    await thread.holdFor(3);

    await sidebar.alerts().first().waitFor();
    await expect.poll(() => thread.holdUntil().getAttribute('aria-invalid')).toBe('true');
    expect(await accessibleDescription(thread.holdUntil())).toContain('must be in the future');

    const puts = requests('PUT', conversationPath(KETTLE.slug));
    expect(puts.map((entry) => entry.status)).toEqual([422]);
    expect(Number(bodyOf(puts[0]).conversation.status)).toBe(5);
    const conversation = stored(KETTLE.slug);
    expect(conversation.status).toBe(statusBefore);
    expect(conversation.hold_until).toBeNull();
    await sidebar.page.close();
  });

  test('a new conversation from an order page with none: prefilled form, one POST, then its thread', async () => {
    const sidebar = await SidebarPage.open(
      harness.browser,
      newCustomerOrder.url,
      'Re:amaze: 0 conversations',
    );
    expect(await sidebar.cards().count()).toBe(0);
    const form = await sidebar.startNewConversation();
    await expect.poll(() => form.customerEmail().inputValue()).toBe(NEW_CUSTOMER.email);
    const subject = await form.subject().inputValue();
    expect(subject).toContain(NEW_CUSTOMER.order);
    const channel = await form.channel().inputValue();
    expect(channel).toBe('support'); // the brand's first email channel
    // The name comes from the order page's customer card: no conversation knows it yet.
    expect(await form.customerName().inputValue()).toBe(NEW_CUSTOMER.name);
    const text = 'Hi Nora, your order is packed and ships tomorrow by express courier.';
    await form.message().fill(text);
    await form.create().click();

    const thread = new ThreadPanel(sidebar.frame);
    await thread.region().waitFor();
    await thread.region().getByRole('heading', { name: subject }).waitFor();
    await thread.messages().getByText(text).waitFor();

    const posts = requests('POST', '/conversations');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.status).toBe(200);
    const created = bodyOf(posts[0]).conversation;
    expect(created.category).toBe(channel);
    expect(created.subject).toBe(subject);
    expect(created.user.email).toBe(NEW_CUSTOMER.email);
    expect(created.user.name).toBe(NEW_CUSTOMER.name);
    expect(created.message.body).toContain(text);
    expect(
      Object.values(created.data ?? {})
        .map(String)
        .join(' '),
    ).toContain(NEW_CUSTOMER.order);

    const link = (await thread.openInReamaze().getAttribute('href'))!;
    const slug = decodeURIComponent(new URL(link).pathname.split('/').pop()!);
    const conversation = stored(slug);
    expect(conversation.author.email).toBe(NEW_CUSTOMER.email);
    expect(conversation.category.slug).toBe(channel);
    expect(Object.values(conversation.data).join(' ')).toContain(NEW_CUSTOMER.order);
    await sidebar.page.close();
  });

  test('a draft survives closing the sidebar, a page reload and a stopped service worker, unsent', async () => {
    const text = 'Draft: asking the courier why the parcel sat at the depot over the weekend.';
    const sidebar = await SidebarPage.open(harness.browser, SHOPIFY_ORDER, ORDER_LAUNCHER);
    let thread = await sidebar.showThread(REPLY_TO.subject);
    await thread.message().fill(text);
    // The background keeps it in extension storage.
    await expect.poll(() => extensionStorageHolds(harness.browser, text)).toBe(true);

    // The sidebar closed and opened again.
    await sidebar.close();
    await expect.poll(() => sidebar.store.sidebarOpen()).toBe(false);
    await sidebar.store.clickLauncher();
    await expect.poll(() => sidebar.store.sidebarOpen()).toBe(true);
    if (!(await thread.region().isVisible())) thread = await sidebar.showThread(REPLY_TO.subject);
    await expect.poll(() => thread.message().inputValue()).toBe(text);

    // The page reloaded: a new sidebar page, which asks the background for the draft.
    await sidebar.page.reload();
    const reloaded = await SidebarPage.reopen(sidebar.store, ORDER_LAUNCHER);
    thread = await reloaded.showThread(REPLY_TO.subject);
    await expect.poll(() => thread.message().inputValue()).toBe(text);
    await sidebar.page.close();

    // The service worker stopped (its memory gone): another tab's sidebar still gets the draft.
    await stopServiceWorker(harness.browser);
    const later = await SidebarPage.open(harness.browser, SHOPIFY_ORDER, ORDER_LAUNCHER);
    thread = await later.showThread(REPLY_TO.subject);
    await expect.poll(() => thread.message().inputValue()).toBe(text);

    expect(requests('POST', messagesPath(REPLY_TO.slug))).toEqual([]);
    await later.page.close();
  });
});
