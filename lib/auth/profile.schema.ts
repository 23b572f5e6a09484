import { z } from "zod";
import { locales } from "@/lib/i18n/locales";

export const localeSchema = z.object({ locale: z.enum(locales) });
