import type { CDPSession, Frame, Page } from 'playwright-core';

/**
 * A store admin page with the extension's launcher. The launcher lives in a closed shadow root,
 * which page scripts (and Playwright's selectors) cannot enter, so this reaches it the way
 * the browser's accessibility layer does: through the DevTools protocol, piercing shadow roots.
 */
export class StorePage {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async open(page: Page, url: string): Promise<StorePage> {
    await page.goto(url);
    return StorePage.of(page);
  }

  /** The store page `page` already shows. */
  static async of(page: Page): Promise<StorePage> {
    return new StorePage(page, await page.context().newCDPSession(page));
  }

  /** The launcher's accessible name, or null while there is none. */
  async launcherName(): Promise<string | null> {
    const node = await this.launcherNode();
    return node?.attribute('aria-label') ?? null;
  }

  /** Whether the launcher says its sidebar is open (aria-expanded). */
  async sidebarOpen(): Promise<boolean> {
    return (await this.launcherNode())?.attribute('aria-expanded') === 'true';
  }

  async waitForLauncher(name: string | RegExp, timeout = 20_000): Promise<string> {
    const deadline = Date.now() + timeout;
    let last: string | null = null;
    while (Date.now() < deadline) {
      last = await this.launcherName();
      if (last !== null && (typeof name === 'string' ? last === name : name.test(last)))
        return last;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`Launcher never became ${String(name)}; last seen: ${last}`);
  }

  async clickLauncher(): Promise<void> {
    const node = await this.launcherNode();
    if (!node) throw new Error('No launcher on the page');
    await this.clickNode(node.nodeId);
  }

  /** Moves the pointer onto the launcher, as an agent about to click it does. */
  async hoverLauncher(): Promise<void> {
    const node = await this.launcherNode();
    if (!node) throw new Error('No launcher on the page');
    const { model } = await this.cdp.send('DOM.getBoxModel', { nodeId: node.nodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await this.page.mouse.move((x1! + x3!) / 2, (y1! + y3!) / 2);
  }

  /** Whether the page holds the sidebar's frame (loaded, shown or not). */
  hasSidebarFrame(): boolean {
    return this.page.frames().some((f) => f.url().split('#')[0]!.endsWith('/sidebar.html'));
  }

  /** The order-list rows' count chips, by accessible name (each in a closed shadow root). */
  async chipNames(): Promise<string[]> {
    return (await this.chipButtons()).map((chip) => chip.name);
  }

  /** Clicks the chip with this accessible name, as the agent would. */
  async clickChip(name: string): Promise<void> {
    const chip = (await this.chipButtons()).find((candidate) => candidate.name === name);
    if (!chip) throw new Error(`No chip named ${name}`);
    await this.clickNode(chip.nodeId);
  }

  private async chipButtons(): Promise<{ nodeId: number; name: string }[]> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    return findNodes(root, (node) => node.nodeName === 'REAMAZE-INLINE-CHIP').flatMap((host) => {
      const button = findNode(host, (node) => node.nodeName === 'BUTTON');
      return button
        ? [{ nodeId: button.nodeId, name: attributeOf(button, 'aria-label') ?? '' }]
        : [];
    });
  }

  /** A real click at the middle of a node, wherever the page's layout put it. */
  private async clickNode(nodeId: number): Promise<void> {
    const { model } = await this.cdp.send('DOM.getBoxModel', { nodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await this.page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
  }

  /** The sidebar's extension-page frame, once opened. */
  async sidebar(): Promise<Frame> {
    for (let i = 0; i < 100; i++) {
      const frame = this.page
        .frames()
        .find((f) => f.url().split('#')[0]!.endsWith('/sidebar.html'));
      if (frame) return frame;
      await this.page.waitForTimeout(100);
    }
    throw new Error('The sidebar frame never appeared');
  }

  /** Evaluates in the content script's isolated world (where the extension's code runs). */
  async evaluateInContentScript(expression: string): Promise<unknown> {
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    const listener = (event: {
      context: { id: number; name: string; auxData?: { type?: string } };
    }) => contexts.push(event.context);
    this.cdp.on('Runtime.executionContextCreated', listener);
    await this.cdp.send('Runtime.enable');
    this.cdp.off('Runtime.executionContextCreated', listener);
    const isolated = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.name === 'Re:amaze Inline',
    );
    if (!isolated)
      throw new Error(`No content-script world among ${contexts.map((c) => c.name).join(', ')}`);
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: isolated.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  }

  private async launcherNode() {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const host = findNode(root, (node) => node.nodeName === 'REAMAZE-INLINE-SIDEBAR');
    const button = host && findNode(host, (node) => node.nodeName === 'BUTTON');
    if (!button) return null;
    return {
      nodeId: button.nodeId,
      attribute: (name: string) => attributeOf(button, name),
    };
  }
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** Every node that passes `test`, shadow roots included (not looking inside a match). */
function findNodes(node: DomNode, test: (node: DomNode) => boolean): DomNode[] {
  if (test(node)) return [node];
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].flatMap((child) =>
    findNodes(child, test),
  );
}

function attributeOf(node: DomNode, name: string): string | null {
  const attributes = node.attributes ?? [];
  const index = attributes.indexOf(name);
  return index >= 0 ? (attributes[index + 1] ?? null) : null;
}

function findNode(node: DomNode, test: (node: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}
