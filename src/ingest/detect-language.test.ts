import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './detect-language.js';

test('function words decide between Latin-script languages', () => {
  assert.equal(detectLanguage('The council said that it will meet again in May, and the talks were described as useful by both of the delegations.'), 'en');
  assert.equal(detectLanguage('Die Regierung hat am Montag erklärt, dass sie die Gespräche mit den Nachbarn nicht abbrechen wird und auch weiter verhandelt.'), 'de');
  assert.equal(detectLanguage('Le ministre a déclaré que les discussions avec les voisins ne sont pas terminées et que la réunion aura lieu dans la capitale.'), 'fr');
  // Words with letters beyond ASCII ("según", "también") count as whole words.
  assert.equal(detectLanguage('Según el ministro, las conversaciones con los vecinos también seguirán en la capital, pero sin fecha para la próxima ronda.'), 'es');
});

test('a decisive script wins; too little text stays English', () => {
  assert.equal(detectLanguage('Министр заявил, что переговоры с соседями продолжатся на следующей неделе в столице.'), 'ru');
  assert.equal(detectLanguage('Die und der'), 'en');
  assert.equal(detectLanguage('12 34 56'), 'en');
});
