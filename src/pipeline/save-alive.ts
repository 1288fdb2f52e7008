import type { Dispatcher } from 'undici';
import { saveAlive, SAVE_ANSWER_BYTES, type SavePageNowSettings, type SpnSend } from '../archive/index.js';
import { sendAttempt } from '../check/index.js';
import type { Fetcher, SavePageNowReport, Verdict } from '../model.js';
import type { PlannedLink } from '../plan/index.js';

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Save Page Now for every alive URL of the run (each once), its requests sent through the run's dispatcher;
 * with how many SPN2 requests were sent (the run's request count includes them).
 */
export async function saveAliveLinks(
  planned: readonly PlannedLink[],
  verdicts: ReadonlyMap<PlannedLink, Verdict>,
  fetcher: Fetcher,
  dispatcher: Dispatcher,
  settings: SavePageNowSettings & { timeoutMs: number },
): Promise<{ saves: SavePageNowReport; requests: number }> {
  const alive = new Set<string>();
  for (const entry of planned) {
    if (entry.request !== undefined && verdicts.get(entry)?.state === 'alive') alive.add(entry.request);
  }
  let requests = 0;
  const send: SpnSend = async (request) => {
    requests += 1;
    const outcome = await sendAttempt(dispatcher, {
      url: new URL(request.url),
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      timeoutMs: settings.timeoutMs,
      bodyLimit: SAVE_ANSWER_BYTES,
    });
    if (outcome.kind === 'error') return { error: outcome.code };
    return { status: outcome.status, headers: outcome.headers, ...(outcome.body === undefined ? {} : { text: outcome.body.text }) };
  };
  const saves = await saveAlive([...alive], fetcher, send, settings);
  return { saves, requests };
}
