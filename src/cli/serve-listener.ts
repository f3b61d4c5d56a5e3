/**
 * The module `serve`'s listener thread runs: the HTTP server with Avito's delivery parser. It lives
 * here, where the CLI composes the adapters, because the server knows nothing of Avito.
 */
import { parseWebhookDelivery } from '../avito/webhook.js';
import { serveFromThread } from '../server/http-thread.js';

await serveFromThread(parseWebhookDelivery);
