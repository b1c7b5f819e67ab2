// Numbers and nouns inside an alert's sentence.

/** 87.456 → "87.5", 312 → "312". */
export function format(value: number): string {
  return String(Number(value.toFixed(1)));
}

export function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
