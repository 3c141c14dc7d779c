// @vitest-environment jsdom
// DOMPurify does not sanitise under happy-dom (it returns markup untouched), so this file runs in jsdom.
import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, within } from './render';
import { ThreadView } from '@/components/thread-view';
import type { Thread, ThreadMessage } from '@/lib/lookup/schemas';

function message(author: string, body: string): ThreadMessage {
  return {
    body,
    internal: false,
    author,
    staff: false,
    at: '2026-11-27T12:00:00Z',
    attachments: [],
  };
}

const thread: Thread = {
  slug: 'where-is-order-1042',
  totalCount: 3,
  messages: [
    message(
      'Maya Chen',
      '<p>My parcel:<img src="https://img.example/parcel.png" alt="parcel"></p>' +
        '<picture><source srcset="https://img.example/p.webp 1x"><img src="https://img.example/p.png"></picture>' +
        '<video poster="https://img.example/poster.png"><source src="https://img.example/v.mp4"></video>' +
        '<svg><image href="https://img.example/svg.png"></image></svg>',
    ),
    message('Sam Ortega', '<p>Tracking: <img src="https://track.example/open.gif"></p>'),
    message('Lee Park', '<p>No pictures here.</p>'),
  ],
};

/** Every attribute through which the rendered page would fetch something. */
function fetchingUrls(root: Element): string[] {
  const names = ['src', 'srcset', 'poster', 'background', 'href', 'xlink:href', 'data'];
  return Array.from(root.querySelectorAll('*')).flatMap((element) =>
    names
      .map((name) => element.getAttribute(name))
      .filter((value): value is string => value !== null && /^\s*https?:/i.test(value))
      .filter(() => element.localName !== 'a'),
  );
}

describe('ThreadView remote images', () => {
  test('nothing remote is in the page until the agent clicks "Load images" for that message', () => {
    const { container } = render(<ThreadView thread={thread} />);
    const items = screen.getAllByRole('listitem');
    expect(fetchingUrls(container)).toEqual([]);
    expect(container.innerHTML).not.toContain('img.example');
    expect(container.innerHTML).not.toContain('track.example');

    // One button per message that had something to load; none where there was nothing.
    expect(screen.getAllByRole('button', { name: 'Load images' })).toHaveLength(2);
    expect(within(items[2]!).queryByRole('button', { name: 'Load images' })).toBeNull();

    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Load images' }));

    expect(fetchingUrls(items[0]!).sort()).toEqual([
      'https://img.example/p.png',
      'https://img.example/p.webp 1x',
      'https://img.example/parcel.png',
      'https://img.example/poster.png',
      'https://img.example/svg.png',
      'https://img.example/v.mp4',
    ]);
    expect(within(items[0]!).queryByRole('button', { name: 'Load images' })).toBeNull();
    // The other message's tracking pixel still waits for its own click.
    expect(fetchingUrls(items[1]!)).toEqual([]);
    expect(within(items[1]!).getByRole('button', { name: 'Load images' })).toBeTruthy();
  });

  test('a message cannot dress up as an internal note', () => {
    const { container } = render(
      <ThreadView
        thread={{
          ...thread,
          messages: [
            message(
              'Maya Chen',
              '<div class="message note"><span class="note-label" style="color:#8a6d00">Internal note</span></div>',
            ),
          ],
        }}
      />,
    );
    expect(container.querySelectorAll('.note, .note-label, [style]')).toHaveLength(0);
  });
});
