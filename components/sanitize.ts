import DOMPurify from 'dompurify';

/**
 * Message bodies from Re:amaze are untrusted HTML, written by anyone who emails the store.
 *
 * DOMPurify drops scripts and event handlers; on top of that this keeps the message from looking
 * like our own UI (no class, id, role or style, no <style>, no forms or dialogs), from navigating or
 * embedding anything (no frames, objects, meta, base or link), and from reaching the network:
 * links survive only as http(s) or mailto links that open in a new tab without access to this page,
 * and remote images and media are removed until the agent asks for them (a remote image tells the
 * sender that, when and from where the message was read).
 */
export interface SanitizedMessage {
  html: string;
  /** Remote images or media left out because `loadMedia` was not set. */
  blockedMedia: number;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

const FORBID_TAGS = [
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'output',
  'fieldset',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'dialog',
];

const FORBID_ATTR = [
  'style',
  'class',
  'id',
  'role',
  'ping',
  'action',
  'formaction',
  'srcdoc',
  'autofocus',
  'autoplay',
  'tabindex',
  'popover',
  'popovertarget',
  'target',
];

/** Attributes that fetch a resource as soon as the element is in the page. */
const MEDIA_ATTRS = new Set(['src', 'srcset', 'poster', 'background']);
/** SVG elements whose href fetches an image. */
const SVG_MEDIA_TAGS = new Set(['image', 'feimage']);
/** The only elements allowed to stay links. */
const LINK_TAGS = new Set(['a', 'area']);

function absoluteUrl(value: string): URL | null {
  try {
    // No base: a relative link would resolve against the extension's own pages.
    return new URL(value.trim());
  } catch {
    return null;
  }
}

function isLinkTarget(value: string): boolean {
  const url = absoluteUrl(value);
  return url !== null && ['http:', 'https:', 'mailto:'].includes(url.protocol);
}

/** Each URL a media attribute names (srcset lists several, each followed by a size). */
function mediaUrls(name: string, value: string): string[] {
  if (name !== 'srcset') return [value.trim()];
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

type MediaVerdict = 'keep' | 'block' | 'drop';

function judgeMedia(name: string, value: string, loadMedia: boolean): MediaVerdict {
  const urls = mediaUrls(name, value);
  if (urls.length === 0) return 'drop';
  // Inline data fetches nothing (DOMPurify allows it on image and media elements only).
  if (urls.every((url) => /^data:/i.test(url))) return 'keep';
  if (urls.every((url) => absoluteUrl(url)?.protocol === 'https:')) {
    return loadMedia ? 'keep' : 'block';
  }
  // Relative, plain http (refused by the page's security policy anyway), cid:, blob: and the like.
  return 'drop';
}

function createPurifier(loadMedia: boolean) {
  const purify = DOMPurify(window);
  let blocked = 0;

  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    const isHtml = element.namespaceURI === HTML_NS;
    let linked = false;

    for (const attr of Array.from(element.attributes)) {
      const name = attr.name.toLowerCase();
      const local = attr.localName.toLowerCase();
      let keep = true;
      if (local === 'href' && isHtml && LINK_TAGS.has(tag)) {
        keep = isLinkTarget(attr.value);
        linked = keep;
      } else if (MEDIA_ATTRS.has(name) || (local === 'href' && SVG_MEDIA_TAGS.has(tag))) {
        const verdict = judgeMedia(name, attr.value, loadMedia);
        if (verdict === 'block') blocked++;
        keep = verdict === 'keep';
      } else if (local === 'href') {
        // SVG and MathML links, SVG references to other documents: none may navigate or fetch.
        keep = false;
      } else if (!isHtml && /url\s*\(|\\/i.test(attr.value)) {
        // SVG presentation attributes are CSS: url() could fetch, escapes could hide a url().
        keep = false;
      }
      if (!keep) element.removeAttributeNode(attr);
    }

    if (linked) {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    }
  });

  return (html: string): SanitizedMessage => {
    blocked = 0;
    const clean = purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR });
    return { html: clean, blockedMedia: blocked };
  };
}

const withoutMedia = createPurifier(false);
const withMedia = createPurifier(true);

export function sanitizeMessageHtml(
  html: string,
  options: { loadMedia?: boolean } = {},
): SanitizedMessage {
  return options.loadMedia ? withMedia(html) : withoutMedia(html);
}
