/**
 * Signs that a page answering 200 says it is missing. Matched case-insensitively, as whole words and phrases
 * (`404` never matches inside `t-01404`, `1404.5555` or `#4040`), against each segment of the page title, the
 * first heading and the opening text. One entry per language; keep phrases specific: a title that merely
 * mentions "error" is not a sign.
 */
export const SOFT_404_PHRASES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'page not found', 'not found', '404', 'file not found', 'page cannot be found', "page can't be found",
    'page could not be found', 'the page you requested', 'page does not exist', "page doesn't exist",
    'no longer available', 'content not found', 'course not found', 'article not found', 'post not found',
    'nothing found', 'this page is missing', 'page is unavailable', 'resource not found',
    'we couldn’t find that page', "we couldn't find that page", 'page missing',
  ],
  de: ['seite nicht gefunden', 'nicht gefunden', 'seite existiert nicht', 'seite wurde nicht gefunden', 'fehler 404'],
  fr: ['page non trouvée', 'page introuvable', 'page non disponible', "cette page n'existe pas", 'erreur 404', 'introuvable'],
  es: ['página no encontrada', 'no se encontró la página', 'la página no existe', 'error 404', 'no encontrado'],
  pt: ['página não encontrada', 'página não existe', 'erro 404', 'não encontrado', 'não encontrada'],
  it: ['pagina non trovata', 'la pagina non esiste', 'errore 404', 'non trovato', 'non trovata'],
  nl: ['pagina niet gevonden', 'niet gevonden'],
  pl: ['nie znaleziono strony', 'strona nie istnieje', 'nie znaleziono'],
  ru: ['страница не найдена', 'не найдено', 'ошибка 404', 'страница не существует'],
  ja: ['ページが見つかりません', 'お探しのページは見つかりませんでした', 'ページが見つかりませんでした', 'お探しのページ'],
  zh: ['页面不存在', '找不到页面', '页面未找到', '您访问的页面不存在', '頁面不存在', '找不到網頁', '找不到页面'],
  ko: ['페이지를 찾을 수 없습니다', '페이지를 찾을 수 없음'],
  tr: ['sayfa bulunamadı'],
};

/**
 * Sentences a not-found page says in its opening text (besides the phrases above). Matched as whole phrases in
 * the first few hundred characters of the page's own text (chrome left out), apostrophes made straight.
 */
export const SOFT_404_TEXT_PHRASES: readonly string[] = [
  'does not exist', "doesn't exist", 'could not be found', "couldn't be found", 'cannot be found', "can't be found",
  'was not found', 'could not find', "couldn't find", "can't find the page", 'no longer exists', 'has been removed',
  'has been deleted', 'moved or deleted', "isn't available", 'is not available', 'nothing was found', 'nothing found',
  'the page you are looking for', 'the page you were looking for', 'the page you requested', "we can't find",
  'may have been moved', 'might have been moved', 'has been moved', 'might have been removed', 'check the url',
  'mistyped', 'broken link', 'go back home', 'back to the homepage', 'return to the homepage', 'go to the homepage',
  'try searching', 'no longer here', 'nothing here', "isn't here", 'the link you followed', 'the url you entered',
  'existiert nicht', 'nicht mehr verfügbar', "n'existe pas", "n'existe plus", 'no existe', 'não existe',
  'non esiste', 'не существует', 'не найдена', 'bestaat niet', 'nie istnieje', 'mevcut değil',
];

/**
 * Sentences in which a page speaks of itself as missing ("the page you were looking for…", "this page does not
 * exist"): enough, near the top of a short page whose title is only the site's name, for the site to confirm by
 * answering a made-up address "not found" too (Blogger's "Sorry, the page you were looking for in this blog does
 * not exist."). "The file does not exist" in a question is not one.
 */
