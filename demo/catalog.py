#!/usr/bin/env python3
"""Generates the demo catalog: a few thousand outdoor, kitchen, music, ... items written by this project.

Deterministic (seeded), so every run loads the same items. Prints NDJSON for _bulk to stdout.
"""
import json
import random
import sys

TOPICS = {
    "hiking": (["waterproof hiking boots", "trekking poles", "daypack", "rain shell jacket", "merino base layer",
                "trail map of the Alps", "headlamp", "gaiters"],
               ["for long mountain days", "with a Vibram sole", "that stays dry in alpine storms",
                "for multi-day treks above the tree line", "light enough for fast summit pushes"]),
    "running": (["trail running shoes", "road racing flats", "running vest", "GPS running watch",
                 "compression socks", "marathon training plan"],
                ["with a rock plate for technical descents", "built for race day", "for ultramarathons",
                 "with responsive foam for tempo runs", "for muddy cross-country courses"]),
    "coffee": (["espresso machine", "burr coffee grinder", "pour-over kettle", "single-origin coffee beans",
                "milk frother", "cold brew jar"],
               ["for a rich crema at home", "with precise temperature control", "roasted in small batches",
                "for bright Ethiopian light roasts", "that makes cafe-quality lattes"]),
    "baking": (["sourdough starter kit", "cast iron dutch oven", "bread proofing basket", "stand mixer",
                "rye flour", "pastry cutter"],
               ["for crusty artisan loaves", "for slow overnight fermentation", "for flaky croissants",
                "that bakes an even crumb", "for weekend bread baking"]),
    "cycling": (["gravel bike", "carbon road bike frame", "cycling helmet", "bike repair stand", "clipless pedals",
                 "bikepacking frame bag"],
                ["for long gravel adventures", "that climbs fast in the mountains", "for safe city commuting",
                 "with hydraulic disc brakes", "for multi-day bikepacking routes"]),
    "jazz": (["jazz vinyl record", "tenor saxophone", "upright bass strings", "bebop songbook",
              "turntable with a built-in preamp", "big band live album"],
             ["recorded live at the Village Vanguard", "with warm analogue sound", "featuring modal improvisation",
              "from the golden age of bebop", "for late-night listening"]),
    "gardening": (["heirloom tomato seeds", "raised garden bed", "pruning shears", "organic compost",
                   "drip irrigation kit", "herb planter"],
                  ["for a productive vegetable patch", "that thrives in full sun", "for balcony container gardens",
                   "to keep soil moist in summer", "for growing basil and thyme"]),
    "astronomy": (["refracting telescope", "star chart", "astrophotography camera", "binoculars for stargazing",
                   "telescope eyepiece", "equatorial mount"],
                  ["to see the rings of Saturn", "for deep-sky galaxies and nebulae", "for dark-sky sites",
                   "with smooth sidereal tracking", "for observing the Moon's craters"]),
    "chess": (["wooden chess set", "chess clock", "book of chess openings", "endgame puzzle collection",
               "magnetic travel chess board"],
              ["for tournament play", "covering the Sicilian Defence", "to sharpen tactical vision",
               "for blitz and rapid games", "with weighted Staunton pieces"]),
    "swimming": (["swimming goggles", "wetsuit for open water", "swim fins", "pull buoy", "waterproof swim cap",
                  "kickboard"],
                 ["for open-water triathlons", "with anti-fog lenses", "for lap swimming drills",
                  "that keeps you warm in cold lakes", "to build a stronger freestyle kick"]),
}
BRANDS = ["Northpeak", "Alder & Co", "Bluefin", "Corvid", "Solstice", "Kestrel", "Larkspur", "Marlow", "Quill", "Tundra"]


def items(count, seed=42):
    rng = random.Random(seed)
    names = sorted(TOPICS)
    for i in range(count):
        topic = names[i % len(names)]
        products, features = TOPICS[topic]
        product = rng.choice(products)
        brand = rng.choice(BRANDS)
        feature = rng.choice(features)
        yield {
            "id": f"item-{i:05d}",
            "title": f"{brand} {product}",
            "description": f"{brand} {product} {feature}.",
            "category": topic,
            "price": round(rng.uniform(5, 500), 2),
        }


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    index = sys.argv[2] if len(sys.argv) > 2 else "items"
    for item in items(count):
        doc_id = item.pop("id")
        print(json.dumps({"index": {"_index": index, "_id": doc_id}}))
        print(json.dumps(item))


if __name__ == "__main__":
    main()
