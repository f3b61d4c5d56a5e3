import { MessengerError } from '../errors.js';

/** Refused keys: nothing will be answered anywhere until the seller fixes them. */
export function isFatalForChat(error: unknown): error is MessengerError {
  return error instanceof MessengerError && error.failure === 'credentials';
}

/** On the account-wide call (listing chats), a missing scope or tariff is fatal too. */
export function isFatalForAccount(error: unknown): error is MessengerError {
  return error instanceof MessengerError && (error.failure === 'credentials' || error.failure === 'access');
}

export function mayHaveLanded(error: unknown): boolean {
  return error instanceof MessengerError && error.ambiguous;
}

/** An answer about one request (a chat that does not exist) says the messenger works. */
export function isMessengerOutage(error: unknown): boolean {
  if (!(error instanceof MessengerError)) return true;
  return error.failure === 'credentials' || error.failure === 'access' || error.failure === 'unavailable';
}
