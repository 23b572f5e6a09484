import { PGlite } from "@electric-sql/pglite";
const init = process.env.INIT ? process.env.INIT.split(" ").flatMap((p) => ["-c", p]) : undefined;
const t0 = performance.now();
const pg = new PGlite({ startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"], initDbStartParams: init, debug: process.env.DBG ? 1 : undefined });
await pg.waitReady;
const r = await pg.query("select name, setting from pg_settings where name in ('shared_buffers','max_connections')");
console.log(`init=${process.env.INIT ?? "-"} ready=${Math.round(performance.now() - t0)}ms rss=${Math.round(process.memoryUsage().rss / 1048576)} ext=${Math.round(process.memoryUsage().external / 1048576)}`, JSON.stringify(r.rows));
await pg.close();
