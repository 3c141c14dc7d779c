/**
 * Moves the focus to `element` unless the agent already put it somewhere: a view that appears on
 * its own time (the sidebar first seen, a form once loaded) never takes the focus from the agent.
 */
export function focusUnlessTaken(element: HTMLElement | null) {
  const taken = document.activeElement;
  if (!taken || taken === document.body) element?.focus();
}
