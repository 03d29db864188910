// Words too common to tell passages apart; kept short so that question words like "where" still count.
const STOPWORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i in is it its of on or our she that the their them they this to was we were which who will with would you your do does did what how when where why than then there these those not no so if into about after before over under up out also can could may might said says say while him me us them any some such very just'.split(' '),
);

/** Lower-cased word tokens with light stemming, for lexical matching. */
export function tokenize(text: string): string[] {
  return (normalizeNames(text).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? [])
    .map((token) => token.replace(/['’]s$/, '').replace(/['’]/g, ''))
    .filter((token) => token.length > 1 && !STOPWORDS.has(token))
    .map(stem);
}

// "US" (the country) must not become the pronoun "us"; the country's other names join it.
function normalizeNames(text: string): string {
  return text.replace(/\b(U\.S\.A?\.?|US|USA|United States|America)(?![a-z])/g, ' usa ').replace(/\bAmericans?\b/g, ' usa ');
}

// Irregular past forms of common verbs, so "told" meets "tell" and "held" meets "hold".
const IRREGULAR = new Map(
  Object.entries({
    told: 'tell', went: 'go', gone: 'go', gave: 'give', given: 'give', took: 'take', taken: 'take', made: 'make', held: 'hold',
    sent: 'send', wrote: 'write', written: 'write', met: 'meet', ran: 'run', left: 'leave', began: 'begin', begun: 'begin',
    brought: 'bring', thought: 'think', found: 'find', sold: 'sell', bought: 'buy', paid: 'pay', won: 'win', lost: 'lose',
    spoke: 'speak', spoken: 'speak', kept: 'keep', fled: 'flee', sought: 'seek', caught: 'catch', fought: 'fight', knew: 'know',
    known: 'know', saw: 'see', seen: 'see', came: 'come', became: 'become', got: 'get', gotten: 'get', led: 'lead', felt: 'feel',
    heard: 'hear', meant: 'mean', stood: 'stand', fell: 'fall', fallen: 'fall', broke: 'break', broken: 'break', chose: 'choose',
    chosen: 'choose', spent: 'spend', built: 'build', struck: 'strike', hid: 'hide', hidden: 'hide', shot: 'shoot', stole: 'steal',
    stolen: 'steal', threw: 'throw', thrown: 'throw', forgot: 'forget', dealt: 'deal', laid: 'lay', lent: 'lend', rode: 'ride',
    shook: 'shake', drove: 'drive', driven: 'drive', rose: 'rise', risen: 'rise', flew: 'fly', flown: 'fly', grew: 'grow',
    grown: 'grow', drew: 'draw', drawn: 'draw', swore: 'swear', sworn: 'swear', bore: 'bear', borne: 'bear', understood: 'understand',
    sat: 'sit', slept: 'sleep', taught: 'teach', tore: 'tear', torn: 'tear', woke: 'wake', wore: 'wear', worn: 'wear', fed: 'feed',
    froze: 'freeze', frozen: 'freeze', hung: 'hang', lit: 'light', sang: 'sing', sank: 'sink', swept: 'sweep', sprang: 'spring',
  }),
);

/** A light suffix-stripping stemmer: enough to match "arrested"/"arrest", "prisons"/"prison". */
export function stem(word: string): string {
  const base = IRREGULAR.get(word);
  if (base) return stem(base);
  if (word.length <= 4 || /^\d/.test(word)) return word;
  let root = word;
  for (const [suffix, replacement] of [['ies', 'y'], ['ied', 'y'], ['ing', ''], ['ed', ''], ['es', ''], ['s', ''], ['ly', '']] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3 && !(suffix === 's' && word.endsWith('ss'))) {
      root = word.slice(0, -suffix.length) + replacement;
      if (root.length > 3 && root.at(-1) === root.at(-2) && !/[lsz]$/.test(root)) root = root.slice(0, -1);
      break;
    }
  }
  // A final "e" goes too, so "exchange", "exchanged" and "exchanges" meet at "exchang".
  return root.length > 4 && root.endsWith('e') ? root.slice(0, -1) : root;
}
