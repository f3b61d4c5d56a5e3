
/** Message types Avito sends; unknown future types pass through as strings. */
export type MessageType =
  | 'text'
  | 'image'
  | 'link'
  | 'item'
  | 'location'
  | 'call'
  | 'deleted'
  | 'voice'
  | 'system'
  | 'appCall'
  | 'file'
  | 'video'
  | (string & {});

export interface ChatMessage {
  id: string;
  chatId: string;
  /** 0 for system messages. */
  authorId: number;
  /** Unix seconds, as Avito sends it. */
  created: number;
  direction: 'in' | 'out';
  type: MessageType;
  /** The text a person reads: `content.text` for text, the link or item title for others. */
  text: string;
  /** Avito's own bots and system notices carry a flow id; never answered. */
  flowId?: string;
  content?: Record<string, unknown>;
  isRead?: boolean;
}

export interface Listing {
  id: number;
  /** The listing's author (`context.value.user_id`): when it is not the account, the account is the buyer. */
  ownerId?: number;
  title?: string;
  url?: string;
  price?: string;
}

export interface ChatSummary {
  id: string;
  created: number;
  updated: number;
  listing?: Listing;
  buyer?: { id: number; name?: string };
  lastMessage?: ChatMessage;
}

export type AnswerStatus = 'FOUND' | 'NOT_FOUND';
/** SMALL_TALK: thanks, a greeting, an emoji; nothing to look up (and nothing sent unless the seller set a text for it). */
export type DialogStatus = AnswerStatus | 'ESCALATION' | 'NON_TEXT' | 'ENGINE_FAILED' | 'SMALL_TALK';
