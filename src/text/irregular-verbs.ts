/**
 * Past forms of common irregular English verbs and their base forms ("told" → "tell", "laid" → "lay"), which no
 * suffix stemmer joins. A closed class of the language. Without parts of speech a form is always read as the verb
 * ("left" → "leave"), so forms more often nouns ("wound", "ground") are not in it.
 */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map(
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
