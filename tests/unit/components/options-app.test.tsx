import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { OptionsApp, type OptionsServices } from '@/components/options-app';

function services(overrides: Partial<OptionsServices> = {}): OptionsServices {
  return {
    getSettings: vi.fn(async () => ({ ok: true as const, data: { brand: 'northwind', email: 'dana@x.example', hasToken: true } })),
    save: vi.fn(async () => ({ ok: true as const, data: { brand: 'northwind', email: 'dana@x.example', hasToken: true } })),
    testConnection: vi.fn(async () => ({ ok: true as const, data: { brand: 'northwind', staffName: 'Dana Whitfield' } })),
    ...overrides,
  };
}

describe('OptionsApp', () => {
  test('shows the saved brand and email, and that a token is saved, never the token', async () => {
    render(<OptionsApp services={services()} />);
    expect(await screen.findByDisplayValue('northwind')).toBe(screen.getByLabelText('Brand'));
    expect((screen.getByLabelText('Login email') as HTMLInputElement).value).toBe('dana@x.example');
    const token = screen.getByLabelText('API token') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(token.value).toBe('');
    expect(screen.getByText(/A token is saved/)).toBeTruthy();
  });

  test('Save sends the fields and confirms', async () => {
    const s = services();
    render(<OptionsApp services={s} />);
    await screen.findByDisplayValue('northwind');
    fireEvent.input(screen.getByLabelText('API token'), { target: { value: 'new-token' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
    expect(s.save).toHaveBeenCalledWith({ brand: 'northwind', email: 'dana@x.example', token: 'new-token' });
    expect((screen.getByLabelText('API token') as HTMLInputElement).value).toBe('');
  });

  test('Test connection reports who is connected', async () => {
    render(<OptionsApp services={services()} />);
    await screen.findByDisplayValue('northwind');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Connected to northwind as Dana Whitfield.'),
    );
  });

  test('field errors appear next to their field', async () => {
    const s = services({
      save: async () => ({
        ok: false,
        error: { kind: 'invalidInput', message: 'Enter the brand.', fieldErrors: { brand: ['Enter the brand.'] } },
      }),
    });
    render(<OptionsApp services={s} />);
    await screen.findByDisplayValue('northwind');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('alert');
    const brand = screen.getByLabelText('Brand');
    expect(brand.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(brand.getAttribute('aria-describedby')!.split(' ')[1]!)!.textContent).toBe('Enter the brand.');
  });

  test('a failed connection test is an alert', async () => {
    const s = services({
      testConnection: async () => ({
        ok: false,
        error: { kind: 'unauthorized', message: 'Re:amaze rejected the login email or API token for "northwind".' },
      }),
    });
    render(<OptionsApp services={s} />);
    await screen.findByDisplayValue('northwind');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toContain('API token');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
