// @vitest-environment jsdom
// DOMPurify does not sanitise under happy-dom (it returns markup untouched), so this file runs in jsdom.
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { act, fireEvent, render, screen } from './render';
import { Composer, type ComposerProps } from '@/components/composer';
import { SidebarApp, type SidebarServices } from '@/components/sidebar-app';
import type { TabConversations } from '@/lib/lookup/schemas';
import { actionServices, draft, ref, sentMessage, tools } from './action-fakes';
import { summary } from './summaries';
import { keyDownOutsideAct } from './outside-act';

function setup(overrides: Partial<ComposerProps> = {}) {
  const services = actionServices();
  const props: ComposerProps = {
    conversation: ref,
    services,
    draft: draft({ body: 'Kept from before' }),
    undoSeconds: 5,
    values: { order_number: '1042', customer_first_name: 'Dana' },
    onSent: vi.fn(),
    onActivity: vi.fn(),
    ...overrides,
  };
  render(<Composer {...props} />);
  return { props, services: props.services as ReturnType<typeof actionServices> };
}

const message = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });

async function settle() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
}

async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

// The sidebar loads its thread view and tools once its list shows; these tests run on fake timers,
// so the module is loaded before them.
beforeAll(async () => {
  await import('@/components/thread-parts');
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Composer', () => {
  test('shows the kept draft, and keeps every change at once, in order', async () => {
    const { services } = setup();
    expect(message().value).toBe('Kept from before');
    fireEvent.input(message(), { target: { value: 'Kept from before!' } });
    fireEvent.input(message(), { target: { value: 'Kept from before!!' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Internal note' }));
    await settle();
    expect(vi.mocked(services.saveDraft).mock.calls.map(([, input]) => input)).toEqual([
      expect.objectContaining({ body: 'Kept from before!', visibility: 'reply' }),
      expect.objectContaining({ body: 'Kept from before!!', visibility: 'reply' }),
      expect.objectContaining({ body: 'Kept from before!!', visibility: 'note' }),
    ]);
    expect(screen.getByRole('tab', { name: 'Internal note' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(screen.queryByRole('checkbox', { name: 'Keep the current status' })).toBeNull();
  });

  test('nothing is sent before the undo window ends; then the reply is sent and the box cleared', async () => {
    const { services, props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('status').textContent).toBe('Sending in 5 s');
    await wait(4000);
    expect(screen.getByText('Sending in 1 s')).toBeTruthy();
    expect(services.sendDraft).not.toHaveBeenCalled();
    await wait(1000);
    expect(services.sendDraft).toHaveBeenCalledWith(ref);
    expect(screen.getByText('Reply sent')).toBeTruthy();
    expect(message().value).toBe('');
    expect(props.onSent).toHaveBeenCalledWith(expect.objectContaining({ message: sentMessage }));
    expect(props.onActivity).toHaveBeenCalled();
  });

  test('Undo cancels the send and keeps the draft', async () => {
    const { services } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await wait(2000);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await wait(10_000);
    expect(services.sendDraft).not.toHaveBeenCalled();
    expect(message().value).toBe('Kept from before');
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
  });

  test('Ctrl+Enter or Cmd+Enter in the Message box starts the same countdown; Esc cancels it', async () => {
    const { services } = setup();
    fireEvent.keyDown(message(), { key: 'Enter', ctrlKey: true });
    expect(screen.getByText('Sending in 5 s')).toBeTruthy();
    fireEvent.keyDown(message(), { key: 'Escape' });
    await wait(10_000);
    expect(services.sendDraft).not.toHaveBeenCalled();
    fireEvent.keyDown(message(), { key: 'Enter', metaKey: true });
    expect(screen.getByText('Sending in 5 s')).toBeTruthy();
    await wait(5000);
    expect(services.sendDraft).toHaveBeenCalledTimes(1);
  });

  test('Esc pressed as the countdown appears, before the next frame, is already taken by it', async () => {
    const { services } = setup();
    let handled: boolean | null = null;
    // The sidebar's own listener closes the sidebar unless the key was taken.
    const sidebarListener = (event: KeyboardEvent) => (handled = event.defaultPrevented);
    window.addEventListener('keydown', sidebarListener);
    try {
      await keyDownOutsideAct(message(), { key: 'Enter', ctrlKey: true });
      expect(screen.getByText('Sending in 5 s')).toBeTruthy();
      await keyDownOutsideAct(message(), { key: 'Escape' });
      expect(handled).toBe(true);
      expect(screen.queryByText('Sending in 5 s')).toBeNull();
      await wait(10_000);
      expect(services.sendDraft).not.toHaveBeenCalled();
    } finally {
      window.removeEventListener('keydown', sidebarListener);
    }
  });

  test('an undo window of 0 sends at once; an earlier send says so', async () => {
    const services = actionServices({
      sendDraft: vi.fn(async () => ({
        ok: true as const,
        data: {
          message: sentMessage,
          alreadySent: true,
          editedDraftKept: false,
          conversation: null,
        },
      })),
    });
    setup({ undoSeconds: 0, services });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await settle();
    expect(services.sendDraft).toHaveBeenCalled();
    expect(screen.getByText('Already sent earlier')).toBeTruthy();
  });

  test('a draft whose earlier try may have arrived says so; an edit Re:amaze did not get stays', async () => {
    const services = actionServices({
      sendDraft: vi.fn(async () => ({
        ok: true as const,
        data: {
          message: sentMessage,
          alreadySent: true,
          editedDraftKept: true,
          conversation: null,
        },
      })),
    });
    const { props } = setup({
      undoSeconds: 0,
      services,
      draft: draft({ body: 'Edited after the timeout', attempts: 1 }),
    });
    expect(screen.getByRole('note').textContent).toMatch(/may have reached Re:amaze/);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await settle();
    expect(props.onSent).toHaveBeenCalledWith(expect.objectContaining({ message: sentMessage }));
    expect(message().value).toBe('Edited after the timeout');
    expect(screen.getByText(/Your edited text was not sent/)).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });

  test('a refused send keeps the text and shows the 422 at the Message box', async () => {
    const services = actionServices({
      sendDraft: vi.fn(async () => ({
        ok: false as const,
        error: {
          kind: 'invalid' as const,
          status: 422,
          message: 'Re:amaze refused the message.',
          fieldErrors: { body: ['is too short'], base: ['Try again later'] },
        },
      })),
    });
    setup({ undoSeconds: 0, services });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await settle();
    expect(message().value).toBe('Kept from before');
    expect(message().getAttribute('aria-invalid')).toBe('true');
    const described = (message().getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain('is too short');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Re:amaze refused the message.');
    expect(alert.textContent).toContain('Try again later');
    expect(alert.textContent).not.toContain('base');
    expect(alert.textContent).not.toContain('is too short');
  });

  test('the preview is sanitised markdown', async () => {
    setup({ draft: null });
    fireEvent.input(message(), {
      target: {
        value:
          '**bold** <script>window.hacked=1</script><img src=x onerror="window.hacked=2"> ' +
          '[go](javascript:alert(1)) <a href="javascript:alert(2)">a</a>',
      },
    });
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(preview.querySelector('strong')?.textContent).toBe('bold');
    expect(preview.querySelector('script')).toBeNull();
    expect(preview.innerHTML).not.toContain('onerror');
    expect(preview.innerHTML).not.toContain('javascript:');
    expect((window as { hacked?: unknown }).hacked).toBeUndefined();
  });

  test('a template is inserted filled, and a placeholder with no value is named', async () => {
    const { services } = setup({ draft: null });
    await settle();
    expect(services.listTemplates).toHaveBeenCalledWith('northwind');
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Template' });
    expect(select.options[0]?.textContent).toBe('Insert a template…');
    fireEvent.change(select, { target: { value: 't1' } });
    expect(message().value).toBe('Hi Dana, order 1042 ships today. {customer_name}');
    expect(screen.getByText('No value on this page for {customer_name}')).toBeTruthy();
    await settle();
    expect(services.saveDraft).toHaveBeenLastCalledWith(
      ref,
      expect.objectContaining({ body: 'Hi Dana, order 1042 ships today. {customer_name}' }),
    );
  });
});

describe('the composer in the sidebar', () => {
  const ready: TabConversations = {
    state: 'ready',
    source: 'page',
    query: null,
    hasPage: true,
    brand: 'northwind',
    searched: ['order #1042'],
    matches: [{ ...summary(), reasons: [{ kind: 'order', value: '1042' }] }],
    warnings: [],
    fetchedAt: Date.now(),
    stale: false,
    autoOpen: false,
    ids: { orderRefs: ['1042'], originIds: [], emails: [] },
  };

  function sidebarServices(overrides: Partial<SidebarServices> = {}): SidebarServices {
    return {
      ...actionServices(),
      getTabConversations: vi.fn(async () => ({ ok: true as const, data: ready })),
      getThread: vi.fn(async () => ({
        ok: true as const,
        data: { slug: ready.matches[0]!.slug, messages: [], totalCount: 0 },
      })),
      clearSearch: vi.fn(async () => ({ ok: true as const, data: {} })),
      setAutoOpen: vi.fn(async () => ({ ok: true as const, data: {} })),
      close: vi.fn(),
      openOptions: vi.fn(),
      ...overrides,
    };
  }

  test('a sent reply shows at the top of the thread and the activity is asked again', async () => {
    const services = sidebarServices({
      getConversationTools: vi.fn(async () => ({
        ok: true as const,
        data: tools({ undoSeconds: 0, draft: draft({ body: 'On its way.' }) }),
      })),
      getActivity: vi.fn(async () => ({
        ok: true as const,
        data: [{ at: Date.now(), what: 'Reply sent', result: 'done' as const }],
      })),
    });
    render(<SidebarApp services={services} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Show thread' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await settle();
    const thread = screen.getByRole('list', { name: 'Messages, newest first' });
    expect(thread.querySelector('.message-body')?.textContent).toBe('On its way.');
    expect(services.getActivity).toHaveBeenCalledWith(ref);
    expect(screen.getByRole('list', { name: 'Activity' }).textContent).toContain('Reply sent');
  });

  test('a reply that resolved the conversation shows its new status in the Status control', async () => {
    const resolved = { ...summary(), status: 2 };
    const services = sidebarServices({
      getConversationTools: vi.fn(async () => ({
        ok: true as const,
        data: tools({ undoSeconds: 0, draft: draft({ body: 'All sorted.' }) }),
      })),
      sendDraft: vi.fn(async () => ({
        ok: true as const,
        data: {
          message: sentMessage,
          alreadySent: false,
          editedDraftKept: false,
          conversation: resolved,
        },
      })),
    });
    render(<SidebarApp services={services} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Show thread' }));
    await settle();
    const status = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Status' });
    expect(status.value).not.toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await settle();
    expect(status.value).toBe('2');
  });

  test('a status changed in the thread shows on the card after going back', async () => {
    const services = sidebarServices();
    render(<SidebarApp services={services} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Show thread' }));
    await settle();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: '2' } });
    await settle();
    expect(services.updateConversation).toHaveBeenCalledWith(ref, { kind: 'status', status: 2 });
    fireEvent.click(screen.getByRole('button', { name: '← Back to conversations' }));
    expect(screen.getByRole('article').querySelector('.status')?.getAttribute('data-status')).toBe(
      '2',
    );
  });

  test('Esc during the countdown cancels the send and does not close the sidebar', async () => {
    const services: SidebarServices = {
      ...actionServices({
        getConversationTools: vi.fn(async () => ({
          ok: true as const,
          data: tools({ draft: draft({ body: 'Parcel left today.' }) }),
        })),
      }),
      getTabConversations: vi.fn(async () => ({ ok: true as const, data: ready })),
      getThread: vi.fn(async () => ({
        ok: true as const,
        data: { slug: ready.matches[0]!.slug, messages: [], totalCount: 0 },
      })),
      clearSearch: vi.fn(async () => ({ ok: true as const, data: {} })),
      setAutoOpen: vi.fn(async () => ({ ok: true as const, data: {} })),
      close: vi.fn(),
      openOptions: vi.fn(),
    };
    render(<SidebarApp services={services} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Show thread' }));
    await settle();
    fireEvent.keyDown(message(), { key: 'Enter', ctrlKey: true });
    expect(screen.getByText('Sending in 5 s')).toBeTruthy();
    fireEvent.keyDown(message(), { key: 'Escape' });
    expect(services.close).not.toHaveBeenCalled();
    await wait(10_000);
    expect(services.sendDraft).not.toHaveBeenCalled();
    expect(message().value).toBe('Parcel left today.');
    // With nothing pending, Esc closes the sidebar as before.
    fireEvent.keyDown(message(), { key: 'Escape' });
    expect(services.close).toHaveBeenCalledTimes(1);
  });
});
