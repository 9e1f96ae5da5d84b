import type { Article, ExtractRecord } from '../domain/types.js';
import type { Store, StoredArticle } from '../store/store.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';

// Analysing many articles and storing their analyses together: one transaction for the lot
// (Store.saveAnalyses), so the database's per-transaction and per-statement costs are paid once per
// batch, not once per article. A batch is all or nothing in the database, so a worker killed
// mid-job leaves no partial article and the retried job starts clean. One bad article must not
// fail its batch: an article that cannot be analysed, or whose analysis cannot be stored on its
// own, is reported back with its reason while the others are stored. `brink worker` splits such an
// article off into a job of its own (retried, then listed as failed); `brink ingest` reports it.

export interface ArticleFailure {
  id: string;
  reason: string;
}

export interface SaveOutcome {
  /** Analyses made (the articles whose analysis did not throw), and how many of them were stored. */
  made: number;
  analysed: number;
  failed: ArticleFailure[];
  /** Why the batch as a whole could not be stored (then each article was tried on its own). */
  batchError: unknown;
}

/** Lets other jobs' database replies through between two analyses (each is synchronous CPU work). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

const failure = (article: Article, what: string, err: unknown): ArticleFailure => ({
  id: article.id,
  reason: `${article.origin} (${article.id}): ${what}${(err as Error).message}`,
});

/** Analyses each article and stores every analysis in one transaction, or each alone when the batch fails. */
export async function analyseAndSave(
  store: Store,
  articles: Article[],
  analyse: (article: Article) => ExtractRecord,
  version: string,
): Promise<SaveOutcome> {
  const out: SaveOutcome = { made: 0, analysed: 0, failed: [], batchError: null };
  const done: Array<{ article: Article; record: ExtractRecord }> = [];
  for (const article of articles) {
    try {
      done.push({ article, record: analyse(article) });
    } catch (err) {
      out.failed.push(failure(article, 'analysis failed: ', err));
    }
    await breathe();
  }
  out.made = done.length;
  if (done.length === 0) return out;
  try {
    await store.saveAnalyses(done.map((d) => d.record), version);
    out.analysed = done.length;
    return out;
  } catch (err) {
    out.batchError = err;
  }
  if (done.length === 1) {
    out.failed.push(failure(done[0]!.article, '', out.batchError));
    return out;
  }
  // Find the article the batch cannot be stored with: each on its own.
  for (const { article, record } of done) {
    try {
      await store.saveAnalyses([record], version);
      out.analysed++;
    } catch (err) {
      out.failed.push(failure(article, '', err));
    }
  }
  return out;
}

export interface BatchOutcome {
  analysed: number;
  /** Duplicates (never analysed) and articles already analysed by this version (a retried job). */
  skipped: number;
  failed: ArticleFailure[];
}

/**
 * One analyse job: reads its articles in one query, analyses and stores them. Throws when no
 * article of several could be stored even on its own: then the trouble is not one article (the
 * database is down, say) and the whole job is retried.
 */
export async function analyseBatch(
  store: PostgresStore,
  ids: string[],
  analyse: (article: StoredArticle) => ExtractRecord,
  version: string,
): Promise<BatchOutcome> {
  const articles = await store.getArticles(ids);
  const found = new Set(articles.map((a) => a.id));
  const failed: ArticleFailure[] = ids.filter((id) => !found.has(id)).map((id) => ({ id, reason: `article ${id} is not stored` }));
  // A duplicate is not analysed; an article already analysed by this version (a job retried after
  // its worker died between commit and completion) is not analysed twice.
  const todo = articles.filter((a) => a.duplicateOf === null && a.analysedVersion !== version);
  const saved = await analyseAndSave(store, todo, (a) => analyse(a as StoredArticle), version);
  if (saved.batchError !== null && saved.analysed === 0 && saved.made > 1) throw saved.batchError;
  return { analysed: saved.analysed, skipped: articles.length - todo.length, failed: [...failed, ...saved.failed] };
}
