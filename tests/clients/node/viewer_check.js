// Opens actorgraph's HTML viewer in headless Chromium from file:// and checks
// it as a reader would use it; tests/clients.rs runs it.
//
//   node viewer_check.js PLAN.json
//
// PLAN: {"page": path, "screenshot": path, "actors": n, "links": m,
//        "search": [{"text": alias, "id": expected id}, …]?,
//        "route": {"from": id, "to": id, "ids": [ids of `actorgraph path`]}?,
//        "click_link": bool, "date_slider": bool, "hostile": bool, "pan": bool,
//        "attributes": bool, "communities": bool}
//
// With "attributes", a copy of the page whose links carry a backbone `alpha`
// and a `rule` (as the graph will once the model has them) checks that the
// link panel lists them and that the significance filter appears and works.
//
// Fails (exit 1, with a message) on any console error, page error, dialog or
// network request, and on any check that does not hold. Prints what it
// measured as `measure NAME VALUE` lines and `ok` at the end.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const plan = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const CHROMIUM = process.env.ACTORGRAPH_CHROMIUM || "/usr/bin/chromium";
const problems = [];
const DEADLINE_S = Number(process.env.ACTORGRAPH_VIEWER_DEADLINE || 300);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function measure(name, value) {
  console.log(`measure ${name} ${value}`);
}

/** The page's data, read from the file as the page reads it. */
function pageData(file) {
  const html = fs.readFileSync(file, "utf8");
  const open = '<script type="application/json" id="actorgraph-data">';
  const start = html.indexOf(open) + open.length;
  return JSON.parse(html.slice(start, html.indexOf("</script>", start)));
}

