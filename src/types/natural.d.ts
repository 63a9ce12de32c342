// Deep-path import only: the package root pulls in database clients, reads ./.env and prints to stdout.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
