/**
 * The open thread's view and tools, with the sanitiser and markdown they bring: the sidebar's
 * first paint (the list of matches) needs none of them, so sidebar-app.tsx loads this later.
 */
export { ConversationActions } from './conversation-actions';
export { ThreadView } from './thread-view';
