/** `parseScenario` names the exact field a hand-written file gets wrong; `generateScenario` builds large ones for benchmarks. */
import { sandboxText } from '../../messages/sandbox.js';

/** Avito chat types: by listing, between users, with Avito itself. */
export type ChatType = 'u2i' | 'u2u' | 'a2u';

export interface ScenarioAccount {
  id: number;
  name?: string;
  email?: string;
  phone?: string;
  profile_url?: string;
}

/** The listing a u2i chat is about, as Avito sends it in `context.value`. */
export interface ScenarioItemContext {
  type: 'item';
  value: {
    id: number;
    title?: string;
    url?: string;
    price_string?: string;
    status_id?: number;
    user_id?: number;
    images?: unknown;
  };
}

export interface ScenarioMessage {
  id?: string;
  author_id: number;
  /** Unix seconds. */
  created?: number;
  /** Defaults to 'out' when the author is the account, else 'in'. */
  direction?: 'in' | 'out';
  type?: string;
  content?: Record<string, unknown>;
  /** Shorthand for `type: 'text', content: { text }`. */
  text?: string;
  is_read?: boolean;
}

export interface ScenarioChat {
  id: string;
  /** Defaults from the id prefix (`u2u-...`), else 'u2i'. */
  type?: ChatType;
  created?: number;
  updated?: number;
  context?: ScenarioItemContext;
  /** Defaults to the account plus the author of the first incoming message. */
  users?: Array<{ id: number; name?: string }>;
  messages: ScenarioMessage[];
}

export interface SandboxScenario {
  account: ScenarioAccount;
  credentials?: { clientId: string; clientSecret: string };
  /** When true every message reads as {@link TARIFF_STUB_TEXT}, as on an account without the messenger tariff. */
  tariffStub?: boolean;
  chats: ScenarioChat[];
}

