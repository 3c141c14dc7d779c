// Before any end-to-end test: a Chromium the extension supports, or one clear message why not
// (instead of every test timing out on a browser that cannot run the build).
import { ensureChromium } from '../../scripts/chromium';

export default function setup() {
  ensureChromium();
}
