import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerOmnibox } from '@/entrypoints/background/omnibox';
import { english } from '../i18n/locales';
import type { ConversationMatch } from '@/lib/lookup/schemas';
import { summary } from '../components/summaries';

type Listener = (...args: any[]) => void;

/** The fake browser has no omnibox: record what the extension registers and shows. */
function stubOmnibox() {
  const listeners: Record<string, Listener> = {};
  const event = (name: string) => ({
    addListener: (listener: Listener) => (listeners[name] = listener),
  });
  const setDefaultSuggestion = vi.fn();
  Object.assign(fakeBrowser, {
    omnibox: {
      onInputStarted: event('started'),
      onInputChanged: event('changed'),
      onInputEntered: event('entered'),
      onInputCancelled: event('cancelled'),
      setDefaultSuggestion,
    },
  });
  return { listeners, setDefaultSuggestion };
}

const match = (slug: string, subject: string): ConversationMatch => ({
  ...summary({ slug, subject, url: `https://northwind.reamaze.com/admin/conversations/${slug}` }),
  reasons: [],
});

describe('the rz omnibox keyword', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('suggests matches after a pause in typing, as escaped text, each opening its conversation', async () => {
    const { listeners, setDefaultSuggestion } = stubOmnibox();
    const search = vi.fn(async () => [match('a', 'Refund <b>now</b> & then')]);
    registerOmnibox({ t: english.t, search, openResults: vi.fn() });
    const suggest = vi.fn();
    for (const text of ['1', '10', '104', '1042']) listeners.changed!(text, suggest);
    await vi.advanceTimersByTimeAsync(300);
    expect(search.mock.calls).toEqual([['1042']]);
    expect(suggest).toHaveBeenCalledWith([
      expect.objectContaining({
        content: 'https://northwind.reamaze.com/admin/conversations/a',
        description: expect.stringContaining('Refund &#60;b&#62;now&#60;/b&#62; &#38; then'),
      }),
    ]);
    expect(setDefaultSuggestion).toHaveBeenLastCalledWith({
      description: 'Search Re:amaze for <match>1042</match> (1 found)',
    });
  });

  test('a subject or typed text with characters XML cannot hold is shown without them', async () => {
    const { listeners, setDefaultSuggestion } = stubOmnibox();
    const search = vi.fn(async () => [match('a', 'Where\u0000 is \uD83D my order\u001B')]);
    registerOmnibox({ t: english.t, search, openResults: vi.fn() });
    const suggest = vi.fn();
    listeners.changed!('10\u000842', suggest);
    await vi.advanceTimersByTimeAsync(300);
    expect(suggest.mock.calls[0]![0][0].description).toMatch(/^Where is {2}my order <dim>/);
    expect(setDefaultSuggestion).toHaveBeenLastCalledWith({
      description: 'Search Re:amaze for <match>1042</match> (1 found)',
    });
  });

  test('Enter on a suggestion opens it; on text with one match opens that; otherwise the full results', async () => {
    const { listeners } = stubOmnibox();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const openResults = vi.fn(async () => undefined);
    const search = vi
      .fn<(text: string) => Promise<ConversationMatch[]>>()
      .mockResolvedValueOnce([match('only', 'Only one')])
      .mockResolvedValueOnce([match('a', 'A'), match('b', 'B')]);
    registerOmnibox({ t: english.t, search, openResults });

    listeners.entered!(
      'https://northwind.reamaze.com/admin/conversations/chosen',
      'newForegroundTab',
    );
    listeners.entered!('ABC-1', 'newForegroundTab');
    listeners.entered!('maya@example.net', 'newBackgroundTab');
    await vi.runAllTimersAsync();
    expect(create.mock.calls.map(([props]) => props)).toEqual([
      { url: 'https://northwind.reamaze.com/admin/conversations/chosen', active: true },
      { url: 'https://northwind.reamaze.com/admin/conversations/only', active: true },
    ]);
    expect(openResults).toHaveBeenCalledWith('maya@example.net', 'newBackgroundTab');
  });

  test('a failed search is said in the default suggestion', async () => {
    const { listeners, setDefaultSuggestion } = stubOmnibox();
    registerOmnibox({
      t: english.t,
      search: async () => Promise.reject(new Error('Re:amaze rate-limited <us>')),
      openResults: vi.fn(),
    });
    listeners.changed!('1042', vi.fn());
    await vi.advanceTimersByTimeAsync(300);
    expect(setDefaultSuggestion).toHaveBeenLastCalledWith({
      description: 'Re:amaze: Re:amaze rate-limited &#60;us&#62;',
    });
  });
});
