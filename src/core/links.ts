/** Addresses in Avito's web interface that avito-ai shows the seller. */

/** Where a seller opens the chat in Avito's web messenger. */
export function avitoChatUrl(chatId: string): string {
  return `https://www.avito.ru/profile/messenger/channel/${encodeURIComponent(chatId)}`;
}
