/**
 * A bounded read of a response body: at most `limit` bytes after decompression, then the stream is destroyed.
 * undici's `request()` does not decompress, so gzip, deflate and brotli are inflated here with the output
 * capped: a decompression bomb costs at most one zlib chunk beyond the limit.
 */
import type { Readable, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { TextDecoder } from 'node:util';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { BodySample } from '../model.js';

/** zlib output chunk size: the most a bomb can overshoot the limit by. */
const INFLATE_CHUNK_BYTES = 16 * 1024;

function decompressorFor(encoding: string | undefined): Transform | undefined {
  const coding = (encoding ?? '').trim().toLowerCase();
  const options = { chunkSize: INFLATE_CHUNK_BYTES };
  if (coding === 'gzip' || coding === 'x-gzip') return createGunzip(options);
  if (coding === 'br') return createBrotliDecompress(options);
  if (coding === 'deflate') return createInflate(options);
  if (coding === 'deflate-raw') return createInflateRaw(options);
  return undefined;
}

/** The charset parameter of a Content-Type, when the TextDecoder knows it. */
function decoderFor(contentType: string | undefined): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  if (charset !== undefined) {
    try {
      return new TextDecoder(charset);
    } catch {
      // an unknown label: UTF-8 below
    }
  }
  return new TextDecoder('utf-8');
}

/**
 * Read up to `limit` bytes of `body` (decompressed per `contentEncoding`), decode them as text, and destroy the
 * body. Rejects on a network error or corrupt compressed data before the limit; the caller decides what it means.
 */
export async function readBody(
  body: Readable,
  limit: number,
  headers: { contentEncoding?: string | undefined; contentType?: string | undefined },
): Promise<BodySample> {
  const decompressor = decompressorFor(headers.contentEncoding);
  const source: Readable = decompressor ?? body;
  if (decompressor !== undefined) {
    body.on('error', (error) => decompressor.destroy(error));
    body.pipe(decompressor);
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  let truncated = false;
  try {
    for await (const chunk of source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      if (bytes + buffer.length > limit) {
        chunks.push(buffer.subarray(0, limit - bytes));
        bytes = limit;
        truncated = true;
        break;
      }
      chunks.push(buffer);
      bytes += buffer.length;
    }
  } finally {
    if (decompressor !== undefined) {
      body.unpipe(decompressor);
      decompressor.destroy();
    }
    body.destroy();
  }
  const text = decoderFor(headers.contentType).decode(Buffer.concat(chunks, bytes));
  return { text, bytes, truncated };
}

/**
 * Drain a body we do not need, so the connection can be reused, but never more than `limit` bytes: beyond that
 * (or on any error) the stream is destroyed and the connection dropped.
 */
export async function discardBody(body: Readable, limit: number): Promise<void> {
  let bytes = 0;
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > limit) body.destroy();
  });
  try {
    await finished(body);
  } catch {
    // destroyed at the limit, reset or timed out: the connection is dropped, nothing else to do
  } finally {
    if (!body.readableEnded) body.destroy();
  }
}
