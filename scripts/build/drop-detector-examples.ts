import ts from 'typescript';
import type { Plugin } from 'vite';

/** The platform detectors, whose `examples` document and test them (see the registry test). */
const PLATFORM_FILE = /\/lib\/detection\/platforms\/[\w-]+\.ts$/;

/**
 * Empties each platform detector's `examples` (a third of the content script): example URLs
 * document and test the detectors, and no bundle reads them. Found by the syntax tree, so the
 * formatting of a platform file does not matter.
 */
export function dropExamples(code: string): string {
  const source = ts.createSourceFile('platform.ts', code, ts.ScriptTarget.Latest, true);
  const spans: [number, number][] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'examples' &&
      ts.isArrayLiteralExpression(node.initializer)
    ) {
      spans.push([node.initializer.getStart(source), node.initializer.getEnd()]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end] of spans.reverse()) out = `${out.slice(0, start)}[]${out.slice(end)}`;
  return out;
}

/** A build plugin: the extension's bundles carry no example URLs. */
export function dropDetectorExamples(): Plugin {
  return {
    name: 'reamaze:drop-detector-examples',
    enforce: 'pre',
    transform(code, id) {
      if (!PLATFORM_FILE.test(id.split('?')[0]!)) return null;
      return { code: dropExamples(code), map: null };
    },
  };
}
