// Figures whose facts live in tables other branches add (callbacks: workspace; appointments:
// agenda). Each is one query function, so wiring it at merge changes this file only; until then
// they answer zero with `available: false`, and the page says "not available yet".
import type { Db } from "@/db/client";
import type { ReportRange } from "./range";
import type { ReportScope } from "./scope";

export interface CallbackFigures {
  available: boolean;
  /** Callbacks done by their time (the conversation was offered again and answered). */
  made: number;
  /** Callbacks whose time passed without anyone taking them. */
  missed: number;
}

export interface AppointmentFigures {
  available: boolean;
  booked: number;
}

/** The arguments every pending figure will filter on, as the other figures of the report do. */
export type FigureArgs = [db: Db, campaignId: number, range: ReportRange, scope: ReportScope];

export async function callbackFigures(...args: FigureArgs): Promise<CallbackFigures> {
  void args;
  return { available: false, made: 0, missed: 0 };
}

export async function appointmentFigures(...args: FigureArgs): Promise<AppointmentFigures> {
  void args;
  return { available: false, booked: 0 };
}
