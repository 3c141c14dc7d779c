import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, within } from './render';
import { OptionsApp } from '@/components/options-app';
import { fakeSend, ok, pageReplies, sent, services, settings } from './options-fakes';

function renderOptions() {
  const send = fakeSend(
    pageReplies(settings(), {
      saveUndoSeconds: ({ undoSeconds }) => ok(settings({ undoSeconds })),
    }),
  );
  render(<OptionsApp services={services(send)} />);
  return { send };
}

describe('Sending', () => {
  test('shows the undo window in effect and saves a new one', async () => {
    const { send } = renderOptions();
    const region = within(await screen.findByRole('region', { name: 'Sending' }));
    const field = region.getByLabelText('Undo window (seconds)') as HTMLInputElement;
    expect(field.value).toBe('5');
    fireEvent.input(field, { target: { value: '0' } });
    fireEvent.click(region.getByRole('button', { name: 'Save' }));
    await region.findByText('Saved: replies and notes are sent at once.');
    expect(sent(send, 'saveUndoSeconds')).toEqual([{ undoSeconds: 0 }]);
  });

  test('a value out of range is marked at the field and not sent', async () => {
    const { send } = renderOptions();
    const region = within(await screen.findByRole('region', { name: 'Sending' }));
    const field = region.getByLabelText('Undo window (seconds)');
    fireEvent.input(field, { target: { value: '45' } });
    fireEvent.click(region.getByRole('button', { name: 'Save' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(region.getByText('Enter whole seconds from 0 (send at once) to 30.')).toBeTruthy();
    expect(sent(send, 'saveUndoSeconds')).toEqual([]);
  });
});
