import nock from 'nock';

export type Reply = [status: number, body: string, headers: Record<string, string>];

/**
 * Answer every HEAD and GET to these origins (nock, as often as asked) with `reply(url, method)`; a thrown error
 * is the connection's failure.
 */
export function mockOrigins(origins: Iterable<string>, reply: (url: string, method: 'HEAD' | 'GET') => Reply): void {
  for (const origin of new Set(origins)) {
    for (const method of ['HEAD', 'GET'] as const) {
      nock(origin)
        .persist()
        .intercept(() => true, method)
        .reply((request: Request) => {
          const [status, body, headers] = reply(request.url, method);
          return [status, method === 'HEAD' ? '' : body, headers];
        });
    }
  }
}
