// Before the Firefox end-to-end tests: a Firefox the add-on supports, or one clear message why not.
import { ensureFirefox } from '../../scripts/firefox';

export default function setup() {
  ensureFirefox();
}
