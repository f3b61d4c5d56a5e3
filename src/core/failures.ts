/**
 * Which failures stop the daemon, which say a system is down, and which concern one request:
 * decided here once, on the ports' error types, for the poll pass, the webhook inbox, the
 * responder and the health watch alike.
 */
import { MessengerError } from '../errors.js';

/** Nothing will be answered anywhere until the seller fixes the Avito keys: the daemon stops. */
export function isFatalForChat(error: unknown): error is MessengerError {
  return error instanceof MessengerError && error.failure === 'credentials';
}

/**
 * Fatal where the whole account is concerned (listing the chats): besides refused keys, a
 * missing scope or tariff, which a chat-level call cannot tell from a problem with that chat.
 */
export function isFatalForAccount(error: unknown): error is MessengerError {
  return error instanceof MessengerError && (error.failure === 'credentials' || error.failure === 'access');
}

/** A reply whose send failed this way must not be retried as if it had not gone out. */
export function mayHaveLanded(error: unknown): boolean {
  return error instanceof MessengerError && error.ambiguous;
}

/**
 * An outage of the messenger, as opposed to an answer about one request (a chat that does not
 * exist says the messenger works). Anything that is not a messenger failure counts as an outage.
 */
export function isMessengerOutage(error: unknown): boolean {
  if (!(error instanceof MessengerError)) return true;
  return error.failure === 'credentials' || error.failure === 'access' || error.failure === 'unavailable';
}
