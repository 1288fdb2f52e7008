import type { CheckResult } from '../model.js';
import { readUrl } from '../util/url.js';

const YOUTUBE_HOSTS = /^(?:www\.|m\.|music\.)?youtube\.com$|^(?:www\.)?youtube-nocookie\.com$/i;
const VIDEO_ID = /^[A-Za-z0-9_-]{6,}$/;
const VIMEO_ID = /^\d{3,}$/;

/** The oEmbed lookup URL for a YouTube or Vimeo video or playlist link, or undefined for other links. */
export function oembedUrlFor(url: string): string | undefined {
  const parsed = readUrl(url);
  if (parsed === undefined) return undefined;
  const host = parsed.hostname.toLowerCase();
  // Asked three times for every link: most are on no video site, so their paths are never split.
  const youtube = YOUTUBE_HOSTS.test(host);
  const youtuBe = host === 'youtu.be' || host === 'www.youtu.be';
  const vimeo = host === 'vimeo.com' || host === 'www.vimeo.com' || host === 'player.vimeo.com';
  if (!youtube && !youtuBe && !vimeo) return undefined;
  const segments = parsed.pathname.split('/').filter(Boolean);
  let canonical: string | undefined;
  if (youtube) {
    const v = parsed.searchParams.get('v');
    const list = parsed.searchParams.get('list');
    if (segments[0] === 'watch' && v !== null && VIDEO_ID.test(v)) canonical = `https://www.youtube.com/watch?v=${v}`;
    else if (segments[0] === 'playlist' && list !== null && VIDEO_ID.test(list)) canonical = `https://www.youtube.com/playlist?list=${list}`;
    else if (['embed', 'shorts', 'live', 'v'].includes(segments[0] ?? '') && VIDEO_ID.test(segments[1] ?? '')) {
      canonical = `https://www.youtube.com/watch?v=${segments[1]}`;
    }
    return canonical === undefined ? undefined : `https://www.youtube.com/oembed?url=${encodeURIComponent(canonical)}&format=json`;
  }
  if (youtuBe) {
    const id = segments[0];
    return id !== undefined && VIDEO_ID.test(id)
      ? `https://www.youtube.com/oembed?url=${encodeURIComponent(`https://www.youtube.com/watch?v=${id}`)}&format=json`
      : undefined;
  }
  if (vimeo) {
    const id = [...segments].reverse().find((segment) => VIMEO_ID.test(segment));
    if (id === undefined) return undefined;
    return `https://vimeo.com/api/oembed.json?url=${encodeURIComponent(`https://vimeo.com/${id}`)}`;
  }
  return undefined;
}

export type VideoAnswer = { available: true } | { available: false; restricted: boolean; detail: string } | undefined;

/**
 * What an oEmbed answer says about the video: 404 (and YouTube's 400 for a malformed id) means deleted or never
 * existed; 401/403 (or YouTube's 200 with a bare "Forbidden"/"Unauthorized" body) means private or not
 * embeddable, which is not the same as gone. Undefined when the lookup itself failed (then the page verdict stands).
 */
export function judgeOembed(oembed: CheckResult | undefined, site: 'YouTube' | 'Vimeo'): VideoAnswer {
  if (oembed === undefined || oembed.error !== undefined || oembed.status === undefined) return undefined;
  const status = oembed.status;
  if (status === 404 || (status === 400 && site === 'YouTube')) {
    return { available: false, restricted: false, detail: `${site} says the video does not exist (oEmbed answered ${status}): it was deleted or never existed.` };
  }
  if (status === 401 || status === 403) {
    return { available: false, restricted: true, detail: `${site} refuses to describe the video (oEmbed answered ${status}): it is private or not embeddable.` };
  }
  if (status >= 200 && status < 300) {
    const text = oembed.body?.text;
    if (text === undefined) return { available: true };
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed === 'object' && parsed !== null) return { available: true };
    } catch {
      if (/^\s*(?:forbidden|unauthorized)\s*$/i.test(text)) {
        return { available: false, restricted: true, detail: `${site} answered "${text.trim()}" instead of the video's details: it is private or not embeddable.` };
      }
    }
    return undefined;
  }
  return undefined;
}

export function videoSiteOf(url: string): 'YouTube' | 'Vimeo' {
  return /vimeo\.com/i.test(url) ? 'Vimeo' : 'YouTube';
}
