/**
 * Signs that a page answering 200 says it is missing. Matched case-insensitively against the page title and
 * first heading after white space is collapsed. One entry per language; keep phrases specific: a title that
 * merely mentions "error" is not a sign.
 */
export const SOFT_404_PHRASES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'page not found', 'not found', '404', 'file not found', 'page cannot be found', "page can't be found",
    'page could not be found', 'the page you requested', 'page does not exist', "page doesn't exist",
    'no longer available', 'content not found', 'course not found', 'article not found', 'post not found',
    'nothing found', 'oops! that page', 'this page is missing', 'page is unavailable', 'resource not found',
    'we couldn’t find that page', "we couldn't find that page", 'sorry, we couldn', 'page missing',
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

/** Path or query words in a redirect target that name an error page (`/404.html`, `/not-found`, `?error=404`). */
export const NOT_FOUND_TARGET_PATTERN = /(?:^|[/_.=-])(?:404|not[-_]?found|page[-_]?not[-_]?found|notfound|error[-_]?404|pagenotfound)(?:$|[/_.&?=-])/i;

/** Visible text shorter than this (characters) on a 200 page is a weak soft-404 sign, to be confirmed. */
export const TINY_BODY_TEXT_CHARS = 200;
