const formats = new Map<string, Intl.DateTimeFormat>();

/** A time as people in the monitoring time zone read it: "Sat, 28 Nov 2026, 15:45 Asia/Kathmandu". */
export function formatLocalTime(at: Date | string, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formats.set(timeZone, format);
  }
  return `${format.format(new Date(at)).replace(" at ", ", ")} ${timeZone}`;
}