export const SOFT_404_SELF_PHRASES: readonly string[] = [
  'the page you are looking for', 'the page you were looking for', 'the page you requested', 'the page you were trying',
  'this page does not exist', "this page doesn't exist", 'page could not be found', 'page cannot be found',
  "page can't be found", 'the link you followed', 'the url you entered', 'die angeforderte seite',
  'la page que vous recherchez', 'la página que buscas', 'la pagina che stai cercando', 'страница, которую вы ищете',
];

/** The self-referring sentence must come this early in the page's own text. */
export const SELF_PHRASE_WITHIN_CHARS = 300;

/**
 * Words that may stand beside a not-found phrase in a title segment or heading without giving it a subject of its
 * own (apostrophes dropped: `cant`): "Oops! That page can't be found", "Error 404 (Not Found)!!1", "File or directory not found", "Product not
 * found" (the nouns are the things that go missing). Any other word
 * ("HTTP 404", "nginx returns 404 Not Found", "404 Lyrics") makes the phrase part of what the page is about.
 */
export const SOFT_404_FILLER_WORDS: ReadonlySet<string> = new Set([
  'error', 'oops', 'ooops', 'oopsie', 'whoops', 'sorry', 'uh', 'oh', 'ah', 'hmm', 'hm', 'ouch', 'ugh', 'aw', 'snap',
  'dang', 'yikes', 'no', 'the', 'this', 'that', 'a', 'an', 'we', 'you', 'our', 'it', 'its', 'is', 'was', 'are',
  'seems', 'looks', 'like', 'requested', 'page', 'pages', 'file', 'directory', 'or', 'resource', 'content',
  'document', 'item', 'post', 'article', 'course', 'site', 'entry', 'url', 'link', 'product', 'user', 'profile',
  'account', 'video', 'photo', 'image', 'question', 'topic', 'thread', 'story', 'blog', 'project', 'repository',
  'package', 'event', 'collection', 'not', 'found', 'here', 'there', 'be', 'cant', 'cannot', 'could', 'couldnt',
  'find', 'seem', 'to', 'what', 'looking', 'for',
  'nothing', 'missing', 'code', 'fehler', 'seite', 'die', 'ups', 'hoppla', 'leider', 'erreur', 'oups', 'la', 'le',
  'désolé', 'página', 'lo', 'sentimos', 'vaya', 'erro', 'ops', 'desculpe', 'errore', 'pagina', 'spiacenti', 'fout',
  'oeps', 'błąd', 'strona', 'ошибка', 'страница', 'упс', 'упсс', 'извините', 'hata',
]);

/**
 * A page with at least this many characters of its own text (chrome left out) is an article: a not-found phrase
 * in its title is its subject (the "HTTP 404" encyclopedia entry, MDN's "404 Not Found", a question about a 404),
 * and only the site's confirmation (a made-up address gets this same page) makes it a soft 404.
 */
export const ARTICLE_TEXT_CHARS = 1_500;

/** Path or query words in a redirect target that name an error page (`/404.html`, `/not-found`, `?error=404`). */
export const NOT_FOUND_TARGET_PATTERN = /(?:^|[/_.=-])(?:404|not[-_]?found|page[-_]?not[-_]?found|notfound|error[-_]?404|pagenotfound)(?:$|[/_.&?=-])/i;

/**
 * The last path segment (extension dropped) of a redirect target that is the site's error or removed-content page:
 * `/404`, `/404.html`, `/errors/not-found`, `/page-not-found.aspx`, imgur's `/removed.png`. A segment that merely
 * contains such a word (`/blog/fix-404-errors`) is an ordinary page.
 */
export const ERROR_PAGE_SEGMENT = /^(?:404|410|error[-_]?404|404[-_]?error|page[-_]?404|404[-_]?page|not[-_]?found|notfound|page[-_]?not[-_]?found|pagenotfound|file[-_]?not[-_]?found|content[-_]?not[-_]?found|removed|page[-_]?removed|content[-_]?removed|gone)$/i;

/** Visible text shorter than this (characters) on a 200 page is a weak soft-404 sign, to be confirmed. */
export const TINY_BODY_TEXT_CHARS = 200;
