export function avitoChatUrl(chatId: string): string {
  return `https://www.avito.ru/profile/messenger/channel/${encodeURIComponent(chatId)}`;
}
