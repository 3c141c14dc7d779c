import type { ListRow } from '@/lib/detection/rows';
import type { ContentText } from '@/lib/i18n/content-text';
import { MARKETPLACE_NAMES } from '@/lib/detection/types';

/**
 * The host takes no room: absolutely positioned at the place it is inserted (after the row's
 * order link, or at the end of its cell), with no size, so the row's layout does not move.
 */
const HOST_STYLE =
  'position:absolute !important;width:0 !important;height:0 !important;margin:0 !important;' +
  'padding:0 !important;border:0 !important;overflow:visible !important;display:inline !important;';
const CSS = `
:host { all: initial; }
button { position: absolute; left: 6px; top: 0; z-index: 1; box-sizing: border-box; height: 16px;
  min-width: 16px; padding: 0 5px; border: 0; border-radius: 8px; background: #2356d8; color: #fff;
  font: 600 11px/16px system-ui, sans-serif; white-space: nowrap; cursor: pointer; }
button:focus-visible { outline: 2px solid #2356d8; outline-offset: 1px; }
`;

export interface RowChips {
  /** A row's count: a chip beside its order number when it has conversations, none otherwise. */
  set(row: ListRow, count: number): void;
  /** The list as the page shows it now: chips follow re-rendered rows, rows gone lose theirs. */
  sync(rows: readonly ListRow[]): void;
  clear(): void;
}

/** The chip's accessible name: "Re:amaze: 2 conversations for order #1042". */
export function chipLabel(row: ListRow, count: number, text: ContentText): string {
  if ('orderRef' in row.id) {
    return text.count('content.chipOrderOne', 'content.chipOrderOther', count, row.id.orderRef);
  }
  const { marketplace, id } = row.id.originId;
  return text.count(
    'content.chipMarketplaceOne',
    'content.chipMarketplaceOther',
    count,
    MARKETPLACE_NAMES[marketplace],
    id,
  );
}

/**
 * Count chips on the rows of an order list, each in a closed shadow root (page scripts cannot
 * reach or read it); a click opens the sidebar on that row's order. Only counts reach the page.
 */
export function createRowChips(options: {
  onOpen(row: ListRow): void;
  text: ContentText;
  /** Only the agent's own clicks count, not a page script's synthetic ones (tests relax this). */
  isTrusted?(event: Event): boolean;
}): RowChips {
  const isTrusted = options.isTrusted ?? ((event: Event) => event.isTrusted);

  function place(host: HTMLElement, element: Element) {
    // After a link or inline text; inside a cell or block (a sibling of a cell breaks the table).
    if (/^(?:TD|TH|LI|DIV|P|TR|TBODY|TABLE|SECTION|ARTICLE)$/.test(element.tagName))
      element.append(host);
    else element.after(host);
  }

  function create(row: ListRow, count: number) {
    const host = document.createElement('reamaze-inline-chip');
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const button = document.createElement('button');
    button.type = 'button';
    shadow.append(style, button);
    const chip = { host, count, row, placedAt: null as Element | null };
    button.addEventListener('click', (event) => {
      // The row's own click (navigating to the order) must not fire as well.
      event.preventDefault();
      event.stopPropagation();
      if (isTrusted(event)) options.onOpen(chip.row);
    });
    // Keys typed on the chip must not trigger the store admin's own shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress'])
      host.addEventListener(type, (event) => event.stopPropagation());
    const render = () => {
      const label = chipLabel(chip.row, chip.count, options.text);
      button.setAttribute('aria-label', label);
      button.title = label;
      button.textContent = String(chip.count);
    };
    render();
    return Object.assign(chip, { render });
  }

  const rendered = new Map<string, ReturnType<typeof create>>();

  return {
    set(row, count) {
      let chip = rendered.get(row.key);
      if (count <= 0) {
        chip?.host.remove();
        rendered.delete(row.key);
        return;
      }
      if (!chip) rendered.set(row.key, (chip = create(row, count)));
      chip.row = row;
      chip.count = count;
      chip.render();
      if (!chip.host.isConnected || chip.placedAt !== row.element) {
        place(chip.host, row.element);
        chip.placedAt = row.element;
      }
    },
    sync(rows) {
      const now = new Map(rows.map((row) => [row.key, row]));
      for (const [key, chip] of rendered) {
        const row = now.get(key);
        if (!row) {
          chip.host.remove();
          rendered.delete(key);
        } else if (row.element !== chip.row.element || !chip.host.isConnected) {
          this.set(row, chip.count);
        }
      }
    },
    clear() {
      for (const chip of rendered.values()) chip.host.remove();
      rendered.clear();
    },
  };
}
