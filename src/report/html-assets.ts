/**
 * The HTML report's one style sheet and one script. Both are constant (the report's data lives in the markup, never
 * in the script), so their SHA-256 hashes are fixed and the page's Content-Security-Policy can allow exactly these
 * two and nothing else: no other script, no style attribute, no load from anywhere.
 */
import { createHash } from 'node:crypto';

export const HTML_STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa;
  --link: #0550ae; --focus: #0969da; --dead: #b3261e; --suspicious: #8a5300; --blocked: #8e2a8e; --unreachable: #8a5300;
  --redirected: #0b6e7a; --alive: #1a7f37; --skipped: #57606a; --new: #fff1c2; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9aa5b1; --line: #30363d; --panel: #161b22; --link: #6cb6ff;
    --focus: #79c0ff; --dead: #ff8b82; --suspicious: #e3b341; --blocked: #e09ae0; --unreachable: #e3b341;
    --redirected: #5fd1de; --alive: #56d364; --skipped: #9aa5b1; --new: #3b2e00; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; }
code, .url { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.86em; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: 0.5rem; }
.skip:focus { left: 0.5rem; }
header, .controls, main { max-width: 76rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 1rem 0 0.25rem; }
.lead { margin: 0 0 0.75rem; color: var(--muted); }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 0.75rem; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: 0.3rem 0.7rem; background: var(--panel); }
.counts strong { font-size: 1.2rem; margin-right: 0.3rem; }
.new, .saves { border: 1px solid var(--line); border-radius: 6px; background: var(--new); padding: 0.5rem 0.9rem; margin-bottom: 0.75rem; }
.new h2, .saves h2 { font-size: 1rem; margin: 0 0 0.25rem; }
.new ul, .saves ul { margin: 0; padding-left: 1.2rem; }
.saves { background: var(--panel); }
.errors { border-left: 4px solid var(--dead); padding-left: 0.75rem; }
.notices { border-left: 4px solid var(--suspicious); padding-left: 0.75rem; margin-bottom: 0.75rem; }
.controls form { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: end; border: 1px solid var(--line);
  border-radius: 6px; background: var(--panel); padding: 0.6rem 0.9rem; margin: 0 0 0.5rem; }
fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.15rem 0.8rem; }
legend, .field > label { display: block; font-weight: 600; font-size: 0.85rem; margin-bottom: 0.15rem; padding: 0; }
fieldset label { white-space: nowrap; }
input[type="search"], select, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line);
  border-radius: 6px; padding: 0.25rem 0.5rem; }
