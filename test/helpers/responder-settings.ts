/** The responder's settings for tests that drive it: the values the suite assumes, each test naming only what it checks. */
import type { ResponderSettings } from '../../src/core/inquiry.js';

export function responderSettings(overrides: Partial<ResponderSettings> = {}): ResponderSettings {
  return {
    contextLimit: 20,
    humanPauseHours: 12,
    fallbackText: 'нет информации',
    escalationText: 'передал менеджеру',
    nonTextReplyText: 'напишите текстом',
    nonTextReplyTypes: ['voice'],
    activeHours: undefined,
    timeZone: 'UTC',
    maxRepliesPerHour: 10,
    engineFailureLimit: 3,
    ...overrides,
  };
}
