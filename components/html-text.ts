/**
 * Plain text of a message body that may hold HTML, for one-line previews. DOMParser builds an inert
 * document: no script runs and nothing loads, and the result is only ever rendered as text.
 */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
