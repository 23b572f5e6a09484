import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
const rss = () => Math.round(process.memoryUsage().rss / 1048576);
function regions() {
  const out = [];
  let cur;
  for (const line of fs.readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (m) { cur = { range: m[1], size: (parseInt(m[2], 16) - parseInt(m[1], 16)) / 1048576, name: m[3] }; out.push(cur); }
    else if (line.startsWith("Anonymous:")) cur.anon = Number(line.split(/\s+/)[1]) / 1024;
  }
  return out.filter((r) => r.anon > 4).sort((a, b) => b.anon - a.anon).map((r) => `${r.anon.toFixed(0)}/${r.size.toFixed(0)}MB ${r.name}`).join(", ");
}
console.log("start rss", rss());
const opts = process.env.OPTS ? JSON.parse(process.env.OPTS) : {};
const t0 = performance.now();
const pg = new PGlite(process.env.DIR, opts);
await pg.waitReady;
console.log("ready ms", Math.round(performance.now() - t0), "rss", rss(), process.memoryUsage());
console.log(regions());
const mod = pg.mod;
console.log("wasm memory MB", mod?.HEAP8?.buffer?.byteLength / 1048576, mod?.wasmMemory?.buffer?.byteLength / 1048576);
const r = await pg.query("select name, setting, unit from pg_settings where name in ('shared_buffers','wal_buffers','work_mem','maintenance_work_mem','max_connections')");
console.log(r.rows.map((x) => `${x.name}=${x.setting}${x.unit ?? ""}`).join(" "));
global.gc?.();
await new Promise((r) => setTimeout(r, 3000));
console.log("after 3s rss", rss(), process.memoryUsage());
console.log(regions());
