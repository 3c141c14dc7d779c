/**
 * Testing Library runs its events and waits inside act(), which runs every effect at once. These
 * run outside it, as the extension's pages do: Preact renders in a microtask, with its layout
 * effects, and runs its other effects only after the next frame. So a test can tell what is in
 * place when the agent's next keystroke, or an autofill, arrives.
 */

/** Resolves after Preact's render queue, which runs in a microtask, has rendered. */
const rendered = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** Clicks `element` and resolves once Preact has rendered what the click changed. */
export async function clickOutsideAct(element: HTMLElement): Promise<void> {
  element.click();
  await rendered();
}

/** Presses a key on `element` and resolves once Preact has rendered what the key changed. */
export async function keyDownOutsideAct(element: HTMLElement, init: KeyboardEventInit) {
  element.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  await rendered();
}

/** Resolves with what `find` returns as soon as a render puts it in the document. */
export function whenRendered<T extends Element>(find: () => T | null): Promise<T> {
  return new Promise((resolve) => {
    const found = find();
    if (found) return resolve(found);
    const observer = new MutationObserver(() => {
      const element = find();
      if (!element) return;
      observer.disconnect();
      resolve(element);
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** Long enough for Preact's after-paint effects to have run. */
export const afterFrames = () => new Promise((resolve) => setTimeout(resolve, 100));
