import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ActivityEntry, ConversationRef, ConversationTools } from '@/lib/actions/schemas';
import type { DetectedIds } from '@/lib/detection/schema';
import type { ThreadMessage } from '@/lib/lookup/schemas';
import type { ConversationSummary } from '@/lib/lookup/summary';
import type { Result } from '@/lib/messaging/protocol';
import { placeholderValues } from '@/lib/actions/templates';
import type { ActionServices } from './action-services';
import { ActivityList } from './activity-list';
import { Composer } from './composer';
import { ConversationControls } from './conversation-controls';
import { ErrorAlert } from './error-alert';
import { useI18n } from './i18n';

/**
 * Everything the thread view lets the agent do: the conversation's controls, the composer and the
 * activity list, from one getConversationTools.
 */
export function ConversationActions(props: {
  brand: string;
  summary: ConversationSummary;
  ids: DetectedIds | null;
  services: ActionServices;
  /** Tags of the conversations in the sidebar, for completion. */
  sidebarTags: readonly string[];
  onSummary(summary: ConversationSummary): void;
  onSent(message: ThreadMessage): void;
}) {
  const { t } = useI18n();
  const { services, summary } = props;
  const [tools, setTools] = useState<Result<ConversationTools> | null>(null);
  const [activity, setActivity] = useState<ActivityEntry[]>([]);
  const ref: ConversationRef = { brand: props.brand, slug: summary.slug };
  const { brand, slug } = ref;

  useEffect(() => {
    let live = true;
    void services.getConversationTools({ brand, slug }).then((reply) => {
      if (!live) return;
      setTools(reply);
      if (reply.ok) setActivity(reply.data.activity);
    });
    return () => {
      live = false;
    };
  }, [services, brand, slug]);

  const refreshActivity = useCallback(() => {
    void services.getActivity({ brand, slug }).then((reply) => {
      if (reply.ok) setActivity(reply.data);
    });
  }, [services, brand, slug]);

  if (tools === null) return <p role="status">{t('conversationActions.loading')}</p>;
  if (!tools.ok) return <ErrorAlert error={tools.error} />;
  return (
    <>
      <ConversationControls
        conversation={ref}
        summary={summary}
        services={services}
        knownTags={[...tools.data.knownTags, ...props.sidebarTags]}
        onSummary={props.onSummary}
        onActivity={refreshActivity}
      />
      <Composer
        conversation={ref}
        services={services}
        draft={tools.data.draft}
        undoSeconds={tools.data.undoSeconds}
        values={placeholderValues(props.ids, summary)}
        onSent={(sent) => {
          props.onSent(sent.message);
          if (sent.conversation) props.onSummary(sent.conversation);
        }}
        onActivity={refreshActivity}
      />
      <ActivityList entries={activity} />
    </>
  );
}
