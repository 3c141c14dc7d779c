import { defineUnlistedScript } from '#imports';
import { createListPage } from './detector/list-page';
import { providePart } from './detector/parts';

/** The order-list part of the detector: rows in view counted and chipped (see detector/parts.ts). */
export default defineUnlistedScript(() => providePart('list', createListPage));
