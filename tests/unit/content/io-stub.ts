import { vi } from 'vitest';

/**
 * An IntersectionObserver the test drives: `enter` and `leave` stand for the browser seeing rows
 * come into (or go out of) the root's margin around the viewport.
 */
export class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  readonly watched = new Set<Element>();
  /** What the fake browser sees as in view: observing one reports it, as the real one does. */
  private readonly inView = new Set<Element>();
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(element: Element) {
    this.watched.add(element);
    if (this.inView.has(element)) queueMicrotask(() => this.fire([element], true));
  }
  unobserve(element: Element) {
    this.watched.delete(element);
  }
  disconnect() {
    this.watched.clear();
  }
  takeRecords() {
    return [];
  }
  enter(...elements: Element[]) {
    for (const element of elements) this.inView.add(element);
    this.fire(elements, true);
  }
  leave(...elements: Element[]) {
    for (const element of elements) this.inView.delete(element);
    this.fire(elements, false);
  }
  private fire(elements: Element[], isIntersecting: boolean) {
    const entries = elements
      .filter((element) => this.watched.has(element))
      .map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry);
    if (entries.length > 0) this.callback(entries, this as unknown as IntersectionObserver);
  }
}

export function stubIntersectionObserver(): () => FakeIntersectionObserver {
  FakeIntersectionObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  return () => FakeIntersectionObserver.all.at(-1)!;
}