export const DEFAULT_CREDENTIALS = { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' } as const;

/** What Avito shows instead of the messages when the account has no messenger API tariff. */
export const TARIFF_STUB_TEXT =
  'Чтобы читать и отправлять сообщения через API, перейдите на подписку с api мессенджера';

export const CHAT_TYPES: readonly ChatType[] = ['u2i', 'u2u', 'a2u'];

type Json = Record<string, unknown>;

/** The first wrong field of a hand-written scenario: `path` names it, `problem` says what is wrong with it. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(sandboxText().invalidScenario(path, problem));
  }
}

function fail(path: string, problem: string): never {
  throw new ScenarioError(path, problem);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectObject(value: unknown, path: string): Json {
  if (!isObject(value)) fail(path, sandboxText().mustBeObject);
  return value;
}

function expectKeys(value: Json, path: string, allowed: readonly string[]): void {
  // Unknown keys are rejected so that a typo ("mesages") fails loudly instead of being ignored.
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`${path}.${key}`, sandboxText().unknownField(allowed.join(', ')));
  }
}

function optionalInteger(value: unknown, path: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    fail(path, sandboxText().mustBeInteger(min));
  }
  return value;
}

function requiredInteger(value: unknown, path: string, min = 0): number {
  if (value === undefined) fail(path, sandboxText().required);
  return optionalInteger(value, path, min) as number;
}

function optionalString(value: unknown, path: string, { nonEmpty = false } = {}): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(path, sandboxText().mustBeString);
  if (nonEmpty && value.trim() === '') fail(path, sandboxText().mustNotBeEmpty);
  return value;
}

function optionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail(path, sandboxText().mustBeBoolean);
  return value;
}

function parseAccount(value: unknown): ScenarioAccount {
  const raw = expectObject(value, 'account');
  expectKeys(raw, 'account', ['id', 'name', 'email', 'phone', 'profile_url']);
  const account: ScenarioAccount = { id: requiredInteger(raw.id, 'account.id', 1) };
  for (const key of ['name', 'email', 'phone', 'profile_url'] as const) {
    const field = optionalString(raw[key], `account.${key}`);
    if (field !== undefined) account[key] = field;
  }
  return account;
}

function parseContext(value: unknown, path: string): ScenarioItemContext | undefined {
  if (value === undefined) return undefined;
  const raw = expectObject(value, path);
  expectKeys(raw, path, ['type', 'value']);
  if (raw.type !== 'item') fail(`${path}.type`, sandboxText().mustBeItem);
  const rawValue = expectObject(raw.value, `${path}.value`);
  const item: ScenarioItemContext['value'] = { ...rawValue, id: requiredInteger(rawValue.id, `${path}.value.id`, 1) };
  optionalString(rawValue.title, `${path}.value.title`);
  optionalString(rawValue.url, `${path}.value.url`);
  optionalString(rawValue.price_string, `${path}.value.price_string`);
  optionalInteger(rawValue.status_id, `${path}.value.status_id`);
  optionalInteger(rawValue.user_id, `${path}.value.user_id`, 1);
  return { type: 'item', value: item };
}

function parseMessage(value: unknown, path: string): ScenarioMessage {
  const raw = expectObject(value, path);
  expectKeys(raw, path, ['id', 'author_id', 'created', 'direction', 'type', 'content', 'text', 'is_read']);
  const message: ScenarioMessage = { author_id: requiredInteger(raw.author_id, `${path}.author_id`) };
  const id = optionalString(raw.id, `${path}.id`, { nonEmpty: true });
  if (id !== undefined) message.id = id;
  const created = optionalInteger(raw.created, `${path}.created`);
  if (created !== undefined) message.created = created;
  if (raw.direction !== undefined) {
    if (raw.direction !== 'in' && raw.direction !== 'out') fail(`${path}.direction`, sandboxText().mustBeDirection);
    message.direction = raw.direction;
  }
  const type = optionalString(raw.type, `${path}.type`, { nonEmpty: true });
  if (type !== undefined) message.type = type;
  if (raw.content !== undefined) message.content = { ...expectObject(raw.content, `${path}.content`) };
  const text = optionalString(raw.text, `${path}.text`);
  if (text !== undefined) {
    if (message.content !== undefined) fail(`${path}.text`, sandboxText().textWithContent);
    if (message.type !== undefined && message.type !== 'text') fail(`${path}.text`, sandboxText().textWithType(message.type));
    message.text = text;
  }
  if (message.text === undefined && message.content === undefined) fail(path, sandboxText().needsText);
  const isRead = optionalBoolean(raw.is_read, `${path}.is_read`);
  if (isRead !== undefined) message.is_read = isRead;
  return message;
}

export function parseScenarioChat(value: unknown, path = 'chat'): ScenarioChat {
  const raw = expectObject(value, path);
  expectKeys(raw, path, ['id', 'type', 'created', 'updated', 'context', 'users', 'messages']);
  const id = optionalString(raw.id, `${path}.id`, { nonEmpty: true });
  if (id === undefined) fail(`${path}.id`, sandboxText().required);
  if (!Array.isArray(raw.messages)) fail(`${path}.messages`, sandboxText().mustBeArray);
  const chat: ScenarioChat = {
    id,
    messages: raw.messages.map((message, index) => parseMessage(message, `${path}.messages[${index}]`)),
  };
  if (raw.type !== undefined) {
    if (!CHAT_TYPES.includes(raw.type as ChatType)) fail(`${path}.type`, sandboxText().mustBeOneOf(CHAT_TYPES.join(', ')));
    chat.type = raw.type as ChatType;
  }
  const created = optionalInteger(raw.created, `${path}.created`);
  if (created !== undefined) chat.created = created;
  const updated = optionalInteger(raw.updated, `${path}.updated`);
  if (updated !== undefined) chat.updated = updated;
  const context = parseContext(raw.context, `${path}.context`);
  if (context !== undefined) chat.context = context;
  if (raw.users !== undefined) {
    if (!Array.isArray(raw.users)) fail(`${path}.users`, sandboxText().mustBeArray);
    chat.users = raw.users.map((user, index) => {
      const userPath = `${path}.users[${index}]`;
      const rawUser = expectObject(user, userPath);
      expectKeys(rawUser, userPath, ['id', 'name']);
      const parsed: { id: number; name?: string } = { id: requiredInteger(rawUser.id, `${userPath}.id`, 1) };
      const name = optionalString(rawUser.name, `${userPath}.name`);
      if (name !== undefined) parsed.name = name;
      return parsed;
    });
  }
  const seen = new Set<string>();
  chat.messages.forEach((message, index) => {
    if (message.id === undefined) return;
    if (seen.has(message.id)) fail(`${path}.messages[${index}].id`, sandboxText().repeats(message.id));
    seen.add(message.id);
  });
  return chat;
}

/** Returns a copy; throws naming the first bad field, like `Invalid scenario: chats[1].messages[0].author_id is required`. */
export function parseScenario(json: unknown): SandboxScenario {
  const raw = expectObject(json, 'scenario');
  // `$schema` and `description` let a hand-written file document itself.
  expectKeys(raw, 'scenario', ['$schema', 'description', 'account', 'credentials', 'tariffStub', 'chats']);
  const scenario: SandboxScenario = { account: parseAccount(raw.account), chats: [] };
  if (raw.credentials !== undefined) {
    const credentials = expectObject(raw.credentials, 'credentials');
    expectKeys(credentials, 'credentials', ['clientId', 'clientSecret']);
    const clientId = optionalString(credentials.clientId, 'credentials.clientId', { nonEmpty: true });
    const clientSecret = optionalString(credentials.clientSecret, 'credentials.clientSecret', { nonEmpty: true });
    if (clientId === undefined) fail('credentials.clientId', sandboxText().required);
    if (clientSecret === undefined) fail('credentials.clientSecret', sandboxText().required);
    scenario.credentials = { clientId, clientSecret };
  }
  const tariffStub = optionalBoolean(raw.tariffStub, 'tariffStub');
  if (tariffStub !== undefined) scenario.tariffStub = tariffStub;
  if (!Array.isArray(raw.chats)) fail('chats', sandboxText().mustBeArray);
  const ids = new Set<string>();
  raw.chats.forEach((value, index) => {
    const chat = parseScenarioChat(value, `chats[${index}]`);
    if (ids.has(chat.id)) fail(`chats[${index}].id`, sandboxText().repeats(chat.id));
    ids.add(chat.id);
    scenario.chats.push(chat);
  });
  return scenario;
}

/** The three listings generated scenarios rotate through (also used by the knowledge fixtures). */
export const SAMPLE_LISTINGS = [
  {
    id: 4012345678,
    title: "Кофемашина De'Longhi Magnifica S ECAM 22.110.B",
    url: 'https://www.avito.ru/moskva/bytovaya_tehnika/kofemashina_delonghi_magnifica_s_ecam_22.110_4012345678',
    price_string: '24 990 ₽',
  },
  {
    id: 4012345679,
    title: 'Робот-пылесос Xiaomi Mi Robot Vacuum-Mop 2',
    url: 'https://www.avito.ru/moskva/bytovaya_tehnika/robot-pylesos_xiaomi_mi_robot_vacuum-mop_2_4012345679',
    price_string: '17 500 ₽',
  },
  {
    id: 4012345680,
    title: 'Велосипед горный Stels Navigator 500',
    url: 'https://www.avito.ru/moskva/velosipedy/velosiped_gornyy_stels_navigator_500_4012345680',
    price_string: '14 000 ₽',
  },
] as const;

const BUYER_QUESTIONS = [
  'Здравствуйте! Ещё продаётся?',
  'Добрый день, какая гарантия?',
  'А доставка есть? Я в Подольске.',
  'Можно забрать сегодня вечером?',
  'Торг уместен?',
  'Какой адрес самовывоза?',
  'Есть чек и документы?',
  'Можно оплатить картой при получении?',
  'Сколько лет товару, были ли ремонты?',
  'Комплектация полная, коробка есть?',
  'Здравствуйте, а в рассрочку можно?',
  'Подскажите, пожалуйста, габариты и вес.',
];

const BUYER_NAMES = ['Алексей', 'Марина', 'Игорь', 'Светлана', 'Дмитрий', 'Ольга', 'Сергей', 'Наталья', 'Павел', 'Екатерина'];

/** Small seeded PRNG (mulberry32): same seed, same scenario. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomToken(random: () => number, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~';

/** Deterministic, with unread buyer questions about the sample listings; times are left out so the sandbox places them just before it starts. */
export function generateScenario(options: {
  chats: number;
  messagesPerChat: number;
  accountId?: number;
  seed?: number;
}): SandboxScenario {
  const accountId = options.accountId ?? 100200300;
  const random = createRandom(options.seed ?? 1);
  const chats: ScenarioChat[] = [];
  for (let index = 0; index < options.chats; index++) {
    const listing = SAMPLE_LISTINGS[index % SAMPLE_LISTINGS.length] as (typeof SAMPLE_LISTINGS)[number];
    const buyerId = 300_000_000 + index;
    const messages: ScenarioMessage[] = [];
    for (let m = 0; m < options.messagesPerChat; m++) {
      messages.push({ id: randomToken(random, 32, '0123456789abcdef'), author_id: buyerId, text: pick(BUYER_QUESTIONS, random) });
    }
    chats.push({
      id: `u2i-${randomToken(random, 22, ID_ALPHABET)}`,
      type: 'u2i',
      context: { type: 'item', value: { ...listing, status_id: 10, user_id: accountId } },
      users: [
        { id: accountId, name: 'Магазин «Техника Дома»' },
        { id: buyerId, name: pick(BUYER_NAMES, random) },
      ],
      messages,
    });
  }
  return { account: { id: accountId, name: 'Магазин «Техника Дома»' }, chats };
}
