export { LANGS, currentLang, parseLang, setLang, type Lang } from './lang.js';
export { defineMessages, defineMessagesIn, type Messages } from './catalogue.js';
