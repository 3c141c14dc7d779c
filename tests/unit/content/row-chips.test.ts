import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ListRow } from '@/lib/detection/rows';
import { chipLabel, createRowChips } from '@/entrypoints/detector/row-chips';
import { contentTextIn } from './content-fakes';

/** The shadow roots the chips attach: closed, so only this spy can look inside. */
let roots: { host: Element; init: ShadowRootInit; root: ShadowRoot }[];
beforeEach(() => {
  roots = [];
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
    this: HTMLElement,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.push({ host: this, init, root });
    return root;
  });
  document.body.innerHTML = `<table><tbody>
    <tr><td><a href="/orders/1">#1042</a></td><td>Maya Chen</td></tr>
    <tr><td><a href="/orders/2">#1043</a></td><td>Ola Berg</td></tr>
  </tbody></table>`;
});
afterEach(() => vi.restoreAllMocks());

function row(ref: string): ListRow {
  const element = [...document.querySelectorAll('a')].find((a) => a.textContent === `#${ref}`)!;
  return { id: { orderRef: ref }, key: ref, element };
}
const button = (i = 0) => roots[i]!.root.querySelector('button')!;

test('a row with conversations gets a chip beside its order number, in a closed shadow root', () => {
  const chips = createRowChips({ text: contentTextIn('en'), onOpen: () => undefined });
  const before = document.querySelector('tr')!.textContent;
  chips.set(row('1042'), 2);
  expect(roots).toHaveLength(1);
  expect(roots[0]!.init.mode).toBe('closed');
  const host = roots[0]!.host as HTMLElement;
  expect(host.previousElementSibling).toBe(row('1042').element);
  expect(host.shadowRoot).toBeNull(); // the page cannot reach in
  expect(button().getAttribute('aria-label')).toBe('Re:amaze: 2 conversations for order #1042');
  expect(button().textContent).toBe('2');
  // No layout shift: the host takes no room, and the row's own text is unchanged.
  expect(host.style.position).toBe('absolute');
  expect(host.style.width).toBe('0px');
  expect(host.style.height).toBe('0px');
  expect(document.querySelector('tr')!.textContent).toBe(before);
});

test('no chip for a row without conversations; a count going to 0 takes it away', () => {
  const chips = createRowChips({ text: contentTextIn('en'), onOpen: () => undefined });
  chips.set(row('1043'), 0);
  expect(document.querySelector('reamaze-inline-chip')).toBeNull();
  chips.set(row('1042'), 1);
  expect(button().getAttribute('aria-label')).toBe('Re:amaze: 1 conversation for order #1042');
  chips.set(row('1042'), 0);
  expect(document.querySelector('reamaze-inline-chip')).toBeNull();
});

test("clicking the chip opens the sidebar on its order, and not the row's own link", () => {
  const opened: ListRow[] = [];
  const chips = createRowChips({
    text: contentTextIn('en'),
    onOpen: (r) => opened.push(r),
    isTrusted: () => true,
  });
  chips.set(row('1042'), 2);
  const rowClicks = vi.fn();
  document.querySelector('tr')!.addEventListener('click', rowClicks);
  const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  button().dispatchEvent(click);
  expect(opened.map((r) => r.key)).toEqual(['1042']);
  expect(click.defaultPrevented).toBe(true);
  expect(rowClicks).not.toHaveBeenCalled();
});

test("a page script's synthetic click opens nothing", () => {
  const opened: ListRow[] = [];
  const chips = createRowChips({ text: contentTextIn('en'), onOpen: (r) => opened.push(r) });
  chips.set(row('1042'), 2);
  button().click();
  expect(opened).toEqual([]);
});

test('chips follow rows the admin draws again, and go with rows that are gone', () => {
  const chips = createRowChips({ text: contentTextIn('en'), onOpen: () => undefined });
  chips.set(row('1042'), 2);
  chips.set(row('1043'), 1);
  // The admin re-renders the first row: a new link, without our chip.
  const cell = document.querySelector('td')!;
  cell.innerHTML = '<a href="/orders/1">#1042</a>';
  chips.sync([row('1042'), row('1043')]);
  expect(roots[0]!.host.previousElementSibling).toBe(row('1042').element);
  expect(roots[0]!.host.isConnected).toBe(true);
  chips.sync([row('1042')]);
  expect(document.querySelectorAll('reamaze-inline-chip')).toHaveLength(1);
  chips.clear();
  expect(document.querySelectorAll('reamaze-inline-chip')).toHaveLength(0);
});

test('a marketplace order is named with its marketplace', () => {
  const element = document.createElement('a');
  const label = chipLabel(
    { id: { originId: { id: '113-1234567-1234567', marketplace: 'amazon' } }, key: 'k', element },
    3,
    contentTextIn('en'),
  );
  expect(label).toBe('Re:amaze: 3 conversations for Amazon order 113-1234567-1234567');
});
