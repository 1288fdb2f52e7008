/**
 * Turn whatever undici, the socket or the guard threw into a stable result code. Codes are matched along the
 * `cause` chain, never on a message alone (except undici's tunnel failure, which has no code of its own).
 */
import type { NetworkErrorCode } from '../model.js';
import { PRIVATE_ADDRESS_ERROR_CODE, PROXY_TUNNEL_ERROR_CODE, ProxyTunnelError } from './dispatcher.js';

/** Thrown (internally) when linkrot's own deadline for an attempt passes. */
export class DeadlineError extends Error {
  readonly code = 'ELINKROT_DEADLINE';
  constructor(ms: number, phase: string) {
    super(`No complete answer within ${ms} ms (${phase})`);
    this.name = 'DeadlineError';
  }
}

const CODE_TABLE: Record<string, NetworkErrorCode> = {
  ENOTFOUND: 'dns-not-found',
  ENODATA: 'dns-not-found',
  EAI_NONAME: 'dns-not-found',
  EAI_AGAIN: 'dns-error',
  // A name this machine's resolver did not find while the web is reached through a proxy (see dispatcher.ts).
  ELINKROT_LOCAL_DNS: 'dns-error',
  ESERVFAIL: 'dns-error',
  ETIMEOUT: 'dns-error',
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  ECONNABORTED: 'connection-reset',
  UND_ERR_SOCKET: 'connection-reset',
  UND_ERR_CLOSED: 'connection-reset',
  ENETUNREACH: 'network-unreachable',
  EHOSTUNREACH: 'network-unreachable',
  EHOSTDOWN: 'network-unreachable',
  ENETDOWN: 'network-unreachable',
  EADDRNOTAVAIL: 'network-unreachable',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ELINKROT_DEADLINE: 'timeout',
  UND_ERR_HEADERS_OVERFLOW: 'protocol-error',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'protocol-error',
  UND_ERR_INFO: 'protocol-error',
  Z_DATA_ERROR: 'protocol-error',
  Z_BUF_ERROR: 'protocol-error',
  ERR_BROTLI_DECOMPRESSION_FAILED: 'protocol-error',
  UND_ERR_PRX_TLS: 'proxy-error',
  [PROXY_TUNNEL_ERROR_CODE]: 'proxy-error',
  [PRIVATE_ADDRESS_ERROR_CODE]: 'private-address',
};

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

export interface ClassifiedError {
  code: NetworkErrorCode;
  message: string;
}

/** Map a thrown error to a result code and a one-line message (the innermost informative one). */
export function classifyError(error: unknown): ClassifiedError {
  const chain = causes(error);
  const message = chain
    .map((entry) => (entry instanceof Error ? entry.message : String(entry)))
    .filter((text) => text !== '')
    .join(': ')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
  // A reset during the TLS handshake is a TLS failure of the origin (it does not speak TLS there), not a reset
  // of an exchange that could go better next time.
  if (/before secure TLS connection was established/i.test(message)) return { code: 'tls-error', message };
  // A CONNECT the proxy refused says why in its Proxy-Status, as a forwarded request's 502 does.
  const tunnel = chain.find((entry): entry is ProxyTunnelError => entry instanceof ProxyTunnelError);
  const reported = tunnel?.proxyStatus === undefined ? undefined : classifyProxyStatus(tunnel.proxyStatus);
  if (reported !== undefined) return reported;
  for (const entry of chain) {
    const code = codeOf(entry);
    if (code === undefined) continue;
    const mapped = CODE_TABLE[code];
    if (mapped !== undefined) return { code: mapped, message };
    if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.startsWith('CERT_')) {
      return { code: 'tls-error', message };
    }
    if (code.startsWith('HPE_')) return { code: 'protocol-error', message };
  }
  for (const entry of chain) {
    const text = entry instanceof Error ? entry.message : '';
    // undici's words for a CONNECT the proxy refused, and for its 407 to a forwarded http:// request.
    if (/Proxy response \(\d+\)|Proxy Authentication Required/.test(text)) return { code: 'proxy-error', message };
    if (/certificate|ssl|tls/i.test(text)) return { code: 'tls-error', message };
  }
  const aborted = chain.some((entry) => codeOf(entry) === 'UND_ERR_ABORTED' || (entry as Error)?.name === 'AbortError');
  return { code: aborted ? 'aborted' : 'protocol-error', message: message || 'Unknown failure' };
}

/**
 * RFC 9209 `Proxy-Status` error types a proxy reports for its own failure, mapped to the code the same
 * failure gets on a direct connection.
 */
const PROXY_STATUS_ERRORS: Record<string, NetworkErrorCode> = {
  dns_error: 'dns-not-found',
  destination_not_found: 'dns-not-found',
  dns_timeout: 'dns-error',
  destination_unavailable: 'network-unreachable',
  destination_ip_unroutable: 'network-unreachable',
  destination_ip_prohibited: 'private-address',
  connection_refused: 'connection-refused',
  connection_terminated: 'connection-reset',
  connection_timeout: 'timeout',
  connection_read_timeout: 'timeout',
  connection_write_timeout: 'timeout',
  http_response_timeout: 'timeout',
  tls_protocol_error: 'tls-error',
  tls_certificate_error: 'tls-error',
  http_protocol_error: 'protocol-error',
  http_response_incomplete: 'protocol-error',
};

/**
 * Read a `Proxy-Status` header (`proxy-name; error=dns_error; rcode=NXDOMAIN`) into a result code, or undefined
 * when it reports no error. A DNS error whose `rcode` is not NXDOMAIN is transient (`dns-error`).
 */
export function classifyProxyStatus(header: string): ClassifiedError | undefined {
  for (const member of header.split(',')) {
    const params = new Map<string, string>();
    for (const part of member.split(';').slice(1)) {
      const [key, value = ''] = part.split('=');
      if (key !== undefined) params.set(key.trim().toLowerCase(), value.trim().replace(/^"|"$/g, ''));
    }
    const type = params.get('error');
    if (type === undefined) continue;
    let code = PROXY_STATUS_ERRORS[type.toLowerCase()] ?? 'proxy-error';
    const rcode = params.get('rcode');
    if (code === 'dns-not-found' && rcode !== undefined && rcode.toUpperCase() !== 'NXDOMAIN') code = 'dns-error';
    return { code, message: `The proxy reported ${type}${rcode === undefined ? '' : ` (${rcode})`}` };
  }
  return undefined;
}
