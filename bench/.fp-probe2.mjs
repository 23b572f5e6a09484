import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
const rss = () => Math.round(process.memoryUsage().rss / 1048576);
function wasmAnon() {
  let cur, best = 0;
  for (const line of fs.readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) /.exec(line);
    if (m) cur = (parseInt(m[2], 16) - parseInt(m[1], 16)) / 1048576;
    else if (line.startsWith("Anonymous:")) { const a = Number(line.split(/\s+/)[1]) / 1024; if (cur > 100 && a > best) best = a; }
  }
  return Math.round(best);
}
const extra = process.env.PARAMS ? process.env.PARAMS.split(" ").flatMap((p) => ["-c", p]) : [];
const opts = { startParams: [...PGlite.defaultStartParams, ...extra] };
if (process.env.MEM) opts.initialMemory = Number(process.env.MEM) * 1048576;
const t0 = performance.now();
const pg = new PGlite(process.env.DIR, opts);
await pg.waitReady;
const ready = Math.round(performance.now() - t0);
const r = await pg.query("select name, setting, unit from pg_settings where name in ('shared_buffers','wal_buffers','max_connections')");
console.log(`${process.env.PARAMS ?? "default"} ready=${ready}ms rss=${rss()} wasmAnonMB=${wasmAnon()} wasmSize=${pg.mod.HEAPU8.buffer.byteLength / 1048576}`, r.rows.map((x) => `${x.name}=${x.setting}`).join(" "));
await pg.close();
if (process.env.DETAIL) {
  const out = []; let cur;
  for (const line of fs.readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (m) { cur = { size: (parseInt(m[2], 16) - parseInt(m[1], 16)) / 1048576, perm: m[3], name: m[4] }; out.push(cur); }
    else if (line.startsWith("Anonymous:")) cur.anon = Number(line.split(/\s+/)[1]) / 1024;
    else if (line.startsWith("Rss:")) cur.rss = Number(line.split(/\s+/)[1]) / 1024;
  }
  const sum = (f) => out.filter(f).reduce((s, r) => s + r.anon, 0).toFixed(0);
  console.log("anon total", sum(() => true), "heap", sum((r) => r.name === "[heap]"), "rwx", sum((r) => r.perm.includes("x")), "big>=16MB", sum((r) => r.size >= 16 && r.name === ""), "file rss", out.filter((r) => r.name.startsWith("/")).reduce((s, r) => s + r.rss, 0).toFixed(0));
  console.log(out.filter((r) => r.anon > 2).sort((a, b) => b.anon - a.anon).slice(0, 14).map((r) => `${r.anon.toFixed(0)}/${r.size.toFixed(0)}${r.perm}${r.name}`).join(" "));
  console.log(process.memoryUsage());
}
