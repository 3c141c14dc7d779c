// @vitest-environment jsdom
// DOMPurify does not sanitise under happy-dom (it returns markup untouched), so this file runs in jsdom.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from './render';
import { SidebarApp, type SidebarServices } from '@/components/sidebar-app';
import type { TabConversations, Thread } from '@/lib/lookup/schemas';
import { summary } from './summaries';
import { actionServices } from './action-fakes';
import { stubIntersectionObserver } from '../content/io-stub';
import { afterFrames, clickOutsideAct } from './outside-act';

const ready: TabConversations = {
  state: 'ready',
  source: 'page',
  query: null,
  hasPage: true,
  brand: 'northwind',
  searched: ['order #1042', 'customer email maya.chen@example.net'],
  matches: [
    {
      ...summary(),
      reasons: [
        { kind: 'order', value: '1042' },
        { kind: 'email', value: 'maya.chen@example.net' },
      ],
    },
  ],
  warnings: [],
  fetchedAt: Date.now(),
  stale: false,
  autoOpen: false,
  ids: { orderRefs: ['1042'], originIds: [], emails: ['maya.chen@example.net'] },
};

const thread: Thread = {
  slug: 'where-is-order-1042',
  totalCount: 2,
  messages: [
    {
      body: '<p>Hello <a href="https://example.com">link</a><script>window.hacked=1</script><img src=x onerror="window.hacked=2"></p>',
      internal: false,
      author: 'Maya Chen',
      staff: false,
      at: '2026-11-27T12:00:00Z',
      attachments: [],
    },
    {
      body: 'Courier trace TR-55120',
      internal: true,
      author: 'Sam Ortega',
      staff: true,
      at: '2026-11-27T11:00:00Z',
      attachments: [],
    },
  ],
};

