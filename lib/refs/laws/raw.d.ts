// The law table is imported as text (Vite's `?raw`; in plain Node, scripts/raw-loader.ts).
declare module '*.tsv?raw' {
  const text: string;
  export default text;
}
