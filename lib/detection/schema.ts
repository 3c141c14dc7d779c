import { z } from 'zod';
import {
  ID_SHAPE,
  isCustomerName,
  MARKETPLACES,
  MAX_PAGE_EMAILS,
  MAX_CUSTOMER_NAME,
  MAX_PAGE_IDS,
  MAX_URL_LENGTH,
  PAGE_KINDS,
  PLATFORM_IDS,
} from './types';

export const MarketplaceSchema = z.enum(MARKETPLACES);

/** A page is hostile ground: every id is bounded by shape and length, every list by count. */
const PageIdSchema = z.string().trim().regex(ID_SHAPE);

export const OriginIdSchema = z.object({ id: PageIdSchema, marketplace: MarketplaceSchema });
export type OriginId = z.infer<typeof OriginIdSchema>;

/**
 * The ids one order, list or customer page shows, or one search names: the one shape an id keeps
 * from the page to the planned requests (detection → report → tab state → plan).
 */
export const DetectedIdsSchema = z.object({
  orderRefs: z.array(PageIdSchema).max(MAX_PAGE_IDS),
  originIds: z.array(OriginIdSchema).max(MAX_PAGE_IDS),
  emails: z.array(z.email().max(254)).max(MAX_PAGE_EMAILS),
  /** Conversation slugs from Re:amaze links: an agent's searches only, never a page. */
  slugs: z.array(z.string()).optional(),
  /** Unrecognised text, tried as a reference id or slug: an agent's searches only. */
  references: z.array(z.string()).optional(),
});
export type DetectedIds = z.infer<typeof DetectedIdsSchema>;

const PAGE_IDS = { orderRefs: true, originIds: true, emails: true } as const;

/**
 * The customer's name an order page prints: one line, name-shaped (see isCustomerName). Display
 * data for the new-conversation form only, kept beside the ids and never one of them.
 */
export const CustomerNameSchema = z
  .string()
  .trim()
  .max(MAX_CUSTOMER_NAME)
  .refine(isCustomerName, 'errors.notCustomerName');

/**
 * What a content script reports: the page's ids, with the platform and kind of page it saw, and
 * on an order page the customer's name where the platform prints it.
 */
export const DetectionSchema = DetectedIdsSchema.pick(PAGE_IDS).extend({
  platform: z.enum([...PLATFORM_IDS, 'custom']).nullable(),
  kind: z.enum(PAGE_KINDS),
  customerName: CustomerNameSchema.optional(),
});
export type Detection = z.infer<typeof DetectionSchema>;

/** What one detection rule finds on a live store page, for the options page's preview. */
export const RuleTestSchema = DetectedIdsSchema.pick(PAGE_IDS).extend({
  url: z.string().max(MAX_URL_LENGTH),
  /** Whether the rule's URL pattern matches that page at all. */
  matched: z.boolean(),
});
export type RuleTest = z.infer<typeof RuleTestSchema>;
