/** The one line an error becomes at the CLI edge, and commander's own complaints about the command line. */
import { defineMessages } from './catalogue.js';

export const errorsText = defineMessages({
  ru: {
    unexpected: (message: string) => `непредвиденная ошибка: ${message}`,
    unexpectedHint: 'подробности покажет запуск с DEBUG=avito-ai',
    causedBy: 'причина:',
    seeHelp: 'см. avito-ai --help',
    unknownCommand: (name: string) => `нет такой команды: '${name}'`,
    unknownOption: (flag: string) => `нет такого параметра: '${flag}'`,
    missingArgument: (name: string) => `не указан обязательный аргумент '${name}'`,
    optionMissingArgument: (flags: string) => `у параметра '${flags}' не указано значение`,
    mandatoryOption: (flags: string) => `не указан обязательный параметр '${flags}'`,
    tooManyArguments: 'лишние аргументы',
    invalidChoice: (flags: string, value: string, choices: string) => `'${value}' не подходит для '${flags}', можно: ${choices}`,
    didYouMean: (names: string) => `может быть, ${names}?`,
    or: ' или ',
    positiveInteger: (option: string, value: string) => `${option}: ожидается целое положительное число, а задано "${value}"`,
    positiveNumber: (option: string, value: string) => `${option}: ожидается положительное число, а задано "${value}"`,
  },
  en: {
    unexpected: (message: string) => `unexpected error: ${message}`,
    unexpectedHint: 'run with DEBUG=avito-ai for details',
    causedBy: 'caused by:',
    seeHelp: 'see avito-ai --help',
    unknownCommand: (name: string) => `unknown command '${name}'`,
    unknownOption: (flag: string) => `unknown option '${flag}'`,
    missingArgument: (name: string) => `missing required argument '${name}'`,
    optionMissingArgument: (flags: string) => `option '${flags}' argument missing`,
    mandatoryOption: (flags: string) => `required option '${flags}' not specified`,
    tooManyArguments: 'too many arguments',
    invalidChoice: (flags: string, value: string, choices: string) => `option '${flags}' argument '${value}' is invalid, allowed: ${choices}`,
    didYouMean: (names: string) => `did you mean ${names}?`,
    or: ' or ',
    positiveInteger: (option: string, value: string) => `${option} must be a positive whole number, got "${value}"`,
    positiveNumber: (option: string, value: string) => `${option} must be a positive number, got "${value}"`,
  },
});
