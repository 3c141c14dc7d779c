import { defineUnlistedScript } from '#imports';
import { providePart } from './detector/parts';
import { createSidebarHost } from './detector/sidebar-host';

/** The launcher and the sidebar's frame, a part of the detector (see detector/parts.ts). */
export default defineUnlistedScript(() => providePart('launcher', createSidebarHost));
