/** Hosts of domain-parking and domain-sale services: a link that ends up there shows adverts or a sale offer. */
export const PARKING_HOSTS: readonly string[] = [
  'sedoparking.com', 'sedo.com', 'parkingcrew.net', 'bodis.com', 'above.com', 'dan.com', 'afternic.com',
  'hugedomains.com', 'buydomains.com', 'undeveloped.com', 'domainmarket.com', 'parklogic.com',
  'domainnamesales.com', 'brandbucket.com', 'squadhelp.com', 'atom.com', 'efty.com', 'uni.domains',
  'parkingpage.namecheap.com', 'searchvity.com', 'domainlore.com', 'dsultra.com', 'smartname.com',
  'trafficz.com', 'voodoo.com', 'internettraffic.com', 'domainsponsor.com', 'rookmedia.net', 'fabulous.com',
];

/** Scripts and assets that parking landers load (matched in the HTML source). */
export const PARKING_SOURCE_SIGNS: readonly RegExp[] = [
  /img\.sedoparking\.com/i,
  /parkingcrew\.net/i,
  /\bbodis\.com\b/i,
  /www\.google\.com\/adsense\/domains\/caf\.js/i,
  /\bwindow\.park\s*=/i,
  /\/lander\b[^"']*\.js/i,
  /\blocation(?:\.href)?\s*=\s*["']\/lander["']/i,
  /parking\.(?:godaddy|namecheap|dynadot)\./i,
  /\bdomain-parking\b/i,
];

/**
 * A cheap first pass over the HTML source: every source sign contains one of these words. Most pages contain
 * none, and one scan for four words costs far less than eight case-insensitive scans of every page.
 */
export const PARKING_SOURCE_KEYWORDS = /park|bodis|lander|adsense/i;

/** A cheap first pass over the text: every text sign contains one of these words. */
export const PARKED_TEXT_KEYWORDS = /domain|dominio|domínio|домен|ドメイン|域名|parked|for sale/i;

/** Phrases that parking and sale pages show (matched in the visible text and title). */
export const PARKED_TEXT_SIGNS: readonly RegExp[] = [
  /\bthis domain (?:name )?(?:is|may be) for sale\b/i,
  /\bthe domain (?:name )?[\w.-]+ (?:is|may be) for sale\b/i,
  /\b[\w-]+\.[a-z]{2,12} (?:is|may be) for sale\b/i,
  /\bbuy this domain\b/i,
  /\bthis domain is parked\b/i,
  /\bparked free,? courtesy of\b/i,
  /\bthis web ?page is parked\b/i,
  /\bdomain (?:name )?is available for (?:purchase|sale)\b/i,
  /\binquire about this domain\b/i,
  /\b(?:get|own) this domain\b/i,
  /\bthis domain (?:name )?(?:was recently registered|is registered|has been registered) (?:at|with|via|by)\b/i,
  /\bdomain (?:name )?parked by\b/i,
  // Only as the title ("Domain reserved", "STRATO - Domain reserved"): a post may mention a reserved domain.
  /^(?:[\w.-]+ [-|–] )?domain (?:name )?reserved\b/i,
  /\bmake an offer on this domain\b/i,
  /\bdiese domain (?:steht zum verkauf|kaufen|ist geparkt)\b/i,
  /\bce (?:nom de )?domaine est à vendre\b/i,
  /\beste dominio (?:está|esta) a la venta\b/i,
  /\beste domínio (?:está|esta) à venda\b/i,
  /\bquesto dominio è in vendita\b/i,
  /\bдомен продается\b/i,
  /このドメインは(?:販売中|売り物)/,
  /该域名(?:正在)?出售/,
];
