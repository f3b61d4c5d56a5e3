/**
 * Everyday trade Russian: the words buyers on Avito type (clipped, slang, misspelt) beside the words sellers write in
 * their documents, for the trades of clothes and shoes, car parts, cosmetics and perfume, building materials, computers
 * and their repair, garden and greenhouses, furniture, cakes to order, phones, bikes and e-scooters, baby goods, pet
 * supplies, fishing tackle and boats, musical instruments, plumbing, photography and used cameras, firewood and solid
 * fuel, a tailor's mending and sewing, stretch ceilings, honey and bee products, moving and freight, aquariums, PVC
 * windows, sauna stoves and chimneys, and for buying in general. The trades after the places were written apart from the
 * evaluation cases, each by someone who read only the shops' documents (the last ten from knowledge of the trades alone,
 * reading no shop), and appended so that no word read before changed its reading. Each group joins only words a buyer
 * means the same thing by; words of two meanings stay out ("коробка" is a gearbox and a box, "простой" is idle time and
 * "simple", "стойка" a strut and "стойкость"). The terms are the Snowball stems of the documents' own word, so a document
 * word left out of a group still meets it.
 */
import type { PrefixRule } from '../prefix-table.js';
import { COMMERCE_RULES } from './commerce.js';
import { APPAREL_RULES } from './apparel.js';
import { AUTO_RULES } from './auto.js';
import { COSMETICS_RULES } from './cosmetics.js';
import { BUILDING_RULES } from './building.js';
import { COMPUTER_RULES } from './computers.js';
import { PREDICATE_RULES } from './predicates.js';
import { PLACE_AND_PRICE_RULES } from './places.js';
import { GARDEN_RULES } from './garden.js';
import { FURNITURE_RULES } from './furniture.js';
import { CONFECTIONERY_RULES } from './confectionery.js';
import { PHONE_RULES } from './phones.js';
import { BIKE_RULES } from './bikes.js';
import { BABY_RULES } from './baby.js';
import { PET_RULES } from './pets.js';
import { BUYING_RULES } from './buying.js';
import { AUTO_BUILDING_MORE_RULES } from './auto-building-more.js';
import { COSMETICS_COMPUTERS_MORE_RULES } from './cosmetics-computers-more.js';
import { APPAREL_MORE_RULES } from './apparel-more.js';
import { WHEEL_RULES } from './wheels.js';
import { TOOL_RULES } from './tools.js';
import { APPLIANCE_RULES } from './appliances.js';
import { CLEANING_RULES } from './cleaning.js';
import { FISHING_RULES } from './fishing.js';
import { MUSIC_RULES } from './music.js';
import { PLUMBING_RULES } from './plumbing.js';
import { PHOTO_RULES } from './photo.js';
import { FUEL_RULES } from './fuel.js';
import { TAILORING_RULES } from './tailoring.js';
import { CEILING_RULES } from './ceilings.js';
import { HONEY_RULES } from './honey.js';
import { MOVING_RULES } from './moving.js';
import { AQUARIUM_RULES } from './aquariums.js';
import { WINDOW_RULES } from './windows.js';
import { SAUNA_STOVE_RULES } from './sauna-stoves.js';
import { APPAREL_SECOND_RULES } from './apparel-second.js';
import { AUTO_SECOND_RULES } from './auto-second.js';
import { BUILDING_SECOND_RULES } from './building-second.js';
import { COSMETICS_SECOND_RULES } from './cosmetics-second.js';
import { FURNITURE_SECOND_RULES } from './furniture-second.js';
import { ELECTRONICS_SECOND_RULES } from './electronics-second.js';
import { BIKES_BABY_SECOND_RULES } from './bikes-baby-second.js';
import { HOME_SECOND_RULES } from './home-second.js';
import { CAKES_GARDEN_SECOND_RULES } from './cakes-garden-second.js';
import { HOBBY_SECOND_RULES } from './hobby-second.js';

/** Every group of these modules, in this order: a word is read by the first group listing it. */
export const TRADE_RULES: readonly PrefixRule[] = [
  ...COMMERCE_RULES,
  ...APPAREL_RULES,
  ...AUTO_RULES,
  ...COSMETICS_RULES,
  ...BUILDING_RULES,
  ...COMPUTER_RULES,
  ...PREDICATE_RULES,
  ...PLACE_AND_PRICE_RULES,
  ...GARDEN_RULES,
  ...FURNITURE_RULES,
  ...CONFECTIONERY_RULES,
  ...PHONE_RULES,
  ...BIKE_RULES,
  ...BABY_RULES,
  ...PET_RULES,
  ...BUYING_RULES,
  ...AUTO_BUILDING_MORE_RULES,
  ...COSMETICS_COMPUTERS_MORE_RULES,
  ...APPAREL_MORE_RULES,
  ...WHEEL_RULES,
  ...TOOL_RULES,
  ...APPLIANCE_RULES,
  ...CLEANING_RULES,
  ...FISHING_RULES,
  ...MUSIC_RULES,
  ...PLUMBING_RULES,
  ...PHOTO_RULES,
  ...FUEL_RULES,
  ...TAILORING_RULES,
  ...CEILING_RULES,
  ...HONEY_RULES,
  ...MOVING_RULES,
  ...AQUARIUM_RULES,
  ...WINDOW_RULES,
  ...SAUNA_STOVE_RULES,
  ...APPAREL_SECOND_RULES,
  ...AUTO_SECOND_RULES,
  ...BUILDING_SECOND_RULES,
  ...COSMETICS_SECOND_RULES,
  ...FURNITURE_SECOND_RULES,
  ...ELECTRONICS_SECOND_RULES,
  ...BIKES_BABY_SECOND_RULES,
  ...HOME_SECOND_RULES,
  ...CAKES_GARDEN_SECOND_RULES,
  ...HOBBY_SECOND_RULES,
];
