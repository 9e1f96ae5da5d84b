import type { Article } from '../domain/types.js';
import { shortHash } from '../ingest/article-id.js';
import { contentHash } from '../pipeline/extract-article.js';

/**
 * A watched item's id: a hash of its link, so the same story keeps its id however the feed around it
 * changes (the feed reader's default id hashes the item's position, which shifts as items are added).
 * Without a link, the feed URL, title and content identify it.
 */
export function feedItemId(feedUrl: string, article: Article): string {
  if (article.url) return shortHash(`feed-item:${article.url}`);
  return shortHash(`feed-item:${feedUrl}\n${article.title ?? ''}\n${contentHash(article.text)}`);
}
