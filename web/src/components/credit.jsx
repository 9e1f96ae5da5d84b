import { creditFor } from '../credit-for.js';

/** The licence credit line beside text from a licensed corpus (nothing for other sources). */
export function Credit({ url }) {
  const c = creditFor(url);
  if (!c) return null;
  return (
    <p class="credit">
      Text: <a href={c.link} rel="noopener noreferrer" target="_blank">{c.text}</a>, <a href={c.licenceUrl} rel="noopener noreferrer" target="_blank">{c.licence}</a>
    </p>
  );
}
