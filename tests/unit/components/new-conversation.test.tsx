import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from './render';
import { SidebarApp, type SidebarServices } from '@/components/sidebar-app';
import type { TabConversations } from '@/lib/lookup/schemas';
import { actionServices, formDefaults } from './action-fakes';
import { summary } from './summaries';
import { afterFrames, clickOutsideAct, whenRendered } from './outside-act';

const nothingFound: TabConversations = {
  state: 'ready',
  source: 'page',
  query: null,
  hasPage: true,
  brand: 'northwind',
  searched: ['order #1042'],
  matches: [],
  warnings: [],
  fetchedAt: Date.now(),
  stale: false,
  autoOpen: false,
  ids: { orderRefs: ['1042'], originIds: [], emails: ['maya.chen@example.net'] },
};

function services(
  data: TabConversations,
  overrides: Partial<SidebarServices> = {},
): SidebarServices {
  return {
    ...actionServices(),
    getTabConversations: vi.fn(async () => ({ ok: true as const, data })),
    getThread: vi.fn(async (slug: string) => ({
      ok: true as const,
      data: { slug, messages: [], totalCount: 0 },
    })),
    clearSearch: vi.fn(async () => ({ ok: true as const, data: {} })),
    setAutoOpen: vi.fn(async () => ({ ok: true as const, data: {} })),
    close: vi.fn(),
    openOptions: vi.fn(),
    ...overrides,
  };
}

const field = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name });

function describedText(element: Element): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

async function openForm(s: SidebarServices) {
  render(<SidebarApp services={s} />);
  fireEvent.click(await screen.findByRole('button', { name: 'New conversation' }));
  return screen.findByRole('form', { name: 'New conversation' });
}

