// @vitest-environment node
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/*
 * Components write no user-facing words of their own: every text and every accessible name comes
 * from `t()` (components/i18n.tsx). This reads the JSX itself: text between tags, and the
 * attributes and props people read (aria-label, title, placeholder, label, hint…), where a string
 * written in the component would stay English in every language.
 */

const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'hint',
  'error',
  'doing',
  'message',
]);

const WORDS = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** The string literals an expression can evaluate to: `a ? 'x' : 'y'`, `cond && 'x'`, `` `x ${y}` ``. */
function outcomes(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return outcomes(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node];
  if (ts.isConditionalExpression(node))
    return [...outcomes(node.whenTrue), ...outcomes(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return outcomes(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [...outcomes(node.left), ...outcomes(node.right)];
    }
    if (op === ts.SyntaxKind.PlusToken) return [...outcomes(node.left), ...outcomes(node.right)];
  }
  return [];
}

function literalText(node: ts.Node): string {
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  }
  return (node as ts.StringLiteral).text;
}

/** Every hard-coded user-facing string in a TSX source, as `line: text`. */
export function hardCodedStrings(source: string, fileName = 'component.tsx'): string[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${line + 1}: ${text.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const out of outcomes(node.expression)) {
        if (WORDS.test(literalText(out))) report(out, literalText(out));
      }
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      const literals = !value
        ? []
        : ts.isStringLiteral(value)
          ? [value]
          : ts.isJsxExpression(value) && value.expression
            ? outcomes(value.expression)
            : [];
      for (const literal of literals) {
        if (WORDS.test(literalText(literal))) report(literal, literalText(literal));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no hard-coded user-facing strings in components', () => {
  const files = tsxFiles('components').map((path) => path.replaceAll('\\', '/'));

  test.each(files)('%s', (file) => {
    expect(hardCodedStrings(readFileSync(file, 'utf8'), file)).toEqual([]);
  });

  test('the check finds what a new component would hard-code', () => {
    const source = `
      export function New({ open }: { open: boolean }) {
        const { t } = useI18n();
        return (
          <section aria-label="Settings" class="x" data-state="open">
            <h2>{t('options.sidebar')}</h2>
            <p>Nothing here yet.</p>
            <input placeholder={open ? 'Type here' : t('popup.search')} title={\`Edit \${name}\`} />
            <TextField label="Store address" id="store" />
            {open && 'Loading…'}
            {open ? 'Ready' : null}
            <span>{count} × {' '}</span>
          </section>
        );
      }`;
    expect(hardCodedStrings(source)).toEqual([
      '5: Settings',
      '7: Nothing here yet.',
      '8: Type here',
      '8: Edit',
      '9: Store address',
      '10: Loading…',
      '11: Ready',
    ]);
  });
});

/*
 * lib/ and the background write what the agent reads through the `t` they are given, and their
 * zod schemas carry message keys: a sentence literal there would reach a French agent in English.
 * Logs (console.*) and JavaScript's own errors (Error, RangeError, DOMException…) may stay English.
 */

/** Words a page shows, matched by the detectors: data, not UI text. */
const PAGE_VOCABULARY = ['lib/detection/labels.ts', 'lib/detection/platforms/'];

const SENTENCE = /^\s*[A-Z][\p{L}’']*(?:[ ,;:]+[\p{L}\p{N}’'#()“”"./-]+){2,}/u;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path.replaceAll('\\', '/')] : [];
  });
}

/** JavaScript's own errors; AppError and ReamazeApiError carry what the agent reads. */
const PROGRAMMING_ERRORS = /^(Error|TypeError|RangeError|SyntaxError|DOMException)$/;

/** Inside `console.x(…)` or `new RangeError(…)`: for developers, not the agent. */
function forDevelopers(node: ts.Node): boolean {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isCallExpression(at) && /^console\./.test(at.expression.getText())) return true;
    if (ts.isNewExpression(at) && PROGRAMMING_ERRORS.test(at.expression.getText())) return true;
    if (ts.isBlock(at) || ts.isSourceFile(at)) return false;
  }
  return false;
}

/** Every English sentence a TS source would show, as `line: text`. */
export function sentenceLiterals(source: string, fileName = 'module.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node)
    ) {
      const text = literalText(node);
      if (SENTENCE.test(text) && !forDevelopers(node)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${line + 1}: ${text.trim()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no English sentences in lib/ and the background', () => {
  const files = [...tsFiles('lib'), ...tsFiles('entrypoints/background')].filter(
    (file) => !PAGE_VOCABULARY.some((prefix) => file.startsWith(prefix)),
  );

  test.each(files)('%s', (file) => {
    expect(sentenceLiterals(readFileSync(file, 'utf8'), file)).toEqual([]);
  });

  test('the check finds what a new module would hard-code, and leaves logs and keys alone', () => {
    const source = `
      export function check(t: Translate, brand: string) {
        if (!brand) throw new AppError('notConfigured', 'Add a brand first.');
        const warning = \`Not searched: \${brand} (no channel).\`;
        const Schema = z.string().min(1, 'settings.ruleName').max(9, 'Too long for a name');
        console.warn('Could not read the page', brand);
        throw new RangeError(\`limit must be a whole number, not \${brand}\`);
        return [t('lookup.failed'), 'order_number', 'Re:amaze', 'admin.shopify.com/store/acme'];
      }`;
    expect(sentenceLiterals(source)).toEqual([
      '3: Add a brand first.',
      '4: Not searched:   (no channel).',
      '5: Too long for a name',
    ]);
  });
});
