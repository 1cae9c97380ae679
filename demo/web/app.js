// The demo page: text_knn search re-ranked by the interest rescorer for the chosen user; clicks post events.
// The language (window.DEMO_LANG from the server's config.js) picks the catalog, its model and the page's texts.
const FIELD = "description_vector";
const $ = (id) => document.getElementById(id);
const LANGS = {
  en: { index: "items", model: "all-minilm-l6-v2", lang: "en", query: "a present for someone who loves their weekends",
        heading: "Interest Ranking demo", user: "User", search: "Search", explain: "explain",
        intro: "Search the demo catalog as one of three users. Click a result: the click is sent as a feedback event, "
          + "the user's profile changes, and the same search is ranked again for that user.",
        clicked: (user, title) => `${user} clicked "${title}": re-ranked for ${user}.`,
        diversity: "diversity", exploration: "exploration", profile: "Profile of", interests: "Interests",
        shortTerm: "This session", negative: "Not interested in", none: "no clicks yet",
        before: "Before the last click", now: "Now", because: (t) => `because you clicked “${t}”` },
  zh: { index: "zh-items", model: "bge-small-zh-v1.5", lang: "zh-CN", query: "送给热爱周末生活的人的礼物",
        heading: "兴趣排序演示", user: "用户", search: "搜索", explain: "解释",
        intro: "以三位用户之一的身份搜索演示商品。点击一个结果：点击会作为反馈事件发送，该用户的兴趣画像随之改变，"
          + "同一搜索会为该用户重新排序。",
        clicked: (user, title) => `${user} 点击了「${title}」：已为 ${user} 重新排序。`,
        diversity: "多样性", exploration: "探索", profile: "兴趣画像：", interests: "长期兴趣",
        shortTerm: "本次会话", negative: "不感兴趣", none: "还没有点击",
        before: "上次点击之前", now: "现在", because: (t) => `因为你点击了「${t}」` },
};
const L = LANGS[window.DEMO_LANG] || LANGS.en;
document.documentElement.lang = L.lang;
document.title = L.heading;
$("heading").textContent = L.heading;
$("intro").textContent = L.intro;
$("user-label").textContent = L.user;
$("search").textContent = L.search;
$("explain-label").textContent = L.explain;
$("diversity-label").textContent = L.diversity;
$("exploration-label").textContent = L.exploration;
$("before-heading").textContent = L.before;
$("now-heading").textContent = L.now;
$("q").value = L.query;

async function os(method, path, body) {
  const response = await fetch("/os" + path, {
    method, headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined,
  });
  return response.json();
}

let latest = 0; // answers to older searches (a fast user switch) are dropped, not rendered over newer ones

let profile = null; // the chosen user's profile (with vectors), for the panel and the "because you clicked" lines
const titles = new Map(); // item key ("index/id") → title, for the evidence

async function search() {
  const mine = ++latest;
  const user = $("user").value;
  const explain = $("explain").checked;
  const interest = { user_id: user, field: FIELD, model: L.model, query_weight: 0.5, interest_weight: 0.5 };
  if ($("diversity").checked) interest.diversity = { lambda: 0.7 };
  if ($("exploration").checked) interest.exploration = { weight: 0.05, seed: user };
  const [result, read] = await Promise.all([
    os("POST", `/${L.index}/_search`, {
      size: 10, explain, _source: ["title", "category", FIELD],
      query: { text_knn: { field: FIELD, query_text: $("q").value, k: 100, model: L.model } },
      rescore: { window_size: 100, interest },
    }),
    os("GET", `/_plugins/_interest/users/${encodeURIComponent(user)}?model=${L.model}`),
  ]);
  if (mine !== latest) return;
  profile = read && read.interests ? read : null;
  await renderProfile(user);
  if (mine === latest) render(result.hits ? result.hits.hits : [], explain);
}

const dot = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);

/** The clicked item behind a result: the first evidence of the interest nearest to it. */
function because(hit) {
  if (!profile || !hit._source[FIELD]) return null;
  let best = null;
  for (const i of profile.interests) {
    const c = dot(i.vector, hit._source[FIELD]);
    if (i.evidence.length && (!best || c > best.c)) best = { c, key: i.evidence[i.evidence.length - 1] };
  }
  return best && best.c > 0.5 ? titles.get(best.key) || best.key : null;
}

