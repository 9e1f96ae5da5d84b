import type { ExtractRecord } from '../domain/types.js';
import type { StoredArticle } from '../store/store.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';

// One analyse job: read its articles in one query, analyse each, store every analysis in one
// transaction (PostgresStore.saveAnalyses). A batch is all or nothing in the database, so a worker
// killed mid-job leaves no partial article and the retried job starts clean. One bad article must
// not fail its batch forever: an article that cannot be analysed, or whose analysis cannot be
// stored on its own, is reported back to be split off into a job of its own, which is retried and,
// failing, lands in the failed list with its reason while the rest of the batch is stored.

export interface ArticleFailure {
  id: string;
  reason: string;
}

export interface BatchOutcome {
  analysed: number;
  /** Duplicates (never analysed) and articles already analysed by this version (a retried job). */
  skipped: number;
  failed: ArticleFailure[];
}

/** Lets other jobs' database replies through between two analyses (each is synchronous CPU work). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function analyseBatch(
  store: PostgresStore,
  ids: string[],
  analyse: (article: StoredArticle) => ExtractRecord,
  version: string,
): Promise<BatchOutcome> {
  const out: BatchOutcome = { analysed: 0, skipped: 0, failed: [] };
  const articles = await store.getArticles(ids);
  const found = new Set(articles.map((a) => a.id));
  for (const id of ids) if (!found.has(id)) out.failed.push({ id, reason: `article ${id} is not stored` });
  const records: Array<{ article: StoredArticle; record: ExtractRecord }> = [];
  for (const article of articles) {
    // A duplicate is not analysed; an article already analysed by this version (a job retried after
    // its worker died between commit and completion) is not analysed twice.
    if (article.duplicateOf !== null || article.analysedVersion === version) {
      out.skipped++;
      continue;
    }
    try {
      records.push({ article, record: analyse(article) });
    } catch (err) {
      out.failed.push({ id: article.id, reason: `${article.origin} (${article.id}): analysis failed: ${(err as Error).message}` });
    }
    await breathe();
  }
  if (records.length === 0) return out;
  try {
    await store.saveAnalyses(records.map((r) => r.record), version);
    out.analysed += records.length;
    return out;
  } catch (err) {
    if (records.length === 1) {
      const { article } = records[0]!;
      out.failed.push({ id: article.id, reason: `${article.origin} (${article.id}): ${(err as Error).message}` });
      return out;
    }
    // Find the article the batch cannot be stored with: each on its own. When none can be stored,
    // the trouble is not one article (the database is down, say): the whole job fails and is retried.
    const alone: ArticleFailure[] = [];
    for (const { article, record } of records) {
      try {
        await store.saveAnalyses([record], version);
        out.analysed++;
      } catch (e) {
        alone.push({ id: article.id, reason: `${article.origin} (${article.id}): ${(e as Error).message}` });
      }
    }
    if (out.analysed === 0) throw err;
    out.failed.push(...alone);
    return out;
  }
}
