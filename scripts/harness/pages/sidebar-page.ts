import type { Frame, Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../browser';
import { StorePage } from './store-page';

/**
 * The sidebar of a store page, found the way an agent with a screen reader finds it: the
 * conversation cards, the thread with its tools (status, tags, assignee, composer), the new
 * conversation form, by their roles and accessible names.
 */
export class SidebarPage {
  private constructor(
    readonly store: StorePage,
    readonly frame: Frame,
  ) {}

  /** Opens `url` in a new tab, waits for the launcher to say `launcher`, and opens the sidebar. */
  static async open(
    browser: ExtensionBrowser,
    url: string,
    launcher: string | RegExp,
  ): Promise<SidebarPage> {
    const store = await StorePage.open(await browser.context.newPage(), url);
    return SidebarPage.reopen(store, launcher);
  }

  /** Opens the sidebar of a store page already open (after a reload, say). */
  static async reopen(store: StorePage, launcher: string | RegExp): Promise<SidebarPage> {
    await store.waitForLauncher(launcher);
    if (!(await store.sidebarOpen())) await store.clickLauncher();
    return new SidebarPage(store, await store.sidebar());
  }

  get page(): Page {
    return this.store.page;
  }

  cards = () => this.frame.getByRole('article');
  card = (subject: string) => this.cards().filter({ hasText: subject });

  /** A status message (role=status) that says `text`. */
  statusSaying = (text: string | RegExp) =>
    this.frame.getByRole('status').filter({ hasText: text });
  alerts = () => this.frame.getByRole('alert');

  async close() {
    await this.frame.getByRole('button', { name: 'Close sidebar', exact: true }).click();
  }

  /** Opens a conversation's thread from its card on the match list. */
  async showThread(subject: string): Promise<ThreadPanel> {
    const card = this.card(subject);
    await card.first().waitFor();
    await card.first().getByRole('button', { name: 'Show thread', exact: true }).click();
    const thread = new ThreadPanel(this.frame);
    await thread.region().waitFor();
    return thread;
  }

  /** The "New conversation" button the match list offers when the page's ids found nothing. */
  newConversationButton = () =>
    this.frame.getByRole('button', { name: 'New conversation', exact: true });

  /** Opens the new-conversation form from the match list. */
  async startNewConversation(): Promise<NewConversationForm> {
    await this.newConversationButton().click();
    const form = new NewConversationForm(this.frame);
    await form.form().waitFor();
    return form;
  }
}

/** The thread view of one conversation and the tools to act on it. */
export class ThreadPanel {
  constructor(readonly frame: Frame) {}

  region = () => this.frame.getByRole('region', { name: 'Conversation thread', exact: true });
  private field = (label: string) => this.region().getByLabel(label, { exact: true });
  private button = (name: string) => this.region().getByRole('button', { name, exact: true });

  heading = () => this.region().getByRole('heading').first();
  /** The thread's messages, newest first. */
  messages = () => this.region().getByRole('list', { name: 'Messages, newest first' });
  /** The log of what the agent did here. */
  activity = () => this.region().getByRole('list', { name: 'Activity', exact: true });
  /** The conversation in Re:amaze; its address ends with the slug. */
  openInReamaze = () => this.region().getByRole('link', { name: 'Open in Re:amaze' });

  status = () => this.field('Status');
  holdUntil = () => this.field('Hold until');
  putOnHold = () => this.button('Put on hold');
  tags = () => this.field('Tags');
  addTag = () => this.button('Add tag');
  removeTag = (tag: string) => this.button(`Remove tag ${tag}`);
  assignee = () => this.field('Assignee');

  replyTab = () => this.region().getByRole('tab', { name: 'Reply', exact: true });
  noteTab = () => this.region().getByRole('tab', { name: 'Internal note', exact: true });
  message = () => this.field('Message');
  send = () => this.button('Send');
  undo = () => this.frame.getByRole('button', { name: 'Undo', exact: true });

  /** The text of the Status control's chosen option. */
  async statusText(): Promise<string> {
    return (await this.status().locator('option:checked').innerText()).trim();
  }

  /**
   * Chooses On Hold and a date `daysAhead` days from today in the "Hold until" field, whichever
   * kind it is (date or datetime-local), then presses "Put on hold". Returns the value typed.
   */
  async holdFor(daysAhead: number): Promise<string> {
    await this.status().selectOption({ label: 'On Hold' });
    const field = this.holdUntil();
    await field.waitFor();
    const day = new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
    const value = (await field.getAttribute('type')) === 'date' ? day : `${day}T09:30`;
    await field.fill(value);
    await this.putOnHold().click();
    return value;
  }

  /** Types a tag and adds it with Enter, as an agent would. */
  async addTagByEnter(tag: string) {
    await this.tags().fill(tag);
    await this.tags().press('Enter');
  }
}

/** The form that starts a conversation for a page whose ids found none. */
export class NewConversationForm {
  constructor(readonly frame: Frame) {}

  form = () => this.frame.getByRole('form', { name: 'New conversation', exact: true });
  private field = (label: string) => this.form().getByLabel(label, { exact: true });

  customerEmail = () => this.field('Customer email');
  customerName = () => this.field('Customer name');
  subject = () => this.field('Subject');
  channel = () => this.field('Channel');
  message = () => this.field('Message');
  create = () => this.form().getByRole('button', { name: 'Create conversation', exact: true });
}

/**
 * A control's accessible description, as aria-describedby gives it (what a screen reader reads
 * after the name): the text of each element it names, in order.
 */
export async function accessibleDescription(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' '),
  );
}
