import type { Result } from '@/lib/messaging/protocol';
import type {
  ActivityEntry,
  ConversationChange,
  ConversationRef,
  ConversationTools,
  Draft,
  DraftInput,
  NewConversationForm,
  NewConversationInput,
  ResponseTemplateSummary,
  SentMessage,
  StaffMember,
} from '@/lib/actions/schemas';
import type { ConversationSummary } from '@/lib/lookup/summary';
import type { ConversationMatch } from '@/lib/lookup/schemas';

/** What the sidebar's thread may do to a conversation: one method per background message. */
export interface ActionServices {
  getConversationTools(ref: ConversationRef): Promise<Result<ConversationTools>>;
  saveDraft(ref: ConversationRef, draft: DraftInput): Promise<Result<Draft>>;
  discardDraft(ref: ConversationRef): Promise<Result<object>>;
  sendDraft(ref: ConversationRef): Promise<Result<SentMessage>>;
  updateConversation(
    ref: ConversationRef,
    change: ConversationChange,
  ): Promise<Result<{ conversation: ConversationSummary }>>;
  getActivity(ref: ConversationRef): Promise<Result<ActivityEntry[]>>;
  listStaff(brand: string): Promise<Result<StaffMember[]>>;
  listTemplates(brand: string): Promise<Result<ResponseTemplateSummary[]>>;
  getNewConversationForm(): Promise<Result<NewConversationForm>>;
  createConversation(
    input: NewConversationInput,
  ): Promise<Result<{ conversation: ConversationMatch }>>;
}

/** The first message of each field error the background named, by field. */
export function errorsAt(
  fieldErrors: Record<string, string[]> | undefined,
  fields: Record<string, readonly string[]>,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [control, keys] of Object.entries(fields)) {
    const messages = keys.flatMap((key) => fieldErrors?.[key] ?? []);
    if (messages.length > 0) found[control] = messages.join(' ');
  }
  return found;
}
