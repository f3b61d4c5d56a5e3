/** A kitchen workshop's general document: the shop the unknown-words tests ask about "шпон", which it never names. */
export const KITCHEN_DOCUMENT = [
  '# Кухни на заказ',
  '',
  'Делаем кухни из МДФ и ЛДСП по вашим размерам. Фасады покрываем эмалью или плёнкой.',
  '',
  '## Сроки',
  '',
  'Изготовление занимает от 3 до 5 недель.',
  '',
].join('\n');
