// A virtual X desktop for the browser UI that Playwright and CDP cannot reach: an extension's
// context-menu items and its omnibox keyword. Headless Chromium has neither, so Chromium runs
// headful on an Xvfb display (`launchExtension({ display })`) and xdotool sends real X input
// (XTEST), which Chromium cannot tell from a person's mouse and keyboard.
//
// There is no window manager: the browser window sits exactly where `--window-position=0,0` puts
// it, without a frame, and keeps the keyboard focus that `xdotool windowfocus` gives it. Nothing
// here reads the screen to find browser UI: menus and the omnibox are driven with the keyboard,
// and tests check what the browser then did. Xvfb keeps its screen in a file (-fbdir), which
// gives screenshots of failures without any other tool.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';

const INSTALL_HINT = 'apt-get install -y xvfb xdotool';
const [WIDTH, HEIGHT] = [1280, 900];

export interface Point {
  x: number;
  y: number;
}

export interface Desktop {
  /** The X display, e.g. ":1", for `launchExtension({ display })`. */
  display: string;
  /** Runs xdotool on this display and returns its output. */
  xdotool(...args: string[]): Promise<string>;
  /**
   * Right-clicks `target` (a locator's centre, or a point of the page's viewport in CSS pixels)
   * and chooses this extension's item. Chromium lists extension items last, just before
   * "Inspect"; when more than one item of the extension applies (a selection inside a link), it
   * groups them in a submenu named after the extension: pass `submenuItem` (0-based, in creation
   * order among the items shown) to open it and choose one. Resolves once the menu has closed.
   */
  contextMenuChoose(
    page: Page,
    target: Locator | Point,
    options?: { submenuItem?: number },
  ): Promise<void>;
  /**
   * Focuses `page`'s window, then types `keyword`, a space (which enters keyword mode, firing
   * onInputStarted) and `text` into the address bar, one onInputChanged per character.
   */
  omniboxType(page: Page, keyword: string, text: string): Promise<void>;
  /**
   * Presses Enter in the address bar: on the typed text (row 0), or after `suggestion` presses of
   * Down on the extension's suggestion of that row (1-based). Rows exist only once Chromium has
   * the extension's suggestions, which this cannot see: the caller checks what was entered.
   */
  omniboxEnter(options?: { suggestion?: number }): Promise<void>;
  /** Saves the whole screen as a PNG: what a person would see. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts Xvfb on a free display number: Xvfb picks it and reports it through -displayfd. */
export async function startDesktop(): Promise<Desktop> {
  const fbdir = await mkdtemp(join(tmpdir(), 'desktop-fb-'));
  const args = ['-displayfd', '3', '-screen', '0', `${WIDTH}x${HEIGHT}x24`, '-fbdir', fbdir];
  const xvfb = spawn('Xvfb', [...args, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'], // fd 3: -displayfd
  });
  let stderr = '';
  xvfb.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => xvfb.once('exit', () => resolve()));

  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail('reported no display within 10 s'), 10_000);
    function fail(why: string) {
      clearTimeout(timer);
      xvfb.kill();
      void rm(fbdir, { recursive: true, force: true });
      reject(new Error(`Xvfb ${why}. ${stderr.trim()}`.trim()));
    }
    const exitedEarly = (code: number | null) => fail(`exited (code ${code})`);
    xvfb.once('exit', exitedEarly);
    xvfb.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? `is not installed (${INSTALL_HINT})` : error.message),
    );
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk;
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      xvfb.off('exit', exitedEarly);
      resolve(`:${out.trim()}`);
    });
  });

  async function close() {
    if (xvfb.exitCode === null) xvfb.kill();
    await exited;
    await rm(fbdir, { recursive: true, force: true });
  }

  const xdotool = (...args: string[]) => run('xdotool', args, display);
  try {
    await xdotool('getdisplaygeometry'); // xdotool is there and reaches the display
  } catch (error) {
    await close();
    throw error;
  }

  /** Window ids of an `xdotool search` for visible windows (it exits 1 when there are none). */
  const search = (...args: string[]) =>
    xdotool('search', '--onlyvisible', ...args).then(
      (out) => out.split('\n').filter(Boolean),
      () => [],
    );
  const screen = async () => parseXwd(await readFile(join(fbdir, 'Xvfb_screen0')));

  async function screenshot(path: string) {
    await writeFile(path, png(await screen()));
  }

  /** Polls `check` until it holds; else throws, naming `what` and a screenshot of the moment. */
  async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) {
        const shot = join(tmpdir(), `desktop-timeout-${Date.now()}.png`);
        await screenshot(shot).catch(() => undefined);
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (screen: ${shot}).`);
      }
      await sleep(25);
    }
  }

  /** Gives the keyboard to the Chromium window showing `page` (or the only one). */
  async function focusWindow(page: Page) {
    await page.bringToFront();
    const title = await page.title();
    const ids = await search('--class', 'Chromium');
    let chosen = ids[0];
    for (const id of ids) {
      if ((await xdotool('getwindowname', id)).startsWith(`${title} - `)) chosen = id;
    }
    if (!chosen) throw new Error(`No Chromium window on ${display}: launch it with { display }.`);
    await xdotool('windowfocus', '--sync', chosen);
  }

  return {
    display,
    xdotool,
    screenshot,
    close,

    async contextMenuChoose(page, target, { submenuItem } = {}) {
      await page.bringToFront();
      const point = 'boundingBox' in target ? await centre(target) : target;
      // No window manager, no frame: the viewport is the bottom of the window, flush left.
      const origin = await page.evaluate(() => ({
        x: window.screenX + window.outerWidth - window.innerWidth,
        y: window.screenY + window.outerHeight - window.innerHeight,
      }));
      // Chromium maps each menu and submenu as a window of its own: count the new ones.
      const before = new Set(await search('--name', ''));
      const menus = async () => (await search('--name', '')).filter((id) => !before.has(id)).length;
      const x = String(Math.round(origin.x + point.x));
      const y = String(Math.round(origin.y + point.y));
      // (Not `mousemove --sync`: it waits forever when the pointer is already there.)
      await xdotool('mousemove', x, y, 'click', '3');
      await waitUntil('the context menu to open', async () => (await menus()) >= 1);
      // Nothing is selected yet: Up wraps to the last item, "Inspect", and one more Up is ours.
      await xdotool('key', 'Up', 'Up');
      if (submenuItem !== undefined) {
        await xdotool('key', 'Right'); // opens the submenu with its first item selected
        await waitUntil("the extension's submenu to open", async () => (await menus()) >= 2);
        for (let i = 0; i < submenuItem; i++) await xdotool('key', 'Down');
      }
      await xdotool('key', 'Return');
      await waitUntil(
        "the context menu to close (when several of the extension's items apply, pass submenuItem)",
        async () => (await menus()) === 0,
      ).catch(async (error: unknown) => {
        await xdotool('key', 'Escape', 'Escape');
        throw error;
      });
    },

    async omniboxType(page, keyword, text) {
      await focusWindow(page);
      await xdotool('key', 'ctrl+l');
      await xdotool('type', '--delay', '40', keyword);
      await xdotool('key', 'space');
      await xdotool('type', '--delay', '40', text);
    },

    async omniboxEnter({ suggestion = 0 } = {}) {
      for (let i = 0; i < suggestion; i++) await xdotool('key', 'Down');
      await xdotool('key', 'Return');
    },
  };
}

interface Screen {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
}

/** Xvfb's screen file is an XWD image: a header, a colour map, then 32-bit BGRX pixels. */
function parseXwd(file: Buffer): Screen {
  const field = (index: number) => file.readUInt32BE(index * 4);
  const [width, height, bitsPerPixel, bytesPerLine] = [field(4), field(5), field(11), field(12)];
  if (bitsPerPixel !== 32) throw new Error(`Xvfb's screen has ${bitsPerPixel} bits per pixel.`);
  const start = field(0) + field(19) * 12;
  const rgb = (x: number, y: number): [number, number, number] => {
    const i = start + y * bytesPerLine + x * 4;
    return [file[i + 2]!, file[i + 1]!, file[i]!];
  };
  return { width, height, rgb };
}

/** A minimal RGB PNG encoder, for screenshots. */
function png(screen: Screen): Buffer {
  const raw = Buffer.alloc((screen.width * 3 + 1) * screen.height);
  let i = 0;
  for (let y = 0; y < screen.height; y++) {
    raw[i++] = 0; // filter: none
    for (let x = 0; x < screen.width; x++) {
      for (const value of screen.rgb(x, y)) raw[i++] = value;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(screen.width, 0);
  header.writeUInt32BE(screen.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

async function centre(locator: Locator): Promise<Point> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not visible, so it cannot be right-clicked.`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

function run(command: string, args: string[], display: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DISPLAY: display };
    execFile(command, args, { env, timeout: 10_000 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout.trim());
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      const detail = stderr.trim() || error.message;
      reject(
        new Error(
          missing
            ? `${command} is not installed (${INSTALL_HINT}).`
            : `${command} ${args.join(' ')} failed on ${display}: ${detail}`,
        ),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
