import type { CheckResult, NetworkErrorCode, Verdict } from '../model.js';
import { attemptsNote, describeStatus, hostOf, makeVerdict } from './make-verdict.js';
import { CHALLENGE_BODY_SIGNS, CHALLENGE_HEADER_SIGNS } from './rules/bot-wall-signs.js';

/**
 * The verdict the HTTP facts alone give: network errors and non-2xx statuses. Returns undefined for a usable
 * 2xx (or accepted) answer, which the content and redirect checks judge next.
 */
export function judgeHttp(result: CheckResult, acceptStatus: Record<string, number[]> | undefined): Verdict | undefined {
  if (result.error !== undefined) return judgeNetworkError(result, result.error.code);
  const status = result.status;
  if (status === undefined) {
    return makeVerdict('unreachable', 'network-error', 'No response arrived and no error was recorded.', result);
  }
  const accepted = acceptedStatuses(result.finalUrl, acceptStatus);
  if (accepted.includes(status)) return undefined;
  if (status >= 200 && status < 300) return undefined;
  if (status === 304) return undefined;
  const host = hostOf(result.finalUrl);
  if (status >= 300 && status < 400) {
    return makeVerdict('suspicious', 'invalid-redirect', `The server answered ${describeStatus(status)} without a usable redirect.`, result);
  }
  if (status === 404) return makeVerdict('dead', 'http-404', `The server answered ${describeStatus(status)}.`, result);
  if (status === 410) return makeVerdict('dead', 'http-410', `The server answered 410 Gone: the page was removed on purpose.`, result);
  if (status === 429) {
    return makeVerdict('unreachable', 'rate-limited', `${host} kept answering 429 Too Many Requests${attemptsNote(result)}; try again later.`, result);
  }
  if (status === 999) {
    return makeVerdict('blocked', 'bot-protection', `${host} answered 999, its wall against automated clients; check it in a browser.`, result);
  }
  if (hasChallenge(result)) {
    return makeVerdict('blocked', 'bot-protection', `${host} answered ${describeStatus(status)} with an anti-bot challenge; check it in a browser.`, result);
  }
  if (status === 401 || status === 407) {
    return makeVerdict('blocked', 'login-wall', `${host} answered ${describeStatus(status)}: the page needs a sign-in.`, result);
  }
  if (status === 403) {
    if (isStorageDenial(result)) return makeVerdict('dead', 'http-4xx', `The storage bucket answered 403 AccessDenied: the file is gone or private.`, result);
    return makeVerdict('blocked', 'bot-protection', `${host} answered 403 Forbidden, which usually means it refuses automated clients; check it in a browser.`, result);
  }
  if (status >= 400 && status < 500) return makeVerdict('dead', 'http-4xx', `The server answered ${describeStatus(status)}.`, result);
  if (status >= 500 && status < 600) {
    return makeVerdict('unreachable', 'http-5xx', `The server answered ${describeStatus(status)}${attemptsNote(result)}; it may be down for now.`, result);
  }
  return makeVerdict('unreachable', 'protocol-error', `The server answered with the unusual status ${status}.`, result);
}

function acceptedStatuses(url: string, acceptStatus: Record<string, number[]> | undefined): number[] {
  if (acceptStatus === undefined) return [];
  const host = hostOf(url).toLowerCase();
  const codes: number[] = [];
  for (const [pattern, list] of Object.entries(acceptStatus)) {
    const lower = pattern.toLowerCase();
    if (lower === host || (lower.startsWith('*.') && host.endsWith(lower.slice(1)))) codes.push(...list);
  }
  return codes;
}

/** True when the answer carries the marks of an anti-bot challenge (headers or body). */
export function hasChallenge(result: CheckResult): boolean {
  const headers = result.headers ?? {};
  for (const [name, pattern] of Object.entries(CHALLENGE_HEADER_SIGNS)) {
    const value = headers[name];
    if (value === undefined) continue;
    // A plain `server: cloudflare` is on every Cloudflare site; only an error answer makes it a wall.
    if (name === 'server' && (result.status ?? 0) < 400) continue;
    if (pattern.test(value)) return true;
  }
  const text = result.body?.text;
  return text !== undefined && CHALLENGE_BODY_SIGNS.some((sign) => sign.test(text));
}

function isStorageDenial(result: CheckResult): boolean {
  const text = result.body?.text ?? '';
  return /<Code>AccessDenied<\/Code>/.test(text) && /<Error>/.test(text);
}

const NETWORK_DETAIL: Readonly<Record<NetworkErrorCode, string>> = {
  'dns-not-found': 'The host name does not exist (DNS answered "not found").',
  'dns-error': 'The name server did not answer properly; try again later.',
  'connection-refused': 'The server refused the connection.',
  'connection-reset': 'The connection was reset before a full answer arrived.',
  'network-unreachable': 'The network path to the server is unreachable.',
  timeout: 'No answer arrived within the time limit.',
  'tls-error': 'The secure connection failed (certificate or handshake problem).',
  'protocol-error': 'The server answered with a malformed response.',
  'private-address': 'The address is private, loopback or link-local, so it was not fetched.',
  'proxy-error': 'The proxy failed to reach the server.',
  'redirect-loop': 'The redirects go round in a loop.',
  'too-many-redirects': 'The redirect chain is longer than the limit.',
  'invalid-redirect': 'A redirect pointed to a missing, unparsable or non-HTTP location.',
  aborted: 'The request was aborted.',
};

function judgeNetworkError(result: CheckResult, code: NetworkErrorCode): Verdict {
  const detail = NETWORK_DETAIL[code].replace(/\.$/, `${attemptsNote(result)}.`);
  switch (code) {
    case 'dns-not-found':
      return makeVerdict('dead', 'dns-not-found', `The host ${hostOf(result.finalUrl)} no longer exists (DNS answered "not found").`, result);
    case 'dns-error':
    case 'connection-refused':
    case 'connection-reset':
    case 'timeout':
    case 'tls-error':
    case 'protocol-error':
    case 'redirect-loop':
    case 'too-many-redirects':
      return makeVerdict('unreachable', code, detail, result);
    case 'network-unreachable':
    case 'proxy-error':
    case 'aborted':
      return makeVerdict('unreachable', 'network-error', detail, result);
    case 'private-address':
      return result.redirects.length > 0
        ? makeVerdict('blocked', 'private-redirect', `A redirect led to the private address ${hostOf(result.finalUrl)}, which is not fetched.`, result)
        : makeVerdict('skipped', 'private-address', detail, result);
    case 'invalid-redirect':
      return makeVerdict('suspicious', 'invalid-redirect', detail, result);
    default: {
      const unexpected: never = code;
      return makeVerdict('unreachable', 'network-error', `Unexpected network failure ${String(unexpected)}.`, result);
    }
  }
}
