import { isIP } from "node:net";
import { z } from "zod";
import { parseBusinessHours } from "../business-hours/hours";

// Each variable parser carries a human description of what it accepts, so a bad value stops
// start-up with one line that names the variable and the fix.
export interface Variable<T> {
  schema: z.ZodType<T>;
  accepts: string;
  defaultValue: string | undefined;
  meaning: string;
}

function variable<T>(schema: z.ZodType<T>, accepts: string, defaultValue: string | undefined, meaning: string): Variable<T> {
  return { schema, accepts, defaultValue, meaning };
}

const numberText = z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number);

export function percent(defaultValue: number, meaning: string) {
  return variable(numberText.pipe(z.number().min(0).max(100)), "a percentage from 0 to 100", String(defaultValue), meaning);
}

export function positiveNumber(defaultValue: number, meaning: string) {
  return variable(numberText.pipe(z.number().positive()), "a number greater than 0", String(defaultValue), meaning);
}

export function positiveInteger(defaultValue: number | undefined, meaning: string, min = 1) {
  return variable(
    numberText.pipe(z.number().int().min(min)),
    `a whole number of at least ${min}`,
    defaultValue === undefined ? undefined : String(defaultValue),
    meaning,
  );
}

export function milliseconds(defaultValue: number, meaning: string, min = 100) {
  return variable(numberText.pipe(z.number().int().min(min)), `a duration in milliseconds of at least ${min}`, String(defaultValue), meaning);
}

export function flag(defaultValue: boolean, meaning: string) {
  return variable(
    z.string().trim().toLowerCase().pipe(z.enum(["true", "false", "1", "0", "yes", "no"])).transform((v) => ["true", "1", "yes"].includes(v)),
    "true or false",
    String(defaultValue),
    meaning,
  );
}

export function url(protocols: string[], meaning: string, defaultValue?: string) {
  const schema = z.string().trim().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol.replace(/:$/, ""));
    } catch {
      return false;
    }
  });
  return variable(schema, `a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")}`, defaultValue, meaning);
}

export function text(defaultValue: string | undefined, meaning: string) {
  return variable(z.string().trim().min(1), "a non-empty string", defaultValue, meaning);
}

export function email(defaultValue: string | undefined, meaning: string) {
  return variable(z.string().trim().pipe(z.email()), "an email address", defaultValue, meaning);
}

export function emailList(defaultValue: string | undefined, meaning: string) {
  return variable(
    z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)).pipe(z.array(z.email()).min(1)),
    "one or more email addresses separated by commas",
    defaultValue,
    meaning,
  );
}

export function phone(meaning: string) {
  return variable(z.string().trim().regex(/^\+[1-9]\d{6,14}$/), "a phone number in E.164 form, such as +9779800000000", undefined, meaning);
}

export function list(defaultValue: string, meaning: string) {
  return variable(
    z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)).pipe(z.array(z.string().regex(/^[\w.:-]+$/)).min(1)),
    "a comma-separated list of names (letters, digits, . _ : -)",
    defaultValue,
    meaning,
  );
}

/** Comma-separated IP addresses or CIDR ranges, e.g. 10.0.0.0/8,::1; empty by default. */
export function addressList(meaning: string) {
  return variable(
    z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)).pipe(z.array(z.string().refine(isAddressOrRange)).min(1)),
    "comma-separated IP addresses or CIDR ranges, such as 10.0.0.0/8,::1",
    undefined,
    meaning,
  );
}

function isAddressOrRange(value: string): boolean {
  const [address, prefix, ...rest] = value.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, defaultValue: T[number], meaning: string) {
  return variable(z.string().trim().pipe(z.enum(values)), `one of ${values.join(", ")}`, defaultValue, meaning);
}

export function timeZone(defaultValue: string, meaning: string) {
  const schema = z.string().trim().refine((value) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: value });
      return true;
    } catch {
      return false;
    }
  });
  return variable(schema, "an IANA time zone such as Asia/Kathmandu", defaultValue, meaning);
}

export function port(defaultValue: number, meaning: string) {
  return variable(numberText.pipe(z.number().int().min(1).max(65535)), "a port number from 1 to 65535", String(defaultValue), meaning);
}

export function secret(meaning: string, minLength = 16) {
  return variable(z.string().min(minLength), `a secret of at least ${minLength} characters`, undefined, meaning);
}

export function businessHours(defaultValue: string, meaning: string) {
  const schema = z.string().trim().transform((value, context) => {
    const parsed = parseBusinessHours(value);
    if (!parsed) context.addIssue({ code: "custom", message: "not business hours" });
    return parsed ?? z.NEVER;
  });
  return variable(schema, "days and a local time range such as Sun-Fri 08:00-20:00", defaultValue, meaning);
}
