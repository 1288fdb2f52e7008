/** Query parameters that only track a visit: removing them never changes the page. */
export const TRACKING_PARAMS: readonly string[] = [
  '__hstc', '__hssc', '__hsfp', '_hsenc', '_hsmi', 'hsctatracking', 'fbclid', 'gclid', 'gclsrc', 'dclid',
  'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'mc_cid', 'mc_eid', 'igshid', 'mkt_tok', '_ga', '_gl',
  'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv', 'wickedid', 'rb_clickid', 's_cid', 'ref_src', 'ref_url',
  'spm', 'sc_cid', 'cmpid', 'trk', 'trkcampaign',
];

/** Query parameter prefixes that only track (`utm_source`, `utm_medium`, …). */
export const TRACKING_PARAM_PREFIXES: readonly string[] = ['utm_', 'pk_', 'mtm_', 'hsa_'];

/** Tracking parameters that only one site uses: host suffix → parameter names. */
export const SITE_TRACKING_PARAMS: Readonly<Record<string, readonly string[]>> = {
  'quora.com': ['srid', 'share'],
  'youtube.com': ['feature', 'si', 'pp'],
  'youtu.be': ['feature', 'si'],
  'amazon.com': ['ref_', 'pf_rd_p', 'pf_rd_r', 'pd_rd_w', 'pd_rd_r', 'pd_rd_wg', 'psc', 'linkcode', 'tag'],
  'linkedin.com': ['trk', 'trackingid', 'lipi'],
  'medium.com': ['source'],
  'nytimes.com': ['smid', 'smtyp', 'partner', 'emc', 'module', 'pgtype', 'action', 'region', 'contentcollection'],
};

/** Mobile hosts → canonical host. A pattern `*.m.wikipedia.org` maps `en.m.wikipedia.org` to `en.wikipedia.org`. */
export const MOBILE_HOSTS: Readonly<Record<string, string>> = {
  'm.youtube.com': 'www.youtube.com',
  'm.facebook.com': 'www.facebook.com',
  'm.imdb.com': 'www.imdb.com',
  'mobile.nytimes.com': 'www.nytimes.com',
  'm.huffpost.com': 'www.huffpost.com',
  'm.reddit.com': 'www.reddit.com',
  'i.reddit.com': 'www.reddit.com',
  'm.signalvnoise.com': 'signalvnoise.com',
  'mobile.reuters.com': 'www.reuters.com',
  'm.aliexpress.com': 'www.aliexpress.com',
  'm.ebay.com': 'www.ebay.com',
};

/** Wikimedia projects whose `<lang>.m.<project>` hosts are mobile views. */
export const MOBILE_WIKI_PROJECTS: readonly string[] = [
  'wikipedia.org', 'wiktionary.org', 'wikibooks.org', 'wikiquote.org', 'wikisource.org', 'wikivoyage.org',
  'wikinews.org', 'wikiversity.org', 'wikimedia.org', 'mediawiki.org', 'wikidata.org',
];
