/** What `avito-ai demo` prints: the conversations as the buyer saw them, and the totals. */
import { defineMessages } from './catalogue.js';

export const demoText = defineMessages({
  ru: {
    statusFound: 'ответ из документов',
    statusNotFound: 'в документах нет ответа',
    statusEscalation: 'передано менеджеру',
    statusNonText: 'просьба написать текстом',
    statusEngineFailed: 'база знаний недоступна',
    intro: (url: string, dir: string) => `локальная песочница Avito (${url}), документы из ${dir}`,
    promise: 'Бот отвечает покупателям только тем, что написано в документах продавца.',
    totalsTitle: 'Итого',
    totals: (sent: number, found: number, notFound: number, escalations: number, takeovers: number) =>
      `отправлено ответов ${sent}, из документов ${found}, «нет в базе» ${notFound}, эскалаций ${escalations}, перехватов продавцом ${takeovers}`,
    requests: (count: number, dir: string) => `Запросов к Avito API: ${count}. Проверьте свой вопрос: avito-ai ask "…" --knowledge-dir ${dir}`,
    system: (text: string) => `(системное: ${text} — бот такие не отвечает)`,
    buyer: 'Покупатель:',
    bot: 'Бот:',
    seller: 'Продавец (вручную):',
    takeover: '→ продавец ответил сам: бот молчит в этом чате 12 ч',
    escalation: '→ эскалация: чат помечен и оставлен непрочитанным для продавца, бот молчит до команды resume',
  },
  en: {
    statusFound: 'answered from the documents',
    statusNotFound: 'not in the documents',
    statusEscalation: 'handed to the manager',
    statusNonText: 'asked to write in text',
    statusEngineFailed: 'knowledge base unavailable',
    intro: (url: string, dir: string) => `a local Avito sandbox (${url}), documents from ${dir}`,
    promise: "The bot answers buyers only with what the seller's documents say.",
    totalsTitle: 'Total',
    totals: (sent: number, found: number, notFound: number, escalations: number, takeovers: number) =>
      `${sent} replies sent, ${found} from the documents, ${notFound} "not in the base", ${escalations} escalations, ${takeovers} taken over by the seller`,
    requests: (count: number, dir: string) => `Requests to the Avito API: ${count}. Try your own question: avito-ai ask "…" --knowledge-dir ${dir}`,
    system: (text: string) => `(system: ${text} — the bot does not answer these)`,
    buyer: 'Buyer:',
    bot: 'Bot:',
    seller: 'Seller (by hand):',
    takeover: '→ the seller answered by hand: the bot is silent in this chat for 12 h',
    escalation: '→ escalation: the chat is marked and left unread for the seller, the bot is silent until resume',
  },
});