function day(date, end) {
  if (date.length === 4) return date + (end ? "-12-31" : "-01-01");
  if (date.length === 7) return date + (end ? "-31" : "-01");
  return date;
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "actorgraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    await run(context);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function run(context) {
  const url = "file://" + path.resolve(plan.page);
  // Every request but the page itself is refused and reported.
  await context.route("**/*", (route) => {
    if (route.request().url() === url) return route.continue();
    problems.push(`network request: ${route.request().url()}`);
    return route.abort();
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  page.on("request", (r) => r.url() !== url && problems.push(`request: ${r.url()}`));

  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.actorgraph && window.actorgraph.ready, null, { timeout: 120000 });
  measure("ready_ms", Date.now() - t0);
  measure("script_ms", Math.round(await page.evaluate(() => actorgraph.loadMs)));
  measure("file_bytes", fs.statSync(plan.page).size);

  const data = pageData(plan.page);
  const counts = await page.evaluate(() => ({
    webgl: actorgraph.webgl,
    order: actorgraph.graph.order,
    size: actorgraph.graph.size,
    actors: Number(document.getElementById("status").dataset.actors),
    links: Number(document.getElementById("status").dataset.links),
    painted: actorgraph.paintedPixels(),
  }));
  check(counts.webgl, "WebGL is missing: the graph was not drawn");
  check(counts.order === plan.actors && counts.actors === plan.actors, `actors: page ${counts.order}, shown ${counts.actors}, expected ${plan.actors}`);
  check(counts.size === plan.links && counts.links === plan.links, `links: page ${counts.size}, shown ${counts.links}, expected ${plan.links}`);
  check(counts.painted > 500, `WebGL drew only ${counts.painted} pixels`);
  measure("painted_pixels", counts.painted);
  await page.screenshot({ path: plan.screenshot });

  // The page folds a typed name as the command line folded the actors' names.
  const unmatched = await page.evaluate(() => {
    const { data, normalizeName } = actorgraph;
    const wrong = [];
    data.nodes.id.forEach((id, v) => {
      for (const text of [data.nodes.label[v], ...data.nodes.aliases[v].map(([t]) => t)]) {
        const key = normalizeName(text);
        if (key && !data.nodes.keys[v].includes(key)) wrong.push([text, key, data.nodes.keys[v]]);
      }
    });
    return wrong;
  });
  check(unmatched.length === 0, `names folded unlike the command line: ${JSON.stringify(unmatched.slice(0, 5))}`);

  if (plan.pan) await pan(page);
  for (const query of plan.search || []) await search(page, query);
  if (plan.route) await route(page, plan.route);
  if (plan.click_link) await clickLink(page, data);
  if (plan.date_slider) await dateSlider(page, data);
  if (plan.hostile) await hostile(page, data);
  if (plan.communities) await communities(page, data);
  if (plan.attributes) await attributes(context, data);
  await page.waitForTimeout(100);
  check(problems.length === 0, problems.join("\n"));
  console.log("ok");
}

/** Pans and zooms with the camera for 1.5 s and reports the frame rate. */
async function pan(page) {
  const frames = await page.evaluate(async () => {
    const camera = actorgraph.sigma.getCamera();
    const gaps = [];
    let last = performance.now();
    let running = true;
    const tick = (now) => {
      gaps.push(now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    await camera.animate({ x: 0.3, y: 0.35, ratio: 0.4 }, { duration: 700 });
    await camera.animate({ x: 0.6, y: 0.6, ratio: 1 }, { duration: 800 });
    running = false;
    return gaps;
  });
  const total = frames.reduce((a, b) => a + b, 0);
  measure("pan_frames", frames.length);
  measure("pan_fps", (frames.length / (total / 1000)).toFixed(1));
  measure("pan_longest_frame_ms", Math.round(Math.max(...frames)));
  await page.evaluate(() => actorgraph.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
}

/** Types an alias, takes the first result, and checks who is selected. */
async function search(page, { text, id }) {
  await page.fill("#search", text);
  await page.press("#search", "Enter");
  const chosen = await page.evaluate(() => {
    const v = actorgraph.state.node;
    return v === null ? null : { id: actorgraph.data.nodes.id[v], label: actorgraph.data.nodes.label[v], title: document.getElementById("details-title").textContent };
  });
  check(chosen && chosen.id === id, `search "${text}" selected ${JSON.stringify(chosen)}, expected ${id}`);
  check(chosen.title === chosen.label, `the panel shows "${chosen.title}", not the label "${chosen.label}"`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: plan.screenshot.replace(/\.png$/, "-search.png") });
  await page.click("#details-close");
}

/** Asks for a route and compares it with `actorgraph path`'s. */
async function route(page, { from, to, ids }) {
  await page.fill("#route-from", from);
  await page.fill("#route-to", to);
  await page.click("#route-go");
  const shown = await page.evaluate(() => {
    const r = actorgraph.state.route;
    return r && r.nodes.map((v) => actorgraph.data.nodes.id[v]);
  });
  check(JSON.stringify(shown) === JSON.stringify(ids), `route ${JSON.stringify(shown)}, but actorgraph path says ${JSON.stringify(ids)}`);
  const listed = await page.$$eval("#route-steps > li", (items) => items.length);
  check(listed === ids.length, `the route lists ${listed} actors, expected ${ids.length}`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: plan.screenshot.replace(/\.png$/, "-route.png") });
  await page.click("#route-clear");
}

/** Clicks the middle of a link on the canvas and reads its evidence in the panel. */
async function clickLink(page, data) {
  await page.evaluate(() => actorgraph.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
  await page.waitForTimeout(100);
  // The longest on-screen link that is alone between its actors, has
  // evidence, and whose middle is clear of every actor.
  const target = await page.evaluate(() => {
    const { data, sigma, linkMidpoint } = actorgraph;
    const e = data.edges;
    const pairs = new Map();
    for (let i = 0; i < e.source.length; i++) {
      const key = Math.min(e.source[i], e.target[i]) + "," + Math.max(e.source[i], e.target[i]);
      pairs.set(key, (pairs.get(key) || 0) + 1);
    }
    const box = document.getElementById("graph").getBoundingClientRect();
    const screen = data.nodes.id.map((id) => {
      const p = sigma.framedGraphToViewport(sigma.getNodeDisplayData(id));
      return { x: box.left + p.x, y: box.top + p.y };
    });
    let best = null;
    for (let i = 0; i < e.source.length; i++) {
      const key = Math.min(e.source[i], e.target[i]) + "," + Math.max(e.source[i], e.target[i]);
      if (pairs.get(key) !== 1 || !e.evidence[i].length || e.source[i] === e.target[i]) continue;
      const a = screen[e.source[i]];
      const b = screen[e.target[i]];
      const length = Math.hypot(a.x - b.x, a.y - b.y);
      const mid = linkMidpoint(i);
      const inside = mid.x > box.left + 10 && mid.x < box.right - 10 && mid.y > box.top + 10 && mid.y < box.bottom - 10;
      const clear = screen.every((p) => Math.hypot(p.x - mid.x, p.y - mid.y) > 25);
      // Nor on another link crossing there: the click would be ambiguous.
      const alone = () =>
        e.source.every((s, j) => {
          if (j === i || s === e.target[j]) return true;
          const [p, q] = [screen[s], screen[e.target[j]]];
          const dx = q.x - p.x;
          const dy = q.y - p.y;
          const t = Math.max(0, Math.min(1, ((mid.x - p.x) * dx + (mid.y - p.y) * dy) / (dx * dx + dy * dy || 1)));
          return Math.hypot(p.x + t * dx - mid.x, p.y + t * dy - mid.y) > 8;
        });
      if (inside && clear && alone() && (!best || length > best.length)) best = { i, length, mid };
    }
    return best;
  });
  check(target, "no link can be clicked clear of the actors");
  // Where a reader's pointer would be: on whole pixels.
  const [x, y] = [Math.round(target.mid.x), Math.round(target.mid.y)];
  await page.mouse.move(x - 5, y - 5);
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
  await page.waitForTimeout(200);
  const selected = await page.evaluate(() => actorgraph.state.edge);
  check(selected === target.i, `clicked link ${target.i} at (${target.mid.x}, ${target.mid.y}), selected ${selected}`);
  const [doc, , snippet] = data.edges.evidence[target.i][0];
  const quotes = await page.$$eval("#evidence blockquote", (b) => b.map((q) => q.textContent));
  const sources = await page.$$eval("#evidence .source", (s) => s.map((q) => q.textContent));
  check(quotes[0] === snippet, `the panel shows ${JSON.stringify(quotes[0])}, expected ${JSON.stringify(snippet)}`);
  check(sources[0].startsWith(data.documents[doc].id), `the evidence names ${JSON.stringify(sources[0])}, expected ${data.documents[doc].id}`);
  await page.screenshot({ path: plan.screenshot.replace(/\.png$/, "-link.png") });
  await page.click("#details-close");
}

/** Moves the end of the date range back and checks which links stay. */
async function dateSlider(page, data) {
  const e = data.edges;
  // As `actorgraph path --until` reads a span: no first date is open towards the past.
  const from = e.first.map((f) => (f ? day(f, false) : null));
  const to = e.last.map((l) => (l ? day(l, true) : null));
  const dates = [...new Set([...from, ...to].filter(Boolean))].sort();
  check(dates.length > 2, "too few dates to move the slider");
  // The end date that hides some dated links and keeps some.
  let index = Math.floor(dates.length / 2);
  const hiddenAt = (k) => from.filter((f) => f !== null && f > dates[k]).length;
  while (index > 0 && hiddenAt(index) === 0) index--;
  check(hiddenAt(index) > 0, "no end date hides a link");
  await page.$eval(
    "#date-to",
    (input, k) => {
      input.value = String(k);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
    index,
  );
  const end = dates[index];
  check((await page.textContent("#date-to-value")) === end, "the slider's label shows its date");
  const shown = await page.evaluate((n) => Array.from({ length: n }, (_, i) => actorgraph.isLinkShown(i)), e.source.length);
  const drawn = await page.evaluate((n) => Array.from({ length: n }, (_, i) => !actorgraph.sigma.getEdgeDisplayData("e" + i).hidden), e.source.length);
  let hidden = 0;
  for (let i = 0; i < e.source.length; i++) {
    const expected = from[i] === null || from[i] <= end;
    check(shown[i] === expected, `link ${i} (${from[i]}–${to[i]}) is ${shown[i] ? "shown" : "hidden"} with the range ending ${end}`);
    check(drawn[i] === expected, `link ${i} is ${drawn[i] ? "drawn" : "not drawn"} with the range ending ${end}`);
    if (!expected) hidden++;
  }
  const status = Number(await page.$eval("#status", (s) => s.dataset.links));
  check(status === e.source.length - hidden, `status says ${status} links, expected ${e.source.length - hidden}`);
  measure("date_slider_hidden_links", hidden);
  await page.screenshot({ path: plan.screenshot.replace(/\.png$/, "-dates.png") });
  await page.click("#reset");
}

/** Colours by Louvain community: the same communities on every open, a legend for them. */
async function communities(page, data) {
  await page.check("input[name=colour][value=community]");
  const first = await page.evaluate(() => {
    const seen = new Set();
    for (const id of actorgraph.data.nodes.id) seen.add(actorgraph.sigma.getNodeDisplayData(id).color);
    return { colours: seen.size, legend: document.querySelectorAll("#legend li").length };
  });
  check(first.colours > 1 && first.legend > 1, `communities: ${first.colours} colours, ${first.legend} legend lines`);
  measure("communities_colours", first.colours);
  await page.screenshot({ path: plan.screenshot.replace(/\.png$/, "-communities.png") });
  await page.check("input[name=colour][value=type]");
  const byType = await page.evaluate(() => actorgraph.sigma.getNodeDisplayData(actorgraph.data.nodes.id[0]).color);
  check(byType === data.actor_types[data.nodes.type[0]].colour, `colour by type gives ${byType}`);
}

/** Links that carry further attributes: listed in the panel, `alpha` filtered. */
async function attributes(context, data) {
  const m = data.edges.source.length;
  data.edges.attributes.alpha = Array.from({ length: m }, (_, i) => (i % 4 === 3 ? null : (i + 1) / m));
  data.edges.attributes.rule = Array.from({ length: m }, (_, i) => `rule-${i}`);
  const html = fs.readFileSync(plan.page, "utf8");
  const open = '<script type="application/json" id="actorgraph-data">';
  const start = html.indexOf(open) + open.length;
  const json = JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  const copy = plan.page.replace(/\.html$/, "-attributes.html");
  fs.writeFileSync(copy, html.slice(0, start) + json + html.slice(html.indexOf("</script>", start)));
  const url = "file://" + path.resolve(copy);
  await context.unroute("**/*");
  await context.route("**/*", (route) => {
    if (route.request().url() === url) return route.continue();
    problems.push(`network request: ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (msg) => msg.type() === "error" && problems.push(`console error: ${msg.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.actorgraph && window.actorgraph.ready, null, { timeout: 120000 });
  check(await page.isVisible("#alpha"), "the significance filter is hidden although links carry alpha");
  const index = await page.$eval("#alpha", (input) => {
    input.value = "3"; // alpha at most 0.1
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return 3;
  });
  check((await page.textContent("#alpha-value")) === "0.1", "the filter's label shows 0.1");
  const shown = await page.evaluate((n) => Array.from({ length: n }, (_, i) => actorgraph.isLinkShown(i)), m);
  for (let i = 0; i < m; i++) {
    const alpha = data.edges.attributes.alpha[i];
    check(shown[i] === (alpha === null || alpha <= 0.1), `link ${i} with alpha ${alpha} is ${shown[i] ? "shown" : "hidden"} at alpha <= 0.1 (step ${index})`);
  }
  await page.evaluate(() => actorgraph.selectEdge(0));
  const rows = await page.$$eval("#details-body dl.facts dt", (dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
  const listed = Object.fromEntries(rows);
  check(listed.rule === "rule-0" && listed.alpha !== undefined, `the link panel lists ${JSON.stringify(rows)}`);
  await page.close();
}

/** Every name, alias and snippet shows as written, and nothing ran. */
async function hostile(page, data) {
  const result = await page.evaluate(() => {
    const { data, selectNode, selectEdge } = actorgraph;
    const wrong = [];
    for (let v = 0; v < data.nodes.id.length; v++) {
      selectNode(v);
      const title = document.getElementById("details-title").textContent;
      if (title !== data.nodes.label[v]) wrong.push(["label", data.nodes.label[v], title]);
      const aliases = [...document.querySelectorAll(".aliases .alias")].map((a) => a.textContent);
      const expected = data.nodes.aliases[v].map(([text]) => text);
      if (JSON.stringify(aliases) !== JSON.stringify(expected)) wrong.push(["aliases", expected, aliases]);
    }
    for (let i = 0; i < data.edges.source.length; i++) {
      selectEdge(i);
      const quotes = [...document.querySelectorAll("#evidence blockquote")].map((q) => q.textContent);
      const expected = data.edges.evidence[i].map(([, , snippet]) => snippet);
      if (JSON.stringify(quotes) !== JSON.stringify(expected)) wrong.push(["evidence", expected, quotes]);
    }
    return {
      wrong,
      pwned: window.__pwned || null,
      scripts: document.scripts.length,
      images: document.images.length,
      handlers: [...document.querySelectorAll("*")].filter((n) => [...n.attributes].some((a) => a.name.startsWith("on"))).length,
    };
  });
  check(result.wrong.length === 0, `text not shown as written: ${JSON.stringify(result.wrong)}`);
  check(result.pwned === null, `a name ran as script: window.__pwned = ${result.pwned}`);
  check(result.scripts === 3, `${result.scripts} script elements, expected the data and the two scripts`);
  check(result.images === 0 && result.handlers === 0, `markup from the data: ${result.images} images, ${result.handlers} handlers`);
  // Search finds a hostile name by what a reader would type.
  await page.fill("#search", data.nodes.label[0]);
  const first = await page.$eval("#search-results li[data-index]", (li) => Number(li.dataset.index)).catch(() => null);
  check(first === 0, `searching the label of actor 0 found ${first}`);
  await page.screenshot({ path: plan.screenshot.replace(/\.png$/, "-hostile.png") });
}

// No check may hang: a page that never answers fails the run.
const deadline = setTimeout(() => {
  console.error(`viewer_check: no answer after ${DEADLINE_S} s`);
  process.exit(1);
}, DEADLINE_S * 1000);
deadline.unref();

main().catch((error) => {
  console.error(String(error && error.stack ? error.stack : error));
  if (problems.length) console.error(problems.join("\n"));
  process.exit(1);
});