input[type="search"] { width: 16rem; }
button { cursor: pointer; }
#status { margin: 0 0 0.5rem; color: var(--muted); }
.post { margin: 0 0 1.25rem; content-visibility: auto; contain-intrinsic-size: auto 30rem; }
.post h2 { font-size: 1.1rem; margin: 0.75rem 0 0.1rem; overflow-wrap: anywhere; }
.post .meta { margin: 0 0 0.35rem; color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; border-top: 1px solid var(--line); padding: 0.35rem 0.5rem; overflow-wrap: anywhere; }
th { font-size: 0.8rem; color: var(--muted); font-weight: 600; }
.c-line { width: 4rem; } .c-link { width: 34%; } .c-verdict { width: 30%; }
td.line { font-variant-numeric: tabular-nums; color: var(--muted); }
.text { display: block; font-weight: 600; }
.text.none { font-weight: 400; font-style: italic; color: var(--muted); }
.state { font-weight: 700; }
.state-dead { color: var(--dead); } .state-suspicious { color: var(--suspicious); } .state-blocked { color: var(--blocked); }
.state-unreachable { color: var(--unreachable); } .state-redirected { color: var(--redirected); }
.state-alive { color: var(--alive); } .state-skipped { color: var(--skipped); }
.detail, .history { display: block; }
.history { color: var(--muted); font-size: 0.9rem; }
.suggestions { margin: 0; padding: 0; list-style: none; }
.suggestions li + li { margin-top: 0.25rem; }
.kind { font-weight: 600; }
.note { display: block; color: var(--muted); font-size: 0.9rem; }
tr.is-new td { background: var(--new); }
`;

/** Filters, search and sort over the rows the page already holds; it reads data-* attributes and never writes markup. */
export const HTML_SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var main = document.getElementById('posts');
  var statusLine = document.getElementById('status');
  var empty = document.getElementById('empty');
  var slice = function (list) { return Array.prototype.slice.call(list); };
  // read once: a keystroke then walks plain arrays and touches only the rows whose visibility changes
  var posts = slice(main.querySelectorAll('section.post')).map(function (element) {
    return {
      element: element,
      error: element.dataset.error === 'true',
      rows: slice(element.querySelectorAll('tr[data-state]')).map(function (row) {
        return { element: row, state: row.dataset.state, reason: row.dataset.reason, search: row.dataset.search };
      })
    };
  });
  var total = posts.reduce(function (sum, post) { return sum + post.rows.length; }, 0);
  var collator = new Intl.Collator([], { numeric: true });
  var byIndex = function (a, b) { return Number(a.dataset.index) - Number(b.dataset.index); };
  var POST_ORDER = {
    problems: function (a, b) { return Number(b.dataset.problems) - Number(a.dataset.problems) || byIndex(a, b); },
    path: function (a, b) { return collator.compare(a.dataset.path, b.dataset.path); },
    newest: function (a, b) { return collator.compare(b.dataset.date, a.dataset.date) || byIndex(a, b); },
    oldest: function (a, b) { return collator.compare(a.dataset.date || '9', b.dataset.date || '9') || byIndex(a, b); }
  };
  var LINK_ORDER = {
    worst: function (a, b) { return Number(a.dataset.rank) - Number(b.dataset.rank) || Number(a.dataset.line) - Number(b.dataset.line); },
    line: function (a, b) { return Number(a.dataset.line) - Number(b.dataset.line) || Number(a.dataset.rank) - Number(b.dataset.rank); }
  };
  // the order the page was written in
  var applied = { sort: 'problems', order: 'worst' };

  function show(element, visible) {
    if (element.hidden === visible) element.hidden = !visible;
  }

  function filter() {
    var states = {};
    slice(form.querySelectorAll('input[name="state"]')).forEach(function (box) { states[box.value] = box.checked; });
    var reason = form.elements.namedItem('reason').value;
    var query = form.elements.namedItem('q').value.trim().toLowerCase();
    var shown = 0;
    var postsShown = 0;
    posts.forEach(function (post) {
      var any = false;
      post.rows.forEach(function (row) {
        var match = states[row.state] === true && (reason === '' || row.reason === reason) && (query === '' || row.search.indexOf(query) !== -1);
        show(row.element, match);
        if (match) { shown += 1; any = true; }
      });
      var visible = any || (post.error && reason === '' && query === '');
      show(post.element, visible);
      if (visible) postsShown += 1;
    });
    statusLine.textContent = 'Showing ' + shown + ' of ' + total + ' links in ' + postsShown + (postsShown === 1 ? ' post.' : ' posts.');
    show(empty, postsShown === 0);
  }

  function sort() {
    var wanted = { sort: form.elements.namedItem('sort').value, order: form.elements.namedItem('order').value };
    if (wanted.sort !== applied.sort && POST_ORDER[wanted.sort]) {
      var sorted = document.createDocumentFragment();
      posts.map(function (post) { return post.element; }).sort(POST_ORDER[wanted.sort]).forEach(function (element) { sorted.appendChild(element); });
      main.insertBefore(sorted, empty);
      applied.sort = wanted.sort;
    }
    if (wanted.order !== applied.order && LINK_ORDER[wanted.order]) {
      slice(main.querySelectorAll('tbody')).forEach(function (body) {
        var rows = document.createDocumentFragment();
        slice(body.children).sort(LINK_ORDER[wanted.order]).forEach(function (row) { rows.appendChild(row); });
        body.appendChild(rows);
      });
      applied.order = wanted.order;
    }
  }

  function update(event) {
    if (event && event.target && (event.target.name === 'sort' || event.target.name === 'order')) sort();
    else filter();
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('reset', function () { setTimeout(function () { sort(); filter(); }, 0); });
  form.hidden = false;
  // a reload may bring back the reader's last choices
  sort();
  filter();
})();
`;

/** `'sha256-…'` of an inline element's text, as a CSP source expression. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Nothing but the page's own style and script: no other script, no style attribute, no fetch, frame, font, form
 * target or base URL, and images only as `data:` (the page uses none today).
 */
export const HTML_CSP = [
  "default-src 'none'",
  `script-src ${cspHash(HTML_SCRIPT)}`,
  `style-src ${cspHash(HTML_STYLE)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
