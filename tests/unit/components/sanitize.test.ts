// @vitest-environment jsdom
// DOMPurify does not sanitise under happy-dom (it returns markup untouched), so this file runs in jsdom.
import { describe, expect, test } from 'vitest';
import { sanitizeMessageHtml } from '@/components/sanitize';

const NEW_TAB = 'target="_blank" rel="noopener noreferrer"';

/** [what, hostile message HTML, what the sidebar may show] */
const LINKS: [string, string, string][] = [
  [
    'an https link opens in a new tab',
    '<a href="https://example.com/a">x</a>',
    `<a href="https://example.com/a" ${NEW_TAB}>x</a>`,
  ],
  [
    'a mailto link opens in a new tab',
    '<a href="mailto:maya@example.net">m</a>',
    `<a href="mailto:maya@example.net" ${NEW_TAB}>m</a>`,
  ],
  [
    'a link asking for the opener gets a new tab without it',
    '<a href="https://x.example" target="_self" rel="opener">x</a>',
    '<a href="https://x.example" rel="noopener noreferrer" target="_blank">x</a>',
  ],
  ['a javascript: link loses its target', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
  [
    'a javascript: link hidden by a tab character loses its target',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a>x</a>',
  ],
  ['a data: link loses its target', '<a href="data:text/html,<b>hi</b>">x</a>', '<a>x</a>'],
  [
    'a relative link (to the extension itself) loses its target',
    '<a href="/popup.html">x</a>',
    '<a>x</a>',
  ],
  ['a target without a link goes', '<a target="_top">x</a>', '<a>x</a>'],
  [
    'a ping on a link goes',
    '<a href="https://x.example" ping="https://track.example/ping">p</a>',
    `<a href="https://x.example" ${NEW_TAB}>p</a>`,
  ],
  [
    'an image-map area opens in a new tab',
    '<map name="m"><area href="https://x.example/a" shape="rect" coords="0,0,1,1"></map>',
    `<map name="m"><area href="https://x.example/a" shape="rect" coords="0,0,1,1" ${NEW_TAB}></map>`,
  ],
  [
    'an image-map area with another scheme loses its target',
    '<map name="m"><area href="javascript:alert(1)"></map>',
    '<map name="m"><area></map>',
  ],
  [
    'an SVG link (href) is no link',
    '<svg><a href="https://x.example"><text>t</text></a></svg>',
    '<svg><a><text>t</text></a></svg>',
  ],
  [
    'an SVG link (xlink:href) is no link',
    '<svg><a xlink:href="https://x.example"><text>t</text></a></svg>',
    '<svg><a><text>t</text></a></svg>',
  ],
  [
    'a MathML href is no link',
    '<math href="javascript:alert(1)"><mi>x</mi></math>',
    '<math><mi>x</mi></math>',
  ],
  [
    'a form and its controls go, with their actions',
    '<form action="https://evil.example"><input name="q"><button formaction="https://e.example">go</button></form>',
    'go',
  ],
  [
    'meta refresh, base and link go',
    '<meta http-equiv="refresh" content="0;url=https://e.example"><base href="https://e.example/"><link rel="stylesheet" href="https://e.example/s.css">',
    '',
  ],
];

const LOOKS: [string, string, string][] = [
  [
    'class, id, role and style go (no imitating our "Internal note" label)',
    '<p class="note-label" id="app" role="alert" style="color:red">Internal note</p>',
    '<p>Internal note</p>',
  ],
  ['a style sheet goes', '<style>.message{display:none}</style><p>x</p>', '<p>x</p>'],
  ['an open dialog goes (it would float over the sidebar)', '<dialog open>fake</dialog>', 'fake'],
  [
    'frames, objects and embeds go',
    '<iframe src="https://e.example"></iframe><object data="https://e.example/x"></object><embed src="https://e.example/x">',
    '',
  ],
  ['scripts and handlers go', '<p onclick="alert(1)">x<script>alert(2)</script></p>', '<p>x</p>'],
  [
    'SVG paint that names another document goes, escaped or not',
    '<svg><rect fill="url(https://img.example/x.svg#p)" filter="u\\72l(https://e.example)"></rect></svg>',
    '<svg><rect></rect></svg>',
  ],
  [
    'an SVG use of another document goes',
    '<svg><use href="https://e.example/s.svg#a"></use></svg>',
    '<svg></svg>',
  ],
];

/** [what, hostile HTML, before the agent's click, after it] */
const MEDIA: [string, string, string, string][] = [
  [
    'an image',
    '<img src="https://img.example/p.png" alt="pixel">',
    '<img alt="pixel">',
    '<img src="https://img.example/p.png" alt="pixel">',
  ],
  [
    'an image srcset',
    '<img srcset="https://img.example/a.png 1x, https://img.example/b.png 2x">',
    '<img>',
    '<img srcset="https://img.example/a.png 1x, https://img.example/b.png 2x">',
  ],
  [
    'a picture and its sources',
    '<picture><source srcset="https://img.example/a.webp"><img src="https://img.example/a.png"></picture>',
    '<picture><source><img></picture>',
    '<picture><source srcset="https://img.example/a.webp"><img src="https://img.example/a.png"></picture>',
  ],
  [
    'a video and its poster (never autoplaying)',
    '<video poster="https://img.example/p.png" src="https://img.example/v.mp4" autoplay></video>',
    '<video></video>',
    '<video poster="https://img.example/p.png" src="https://img.example/v.mp4"></video>',
  ],
  [
    'an audio',
    '<audio src="https://img.example/a.mp3"></audio>',
    '<audio></audio>',
    '<audio src="https://img.example/a.mp3"></audio>',
  ],
  [
    'table backgrounds',
    '<table background="https://img.example/bg.png"><tr><td background="https://img.example/bg.png">x</td></tr></table>',
    '<table><tbody><tr><td>x</td></tr></tbody></table>',
    '<table background="https://img.example/bg.png"><tbody><tr><td background="https://img.example/bg.png">x</td></tr></tbody></table>',
  ],
  [
    'SVG images (href and xlink:href)',
    '<svg><image href="https://img.example/i.png"></image><image xlink:href="https://img.example/j.png"></image></svg>',
    '<svg><image></image><image></image></svg>',
    '<svg><image href="https://img.example/i.png"></image><image xlink:href="https://img.example/j.png"></image></svg>',
  ],
  [
    'an SVG filter image',
    '<svg><filter><feImage href="https://img.example/f.png"></feImage></filter></svg>',
    '<svg><filter><feImage></feImage></filter></svg>',
    '<svg><filter><feImage href="https://img.example/f.png"></feImage></filter></svg>',
  ],
];

/** Sources that are never fetched remotely, or never allowed: [what, HTML, always shown as]. */
const NOT_REMOTE: [string, string, string][] = [
  [
    'an inline data: image shows at once',
    '<img src="data:image/png;base64,AAAA">',
    '<img src="data:image/png;base64,AAAA">',
  ],
  ['a plain http image never loads', '<img src="http://img.example/p.png">', '<img>'],
  ['a cid: image never loads', '<img src="cid:part1">', '<img>'],
  ['a relative image never loads', '<img src="/icon/128.png">', '<img>'],
];

describe('sanitizeMessageHtml', () => {
  test.each(LINKS)('%s', (_, input, expected) => {
    expect(sanitizeMessageHtml(input).html).toBe(expected);
    expect(sanitizeMessageHtml(input, { loadMedia: true }).html).toBe(expected);
  });

  test.each(LOOKS)('%s', (_, input, expected) => {
    expect(sanitizeMessageHtml(input).html).toBe(expected);
    expect(sanitizeMessageHtml(input, { loadMedia: true }).html).toBe(expected);
  });

  test.each(MEDIA)('%s waits for the agent', (_, input, blocked, loaded) => {
    const before = sanitizeMessageHtml(input);
    expect(before.html).toBe(blocked);
    expect(before.blockedMedia).toBeGreaterThan(0);
    const after = sanitizeMessageHtml(input, { loadMedia: true });
    expect(after.html).toBe(loaded);
    expect(after.blockedMedia).toBe(0);
  });

  test.each(NOT_REMOTE)('%s', (_, input, expected) => {
    expect(sanitizeMessageHtml(input)).toEqual({ html: expected, blockedMedia: 0 });
    expect(sanitizeMessageHtml(input, { loadMedia: true }).html).toBe(expected);
  });
});
