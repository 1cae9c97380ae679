// The demo page: text_knn search re-ranked by the interest rescorer for the chosen user; clicks post events.
// The language (window.DEMO_LANG from the server's config.js) picks the catalog, its model and the page's texts.
const FIELD = "description_vector";
const $ = (id) => document.getElementById(id);
const LANGS = {
  en: { index: "items", model: "all-minilm-l6-v2", lang: "en", query: "a present for someone who loves their weekends",
        heading: "Interest Ranking demo", user: "User", search: "Search", explain: "explain",
        intro: "Search the demo catalog as one of three users. Click a result: the click is sent as a feedback event, "
          + "the user's profile changes, and the same search is ranked again for that user.",
        clicked: (user, title) => `${user} clicked "${title}": re-ranked for ${user}.` },
  zh: { index: "zh-items", model: "bge-small-zh-v1.5", lang: "zh-CN", query: "送给热爱周末生活的人的礼物",
        heading: "兴趣排序演示", user: "用户", search: "搜索", explain: "解释",
        intro: "以三位用户之一的身份搜索演示商品。点击一个结果：点击会作为反馈事件发送，该用户的兴趣画像随之改变，"
          + "同一搜索会为该用户重新排序。",
        clicked: (user, title) => `${user} 点击了「${title}」：已为 ${user} 重新排序。` },
};
const L = LANGS[window.DEMO_LANG] || LANGS.en;
document.documentElement.lang = L.lang;
document.title = L.heading;
$("heading").textContent = L.heading;
$("intro").textContent = L.intro;
$("user-label").textContent = L.user;
$("search").textContent = L.search;
$("explain-label").textContent = L.explain;
$("q").value = L.query;

async function os(method, path, body) {
  const response = await fetch("/os" + path, {
    method, headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined,
  });
  return response.json();
}

let latest = 0; // answers to older searches (a fast user switch) are dropped, not rendered over newer ones

async function search() {
  const mine = ++latest;
  const user = $("user").value;
  const explain = $("explain").checked;
  const result = await os("POST", `/${L.index}/_search`, {
    size: 10, explain, _source: ["title", "category"],
    query: { text_knn: { field: FIELD, query_text: $("q").value, k: 100, model: L.model } },
    rescore: { window_size: 100, interest: { user_id: user, field: FIELD, model: L.model, query_weight: 0.5, interest_weight: 0.5 } },
  });
  if (mine === latest) render(result.hits ? result.hits.hits : [], explain);
}

function render(hits, explain) {
  const list = $("results");
  list.innerHTML = "";
  for (const hit of hits) {
    const li = document.createElement("li");
    li.dataset.id = hit._id;
    li.dataset.category = hit._source.category;
    li.innerHTML = `<span class="title"></span> <span class="category">[${hit._source.category}]</span>
      <span class="score">${hit._score.toFixed(3)}</span>`;
    li.querySelector(".title").textContent = hit._source.title;
    li.querySelector(".title").addEventListener("click", () => click(hit));
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
  await search();
}

$("form").addEventListener("submit", (e) => { e.preventDefault(); search(); });
$("explain").addEventListener("change", search);
$("user").addEventListener("change", search);
search();
