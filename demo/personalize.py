#!/usr/bin/env python3
"""The demo's second act: the same search for two users, before and after they click.

Talks to the demo node over HTTP (standard library only). Usage: personalize.py [http://127.0.0.1:9200] [en|zh]
"""
import json
import sys
import urllib.error
import urllib.request

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:9200"
LANG = sys.argv[2] if len(sys.argv) > 2 else "en"
FIELD = "description_vector"
if LANG == "zh":
    INDEX, MODEL, QUERY = "zh-items", "bge-small-zh-v1.5", "送给热爱周末生活的人的礼物"
    USERS = {"ana": ["hiking", "camping"], "ben": ["coffee", "tea"]}
else:
    INDEX, MODEL, QUERY = "items", "all-minilm-l6-v2", "a present for someone who loves their weekends"
    USERS = {"ana": ["hiking", "running"], "ben": ["coffee", "baking"]}


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(URL + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as e:
        return json.loads(e.read() or b"{}")


def search(user=None, size=6):
    body = {"size": size, "_source": ["title", "category"],
            "query": {"text_knn": {"field": FIELD, "query_text": QUERY, "k": 100, "model": MODEL}}}
    if user:
        body["rescore"] = {"window_size": 100, "interest": {
            "user_id": user, "field": FIELD, "model": MODEL, "query_weight": 0.5, "interest_weight": 0.5}}
    return [(h["_source"]["title"], h["_source"]["category"]) for h in call("POST", f"/{INDEX}/_search", body)["hits"]["hits"]]


def recommend(user, size=5):
    # the catalog has many near-twins ("GPS running watch" in several makes): MMR over interest_knn's top 50 keeps
    # its order (query_weight 1) but spreads the page over what the user clicked
    body = {"size": size, "_source": ["title", "category"],
            "query": {"interest_knn": {"field": FIELD, "user_id": user, "k": 50, "model": MODEL}},
            "rescore": {"window_size": 50, "interest": {"user_id": user, "field": FIELD, "model": MODEL,
                                                        "query_weight": 1, "interest_weight": 0,
                                                        "diversity": {"lambda": 0.7}}}}
    return [(h["_source"]["title"], h["_source"]["category"]) for h in call("POST", f"/{INDEX}/_search", body)["hits"]["hits"]]


def items_of(category, n):
    # by price, which the seeded catalog fixes: the same clicks, so the same profiles, on every run ("_doc" order
    # depends on how the pipeline's batches landed in segments)
    body = {"size": n, "_source": False, "query": {"term": {"category": category}}, "sort": ["price"]}
    return [h["_id"] for h in call("POST", f"/{INDEX}/_search", body)["hits"]["hits"]]


def show(title, rows):
    print(f"  {title}")
    for i, (name, category) in enumerate(rows, 1):
        print(f"    {i}. {name:<48} [{category}]")


for user in USERS:
    call("DELETE", f"/_plugins/_interest/users/{user}")

print(f'\nThe same search for everyone: "{QUERY}"')
show("before any click (ana and ben see the same list):", search())

events = []
for user, categories in USERS.items():
    for category in categories:
        for item in items_of(category, 3):
            events.append({"user_id": user, "type": "click", "item": {"index": INDEX, "id": item, "field": FIELD},
                           "event_id": f"demo-{user}-{item}"})
result = call("POST", "/_plugins/_interest/events", {"events": events})
if result.get("errors", True):
    sys.exit(f"posting the clicks failed: {json.dumps(result)[:500]}")
print(f"\nana clicks 6 {' and '.join(USERS['ana'])} items, ben 6 {' and '.join(USERS['ben'])} items "
      f"({len(result['items'])} events).")

print(f'\nThe same search again, personalised by the `interest` rescorer:')
for user in USERS:
    show(f"for {user}:", search(user))

print("\nRecommendations without any query text (`interest_knn`, spread by the rescorer's diversity):")
for user in USERS:
    show(f"for {user}:", recommend(user))

profile = call("GET", f"/_plugins/_interest/users/ana?include_vectors=false&model={MODEL}")
print(f"\nana's profile: {profile['event_count']} events, {len(profile['interests'])} interests, evidence of the first: "
      f"{', '.join(profile['interests'][0]['evidence'][:3])}")
