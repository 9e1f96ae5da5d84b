/**
 * Word lists the tagger reads as features, keyed by wink's lower-cased `normal` form.
 * gazetteer: bit mask of the lists a word belongs to (see GAZ_* below); clusters: a learned word-class id.
 */
export interface NerLexicon {
  gazetteer: Map<string, number>;
  clusters: Map<string, number>;
}

// Gazetteer bits; the training script and the model file agree on them through the lexicon file.
export const GAZ_COUNTRY = 1; // a word of a country name or alias
export const GAZ_DEMONYM = 2; // a nationality word ("Iranian", "Iranians")
export const GAZ_CITY = 4; // a word of a city name (GeoNames, population ≥ 15,000)
export const GAZ_BIG_CITY = 8; // ... population ≥ 500,000
export const GAZ_FIRST_NAME = 16; // often the first word of a person's name in training data
export const GAZ_ORG_WORD = 32; // often a word of an organisation's name in training data
export const GAZ_TITLE = 64; // a title or role word that precedes names ("President", "Mr.")
