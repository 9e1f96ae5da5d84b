import { safeUrl } from './safe-url.js';

// The credit a corpus's licence asks for, by the url of the text shown: Wikipedia (CC BY-SA 4.0;
// Current Events items credit "Wikipedia contributors, Portal:Current events") and Wikinews
// (CC BY 2.5), each with the item's own url. Null for other sources.
export function creditFor(url) {
  const link = safeUrl(url);
  if (!link) return null;
  const u = new URL(link);
  const host = u.hostname;
  if (host === 'wikipedia.org' || host.endsWith('.wikipedia.org')) {
    const portal = decodeURIComponent(u.pathname).includes('Portal:Current_events');
    return {
      text: portal ? 'Wikipedia contributors, Portal:Current events' : 'Wikipedia contributors',
      licence: 'CC BY-SA 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
      link,
    };
  }
  if (host === 'wikinews.org' || host.endsWith('.wikinews.org')) {
    return { text: 'Wikinews', licence: 'CC BY 2.5', licenceUrl: 'https://creativecommons.org/licenses/by/2.5/', link };
  }
  return null;
}
