// The GSM 03.38 default alphabet an SMS segment of 160 characters is written in; the characters of
// its extension table take two places each. Anything else turns the message into UCS-2 (70 per segment).
const BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENDED = "^{}\\[~]|€\f";

export const SMS_SEGMENT_CHARS = 160;

/** Places the text takes in GSM-7, or null when it has a character outside the alphabet. */
export function gsm7Length(text: string): number | null {
  let length = 0;
  for (const char of text) {
    if (BASIC.includes(char)) length += 1;
    else if (EXTENDED.includes(char)) length += 2;
    else return null;
  }
  return length;
}

/** The text with every character outside GSM-7 replaced ("…" by "...", others by "?"), so it stays one alphabet. */
export function toGsm7(text: string): string {
  return Array.from(text, (char) => (gsm7Length(char) !== null ? char : char === "…" ? "..." : "?")).join("");
}
