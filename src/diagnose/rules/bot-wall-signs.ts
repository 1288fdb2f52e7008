/** Body signs of an anti-bot challenge or interstitial (Cloudflare, DataDome, PerimeterX, Imperva, Akamai…). */
export const CHALLENGE_BODY_SIGNS: readonly RegExp[] = [
  /<title>\s*just a moment\.\.\.\s*<\/title>/i,
  /cf-browser-verification|challenge-platform|cf_chl_opt|cf-challenge/i,
  /attention required!\s*\|\s*cloudflare/i,
  /checking your browser before accessing/i,
  /enable javascript and cookies to continue/i,
  /ddos protection by/i,
  /captcha-delivery\.com|datadome/i,
  /px-captcha|perimeterx/i,
  /incapsula incident id|_incapsula_resource/i,
  /pardon our interruption/i,
  /access denied[\s\S]{0,200}reference #\d/i,
  /are you a robot|verify you are (?:a )?human|please verify you are human/i,
  /g-recaptcha|h-captcha|hcaptcha\.com|turnstile/i,
];

/** Response header signs of a bot wall: name → pattern its value must match. */
export const CHALLENGE_HEADER_SIGNS: Readonly<Record<string, RegExp>> = {
  'cf-mitigated': /./,
  server: /^(?:cloudflare|akamaighost|ddos-guard|sucuri\/cloudproxy|imperva)$/i,
  'x-datadome': /./,
  'x-amzn-waf-action': /./,
  'x-sucuri-id': /./,
  'x-iinfo': /./,
};

/** Path patterns of sign-in pages: a deep link that ends there is behind a login wall. */
export const LOGIN_PATH_PATTERN = /(?:^|\/)(?:login|log-in|signin|sign-in|sign_in|users\/sign_in|accounts\/login|servicelogin|auth\/login|session\/new|authwall)(?:$|[/.?])/i;

/** Hosts that only serve sign-in pages. */
export const LOGIN_HOSTS: readonly string[] = ['accounts.google.com', 'login.microsoftonline.com', 'login.live.com', 'login.yahoo.com'];
