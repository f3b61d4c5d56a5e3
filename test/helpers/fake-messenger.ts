/**
 * An in-memory Avito for the core's unit tests (the core's `Messenger` port). Adapter tests use
 * the real sandbox over HTTP instead; this one lets a test script failures at exact points.
 */
import { AvitoApiError } from '../../src/errors.js';
import { AVITO_TEXT_LIMIT } from '../../src/core/split-text.js';
import type { ChatMessage, ChatSummary, Listing } from '../../src/core/model.js';
import type { ListChatsOptions, Messenger } from '../../src/core/ports.js';

export const ACCOUNT_ID = 9000001;
export const BUYER_ID = 7000001;

export interface FakeChat {
  id: string;
  listing?: Listing;
  messages: ChatMessage[];
}

export class FakeMessenger implements Messenger {
  readonly chats = new Map<string, FakeChat>();
  readonly sends: Array<{ chatId: string; text: string }> = [];
  readonly reads: string[] = [];
  listMessagesCalls = 0;
  getChatCalls = 0;
  private seq = 0;
  clock = 1_700_000_000;
  /** A coming send: 'ambiguous-after' stores the message then throws ambiguous; 'refused' throws 400; 'hang' never answers. */
  nextSendFailure: 'ambiguous-after' | 'ambiguous-before' | 'refused' | 'hang' | undefined;
  /** Which of the coming sends fails (0: the next one), so a test can fail a long reply's second part. */
  failAtPart = 0;
  /** Runs before a send is stored: what the buyer types while the bot's reply is on its way. */
  beforeSend: ((chatId: string) => void | Promise<void>) | undefined;

  async getUserId(): Promise<number> {
    return ACCOUNT_ID;
  }

  addChat(id: string, listing?: Listing): FakeChat {
    const chat: FakeChat = { id, ...(listing ? { listing } : {}), messages: [] };
    this.chats.set(id, chat);
    return chat;
  }

  /** Adds a message as Avito would show it; returns it. */
  add(chatId: string, message: Partial<ChatMessage> & { text?: string }): ChatMessage {
    const chat = this.chats.get(chatId) ?? this.addChat(chatId);
    const full: ChatMessage = {
      id: message.id ?? `m${++this.seq}`,
      chatId,
      authorId: message.authorId ?? BUYER_ID,
      created: message.created ?? ++this.clock,
      direction: message.direction ?? ((message.authorId ?? BUYER_ID) === ACCOUNT_ID ? 'out' : 'in'),
      type: message.type ?? 'text',
      text: message.text ?? '',
      ...(message.flowId ? { flowId: message.flowId } : {}),
    };
    chat.messages.push(full);
    return full;
  }

  buyer(chatId: string, text: string): ChatMessage {
    return this.add(chatId, { text });
  }

  seller(chatId: string, text: string): ChatMessage {
    return this.add(chatId, { text, authorId: ACCOUNT_ID });
  }

  async listChats(_options?: ListChatsOptions): Promise<ChatSummary[]> {
    return [...this.chats.values()].map((chat) => this.summary(chat));
  }

  async getChat(chatId: string): Promise<ChatSummary> {
    this.getChatCalls++;
    const chat = this.chats.get(chatId);
    if (!chat) throw new AvitoApiError('chat not found', 404, 'getChat');
    return this.summary(chat);
  }

  async listMessages(chatId: string, options: { limit?: number } = {}): Promise<ChatMessage[]> {
    this.listMessagesCalls++;
    const chat = this.chats.get(chatId);
    if (!chat) throw new AvitoApiError('chat not found', 404, 'listMessages');
    return [...chat.messages].reverse().slice(0, options.limit ?? 100);
  }

  async sendMessage(chatId: string, text: string): Promise<ChatMessage> {
    // Avito refuses longer texts: splitting is the core's job.
    if (text.length > AVITO_TEXT_LIMIT) throw new AvitoApiError('text too long', 400, 'sendMessage');
    const failure = this.nextSendFailure;
    const failsNow = failure !== undefined && this.failAtPart === 0;
    if (failure !== undefined && !failsNow) this.failAtPart -= 1;
    if (failsNow) {
      this.nextSendFailure = undefined;
      if (failure === 'refused') throw new AvitoApiError('bad request', 400, 'sendMessage');
      if (failure === 'ambiguous-before') throw new AvitoApiError('timeout', 0, 'sendMessage', { ambiguous: true });
      // The process dies with the request in flight: nothing comes back, nothing is stored yet.
      if (failure === 'hang') return new Promise<ChatMessage>(() => undefined);
    }
    await this.beforeSend?.(chatId);
    this.sends.push({ chatId, text });
    const message = this.add(chatId, { text, authorId: ACCOUNT_ID, direction: 'out' });
    if (failsNow && failure === 'ambiguous-after') throw new AvitoApiError('socket hang up', 0, 'sendMessage', { ambiguous: true });
    return message;
  }

  async markRead(chatId: string): Promise<void> {
    this.reads.push(chatId);
  }

  sentTo(chatId: string): string[] {
    return this.sends.filter((s) => s.chatId === chatId).map((s) => s.text);
  }

  private summary(chat: FakeChat): ChatSummary {
    const last = chat.messages.at(-1);
    return {
      id: chat.id,
      created: chat.messages[0]?.created ?? 0,
      updated: last?.created ?? 0,
      ...(chat.listing ? { listing: chat.listing } : {}),
      ...(last ? { lastMessage: last } : {}),
    };
  }
}
