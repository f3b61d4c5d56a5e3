/**
 * Whether the listing is still for sale ("актуально?", "ещё продаёте?") is answered by its own document wherever it says so
 * ("Угловой диван Осло — новый, осталось 2 шт"): a general passage on "мебель из наличия" says nothing of this item.
 */
export function asksListingStatus(term: string): boolean {
  return term === 'налич';
}
