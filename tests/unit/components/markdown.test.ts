// @vitest-environment jsdom
// DOMPurify does not sanitise under happy-dom (it returns markup untouched), so this file runs in jsdom.
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '@/components/markdown';
import { fillTemplate } from '@/lib/actions/templates';

function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('renderMarkdown', () => {
  test('renders markdown', () => {
    const html = dom(renderMarkdown('**Hi** [docs](https://help.example/a)\nline two'));
    expect(html.querySelector('strong')?.textContent).toBe('Hi');
    const link = html.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://help.example/a');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(html.querySelector('br')).not.toBeNull();
  });

  test('scripts, handlers, javascript: links and remote images never come through', () => {
    const html = dom(
      renderMarkdown(
        '<script>window.hacked=1</script>\n\n<img src=x onerror="window.hacked=2">\n\n' +
          '[go](javascript:alert(1)) <a href="javascript:alert(2)">a</a> ![t](https://t.example/p.gif)',
      ),
    );
    expect(html.querySelector('script')).toBeNull();
    expect(html.innerHTML).not.toContain('onerror');
    expect(html.innerHTML).not.toContain('javascript:');
    expect(html.innerHTML).not.toContain('t.example');
  });

  test('a hostile value inserted by a template renders as its text', () => {
    const hostile =
      '[click](https://evil.example) ![x](https://t.example/p.gif) <b>x</b> www.evil.com';
    const { body } = fillTemplate('Dear {customer_name}', { customer_name: hostile });
    const html = dom(renderMarkdown(body));
    expect(html.querySelector('a, img, b')).toBeNull();
    expect(html.textContent?.trim()).toBe(`Dear ${hostile}`);
  });
});
