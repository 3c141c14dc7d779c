// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, test } from 'vitest';

/*
 * The rules of ARCHITECTURE.md, read from the import statements themselves: a change that breaks
 * the layering fails here, not in review.
 */

const ROOT = process.cwd();
const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];

interface Import {
  /** Repo-relative path for our own modules, the package name otherwise. */
  target: string;
  /** `import type …` and `export type … from` vanish from the bundle. */
  typeOnly: boolean;
  /** `import('…')`: loaded when the code runs it, not before the module runs. */
  dynamic: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolve(from: string, specifier: string): string {
  const base = specifier.startsWith('@/')
    ? specifier.slice(2)
    : specifier.startsWith('.')
      ? normalize(join(dirname(from), specifier))
      : null;
  if (base === null) return specifier;
  const found = ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext);
  return (
    found.find((path) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile()) ??
    base
  );
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [
    ...[...text.matchAll(IMPORT)].map(([, , type, specifier]) => ({
      target: resolve(file, specifier!),
      typeOnly: Boolean(type),
      dynamic: false,
    })),
    ...[...text.matchAll(DYNAMIC_IMPORT)].map(([, specifier]) => ({
      target: resolve(file, specifier!),
      typeOnly: false,
      dynamic: true,
    })),
  ];
}

const files = SOURCE_DIRS.flatMap(sourceFiles);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/**
 * Every module a file pulls into its bundle, following runtime imports only: those it loads before
 * it runs, or with `{ later: true }` also those it imports when it needs them.
 */
function bundled(entry: string, { later = false } = {}): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { target, typeOnly, dynamic } of graph.get(file) ?? [])
      if (!typeOnly && (later || !dynamic)) visit(target);
  };
  visit(entry);
  return seen;
}

function offenders(from: (file: string) => boolean, to: (target: string) => boolean): string[] {
  return files.filter(from).flatMap((file) =>
    graph
      .get(file)!
      .filter(({ target }) => to(target))
      .map(({ target }) => `${file} → ${target}`),
  );
}

