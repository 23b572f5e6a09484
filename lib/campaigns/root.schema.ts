import { z } from "zod";
import { versionField } from "@/lib/admin/common.schema";
import { isHttpUrl } from "./campaign.schema";

// Root configuration («ROOT»): publishing platforms, outgoing mail, default time zone.

const baseUrl = z
  .string()
  .trim()
  .min(1, "common.requiredField")
  .max(300, "campaigns.errors.tooLong")
  .refine(isHttpUrl, "campaigns.errors.url")
  // Adapters append paths themselves ("/2/…", "/v26.0/…").
  .transform((v) => v.replace(/\/+$/, ""));

export const platformSchema = z.object({
  name: z.string().trim().min(1, "common.requiredField").max(100, "campaigns.errors.tooLong"),
  twitterBaseUrl: baseUrl,
  facebookBaseUrl: baseUrl,
});
export type PlatformInput = z.input<typeof platformSchema>;
export const platformUpdateSchema = platformSchema.extend({ id: z.number().int().positive(), version: versionField });

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

/** IANA zones this engine knows (`Intl.supportedValuesOf` omits "UTC", valid too). */
export function timeZones(): string[] {
  return [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
}

const HOST = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export const rootSettingsSchema = z.object({
  smtpHost: z
    .string()
    .trim()
    .max(253, "campaigns.errors.tooLong")
    .refine((v) => v === "" || HOST.test(v), "campaigns.errors.host")
    .default(""),
  smtpPort: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "campaigns.errors.port" })
      .int("campaigns.errors.port")
      .min(1, "campaigns.errors.port")
      .max(65_535, "campaigns.errors.port"),
  ),
  smtpUser: z.string().trim().max(200, "campaigns.errors.tooLong").default(""),
  /** Empty keeps the stored password; anything else replaces it. */
  smtpPassword: z.string().max(500, "campaigns.errors.tooLong").default(""),
  smtpFrom: z
    .string()
    .trim()
    .max(200, "campaigns.errors.tooLong")
    .refine((v) => v === "" || z.email().safeParse(v).success, "campaigns.errors.email")
    .default(""),
  smtpTls: z.boolean().default(true),
  defaultTimeZone: z.string().trim().refine(isTimeZone, "campaigns.errors.timeZone"),
  version: versionField,
});
export type RootSettingsInput = z.input<typeof rootSettingsSchema>;