function services(overrides: Partial<SidebarServices> = {}): SidebarServices {
  return {
    ...actionServices(),
    getTabConversations: vi.fn(async () => ({ ok: true as const, data: ready })),
    getThread: vi.fn(async () => ({ ok: true as const, data: thread })),
    setAutoOpen: vi.fn(async () => ({ ok: true as const, data: {} })),
    clearSearch: vi.fn(async () => ({ ok: true as const, data: {} })),
    close: vi.fn(),
    openOptions: vi.fn(),
    ...overrides,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('SidebarApp', () => {
  test('lists the tab’s conversations with why each matched and what was searched', async () => {
    render(<SidebarApp services={services()} />);
    const card = await screen.findByRole('article', { name: 'Where is my order #1042?' });
    expect(card.textContent).toContain('order #1042');
    expect(card.textContent).toContain('customer email maya.chen@example.net');
    expect(card.textContent).toContain('Followers');
    expect(card.textContent).toContain('Order Number');
    expect(
      screen.getByText(/Searched order #1042, customer email maya.chen@example.net/),
    ).toBeTruthy();
  });

  test('the thread is sanitised, links open in a new tab, and internal notes are marked', async () => {
    const { container } = render(<SidebarApp services={services()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show thread' }));
    await screen.findByText('Internal note', { selector: '.note-label' });
    expect(container.querySelector('.thread script')).toBeNull();
    expect(container.querySelector('.thread img')?.getAttribute('onerror') ?? null).toBeNull();
    const link = screen.getByRole('link', { name: 'link' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect((window as { hacked?: unknown }).hacked).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: '← Back to conversations' }));
    await screen.findByRole('article');
  });

  test('an opened thread takes the focus to its Back button', async () => {
    render(<SidebarApp services={services({ getThread: () => new Promise(() => {}) })} />);
    await clickOutsideAct(await screen.findByRole('button', { name: 'Show thread' }));
    const back = screen.getByRole('button', { name: '← Back to conversations' });
    await afterFrames();
    expect(document.activeElement).toBe(back);
  });

  test('nothing detected says so', async () => {
    const s = services({
      getTabConversations: async () => ({
        ok: true,
        data: { ...ready, state: 'none', matches: [], searched: [] },
      }),
    });
    render(<SidebarApp services={s} />);
    expect(await screen.findByText(/Nothing on this page to look up/)).toBeTruthy();
  });

  test('no match names what was searched', async () => {
    const s = services({
      getTabConversations: async () => ({ ok: true, data: { ...ready, matches: [] } }),
    });
    render(<SidebarApp services={s} />);
    expect(await screen.findByText(/No conversation found for order #1042/)).toBeTruthy();
  });

  test('not connected is an alert with a way to the options', async () => {
    const s = services({
      getTabConversations: async () => ({
        ok: false,
        error: { kind: 'notConfigured', message: 'Not connected yet.' },
      }),
    });
    render(<SidebarApp services={s} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Not connected yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(s.openOptions).toHaveBeenCalled();
  });

  test('Escape and the close button close the sidebar; auto-open is saved', async () => {
    const s = services();
    render(<SidebarApp services={s} />);
    await screen.findByRole('article');
    fireEvent.keyDown(window, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close sidebar' }));
    expect(s.close).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByLabelText('Open automatically on this site'));
    await waitFor(() => expect(s.setAutoOpen).toHaveBeenCalledWith(true));
  });

  test('the answer asked for before the first render is shown, and nothing is asked twice', async () => {
    const s = services();
    render(<SidebarApp services={s} firstLook={Promise.resolve({ ok: true, data: ready })} />);
    await screen.findByRole('article', { name: 'Where is my order #1042?' });
    expect(s.getTabConversations).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(s.getTabConversations).toHaveBeenCalledWith(true));
  });

  test('loaded behind the closed panel, it refreshes stale results and takes the focus only once seen', async () => {
    const observer = stubIntersectionObserver();
    const getTabConversations = vi
      .fn<SidebarServices['getTabConversations']>()
      .mockResolvedValueOnce({ ok: true, data: { ...ready, stale: true } })
      .mockResolvedValue({ ok: true, data: ready });
    render(<SidebarApp services={services({ getTabConversations })} />);
    await screen.findByRole('article');
    await new Promise((resolve) => setTimeout(resolve, 100)); // effects run after the next frame
    expect(getTabConversations).not.toHaveBeenCalledWith(true);
    const heading = screen.getByRole('heading', { level: 1 });
    expect(document.activeElement).not.toBe(heading);
    expect(document.activeElement).toBe(document.body);
    observer().enter(document.documentElement); // the agent opens the sidebar
    await waitFor(() => expect(getTabConversations).toHaveBeenCalledWith(true));
    expect(document.activeElement).toBe(heading);
    // Closed and opened again, the focus stays where the agent left it.
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    refresh.focus();
    observer().leave(document.documentElement);
    await new Promise((resolve) => setTimeout(resolve, 20));
    observer().enter(document.documentElement);
    // Effects run after the next frame: give them several.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.activeElement).toBe(refresh);
  });

  test('handed the focus when opened again, it puts it back where the agent left it', async () => {
    const observer = stubIntersectionObserver();
    render(<SidebarApp services={services()} />);
    const refresh = await screen.findByRole('button', { name: 'Refresh' });
    observer().enter(document.documentElement);
    await afterFrames();
    refresh.focus();
    observer().leave(document.documentElement);
    refresh.blur(); // hiding the frame drops its focus
    expect(document.activeElement).toBe(document.body);
    observer().enter(document.documentElement);
    window.dispatchEvent(new FocusEvent('focus')); // the store page focuses the frame
    expect(document.activeElement).toBe(refresh);
  });

  test('seen for the first time, it leaves the focus where the agent already put it', async () => {
    const observer = stubIntersectionObserver();
    render(<SidebarApp services={services()} />);
    const refresh = await screen.findByRole('button', { name: 'Refresh' });
    refresh.focus();
    observer().enter(document.documentElement);
    await afterFrames();
    expect(document.activeElement).toBe(refresh);
  });

  test('stale results are shown, then refreshed', async () => {
    const getTabConversations = vi
      .fn<SidebarServices['getTabConversations']>()
      .mockResolvedValueOnce({ ok: true, data: { ...ready, stale: true } })
      .mockResolvedValue({ ok: true, data: ready });
    render(<SidebarApp services={services({ getTabConversations })} />);
    await waitFor(() => expect(getTabConversations).toHaveBeenCalledWith(true));
  });
});

describe('SidebarApp showing a right-click search', () => {
  const searched: TabConversations = {
    ...ready,
    source: 'search',
    query: 'Amazon order 113-1234567-1234567',
    searched: ['Amazon order 113-1234567-1234567 in channel amazon-us'],
    matches: [
      {
        ...summary({ subject: 'Amazon buyer question' }),
        reasons: [
          {
            kind: 'marketplace',
            value: '113-1234567-1234567',
            marketplace: 'amazon',
            channel: 'amazon-us',
          },
        ],
      },
    ],
  };

  test('names the search, and goes back to the page’s conversations on request', async () => {
    const getTabConversations = vi
      .fn<SidebarServices['getTabConversations']>()
      .mockResolvedValueOnce({ ok: true, data: searched })
      .mockResolvedValue({ ok: true, data: ready });
    const s = services({ getTabConversations });
    render(<SidebarApp services={s} />);
    expect(
      await screen.findByRole('heading', {
        name: 'Search results for “Amazon order 113-1234567-1234567”',
      }),
    ).toBeTruthy();
    expect(
      screen.getByText('Searched Amazon order 113-1234567-1234567 in channel amazon-us.'),
    ).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Amazon buyer question' }).textContent).toContain(
      'Amazon order 113-1234567-1234567',
    );
    // Auto-open belongs to the page's own lookups, not to a search.
    expect(screen.queryByRole('checkbox', { name: 'Open automatically on this site' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back to this page’s conversations' }));
    expect(await screen.findByRole('article', { name: 'Where is my order #1042?' })).toBeTruthy();
    expect(s.clearSearch).toHaveBeenCalled();
  });

  test('a selection with nothing recognisable says so', async () => {
    const nothing: TabConversations = {
      ...searched,
      query: 'hello there',
      searched: [],
      matches: [],
      hasPage: false,
    };
    render(
      <SidebarApp
        services={services({ getTabConversations: async () => ({ ok: true, data: nothing }) })}
      />,
    );
    expect(
      (await screen.findByText(/Nothing to search for in “hello there”/)).getAttribute('role'),
    ).toBe('status');
  });

  test('a thread is read with the brand that found the conversation', async () => {
    const s = services({
      getTabConversations: async () => ({ ok: true, data: { ...searched, brand: 'southwind' } }),
    });
    render(<SidebarApp services={s} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show thread' }));
    await waitFor(() =>
      expect(s.getThread).toHaveBeenCalledWith('where-is-order-1042', 'southwind'),
    );
  });
});