describe('architecture', () => {
  test('the import scan sees the tree (a guard for the rules below)', () => {
    expect(files).toContain('lib/lookup/search.ts');
    expect(graph.get('entrypoints/background/handlers.ts')).toContainEqual({
      target: 'lib/messaging/router.ts',
      typeOnly: false,
      dynamic: false,
    });
    expect(graph.get('components/sidebar-app.tsx')).toContainEqual({
      target: 'components/thread-parts.ts',
      typeOnly: false,
      dynamic: true,
    });
  });

  test('lib never imports components or entrypoints', () => {
    const isLib = (file: string) => file.startsWith('lib/');
    const isUi = (target: string) => /^(components|entrypoints)\//.test(target);
    expect(offenders(isLib, isUi)).toEqual([]);
  });

  test('components reach the extension only through the services they are given', () => {
    const isComponent = (file: string) => file.startsWith('components/');
    const isBrowserOrEntry = (target: string) =>
      target === 'wxt/browser' || target.startsWith('entrypoints/');
    expect(offenders(isComponent, isBrowserOrEntry)).toEqual([]);
  });

  test('only the background reads the settings item, which holds the tokens', () => {
    const readers = files.filter((file) => bundled(file).has('lib/storage/settings.ts'));
    const outside = readers.filter(
      (file) => !file.startsWith('lib/') && !file.startsWith('entrypoints/background/'),
    );
    expect(outside).toEqual([]);
    expect(readers).toContain('entrypoints/background/index.ts');
  });

  /** The parts they import where a page needs them (entrypoints/detector/parts.ts). */
  const PARTS = [
    'entrypoints/detector-launcher.ts',
    'entrypoints/detector-list.ts',
    'entrypoints/detector-rules.ts',
  ];
  /** The detector's content scripts: one per hosted admin and the self-hosted one. */
  const contentScripts = files
    .filter((file) => /^entrypoints\/detector(-[a-z]+)?(\.ts|\/index\.ts)$/.test(file))
    .filter((file) => !PARTS.includes(file));

  test('the detector has one content script per hosted admin and one for self-hosted stores', () => {
    expect(contentScripts).toContain('entrypoints/detector/index.ts');
    expect(contentScripts).toContain('entrypoints/detector-shopify.ts');
    expect(contentScripts.length).toBeGreaterThanOrEqual(7);
    for (const part of PARTS) expect(files).toContain(part);
  });

  test.each(contentScripts)(
    "%s leaves the launcher, order lists and the agent's rules to their parts, and WXT's runtime out",
    (entry) => {
      const content = bundled(entry);
      expect(content).toContain('lib/detection/detect.ts');
      expect(content).toContain('entrypoints/detector/parts.ts');
      for (const module of [
        'entrypoints/detector/sidebar-host.ts',
        'entrypoints/detector/list-page.ts',
        'entrypoints/detector/visible-rows.ts',
        'entrypoints/detector/row-chips.ts',
        'lib/detection/rows.ts',
        'lib/detection/user-rules.ts',
      ])
        expect(content).not.toContain(module);
      // An unlisted script that the manifest lists itself: no content-script context in it.
      expect(readFileSync(join(ROOT, entry), 'utf8')).not.toContain('defineContentScript');
    },
  );

  test.each(PARTS)('%s is what its part needs and no detector', (part) => {
    const content = bundled(part);
    expect(content).toContain('entrypoints/detector/parts.ts');
    expect(content).not.toContain('entrypoints/detector/runtime.ts');
  });

  test.each([...contentScripts, ...PARTS])(
    '%s bundles no zod, Preact, DOMPurify or regex checker',
    (entry) => {
      const content = bundled(entry);
      expect(
        [...content].filter((m) =>
          /^(zod|preact|dompurify|redos-detector|regjsparser)(\/|$)/.test(m),
        ),
      ).toEqual([]);
      expect(content).not.toContain('lib/detection/regex-safety.ts');
      // Only its own platforms: the registry (every platform) stays out.
      expect(content).not.toContain('lib/detection/index.ts');
    },
  );

  test.each([...contentScripts, ...PARTS])(
    '%s never reads the browser’s message catalogue: its words come with its config',
    (entry) => {
      const readers = [...bundled(entry)].filter(
        (file) =>
          existsSync(join(ROOT, file)) &&
          /\bgetMessage\b/.test(readFileSync(join(ROOT, file), 'utf8')),
      );
      expect(readers).toEqual([]);
    },
  );

  test.each([...contentScripts, ...PARTS])(
    '%s uses the native extension API: no webextension-polyfill',
    (entry) => {
      const content = bundled(entry);
      // wxt/browser is the polyfill wherever the build aliases it (tests/unit/scripts/build-config).
      expect(
        [...content].filter((m) =>
          /^(wxt\/browser|webextension-polyfill|@wxt-dev\/(webextension-polyfill|browser))(\/|$)/.test(
            m,
          ),
        ),
      ).toEqual([]);
      expect(content).toContain('lib/messaging/ask.ts');
    },
  );

  test.each(['entrypoints/popup/main.tsx', 'entrypoints/sidebar/main.tsx'])(
    '%s shows rules but never judges them: no ReDoS checker in its bundle',
    (entry) => {
      const content = bundled(entry, { later: true });
      expect(content).toContain('lib/messaging/protocol.ts');
      expect(content).not.toContain('lib/detection/regex-safety.ts');
      expect([...content].filter((m) => m.startsWith('redos-detector'))).toEqual([]);
    },
  );

  test.each(['popup', 'sidebar', 'options'])(
    'the %s page parses what the background sends, never the API: no API client or schemas',
    (page) => {
      const content = bundled(`entrypoints/${page}/main.tsx`, { later: true });
      expect(content).toContain('lib/messaging/protocol.ts');
      expect(content).not.toContain('lib/api/client.ts');
      expect(content).not.toContain('lib/api/schemas.ts');
    },
  );

  test('the popup paints its search field before zod and the message schemas load', () => {
    const firstPaint = bundled('entrypoints/popup/main.tsx');
    expect([...firstPaint].filter((m) => /^zod(\/|$)/.test(m))).toEqual([]);
    expect(firstPaint).not.toContain('lib/messaging/protocol.ts');
    expect(bundled('entrypoints/popup/main.tsx', { later: true })).toContain('zod');
  });

  test('rules are judged where they enter: the options editor and the background', () => {
    for (const entry of ['entrypoints/options/main.tsx', 'entrypoints/background/index.ts'])
      expect(bundled(entry)).toContain('lib/settings/safe-rules.ts');
  });

  test('the background does use the polyfill', () => {
    expect(bundled('entrypoints/background/index.ts')).toContain('wxt/browser');
  });
});
