import { z } from 'zod';
import { ApiErrorKindSchema } from '../api/errors';

/** Failures that belong to the extension itself rather than to the API. */
export const AppErrorKindSchema = z.enum([
  'notConfigured',
  'invalidInput',
  'forbidden',
  'badMessage',
  'internal',
  /** Held back by the extension's own lookup budget (per tab and per brand per minute). */
  'overBudget',
]);

/** Every failure that crosses a context boundary: a kind to branch on, a message for the agent. */
export const MessageErrorSchema = z.object({
  kind: z.union([ApiErrorKindSchema, AppErrorKindSchema]),
  message: z.string(),
  status: z.number().int().optional(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});
export type MessageError = z.infer<typeof MessageErrorSchema>;

export class AppError extends Error {
  constructor(
    readonly kind: z.infer<typeof AppErrorKindSchema>,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