describe('New conversation', () => {
  test('is offered only when the page’s own ids found nothing', async () => {
    const search = services({ ...nothingFound, source: 'search', query: '1042' });
    const { unmount } = render(<SidebarApp services={search} />);
    await screen.findByText(/No conversation found/);
    expect(screen.queryByRole('button', { name: 'New conversation' })).toBeNull();
    unmount();

    const found = services({ ...nothingFound, matches: [{ ...summary(), reasons: [] }] });
    const second = render(<SidebarApp services={found} />);
    await screen.findByRole('article');
    expect(screen.queryByRole('button', { name: 'New conversation' })).toBeNull();
    second.unmount();

    // An order list that found nothing names many orders: none to start a conversation for.
    const list = services({
      ...nothingFound,
      ids: { orderRefs: ['1041', '1042', '1043'], originIds: [], emails: [] },
    });
    const third = render(<SidebarApp services={list} />);
    await screen.findByText(/No conversation found/);
    expect(screen.queryByRole('button', { name: 'New conversation' })).toBeNull();
    third.unmount();

    render(<SidebarApp services={services(nothingFound)} />);
    expect(await screen.findByRole('button', { name: 'New conversation' })).toBeTruthy();
  });

  test('its first message is kept as a draft, found again, and dropped once created', async () => {
    const kept = {
      body: 'Hello Maya, about your order',
      visibility: 'reply' as const,
      suppressNotifications: false,
      suppressAutoresolve: false,
      originId: 'o-1',
      attempts: 0,
      updatedAt: 1,
    };
    const s = services(nothingFound, {
      getConversationTools: vi.fn(async () => ({
        ok: true as const,
        data: { draft: kept, undoSeconds: 5, activity: [], knownTags: [] },
      })),
    });
    await openForm(s);
    const draftRef = { brand: 'northwind', slug: formDefaults.draftKey };
    expect(s.getConversationTools).toHaveBeenCalledWith(draftRef);
    await waitFor(() => expect(field('Message').value).toBe(kept.body));

    fireEvent.input(field('Message'), { target: { value: `${kept.body} #1042.` } });
    await waitFor(() =>
      expect(s.saveDraft).toHaveBeenCalledWith(draftRef, {
        body: `${kept.body} #1042.`,
        visibility: 'reply',
        suppressNotifications: false,
        suppressAutoresolve: false,
      }),
    );
    expect(s.discardDraft).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Create conversation' }));
    await waitFor(() => expect(s.discardDraft).toHaveBeenCalledWith(draftRef));
  });

  test('shown, it starts at its first field', async () => {
    await openForm(services(nothingFound));
    await waitFor(() => expect(document.activeElement).toBe(field('Customer email')));
  });

  test('a field the agent focuses as the form appears keeps the focus', async () => {
    render(<SidebarApp services={services(nothingFound)} />);
    await clickOutsideAct(await screen.findByRole('button', { name: 'New conversation' }));
    await whenRendered(() => screen.queryByRole('form', { name: 'New conversation' }));
    const subject = field('Subject');
    subject.focus();
    await afterFrames();
    expect(document.activeElement).toBe(subject);
  });

  test('is prefilled from the page and the settings, custom data shown as it will be sent', async () => {
    const s = services(nothingFound);
    const form = await openForm(s);
    expect(field('Customer email').value).toBe('maya.chen@example.net');
    expect(field('Customer name').value).toBe('Maya Chen');
    expect(field('Subject').value).toBe('Order #1042');
    const channel = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Channel' });
    expect(channel.value).toBe('email-support');
    expect(channel.selectedOptions[0]?.textContent).toBe('Support email');
    expect(form.textContent).toContain('Order Number');
    expect(form.textContent).toContain('#1042');

    fireEvent.input(field('Message'), { target: { value: 'Hello Maya' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Don’t notify the customer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create conversation' }));
    await waitFor(() =>
      expect(s.createConversation).toHaveBeenCalledWith({
        brand: 'northwind',
        subject: 'Order #1042',
        channel: 'email-support',
        customerEmail: 'maya.chen@example.net',
        customerName: 'Maya Chen',
        body: 'Hello Maya',
        data: formDefaults.data,
        suppressNotifications: true,
      }),
    );
    // The new conversation opens, and the list is asked again.
    expect(await screen.findByRole('region', { name: 'Conversation thread' })).toBeTruthy();
    expect(s.getThread).toHaveBeenCalledWith('new-one', 'northwind');
    expect(s.getTabConversations).toHaveBeenLastCalledWith(true);
  });

  test('a 422 shows at its fields, the rest in the alert without the word base', async () => {
    const s = services(nothingFound, {
      createConversation: vi.fn(async () => ({
        ok: false as const,
        error: {
          kind: 'invalid' as const,
          status: 422,
          message: 'Re:amaze refused the conversation.',
          fieldErrors: { subject: ['is too long'], base: ['Channel is paused'] },
        },
      })),
    });
    await openForm(s);
    fireEvent.input(field('Message'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create conversation' }));
    const alert = await screen.findByRole('alert');
    expect(field('Subject').getAttribute('aria-invalid')).toBe('true');
    expect(describedText(field('Subject'))).toContain('is too long');
    expect(alert.textContent).toContain('Re:amaze refused the conversation.');
    expect(alert.textContent).toContain('Channel is paused');
    expect(alert.textContent).not.toMatch(/base|is too long/);
  });

  test('the form’s own check marks its fields before anything is sent', async () => {
    const s = services(nothingFound);
    await openForm(s);
    fireEvent.input(field('Subject'), { target: { value: '  ' } });
    fireEvent.input(field('Customer email'), { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create conversation' }));
    await screen.findByRole('alert');
    expect(describedText(field('Subject'))).toContain('Give the conversation a subject.');
    expect(describedText(field('Customer email'))).toContain('Enter the customer’s email address.');
    expect(describedText(field('Message'))).toContain('Write the first message.');
    expect(s.createConversation).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'New conversation' })).toBeTruthy();
  });
});
