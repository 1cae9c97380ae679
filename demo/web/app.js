// The demo page: text_knn search re-ranked by the interest rescorer for the chosen user; clicks post events.
const FIELD = "description_vector";
const $ = (id) => document.getElementById(id);

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
  const result = await os("POST", "/items/_search", {
    size: 10, explain, _source: ["title", "category"],
    query: { text_knn: { field: FIELD, query_text: $("q").value, k: 100 } },
    rescore: { window_size: 100, interest: { user_id: user, field: FIELD, query_weight: 0.5, interest_weight: 0.5 } },
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
    events: [{ user_id: user, type: "click", item: { index: "items", id: hit._id, field: FIELD } }],
  });
  $("status").textContent = `${user} clicked "${hit._source.title}": re-ranked for ${user}.`;
  await search();
}

$("form").addEventListener("submit", (e) => { e.preventDefault(); search(); });
$("explain").addEventListener("change", search);
$("user").addEventListener("change", search);
search();
