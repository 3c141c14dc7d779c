import { describe, expect, test } from 'vitest';
import { render, screen, within } from './render';
import { ActivityList } from '@/components/activity-list';

describe('ActivityList', () => {
  test('lists each entry newest first, with when and why it failed', () => {
    const now = Date.now();
    render(
      <ActivityList
        entries={[
          { at: now - 3 * 3600_000, what: 'Reply sent', result: 'done' },
          {
            at: now - 60_000,
            what: 'Tag vip added',
            result: 'failed',
            detail: '<b>tag_list</b> is invalid',
          },
        ]}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Activity' })).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.what')?.textContent)).toEqual([
      'Tag vip added',
      'Reply sent',
    ]);
    expect(items[0]!.textContent).toContain('failed: <b>tag_list</b> is invalid');
    expect(items[0]!.querySelector('b')).toBeNull();
    expect(items[0]!.querySelector('time')).not.toBeNull();
    expect(items[1]!.textContent).not.toContain('failed');
  });
});