async function renderProfile(user) {
  const keys = [];
  const parts = profile ? [...profile.interests, profile.short_term, profile.negative].filter(Boolean) : [];
  for (const p of parts) for (const k of p.evidence) if (!titles.has(k) && k.includes("/")) keys.push(k);
  if (keys.length) {
    const docs = keys.map((k) => ({ _index: k.slice(0, k.indexOf("/")), _id: k.slice(k.indexOf("/") + 1), _source: ["title"] }));
    const got = await os("POST", "/_mget", { docs });
    for (const d of got.docs || []) if (d.found) titles.set(`${d._index}/${d._id}`, d._source.title);
  }
  const panel = $("profile");
  panel.innerHTML = "";
  const h = document.createElement("h2");
  h.textContent = `${L.profile} ${user}`;
  panel.appendChild(h);
  const section = (label, items) => {
    const div = document.createElement("div");
    div.className = "part";
    const b = document.createElement("b");
    b.textContent = label;
    div.appendChild(b);
    for (const it of items) {
      const line = document.createElement("div");
      line.className = "interest";
      line.dataset.weight = it.weight_now.toFixed(3);
      line.textContent = `${it.weight_now.toFixed(2)} · ${it.evidence.slice(-3).map((k) => titles.get(k) || k).join(", ")}`;
      div.appendChild(line);
    }
    panel.appendChild(div);
  };
  if (!profile) {
    const p = document.createElement("p");
    p.textContent = L.none;
    panel.appendChild(p);
  } else {
    section(L.interests, profile.interests);
    if (profile.short_term) section(L.shortTerm, [profile.short_term]);
    if (profile.negative) section(L.negative, [profile.negative]);
  }
  panel.dataset.version = String(Number(panel.dataset.version || 0) + 1);
}

function render(hits, explain) {
  const list = $("results");
  // the ranking shown until now becomes "before the last click"
  if (list.dataset.user === $("user").value && list.dataset.clicked === "1") {
    $("before").innerHTML = list.innerHTML;
    list.dataset.clicked = "0";
  } else if (list.dataset.user !== $("user").value) {
    $("before").innerHTML = "";
  }
  list.dataset.user = $("user").value;
  list.innerHTML = "";
  for (const hit of hits) {
    const li = document.createElement("li");
    li.dataset.id = hit._id;
    li.dataset.category = hit._source.category;
    li.innerHTML = `<span class="title"></span> <span class="category">[${hit._source.category}]</span>
      <span class="score">${hit._score.toFixed(3)}</span>`;
    li.querySelector(".title").textContent = hit._source.title;
    li.querySelector(".title").addEventListener("click", () => click(hit));
    const reason = because(hit);
    if (reason) {
      const why = document.createElement("div");
      why.className = "because";
      why.textContent = L.because(reason);
      li.appendChild(why);
    }
    if (explain && hit._explanation) {
      const parts = (hit._explanation.details || []).map((d) => `${d.description}: ${d.value.toFixed(3)}`);
      const div = document.createElement("div");
      div.className = "explain";
      div.textContent = parts.length ? parts.join(" + ") : hit._explanation.description;
      li.appendChild(div);
    }
    list.appendChild(li);
  }
  list.dataset.version = String(Number(list.dataset.version) + 1);
}

async function click(hit) {
  const user = $("user").value;
  await os("POST", "/_plugins/_interest/events", {
    events: [{ user_id: user, type: "click", item: { index: L.index, id: hit._id, field: FIELD } }],
  });
  $("status").textContent = L.clicked(user, hit._source.title);
  $("results").dataset.clicked = "1";
  await search();
}

$("form").addEventListener("submit", (e) => { e.preventDefault(); search(); });
$("explain").addEventListener("change", search);
$("user").addEventListener("change", search);
$("diversity").addEventListener("change", search);
$("exploration").addEventListener("change", search);
search();
