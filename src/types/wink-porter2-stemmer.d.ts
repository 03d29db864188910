// wink-porter2-stemmer ships no type declarations: it exports one function from a word to its Porter2 stem.
declare module 'wink-porter2-stemmer' {
  export default function stem(word: string): string;
}
