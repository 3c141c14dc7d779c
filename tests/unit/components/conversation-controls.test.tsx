import { describe, expect, test, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { act, fireEvent, render, screen, waitFor } from './render';
import type { ActionServices } from '@/components/action-services';
import { ConversationControls } from '@/components/conversation-controls';
import type { ConversationSummary } from '@/lib/lookup/summary';
import type { Result } from '@/lib/messaging/protocol';
import { actionServices, ref } from './action-fakes';
import { summary } from './summaries';

/** The controls with the thread panel's state around them, as the sidebar holds it. */
function Harness(props: { services: ActionServices; start: ConversationSummary }) {
  const [current, setCurrent] = useState(props.start);
  return (
    <ConversationControls
      conversation={ref}
      summary={current}
      services={props.services}
      knownTags={['vip']}
      onSummary={setCurrent}
      onActivity={() => void props.services.getActivity(ref)}
    />
  );
}

function setup(overrides: Partial<ActionServices> = {}, start = summary()) {
  const services = actionServices(overrides);
  render(<Harness services={services} start={start} />);
  return services;
}

const statusSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Status' });

function describedText(element: Element): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('ConversationControls', () => {
  test('lists the statuses agents choose, and keeps any other as an extra selected option', () => {
    setup({}, summary({ status: 6 }));
    const options = Array.from(statusSelect().options).map((option) => option.textContent);
    expect(options).toEqual([
      'Open',
      'Pending',
      'Resolved',
      'On Hold',
      'Spam',
      'Archived',
      'Auto-Done',
    ]);
    expect(statusSelect().selectedOptions[0]?.textContent).toBe('Auto-Done');
  });

  test('a status shows at once and is rolled back with a specific alert when refused', async () => {
    let answer!: (reply: Result<{ conversation: ConversationSummary }>) => void;
    const services = setup({
      updateConversation: vi.fn(
        () => new Promise<Result<{ conversation: ConversationSummary }>>((r) => (answer = r)),
      ),
    });
    expect(statusSelect().value).toBe('1');
    fireEvent.change(statusSelect(), { target: { value: '2' } });
    expect(statusSelect().value).toBe('2');
    expect(services.updateConversation).toHaveBeenCalledWith(ref, { kind: 'status', status: 2 });
    await act(async () => {
      answer({
        ok: false,
        error: {
          kind: 'invalid',
          status: 422,
          message: 'Re:amaze refused the change.',
          fieldErrors: { status: ['is not allowed'] },
        },
      });
    });
    expect(statusSelect().value).toBe('1');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Status not changed to Resolved');
    expect(alert.textContent).toContain('Re:amaze refused the change.');
    expect(statusSelect().getAttribute('aria-invalid')).toBe('true');
    expect(describedText(statusSelect())).toContain('is not allowed');
    expect(services.getActivity).toHaveBeenCalled();
  });

  test('On Hold asks until when, then sends status 5 with the date as ISO 8601', async () => {
    const services = setup();
    fireEvent.change(statusSelect(), { target: { value: '5' } });
    expect(services.updateConversation).not.toHaveBeenCalled();
    const until = screen.getByLabelText<HTMLInputElement>('Hold until');
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect(until.value).toBe(dateValue(tomorrow));
    // Today is refused: the start of a day that has begun is already past.
    fireEvent.input(until, { target: { value: dateValue(new Date()) } });
    fireEvent.click(screen.getByRole('button', { name: 'Put on hold' }));
    await waitFor(() => expect(until.getAttribute('aria-invalid')).toBe('true'));
    expect(services.updateConversation).not.toHaveBeenCalled();

    const later = new Date();
    later.setDate(later.getDate() + 3);
    fireEvent.input(until, { target: { value: dateValue(later) } });
    fireEvent.click(screen.getByRole('button', { name: 'Put on hold' }));
    await waitFor(() =>
      expect(services.updateConversation).toHaveBeenCalledWith(ref, {
        kind: 'status',
        status: 5,
        holdUntil: new Date(later.getFullYear(), later.getMonth(), later.getDate()).toISOString(),
      }),
    );
    await waitFor(() => expect(screen.queryByLabelText('Hold until')).toBeNull());
    expect(statusSelect().value).toBe('5');
  });

  test('tags are added with Enter or the button and removed, each change sending the whole list', async () => {
    const services = setup();
    const tags = screen.getByRole<HTMLInputElement>('combobox', { name: 'Tags' });
    fireEvent.input(tags, { target: { value: 'vip' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    expect(services.updateConversation).toHaveBeenLastCalledWith(ref, {
      kind: 'tags',
      tags: ['shipping', 'shopify', 'vip'],
    });
    await screen.findByRole('button', { name: 'Remove tag vip' });
    fireEvent.input(tags, { target: { value: 'refund' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() =>
      expect(services.updateConversation).toHaveBeenLastCalledWith(ref, {
        kind: 'tags',
        tags: ['shipping', 'shopify', 'vip', 'refund'],
      }),
    );
    await screen.findByRole('button', { name: 'Remove tag refund' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag shipping' }));
    await waitFor(() =>
      expect(services.updateConversation).toHaveBeenLastCalledWith(ref, {
        kind: 'tags',
        tags: ['shopify', 'vip', 'refund'],
      }),
    );
    expect(screen.queryByRole('button', { name: 'Remove tag shipping' })).toBeNull();
  });

  test('the assignee is chosen from the staff by name and sent by email', async () => {
    const services = setup();
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Assignee' });
    await waitFor(() => expect(select.value).toBe('sam@northwind.example'));
    fireEvent.change(select, { target: { value: 'ada@northwind.example' } });
    expect(services.updateConversation).toHaveBeenCalledWith(ref, {
      kind: 'assignee',
      email: 'ada@northwind.example',
    });
  });

  test('custom data is edited and added, and saved as one change', async () => {
    const services = setup();
    fireEvent.input(screen.getByRole('textbox', { name: 'Order Number' }), {
      target: { value: '#1043' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Field name' }), {
      target: { value: 'Carrier' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Field value' }), {
      target: { value: 'DHL' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save fields' }));
    expect(services.updateConversation).toHaveBeenCalledWith(ref, {
      kind: 'data',
      data: { 'Order Number': '#1043', Carrier: 'DHL' },
    });
    expect(screen.getByRole('group', { name: 'Custom data' })).toBeTruthy();
  });
});

/** A date input's value for `date` in the local time zone. */
function dateValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
