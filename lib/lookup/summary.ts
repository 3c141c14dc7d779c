import { z } from 'zod';

/**
 * The part of a conversation the UI shows; built in the background (summarize.ts), parsed again by
 * the page.
 */
export const ConversationSummarySchema = z.object({
  slug: z.string(),
  subject: z.string().nullable(),
  status: z.number().int(),
  channel: z.string().nullable(),
  customer: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  assignee: z.string().nullable(),
  tags: z.array(z.string()),
  /** The newest of the last customer and last staff message; its body may hold HTML. */
  lastMessage: z
    .object({ body: z.string(), at: z.string(), from: z.enum(['customer', 'staff']) })
    .nullable(),
  lastCustomerMessage: z.object({ body: z.string(), at: z.string() }).nullable(),
  lastStaffMessage: z.object({ body: z.string(), at: z.string() }).nullable(),
  followers: z.array(z.string()),
  /** Custom data, values as text. */
  data: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  url: z.url(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;
