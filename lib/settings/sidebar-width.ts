/** The sidebar's width in pixels: zod-free, because the content script's resize grip needs it. */
export const MIN_SIDEBAR_WIDTH = 280;
export const MAX_SIDEBAR_WIDTH = 900;
export const DEFAULT_SIDEBAR_WIDTH = 380;
