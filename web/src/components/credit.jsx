import { safeUrl } from '../safe-url.js';

// The credit a corpus's licence asks for, shown wherever its text is shown:
// Wikipedia (CC BY-SA 4.0) and Wikinews (CC BY 2.5), each with the item's own url.

export function creditFor(url) {
  const link = safeUrl(url);
  if (!link) return null;
  const host = new URL(link).hostname;
  if (host === 'wikipedia.org' || host.endsWith('.wikipedia.org')) {
    return { text: 'Wikipedia contributors, Portal:Current events', licence: 'CC BY-SA 4.0', licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/', link };
  }
  if (host === 'wikinews.org' || host.endsWith('.wikinews.org')) {
    return { text: 'Wikinews', licence: 'CC BY 2.5', licenceUrl: 'https://creativecommons.org/licenses/by/2.5/', link };
  }
  return null;
}

export function Credit({ url }) {
  const c = creditFor(url);
  if (!c) return null;
  return (
    <p class="credit">
      Text: <a href={c.link} rel="noopener noreferrer" target="_blank">{c.text}</a>, <a href={c.licenceUrl} rel="noopener noreferrer" target="_blank">{c.licence}</a>
    </p>
  );
}
