import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { renderHtml } from '../../src/report/index.js';
import { archiveUnreachableNotice } from '../../src/archive/index.js';
import type { CheckedLink, Report } from '../../src/model.js';
import { stripControl } from '../../src/util/terminal.js';
import { redactText } from '../../src/report/redact.js';
import { HOSTILE_TEXT } from './realistic-report.js';
import { ATTRIBUTE_BREAK, SCRIPT_URLS, hostileReport, realisticReport } from './html-fixtures.js';

function parse(html: string): Document {
  return parseDocument(html);
}

function all(doc: Document, test: (element: Element) => boolean): Element[] {
  return DomUtils.findAll(test, doc.children);
}

function byTag(doc: Document, tag: string): Element[] {
  return all(doc, (element) => element.name === tag);
}

function hasClass(element: Element, name: string): boolean {
  return (element.attribs.class ?? '').split(' ').includes(name);
}

function textOf(element: Element): string {
  return DomUtils.textContent(element);
}

function rows(doc: Document): Element[] {
  return all(doc, (element) => element.name === 'tr' && element.attribs['data-state'] !== undefined);
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** The text a reader must see for an input string: control and bidi characters gone, credentials removed. */
function shown(text: string): string {
  return stripControl(redactText(text));
}

describe('renderHtml', () => {
  it('is one page whose Content-Security-Policy allows only its own inline style and script, and nothing remote', () => {
    const html = renderHtml(hostileReport());
    const doc = parse(html);
    const csp = all(doc, (element) => element.name === 'meta' && element.attribs['http-equiv'] === 'Content-Security-Policy');
    expect(csp).toHaveLength(1);
    const [script] = byTag(doc, 'script');
    const [style] = byTag(doc, 'style');
    expect(byTag(doc, 'script')).toHaveLength(1);
    expect(byTag(doc, 'style')).toHaveLength(1);
    const directives = new Map(csp[0]!.attribs.content!.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe(sha256(textOf(script!)));
    expect(directives.get('style-src')).toBe(sha256(textOf(style!)));
    expect(directives.get('img-src')).toBe('data:');
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    // the policy is the first thing in <head> after the charset, before anything it governs
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    // nothing that loads: no external resource elements, no src/srcset, no style attribute the policy would refuse
    for (const tag of ['link', 'img', 'iframe', 'object', 'embed', 'base', 'svg', 'video', 'audio', 'source', 'frame']) expect(byTag(doc, tag), tag).toEqual([]);
    for (const element of all(doc, () => true)) {
      for (const name of Object.keys(element.attribs)) {
        expect(name.startsWith('on'), `${element.name} ${name}`).toBe(false);
        expect(['src', 'srcset', 'style', 'formaction', 'action', 'xlink:href'], `${element.name} ${name}`).not.toContain(name);
      }
    }
    // the script carries no data: the same bytes for any report, so the hash is fixed
    expect(textOf(byTag(parse(renderHtml(realisticReport())), 'script')[0]!)).toBe(textOf(script!));
  });

  it('shows hostile link texts, URLs, paths and details as text: no markup, no script URL as an href', () => {
    const report = hostileReport();
    const html = renderHtml(report);
    const doc = parse(html);
    const allowedTags = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'a', 'header', 'h1', 'p', 'ul', 'li', 'strong', 'section', 'h2', 'code', 'div', 'form', 'fieldset', 'legend', 'label', 'input', 'span', 'select', 'option', 'button', 'main', 'table', 'colgroup', 'col', 'thead', 'tr', 'th', 'tbody', 'td', 'script']);
    for (const element of all(doc, () => true)) expect(allowedTags, element.name).toContain(element.name);
    // every href is http(s) (or the page's own #anchor), none is a script or data URL
    const hrefs = all(doc, (element) => element.attribs.href !== undefined).map((element) => element.attribs.href!);
    expect(hrefs.length).toBeGreaterThan(50);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#)/);
    // the script URLs are still shown, as code
    const codes = byTag(doc, 'code').map(textOf);
    for (const url of SCRIPT_URLS) expect(codes).toContain(shown(url));
    // texts arrive intact as text (minus control characters), never as elements
    const texts = all(doc, (element) => hasClass(element, 'text')).map(textOf);
    expect(texts).toContain(shown(HOSTILE_TEXT));
    expect(texts).toContain(ATTRIBUTE_BREAK);
    expect(texts).toContain('</details><script>alert(1)</script>');
    expect(texts).toContain('<iframe src="https://evil.test/">');
    expect(textOf(byTag(doc, 'title')[0]!)).toBe('linkrot report');
    expect(byTag(doc, 'h2').map(textOf)).toContain('</title><script>alert(5)</script>');
    expect(html).toContain('Cannot read &lt;b&gt;it&lt;/b&gt;: EACCES');
    // credentials never reach the page, not even inside an href
    expect(html).not.toContain('s3cret');
    expect(html).not.toContain('hunter2');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    // ids are the page's own (never built from a path) and unique
    const ids = all(doc, (element) => element.attribs.id !== undefined).map((element) => element.attribs.id!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    // an URL with a quote stays inside its attribute
    const quoted = all(doc, (element) => element.attribs.href?.startsWith('https://evil.test/%22onmouseover') === true);
    expect(quoted).toHaveLength(1);
    expect(Object.keys(quoted[0]!.attribs).sort()).toEqual(['class', 'href', 'rel']);
  });

  it('opens with the counts per state and lists each post with its problem links first, every suggestion a link', () => {
    const doc = parse(renderHtml(realisticReport()));
    const counts = all(doc, (element) => hasClass(element, 'counts'))[0]!;
    expect(DomUtils.getElementsByTagName('li', counts).map(textOf)).toEqual(['4✗ Dead', '1? Suspicious', '1⊘ Blocked', '1! Unreachable', '2→ Redirected', '46✓ Alive']);
    expect(textOf(all(doc, (element) => hasClass(element, 'lead'))[0]!)).toBe('55 links (54 URLs) in 1 file · 61 requests · 3.2 s · linkrot 0.1.0');
    const list = rows(doc);
    expect(list).toHaveLength(55);
    expect(list.slice(0, 9).map((row) => row.attribs['data-state'])).toEqual(['dead', 'dead', 'dead', 'dead', 'suspicious', 'blocked', 'unreachable', 'redirected', 'redirected']);
    // within a state, in line order
    const deadLines = list.slice(0, 4).map((row) => Number(row.attribs['data-line']));
    expect(deadLines).toEqual([...deadLines].sort((a, b) => a - b));
    const plus = list.find((row) => textOf(row).includes('plus.google.com/communities'))!;
    const cells = DomUtils.getElementsByTagName('td', plus).map(textOf);
    expect(cells[0]).toBe('180');
    expect(cells[2]).toContain('✗ Dead');
    expect(cells[2]).toContain('known-dead (google-plus)');
    expect(cells[2]).toContain('Google+ was shut down for consumers in April 2019');
    expect(cells[3]).toBe('Archive copy of 2017-02-15: https://web.archive.org/web/20170215093012/https://plus.google.com/communities/112866381580457264725');
    const archive = DomUtils.getElementsByTagName('a', plus).find((a) => a.attribs.href?.startsWith('https://web.archive.org/'));
    expect(archive?.attribs.href).toBe('https://web.archive.org/web/20170215093012/https://plus.google.com/communities/112866381580457264725');
    const moved = list.find((row) => row.attribs['data-state'] === 'redirected')!;
    expect(DomUtils.getElementsByTagName('td', moved).map(textOf)[3]).toMatch(/^Moved to: https:\/\//);
    // the filter offers each state present (problems and redirects on, alive off at first) and each reason with its count
    const boxes = all(doc, (element) => element.name === 'input' && element.attribs.name === 'state');
    expect(boxes.map((box) => [box.attribs.value, box.attribs.checked !== undefined])).toEqual([
      ['dead', true], ['suspicious', true], ['blocked', true], ['unreachable', true], ['redirected', true], ['alive', false],
    ]);
    const reasons = byTag(doc, 'option').filter((option) => option.parent !== null && (option.parent as Element).attribs.name === 'reason');
    expect(reasons.map(textOf)).toContain('known-dead (1)');
    // every control has a label
    for (const control of all(doc, (element) => ['select', 'input'].includes(element.name) && element.attribs.type !== 'checkbox')) {
      expect(all(doc, (element) => element.name === 'label' && element.attribs.for === control.attribs.id)).toHaveLength(1);
    }
  });

  it('shows what the cache history knows when the model has it, and what changed since the last run', () => {
    const report = realisticReport();
    const withHistory = (link: CheckedLink, history: object): CheckedLink => ({ ...link, history }) as unknown as CheckedLink;
    // the history stage's shape: dates or null, a count, two booleans, and `news` for what this run changed
    const links = report.files[0]!.links.map((link) => {
      if (link.url === 'https://www.metamind.io/') return withHistory(link, { firstSeen: '2026-09-01T06:00:00.000Z', lastAlive: '2026-10-30T06:00:00.000Z', deadSince: '2026-11-01T06:00:00.000Z', observations: 8, confirmed: true, flapping: false, news: 'confirmed' });
      if (link.url === 'http://cs224d.stanford.edu/') return withHistory(link, { firstSeen: '2026-09-01T06:00:00.000Z', lastAlive: '2026-12-04T06:00:00.000Z', deadSince: '2026-12-05T06:00:00.000Z', observations: 9, confirmed: false, flapping: true, news: 'dead' });
      if (link.url === 'http://www0.cs.ucl.ac.uk/staff/d.silver/web/Teaching.html') return withHistory(link, { firstSeen: '2026-12-05T06:00:00.000Z', lastAlive: null, deadSince: null, observations: 1, confirmed: false, flapping: false });
      if (link.url === 'http://image-net.org/index') return withHistory(link, { firstSeen: null, lastAlive: null, deadSince: null, observations: 0, confirmed: false, flapping: false });
      if (link.state === 'alive') return withHistory(link, { firstSeen: '2026-09-01T06:00:00.000Z', lastAlive: '2026-12-05T06:00:00.000Z', deadSince: null, observations: 9, confirmed: false, flapping: false });
      return link;
    });
    const alive = links.find((link) => link.state === 'alive')!;
    links[links.indexOf(alive)] = withHistory(alive, { firstSeen: '2026-09-01', lastAlive: '2026-12-05', deadSince: null, observations: 9, confirmed: false, flapping: false, news: 'recovered' });
    const doc = parse(renderHtml({ ...report, files: [{ ...report.files[0]!, links }] }));
    const histories = all(doc, (element) => hasClass(element, 'history')).map(textOf);
    expect(histories).toContain('dead, now confirmed · dead since 2026-11-01 · seen 8 times · confirmed · last alive 2026-10-30');
    expect(histories).toContain('newly dead · dead since 2026-12-05 · seen 9 times · not confirmed yet · last alive 2026-12-04 · flapping (alternates between alive and failing)');
    expect(histories).toContain('never seen alive since 2026-12-05 · seen once');
    expect(histories).toContain('alive again');
    // an alive link without news, and a link never observed, say nothing: no empty history line either
    expect(histories).toHaveLength(4);
    const fresh = all(doc, (element) => hasClass(element, 'new'))[0]!;
    expect(textOf(DomUtils.getElementsByTagName('h2', fresh)[0]!)).toBe('New since the last run (3)');
    const items = DomUtils.getElementsByTagName('li', fresh);
    expect(items.map((item) => textOf(item).split(':')[0])).toEqual(['dead, now confirmed', 'newly dead', 'alive again']);
    // each entry points at its row, which is marked
    for (const item of items) {
      const anchor = DomUtils.getElementsByTagName('a', item)[0]!;
      expect(textOf(anchor)).toMatch(/^fixtures\/posts\/2017-03-01-learning-deep-learning\.md:\d+$/);
      const target = all(doc, (element) => element.attribs.id === anchor.attribs.href!.slice(1));
      expect(target).toHaveLength(1);
      expect(target[0]!.attribs.class).toBe('is-new');
    }

    // a history with no news: the section says nothing changed
    const quiet = links.map((link) => {
      const history = (link as { history?: object }).history;
      return history === undefined ? link : withHistory(link, { ...history, news: undefined });
    });
    const calm = parse(renderHtml({ ...report, files: [{ ...report.files[0]!, links: quiet }] }));
    expect(textOf(all(calm, (element) => hasClass(element, 'new'))[0]!)).toBe('New since the last run (0)Nothing changed since the last run.');
    // without history: no history line, no "new" section
    const plain = parse(renderHtml(report));
    expect(all(plain, (element) => hasClass(element, 'history') || hasClass(element, 'new'))).toEqual([]);
  });

  it('ignores a history field of an unexpected shape instead of failing', () => {
    const report = realisticReport();
    const links = report.files[0]!.links.map((link, index) => ({ ...link, history: [null, 'x', 3, { deadSince: 5, observations: 'many', news: 'gone', flapping: 'yes' }][index % 4] }) as unknown as CheckedLink);
    const html = renderHtml({ ...report, files: [{ ...report.files[0]!, links }] });
    const doc = parse(html);
    expect(all(doc, (element) => hasClass(element, 'history')).map(textOf).every((line) => line === '')).toBe(true);
    const markup = html.slice(0, html.indexOf('<script>'));
    expect(markup).not.toContain('NaN');
    expect(markup).not.toContain('undefined');
  });

  it('shows the run’s notices and the Save Page Now outcome, escaped, with only http(s) captures as links', () => {
    const notice = archiveUnreachableNotice('connect ECONNREFUSED <b>127.0.0.1</b>', [{ state: 'dead' }, { state: 'dead' }, { state: 'suspicious' }]);
    const report: Report = {
      ...realisticReport(),
      notices: [notice],
      // SPN2's refusal codes (`status_ext`) as its API documentation lists them; linkrot's own for a job never answered.
      savePageNow: {
        saved: [{ url: 'https://example.com/alive', capture: 'https://web.archive.org/web/20261205031500/https://example.com/alive', timestamp: '20261205031500' }],
        refused: [
          { url: 'https://example.org/busy', code: 'error:too-many-daily-captures', reason: 'This URL has been captured 10 times today.' },
          { url: SCRIPT_URLS[0]!, code: '<i>pending</i>', reason: ATTRIBUTE_BREAK },
        ],
        recent: 7,
      },
    };
    const html = renderHtml(report);
    const doc = parse(html);
    const [notes] = all(doc, (element) => hasClass(element, 'notices'));
    expect(textOf(notes!)).toBe(`Note: ${notice.message}`);
    expect(byTag(notes! as unknown as Document, 'b')).toHaveLength(0);
    expect(html).not.toContain('<b>127.0.0.1</b>');
    const [saves] = all(doc, (element) => hasClass(element, 'saves'));
    expect(textOf(all(saves! as unknown as Document, (element) => element.name === 'h2')[0]!)).toBe('Save Page Now: 1 saved, 2 refused, 7 already had a recent capture');
    const items = all(saves! as unknown as Document, (element) => element.name === 'li').map(textOf);
    expect(items).toEqual([
      'Saved https://example.com/alive → capture of 2026-12-05: https://web.archive.org/web/20261205031500/https://example.com/alive',
      'Refused https://example.org/busy: error:too-many-daily-captures This URL has been captured 10 times today.',
      `Refused ${SCRIPT_URLS[0]!}: <i>pending</i> ${ATTRIBUTE_BREAK}`,
    ]);
    const hrefs = all(saves! as unknown as Document, (element) => element.name === 'a').map((element) => element.attribs.href);
    expect(hrefs).toEqual(['https://example.com/alive', 'https://web.archive.org/web/20261205031500/https://example.com/alive', 'https://example.org/busy']);
    expect(all(saves! as unknown as Document, (element) => element.name === 'i' || element.name === 'svg')).toHaveLength(0);
    // Without either, the page has neither section (the browser baselines' report).
    const plain = parse(renderHtml(realisticReport()));
    expect(all(plain, (element) => hasClass(element, 'notices') || hasClass(element, 'saves'))).toHaveLength(0);
  });

  it('says so when there is nothing to check, and then shows every state that exists', () => {
    const empty: Report = { ...realisticReport(), files: [] };
    empty.summary = { ...empty.summary, files: 0, links: 0, dead: 0, suspicious: 0, blocked: 0, unreachable: 0, redirected: 0, alive: 0 };
    expect(renderHtml(empty)).toContain('<p>Nothing to check.</p>');
    const report = realisticReport();
    const aliveOnly = { ...report, summary: { ...report.summary, dead: 0, suspicious: 0, blocked: 0, unreachable: 0, redirected: 0 } };
    aliveOnly.files = [{ ...report.files[0]!, links: report.files[0]!.links.filter((link) => link.state === 'alive') }];
    const boxes = all(parse(renderHtml(aliveOnly)), (element) => element.name === 'input' && element.attribs.name === 'state');
    expect(boxes.map((box) => [box.attribs.value, box.attribs.checked !== undefined])).toEqual([['alive', true]]);
  });
});
